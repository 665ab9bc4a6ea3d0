/*
 * test_cache.c - the parse cache (govmap_parse_cache, registry.h) through
 * the session API: a registry loaded with the cache, from a fresh parse
 * or from cached blobs, is the registry loaded without it (every field,
 * position, resolved reference and diagnostic), under its own label;
 * a changed file is parsed again and an unchanged one is not (the
 * cache's counters); two registries loaded with one cache do not share
 * what validation writes.  Public headers only.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/schema.h"
#include "govmap/session.h"
#include "suites.h"

#define SRC                                                                \
	"sources:\n  - url: https://example.org/x\n    title: X\n"         \
	"    accessed: 2024-06-01\n"

static const char manifest[] = "schema: 1\nname: cache\n";
static const char voters[] =
	"kind: body\nid: voters\nname: Voters\ntype: electorate\n"
	"region: uk\n" SRC;
static const char council[] =
	"kind: body\nid: council\nname: Council\ntype: local-authority\n"
	"region: uk/x\ncodes:\n  ons: E06000001\n" SRC
	"money:\n  - year: 2024\n    gbp: 1000000\n    kind: budget\n"
	"    source: https://example.org/x\n    notes: a note\n"
	"---\n"
	"kind: link\nid: council-elected-by-voters\nfrom: council\n"
	"to: voters\ntype: elected-by\nbasis: statute\n"
	"powers: [inform, question, sanction]\n" SRC;
static const char board[] =
	"kind: board\nid: council-board\nname: Board\ntype: committee\n"
	"of: council\nseats:\n  - role: councillor\n    count: 3\n"
	"    elected_by: voters\n    voting: true\n"
	"  - role: lay member\n    appointed_by: council\n"
	"    approved_by: council\n    vacant: 1\n    count: 2\n"
	"decides:\n  - budget\n" SRC
	"suppress:\n  - rule: core/vacant-seat\n    reason: being filled\n";
static const char contract[] =
	"kind: contract\nid: council-contract\nname: A contract\n"
	"commissioner: council\nprovider: nobody\nvalue_gbp: 12000\n"
	"services:\n  - nursing\nmony: 3\nvalid: {from: 2021-02-30}\n" SRC;
static const char broken[] = "kind: body\nid: broken\nname: [unclosed\n";

/* Compare two registries as loaded under the labels la and lb: every
 * entity's fields as text, positions (file after the label) and
 * resolved references. */
static void same_registry(const govmap_registry *a, const char *la,
			  const govmap_registry *b, const char *lb)
{
	size_t n = govmap_registry_count(a);
	ck_assert_uint_eq(govmap_registry_count(b), n);
	ck_assert_uint_eq(govmap_registry_nfiles(a), govmap_registry_nfiles(b));
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *x = govmap_registry_at(a, i);
		const govmap_entity *y = govmap_registry_at(b, i);
		govmap_field_info f[64];
		size_t nf = govmap_schema_fields(x->kind, f, 64);
		ck_assert_int_eq(x->kind, y->kind);
		for (size_t k = 0; k < nf && k < 64; k++) {
			char **va, **vb;
			size_t na, nb;
			int ra = govmap_entity_field(&va, &na, x, f[k].key);
			int rb = govmap_entity_field(&vb, &nb, y, f[k].key);
			ck_assert_int_eq(ra, rb);
			if (ra != GOVMAP_OK)
				continue;
			ck_assert_uint_eq(na, nb);
			for (size_t j = 0; j < na; j++)
				ck_assert_str_eq(va[j], vb[j]);
			govmap_strings_free(va, na);
			govmap_strings_free(vb, nb);
		}
		const govmap_pos *pa[] = {&x->pos, &x->id_pos, &x->type_pos,
					  &x->of.pos, &x->to.pos,
					  &x->provider.pos};
		const govmap_pos *pb[] = {&y->pos, &y->id_pos, &y->type_pos,
					  &y->of.pos, &y->to.pos,
					  &y->provider.pos};
		for (size_t k = 0; k < 6; k++) {
			ck_assert_uint_eq(pa[k]->line, pb[k]->line);
			ck_assert_uint_eq(pa[k]->col, pb[k]->col);
			if (!pa[k]->file) {
				ck_assert_ptr_null(pb[k]->file);
				continue;
			}
			ck_assert_ptr_nonnull(pb[k]->file);
			ck_assert_int_eq(strncmp(pa[k]->file, la, strlen(la)), 0);
			ck_assert_int_eq(strncmp(pb[k]->file, lb, strlen(lb)), 0);
			ck_assert_str_eq(pa[k]->file + strlen(la),
					 pb[k]->file + strlen(lb));
		}
		ck_assert_int_eq(x->of.target, y->of.target);
		ck_assert_int_eq(x->from.target, y->from.target);
		ck_assert_int_eq(x->to.target, y->to.target);
		ck_assert_int_eq(x->commissioner.target, y->commissioner.target);
		ck_assert_int_eq(x->provider.target, y->provider.target);
		ck_assert_uint_eq(x->nseats, y->nseats);
		for (size_t k = 0; k < x->nseats; k++) {
			ck_assert_int_eq(x->seats[k].by.target,
					 y->seats[k].by.target);
			ck_assert_int_eq(x->seats[k].approved_by.target,
					 y->seats[k].approved_by.target);
			ck_assert_uint_eq(x->seats[k].pos.line,
					  y->seats[k].pos.line);
			ck_assert_str_eq(x->seats[k].pos.file + strlen(la),
					 y->seats[k].pos.file + strlen(lb));
		}
		ck_assert_uint_eq(x->nmoney, y->nmoney);
		for (size_t k = 0; k < x->nmoney; k++) {
			ck_assert_uint_eq(x->money[k].pos.line,
					  y->money[k].pos.line);
			/* still one of the entity's own sources */
			ck_assert_ptr_eq(y->money[k].source, y->sources[0].url);
		}
	}
}

/* msg with every "LA/" read as "LB/" (a message may name a file, as an
 * unknown reference names the file that stopped loading), malloc'd. */
static char *relabel(const char *msg, const char *la, const char *lb)
{
	size_t n = strlen(msg), na = strlen(la), nb = strlen(lb);
	char *out = malloc(n * (nb + 2) + 1), *o = out;
	ck_assert_ptr_nonnull(out);
	for (const char *p = msg; *p;) {
		if (strncmp(p, la, na) == 0 && p[na] == '/') {
			memcpy(o, lb, nb);
			o += nb;
			p += na;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

static void same_diags(const govmap_diags *a, const char *la,
		       const govmap_diags *b, const char *lb)
{
	ck_assert_uint_eq(a->n, b->n);
	for (int s = 0; s < 3; s++)
		ck_assert_uint_eq(a->count[s], b->count[s]);
	for (size_t i = 0; i < a->n; i++) {
		const govmap_diag *x = &a->v[i], *y = &b->v[i];
		ck_assert_str_eq(x->code, y->code);
		char *xm = relabel(x->msg, la, lb);
		ck_assert_str_eq(xm, y->msg);
		free(xm);
		ck_assert_uint_eq(x->line, y->line);
		ck_assert_uint_eq(x->col, y->col);
		if (x->file)
			ck_assert_str_eq(x->file + strlen(la),
					 y->file + strlen(lb));
		/* the id a reference error names, the key a bad date is in:
		 * a cached parse keeps them */
		ck_assert(!x->ref == !y->ref);
		if (x->ref)
			ck_assert_str_eq(x->ref, y->ref);
		ck_assert(!x->key == !y->key);
		if (x->key)
			ck_assert_str_eq(x->key, y->key);
	}
}

static govmap_session *open_with(const govmap_mem_file *f, size_t n,
				 const char *label, govmap_parse_cache *c)
{
	govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
	o.source = GOVMAP_SOURCE_MEMORY;
	o.files = f;
	o.nfiles = n;
	o.label = label;
	o.stage = GOVMAP_STAGE_LOAD;
	o.cache = c;
	govmap_session *s = NULL;
	govmap_session_open(&s, &o);
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(govmap_session_registry(s));
	return s;
}

#define FILE_(p, t) {p, t, sizeof t - 1}

START_TEST(cache_gives_a_fresh_parse)
{
	govmap_mem_file f[] = {
		FILE_("govmap.yaml", manifest), FILE_("a/voters.yaml", voters),
		FILE_("b/council.yaml", council), FILE_("c/board.yaml", board),
		FILE_("d/contract.yaml", contract),
		FILE_("e/broken.yaml", broken),
	};
	govmap_parse_cache *c;
	govmap_cache_stats st;
	ck_assert_int_eq(govmap_parse_cache_new(&c), GOVMAP_OK);
	govmap_session *fresh = open_with(f, 6, "mem", NULL);
	govmap_session *first = open_with(f, 6, "one", c);
	govmap_parse_cache_stats(c, &st);
	ck_assert_uint_eq(st.parses, 5); /* every file but the manifest */
	ck_assert_uint_eq(st.hits, 0);
	govmap_session *again = open_with(f, 6, "HEAD~2:reg", c);
	govmap_parse_cache_stats(c, &st);
	ck_assert_uint_eq(st.parses, 5);
	ck_assert_uint_eq(st.hits, 5);
	ck_assert_uint_eq(st.blobs, 5);

	const govmap_diags *d0 = govmap_session_diags(fresh);
	/* the data has errors to compare: an unknown key, an unknown
	 * reference (its `ref`), a date that is not one (its `key`), a
	 * YAML syntax error */
	ck_assert_uint_ge(d0->count[GOVMAP_SEV_ERROR], 4);
	size_t refs = 0, keys = 0;
	for (size_t i = 0; i < d0->n; i++) {
		refs += d0->v[i].ref && strcmp(d0->v[i].ref, "nobody") == 0;
		keys += d0->v[i].key &&
			strcmp(d0->v[i].key, "valid.from") == 0;
	}
	ck_assert_uint_eq(refs, 1);
	ck_assert_uint_eq(keys, 1);
	same_registry(govmap_session_registry(fresh), "mem",
		      govmap_session_registry(first), "one");
	same_registry(govmap_session_registry(fresh), "mem",
		      govmap_session_registry(again), "HEAD~2:reg");
	same_diags(d0, "mem", govmap_session_diags(first), "one");
	same_diags(d0, "mem", govmap_session_diags(again), "HEAD~2:reg");
	govmap_session_free(fresh);
	govmap_session_free(first);
	govmap_session_free(again);
	govmap_parse_cache_free(c);
}
END_TEST

START_TEST(cache_parses_changed_files_only)
{
	static const char council2[] =
		"kind: body\nid: council\nname: Council, renamed\n"
		"type: local-authority\nregion: uk/x\n" SRC;
	static const char early[] =
		"kind: body\nid: aaa\nname: First\ntype: electorate\n"
		"region: uk\n" SRC;
	govmap_mem_file f[] = {
		FILE_("govmap.yaml", manifest), FILE_("a/voters.yaml", voters),
		FILE_("b/council.yaml", council), FILE_("c/board.yaml", board),
	};
	govmap_parse_cache *c;
	govmap_cache_stats st;
	ck_assert_int_eq(govmap_parse_cache_new(&c), GOVMAP_OK);
	govmap_session *one = open_with(f, 4, "one", c);
	/* the council's file changes; a new file sorts first, so every
	 * index moves by one in the second registry */
	govmap_mem_file g[] = {
		FILE_("govmap.yaml", manifest), FILE_("0/aaa.yaml", early),
		FILE_("a/voters.yaml", voters), FILE_("b/council.yaml", council2),
		FILE_("c/board.yaml", board),
	};
	govmap_session *two = open_with(g, 5, "two", c);
	govmap_parse_cache_stats(c, &st);
	ck_assert_uint_eq(st.parses, 3 + 2); /* aaa and the new council */
	ck_assert_uint_eq(st.hits, 2);       /* voters and the board */
	const govmap_registry *r1 = govmap_session_registry(one);
	const govmap_registry *r2 = govmap_session_registry(two);
	ck_assert_str_eq(govmap_registry_find(r2, "council")->name,
			 "Council, renamed");
	ck_assert_str_eq(govmap_registry_find(r1, "council")->name,
			 "Council");
	/* each registry's references resolve into itself */
	const govmap_entity *b1 = govmap_registry_find(r1, "council-board");
	const govmap_entity *b2 = govmap_registry_find(r2, "council-board");
	ck_assert_int_eq(b1->of.target, govmap_registry_index(r1, "council"));
	ck_assert_int_eq(b2->of.target, govmap_registry_index(r2, "council"));
	ck_assert_int_ne(b1->of.target, b2->of.target);
	ck_assert_int_eq(b1->seats[0].by.target,
			 govmap_registry_index(r1, "voters"));
	ck_assert_int_eq(b2->seats[0].by.target,
			 govmap_registry_index(r2, "voters"));
	ck_assert_str_eq(b1->pos.file, "one/c/board.yaml");
	ck_assert_str_eq(b2->pos.file, "two/c/board.yaml");
	ck_assert_str_eq(b2->seats[1].approved_by.pos.file,
			 "two/c/board.yaml");
	ck_assert_ptr_ne(b1->seats, b2->seats);
	ck_assert_str_eq(b2->decides[0], "budget");
	govmap_session_free(one);
	/* the second registry outlives the first */
	ck_assert_str_eq(govmap_registry_find(r2, "voters")->id_pos.file,
			 "two/a/voters.yaml");
	govmap_session_free(two);
	govmap_parse_cache_free(c);
}
END_TEST

/* A load through the cache starts on one thread and calls the others in
 * only after HELP_AFTER files are parsed (registry.c, load_files): the
 * result is the same as a load without a cache, whether the parses come
 * first (a first load), in the middle (forty changed files) or hardly
 * at all (one), with two threads allowed. */
START_TEST(cache_threads_join_when_parsing)
{
	enum { N = 300 };
	static char text[N][200], path[N][32];
	govmap_mem_file f[N + 1] = {FILE_("govmap.yaml", manifest)};
	for (int i = 0; i < N; i++) {
		snprintf(path[i], sizeof path[i], "f/%03d.yaml", i);
		snprintf(text[i], sizeof text[i],
			 "kind: body\nid: body-%03d\nname: Body %d\n"
			 "type: charity\nregion: uk\n" SRC, i, i);
		f[i + 1] = (govmap_mem_file){path[i], text[i], strlen(text[i])};
	}
	setenv("GOVMAP_THREADS", "2", 1);
	govmap_parse_cache *c;
	govmap_cache_stats st;
	ck_assert_int_eq(govmap_parse_cache_new(&c), GOVMAP_OK);
	/* 0: every file parsed; 1: forty changed in the middle; 2: one */
	const int changed[3][2] = {{0, 0}, {100, 140}, {299, 300}};
	size_t parses = 0;
	for (int round = 0; round < 3; round++) {
		for (int i = changed[round][0]; i < changed[round][1]; i++) {
			snprintf(text[i], sizeof text[i],
				 "kind: body\nid: body-%03d\nname: Body %d, "
				 "round %d\ntype: charity\nregion: uk\n" SRC,
				 i, i, round);
			f[i + 1].len = strlen(text[i]);
		}
		parses += round ? (size_t)(changed[round][1] -
					   changed[round][0])
				: N;
		govmap_session *fresh = open_with(f, N + 1, "mem", NULL);
		govmap_session *cached = open_with(f, N + 1, "mem", c);
		govmap_parse_cache_stats(c, &st);
		ck_assert_uint_eq(st.parses, parses);
		ck_assert_uint_eq(govmap_registry_count(
					  govmap_session_registry(cached)),
				  N);
		same_registry(govmap_session_registry(fresh), "mem",
			      govmap_session_registry(cached), "mem");
		same_diags(govmap_session_diags(fresh), "mem",
			   govmap_session_diags(cached), "mem");
		govmap_session_free(fresh);
		govmap_session_free(cached);
	}
	ck_assert_uint_eq(st.hits, (N - 40) + (N - 1));
	unsetenv("GOVMAP_THREADS");
	govmap_parse_cache_free(c);
}
END_TEST

/* Count the diagnostics with `code` in a session. */
static size_t count_code(govmap_session *s, const char *code)
{
	const govmap_diags *d = govmap_session_diags(s);
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += strcmp(d->v[i].code, code) == 0;
	return n;
}

/* The look-alike check's memo (a walk's commits mostly keep every id and
 * name): a registry whose ids and names are among those of the last
 * clean one is clean, but one that adds a look-alike (with as many
 * entities as before, or more) is checked again, and a registry with a
 * look-alike warns every time it is loaded.  Loads 8 and 11 are made of
 * files all in the cache, one of them holding a look-alike that was never
 * in a clean registry: a cache that stamped that file's entry as known
 * clean (parse_cache.c, conf_stamp) would let them pass. */
START_TEST(cache_confusables_memo)
{
	static const char council_lookalike[] =
		"kind: body\nid: counci1\nname: Other\ntype: local-authority\n"
		"region: uk/x\n" SRC;
	static const char council_noname[] =
		"kind: body\nid: council\ntype: local-authority\n"
		"region: uk/x\n" SRC;
	static const char voters_lookalike[] = /* Cyrillic 'о' in Vоters */
		"kind: body\nid: voters2\nname: V\xd0\xbeters\ntype: electorate\n"
		"region: uk\n" SRC;
	govmap_mem_file clean[] = {FILE_("govmap.yaml", manifest),
				   FILE_("a/voters.yaml", voters),
				   FILE_("b/council.yaml", council)};
	govmap_mem_file ids[] = {FILE_("govmap.yaml", manifest),
				 FILE_("a/voters.yaml", voters),
				 FILE_("b/council.yaml", council),
				 FILE_("c/counci1.yaml", council_lookalike)};
	govmap_mem_file names[] = {FILE_("govmap.yaml", manifest),
				   FILE_("a/voters.yaml", voters),
				   FILE_("a/voters2.yaml", voters_lookalike),
				   FILE_("b/council.yaml", council)};
	static const char zeta[] =
		"kind: body\nid: zeta\nname: Zeta\ntype: local-authority\n"
		"region: uk/x\n" SRC;
	/* as many entities as `ids`, in the same files, no look-alike */
	govmap_mem_file other[] = {FILE_("govmap.yaml", manifest),
				   FILE_("a/voters.yaml", voters),
				   FILE_("b/council.yaml", council),
				   FILE_("c/counci1.yaml", zeta)};
	govmap_mem_file noname[] = {FILE_("govmap.yaml", manifest),
				    FILE_("a/voters.yaml", voters),
				    FILE_("b/council.yaml", council_noname)};
	govmap_parse_cache *c;
	ck_assert_int_eq(govmap_parse_cache_new(&c), GOVMAP_OK);
	/* the truth, without the cache */
	govmap_session *s = open_with(ids, 4, "x", NULL);
	ck_assert_uint_eq(count_code(s, "confusable"), 1);
	govmap_session_free(s);
	s = open_with(names, 4, "x", NULL);
	ck_assert_uint_eq(count_code(s, "confusable"), 1);
	govmap_session_free(s);
	/* with it: clean, clean again (the memo), then each look-alike */
	const govmap_mem_file *seq[] = {clean, clean, ids,   ids,
					clean, names, clean, noname,
					names, other, other, ids};
	const size_t nf[] = {3, 3, 4, 4, 3, 4, 3, 3, 4, 4, 4, 4};
	const size_t want[] = {0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1};
	for (size_t k = 0; k < sizeof nf / sizeof nf[0]; k++) {
		s = open_with(seq[k], nf[k], "x", c);
		ck_assert_msg(count_code(s, "confusable") == want[k],
			      "load %zu: %zu look-alike warnings, not %zu", k,
			      count_code(s, "confusable"), want[k]);
		govmap_session_free(s);
	}
	govmap_parse_cache_free(c);
}
END_TEST

START_TEST(cache_version_1_options)
{
	/* a caller built against version 1 of the options: no cache read */
	govmap_mem_file f[] = {FILE_("govmap.yaml", manifest),
			       FILE_("a/voters.yaml", voters)};
	govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
	govmap_parse_cache *c;
	govmap_cache_stats st;
	ck_assert_int_eq(govmap_parse_cache_new(&c), GOVMAP_OK);
	o.version = 1;
	o.source = GOVMAP_SOURCE_MEMORY;
	o.files = f;
	o.nfiles = 2;
	o.stage = GOVMAP_STAGE_LOAD;
	o.cache = c;
	govmap_session *s = NULL;
	ck_assert_int_eq(govmap_session_open(&s, &o), GOVMAP_OK);
	govmap_parse_cache_stats(c, &st);
	ck_assert_uint_eq(st.parses + st.hits, 0);
	govmap_session_free(s);
	govmap_parse_cache_free(c);
	govmap_parse_cache_free(NULL);
}
END_TEST

Suite *cache_suite(void)
{
	Suite *s = suite_create("cache");
	TCase *tc = tcase_create("parse-cache");
	tcase_set_timeout(tc, TH_TIMEOUT);
	tcase_add_test(tc, cache_gives_a_fresh_parse);
	tcase_add_test(tc, cache_parses_changed_files_only);
	tcase_add_test(tc, cache_version_1_options);
	tcase_add_test(tc, cache_confusables_memo);
	tcase_add_test(tc, cache_threads_join_when_parsing);
	suite_add_tcase(s, tc);
	return s;
}
