/*
 * test_ytree.c - ytree.c, the loader's syntax layer: documents, node
 * positions, duplicate keys, anchors and aliases, the limits (depth,
 * scalar and key length, documents, nodes), encoding errors.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "suites.h"
#include "ytree.h"

/* One parse: arena, diagnostics and results together. */
typedef struct {
	govmap__arena arena;
	govmap_diags d;
	ynode **docs;
	size_t ndocs;
	int rc;
} yparse;

static void yp_run(yparse *p, const char *data, size_t len,
		   const govmap_parse_limits *lim)
{
	govmap_parse_limits none = {0};
	memset(p, 0, sizeof(*p));
	p->rc = govmap__ytree_parse(&p->docs, &p->ndocs, &p->arena, "t.yaml",
				    data, len, lim ? lim : &none, &p->d);
}

static void yp_str(yparse *p, const char *s, const govmap_parse_limits *lim)
{
	yp_run(p, s, strlen(s), lim);
}

static void yp_free(yparse *p)
{
	govmap__arena_free(&p->arena);
	govmap_diags_free(&p->d);
}

/* The error diagnostic with `code`: exactly one, at line:col. */
static const govmap_diag *one_error(const yparse *p, const char *code,
				    uint32_t line, uint32_t col)
{
	ck_assert_msg(th_count(&p->d, code) == 1, "want one %s:%s", code,
		      th_dump(&p->d));
	const govmap_diag *g = th_find(&p->d, code, 0);
	ck_assert_int_eq(g->sev, GOVMAP_SEV_ERROR);
	ck_assert_str_eq(g->file, "t.yaml");
	ck_assert_msg(g->line == line && g->col == col,
		      "%s at %u:%u, want %u:%u", code, g->line, g->col, line,
		      col);
	ck_assert_int_eq(p->rc, -1);
	return g;
}

/* One syntax error in yaml: its code, place and the start of its
 * message. */
static void syntax_case(const char *yaml, const char *code, uint32_t line,
			uint32_t col, const char *msg_start)
{
	yparse p;
	yp_str(&p, yaml, NULL);
	const govmap_diag *g = one_error(&p, code, line, col);
	ck_assert_msg(strncmp(g->msg, msg_start, strlen(msg_start)) == 0,
		      "message '%s', want it to start '%s'", g->msg,
		      msg_start);
	yp_free(&p);
}

static void no_diags(const yparse *p)
{
	ck_assert_msg(p->d.n == 0, "unexpected:%s", th_dump(&p->d));
	ck_assert_int_eq(p->rc, 0);
}

/* ---- documents and nodes --------------------------------------------- */

START_TEST(ytree_documents)
{
	yparse p;
	yp_str(&p,
	       "kind: body\nid: a\n"
	       "---\n"
	       "kind: link\nid: b\n"
	       "---\n"
	       "- x\n- y\n"
	       "--- plain\n",
	       NULL);
	no_diags(&p);
	ck_assert_uint_eq(p.ndocs, 4);
	ck_assert_int_eq(p.docs[0]->type, YN_MAP);
	ck_assert_uint_eq(p.docs[0]->n, 2);
	ck_assert_str_eq(govmap__ymap_get(p.docs[0], "id")->str, "a");
	ck_assert_int_eq(p.docs[1]->type, YN_MAP);
	ck_assert_str_eq(govmap__ymap_get(p.docs[1], "kind")->str, "link");
	ck_assert_uint_eq(p.docs[1]->line, 4);
	ck_assert_uint_eq(p.docs[1]->col, 1);
	ck_assert_int_eq(p.docs[2]->type, YN_SEQ);
	ck_assert_uint_eq(p.docs[2]->n, 2);
	ck_assert_str_eq(p.docs[2]->kids[1]->str, "y");
	ck_assert_int_eq(p.docs[3]->type, YN_SCALAR);
	ck_assert_str_eq(p.docs[3]->str, "plain");
	yp_free(&p);
}
END_TEST

START_TEST(ytree_positions)
{
	yparse p;
	yp_str(&p,
	       "# comment\n"
	       "kind: body\n"
	       "name:   \"Quoted\"\n"
	       "seats:\n"
	       "  - role: chair\n"
	       "    count: 2\n"
	       "codes: {ons: E1, ods: 'Q'}\n"
	       "caf\xc3\xa9: [a, b]\n",
	       NULL);
	no_diags(&p);
	ck_assert_uint_eq(p.ndocs, 1);
	const ynode *m = p.docs[0];
	ck_assert_uint_eq(m->line, 2);
	ck_assert_uint_eq(m->col, 1);
	ck_assert_uint_eq(m->n, 5);
	/* keys and values, 1-based */
	ck_assert_uint_eq(m->kids[0]->line, 2);
	ck_assert_uint_eq(m->kids[0]->col, 1);
	ck_assert_uint_eq(m->kids[1]->line, 2);
	ck_assert_uint_eq(m->kids[1]->col, 7);
	ck_assert(m->kids[1]->plain);
	const ynode *name = govmap__ymap_get(m, "name");
	ck_assert_str_eq(name->str, "Quoted");
	ck_assert_uint_eq(name->len, 6);
	ck_assert(!name->plain);
	ck_assert_uint_eq(name->line, 3);
	ck_assert_uint_eq(name->col, 9);
	const ynode *seats = govmap__ymap_get(m, "seats");
	ck_assert_int_eq(seats->type, YN_SEQ);
	ck_assert_uint_eq(seats->line, 5);
	ck_assert_uint_eq(seats->col, 3);
	const ynode *seat = seats->kids[0];
	ck_assert_int_eq(seat->type, YN_MAP);
	ck_assert_uint_eq(seat->line, 5);
	ck_assert_uint_eq(seat->col, 5);
	const ynode *count = govmap__ymap_get(seat, "count");
	ck_assert_str_eq(count->str, "2");
	ck_assert_uint_eq(count->line, 6);
	ck_assert_uint_eq(count->col, 12);
	const ynode *codes = govmap__ymap_get(m, "codes");
	ck_assert_int_eq(codes->type, YN_MAP);
	ck_assert_uint_eq(codes->line, 7);
	ck_assert_uint_eq(codes->col, 8);
	const ynode *ods = govmap__ymap_get(codes, "ods");
	ck_assert_uint_eq(ods->col, 23);
	/* columns count characters, not bytes: "café: " is 6 characters */
	const ynode *list = govmap__ymap_get(m, "caf\xc3\xa9");
	ck_assert_ptr_nonnull(list);
	ck_assert_uint_eq(list->line, 8);
	ck_assert_uint_eq(list->col, 7);
	ck_assert_uint_eq(list->kids[1]->col, 11);
	/* missing keys and non-maps */
	ck_assert_ptr_null(govmap__ymap_get(m, "nope"));
	ck_assert_ptr_null(govmap__ymap_get(seats, "role"));
	ck_assert_ptr_null(govmap__ymap_get(NULL, "x"));
	yp_free(&p);
}
END_TEST

START_TEST(ytree_empty_input)
{
	yparse p;
	yp_run(&p, "", 0, NULL);
	no_diags(&p);
	ck_assert_uint_eq(p.ndocs, 0);
	ck_assert_ptr_null(p.docs);
	yp_free(&p);
	/* only comments and blank lines */
	yp_str(&p, "# nothing here\n\n   \n", NULL);
	no_diags(&p);
	ck_assert_uint_eq(p.ndocs, 0);
	yp_free(&p);
	/* an empty document is a null scalar */
	yp_str(&p, "---\n", NULL);
	no_diags(&p);
	ck_assert_uint_eq(p.ndocs, 1);
	ck_assert_int_eq(p.docs[0]->type, YN_SCALAR);
	ck_assert_uint_eq(p.docs[0]->len, 0);
	ck_assert(p.docs[0]->plain);
	yp_free(&p);
}
END_TEST

/* ---- duplicate and complex keys -------------------------------------- */

START_TEST(ytree_duplicate_key)
{
	yparse p;
	yp_str(&p, "id: a\nname: x\n  \nid: b\n", NULL);
	const govmap_diag *g = one_error(&p, "duplicate-key", 4, 1);
	ck_assert_str_eq(g->msg, "duplicate key 'id' (first at 1:1)");
	yp_free(&p);

	/* nested, with indentation */
	yp_str(&p, "seats:\n  - role: a\n    count: 1\n    role: b\n", NULL);
	g = one_error(&p, "duplicate-key", 4, 5);
	ck_assert_str_eq(g->msg, "duplicate key 'role' (first at 2:5)");
	yp_free(&p);

	/* quoted and plain spellings of the same key collide */
	yp_str(&p, "{a: 1, \"a\": 2}", NULL);
	g = one_error(&p, "duplicate-key", 1, 8);
	ck_assert_str_eq(g->msg, "duplicate key 'a' (first at 1:2)");
	yp_free(&p);
}
END_TEST

START_TEST(ytree_duplicate_key_big_map)
{
	/* more than 64 keys: the hash-table path */
	char buf[4096];
	size_t o = 0;
	for (int i = 0; i < 80; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "k%d: %d\n", i, i);
	o += (size_t)snprintf(buf + o, sizeof buf - o, "k7: again\n");
	yparse p;
	yp_run(&p, buf, o, NULL);
	const govmap_diag *g = one_error(&p, "duplicate-key", 81, 1);
	ck_assert_str_eq(g->msg, "duplicate key 'k7' (first at 8:1)");
	yp_free(&p);
	/* and no false positive among 80 distinct keys */
	yp_run(&p, buf, o - strlen("k7: again\n"), NULL);
	no_diags(&p);
	ck_assert_uint_eq(p.docs[0]->n, 80);
	yp_free(&p);
}
END_TEST

START_TEST(ytree_complex_key)
{
	yparse p;
	yp_str(&p, "? [a, b]\n: 1\n", NULL);
	const govmap_diag *g = one_error(&p, "yaml-complex-key", 1, 3);
	ck_assert_ptr_nonnull(strstr(g->msg, "mapping key must be a plain"));
	yp_free(&p);
}
END_TEST

/* ---- anchors and aliases --------------------------------------------- */

START_TEST(ytree_anchor_refused)
{
	yparse p;
	yp_str(&p, "a: &x 1\nb: 2\n", NULL);
	const govmap_diag *g = one_error(&p, "yaml-anchor", 1, 4);
	ck_assert_ptr_nonnull(strstr(g->msg, "anchors (&name) are not allowed"));
	yp_free(&p);

	yp_str(&p, "a: 1\nb: &list [1, 2]\n", NULL);
	one_error(&p, "yaml-anchor", 2, 4);
	yp_free(&p);

	yp_str(&p, "a: 1\nb: &m {c: 1}\n", NULL);
	one_error(&p, "yaml-anchor", 2, 4);
	yp_free(&p);
}
END_TEST

START_TEST(ytree_alias_refused)
{
	yparse p;
	yp_str(&p, "a: 1\nb: *x\n", NULL);
	const govmap_diag *g = one_error(&p, "yaml-alias", 2, 4);
	ck_assert_ptr_nonnull(strstr(g->msg, "aliases (*name) are not allowed"));
	yp_free(&p);
	/* a billion-laughs style document stops at the first anchor */
	yp_str(&p, "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", NULL);
	ck_assert_uint_eq(p.d.n, 1);
	one_error(&p, "yaml-anchor", 1, 4);
	yp_free(&p);
}
END_TEST

/* ---- limits ---------------------------------------------------------- */

static char *nested_seqs(size_t depth)
{
	char *s = malloc(2 * depth + 1);
	ck_assert_ptr_nonnull(s);
	memset(s, '[', depth);
	memset(s + depth, ']', depth);
	s[2 * depth] = '\0';
	return s;
}

START_TEST(ytree_depth_limit)
{
	yparse p;
	char *s = nested_seqs(100);
	yp_str(&p, s, NULL);
	/* the 65th '[' is one level too deep for the default 64 */
	const govmap_diag *g = one_error(&p, "limit-depth", 1, 65);
	ck_assert_str_eq(g->msg, "nesting deeper than 64 levels");
	ck_assert_uint_eq(p.d.n, 1);
	ck_assert_uint_eq(p.ndocs, 0);
	yp_free(&p);
	free(s);

	/* exactly 64 levels are fine */
	s = nested_seqs(64);
	yp_str(&p, s, NULL);
	no_diags(&p);
	ck_assert_uint_eq(p.ndocs, 1);
	const ynode *n = p.docs[0];
	size_t depth = 1;
	while (n->n) {
		ck_assert_int_eq(n->type, YN_SEQ);
		n = n->kids[0];
		depth++;
	}
	ck_assert_uint_eq(depth, 64);
	yp_free(&p);
	free(s);

	/* a custom limit, with block mappings */
	govmap_parse_limits lim = {0};
	lim.max_depth = 3;
	yp_str(&p, "a:\n  b:\n    c: 1\n", &lim);
	no_diags(&p);
	yp_free(&p);
	yp_str(&p, "a:\n  b:\n    c:\n      d: 1\n", &lim);
	g = one_error(&p, "limit-depth", 4, 7);
	ck_assert_str_eq(g->msg, "nesting deeper than 3 levels");
	yp_free(&p);
}
END_TEST

START_TEST(ytree_deep_nesting_fast)
{
	/* 100,000 levels: refused at level 65, quickly, without recursion */
	char *s = nested_seqs(100000);
	struct timespec t0, t1;
	yparse p;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	yp_str(&p, s, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	one_error(&p, "limit-depth", 1, 65);
	ck_assert_uint_eq(p.d.n, 1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) +
		      (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_msg(secs < 10.0, "took %.1f s", secs);
	yp_free(&p);
	free(s);

	/* the same with flow mappings: {a: {a: ... 1}} */
	size_t n = 100000;
	s = malloc(5 * n + 2);
	ck_assert_ptr_nonnull(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + 4 * i, "{a: ", 4);
	s[4 * n] = '1';
	memset(s + 4 * n + 1, '}', n);
	s[5 * n + 1] = '\0';
	yp_str(&p, s, NULL);
	one_error(&p, "limit-depth", 1, 257);
	ck_assert_uint_eq(p.d.n, 1);
	yp_free(&p);
	free(s);
}
END_TEST

START_TEST(ytree_scalar_limit)
{
	govmap_parse_limits lim = {0};
	yparse p;
	lim.max_scalar = 10;
	yp_str(&p, "a: 0123456789\n", &lim); /* exactly 10 bytes */
	no_diags(&p);
	yp_free(&p);
	yp_str(&p, "a: ok\nb: 01234567890\n", &lim);
	const govmap_diag *g = one_error(&p, "limit-scalar", 2, 4);
	ck_assert_str_eq(g->msg,
			 "scalar of 11 bytes is longer than the limit of 10");
	yp_free(&p);
	/* in a list, and quoted: the decoded length counts */
	yp_str(&p, "- \"0123456789\\t\"\n", &lim);
	g = one_error(&p, "limit-scalar", 1, 3);
	ck_assert_str_eq(g->msg,
			 "scalar of 11 bytes is longer than the limit of 10");
	yp_free(&p);

	/* the default is 64 KiB */
	size_t n = 64 * 1024 + 1;
	char *big = malloc(n + 4);
	ck_assert_ptr_nonnull(big);
	memcpy(big, "a: ", 3);
	memset(big + 3, 'x', n);
	big[n + 3] = '\0';
	yp_str(&p, big, NULL);
	g = one_error(&p, "limit-scalar", 1, 4);
	ck_assert_str_eq(g->msg,
			 "scalar of 65537 bytes is longer than the limit of "
			 "65536");
	yp_free(&p);
	big[n + 2] = '\0'; /* 65536 bytes */
	yp_str(&p, big, NULL);
	no_diags(&p);
	ck_assert_uint_eq(govmap__ymap_get(p.docs[0], "a")->len, 65536);
	yp_free(&p);
	free(big);
}
END_TEST

START_TEST(ytree_key_limit)
{
	govmap_parse_limits lim = {0};
	yparse p;
	lim.max_key = 5;
	lim.max_scalar = 100;
	yp_str(&p, "abcde: 0123456789012345\n", &lim);
	no_diags(&p);
	yp_free(&p);
	yp_str(&p, "ok: 1\nabcdef: 1\n", &lim);
	const govmap_diag *g = one_error(&p, "limit-scalar", 2, 1);
	ck_assert_str_eq(g->msg, "key of 6 bytes is longer than the limit of 5");
	yp_free(&p);
	/* a long value is not a long key */
	yp_str(&p, "k: abcdefghijk\n", &lim);
	no_diags(&p);
	yp_free(&p);
	/* keys of nested maps too */
	yp_str(&p, "k:\n  - longkey: 1\n", &lim);
	g = one_error(&p, "limit-scalar", 2, 5);
	ck_assert_str_eq(g->msg, "key of 7 bytes is longer than the limit of 5");
	yp_free(&p);
}
END_TEST

START_TEST(ytree_documents_limit)
{
	govmap_parse_limits lim = {0};
	yparse p;
	lim.max_docs_per_file = 3;
	yp_str(&p, "a: 1\n---\nb: 2\n---\nc: 3\n", &lim);
	no_diags(&p);
	ck_assert_uint_eq(p.ndocs, 3);
	yp_free(&p);
	yp_str(&p, "a: 1\n---\nb: 2\n---\nc: 3\n---\nd: 4\n---\ne: 5\n",
	       &lim);
	const govmap_diag *g = one_error(&p, "limit-documents", 6, 1);
	ck_assert_str_eq(g->msg, "more than 3 documents in one file");
	ck_assert_uint_eq(p.d.n, 1);
	/* the documents before the limit are kept */
	ck_assert_uint_eq(p.ndocs, 3);
	ck_assert_str_eq(govmap__ymap_get(p.docs[2], "c")->str, "3");
	yp_free(&p);

	/* default: 100 */
	char *buf = malloc(101 * 12 + 1);
	size_t o = 0;
	ck_assert_ptr_nonnull(buf);
	for (int i = 0; i < 101; i++)
		o += (size_t)sprintf(buf + o, "---\nx: %d\n", i);
	yp_run(&p, buf, o, NULL);
	g = one_error(&p, "limit-documents", 201, 1);
	ck_assert_str_eq(g->msg, "more than 100 documents in one file");
	ck_assert_uint_eq(p.ndocs, 100);
	yp_free(&p);
	free(buf);
}
END_TEST

START_TEST(ytree_nodes_limit)
{
	govmap_parse_limits lim = {0};
	yparse p;
	lim.max_nodes_per_file = 5;
	/* map + 2 keys + 2 values = 5 nodes */
	yp_str(&p, "a: 1\nb: 2\n", &lim);
	no_diags(&p);
	yp_free(&p);
	yp_str(&p, "a: 1\nb: [x]\n", &lim);
	const govmap_diag *g = one_error(&p, "limit-nodes", 2, 5);
	ck_assert_str_eq(g->msg, "more than 5 YAML nodes in one file");
	yp_free(&p);
}
END_TEST

/* ---- encoding, NUL, syntax errors ------------------------------------- */

START_TEST(ytree_invalid_utf8)
{
	yparse p;
	/* 0xFF at byte 8: line 2, column 4 */
	yp_str(&p, "a: b\nc: \xff\n", NULL);
	const govmap_diag *g = one_error(&p, "yaml-encoding", 2, 4);
	ck_assert_ptr_nonnull(strstr(g->msg, "(byte 8)"));
	yp_free(&p);
	/* columns count characters: two 2-byte characters before it */
	yp_str(&p, "x: 1\ny: 2\nz: \xc3\xa9\xc3\xa9\xfe\n", NULL);
	g = one_error(&p, "yaml-encoding", 3, 6);
	ck_assert_ptr_nonnull(strstr(g->msg, "(byte 17)"));
	yp_free(&p);
	/* a truncated sequence at the end of the input */
	yp_str(&p, "k: \xe2\x82", NULL);
	g = one_error(&p, "yaml-encoding", 1, 4);
	ck_assert_ptr_nonnull(strstr(g->msg, "(byte 3)"));
	yp_free(&p);
}
END_TEST

START_TEST(ytree_nul_byte)
{
	yparse p;
	/* a raw NUL in the input is a control character */
	static const char raw[] = "a: x\nb: y\0z\n";
	yp_run(&p, raw, sizeof raw - 1, NULL);
	const govmap_diag *g = one_error(&p, "yaml-encoding", 2, 5);
	ck_assert_ptr_nonnull(strstr(g->msg, "(byte 9)"));
	yp_free(&p);
	/* an escaped NUL in a double-quoted value */
	yp_str(&p, "a: ok\nb: \"x\\0y\"\n", NULL);
	g = one_error(&p, "yaml-nul", 2, 4);
	ck_assert_str_eq(g->msg, "NUL character in a value");
	yp_free(&p);
}
END_TEST

START_TEST(ytree_syntax_error_keeps_docs)
{
	yparse p;
	yp_str(&p, "a: 1\n---\nb: 2\n---\nc: [1, 2\nd: 3\n", NULL);
	const govmap_diag *g = one_error(&p, "yaml-syntax", 6, 2);
	ck_assert_uint_eq(p.d.n, 1);
	ck_assert_str_eq(g->msg, "the list in [ ] that starts at 5:4 is not "
				 "closed: add the ']', or separate its items "
				 "with commas [YAML: did not find expected "
				 "',' or ']' (while parsing a flow sequence "
				 "at 5:4)]");
	/* the two complete documents are returned */
	ck_assert_uint_eq(p.ndocs, 2);
	ck_assert_str_eq(govmap__ymap_get(p.docs[0], "a")->str, "1");
	ck_assert_str_eq(govmap__ymap_get(p.docs[1], "b")->str, "2");
	yp_free(&p);

	/* a key indented further than the one above it: at the key, with
	 * what to fix (YAML read it as more of a's value) */
	yp_str(&p, "a: 1\n b: 2\n", NULL);
	g = one_error(&p, "yaml-syntax", 2, 2);
	ck_assert_str_eq(g->msg, "'b' is indented 1 space more than 'a' "
				 "above it (1:1), so YAML reads this line as "
				 "more of the value of 'a': if 'b' is a key, "
				 "line it up with 'a' (remove the extra "
				 "space); if the line belongs to the value, "
				 "put the whole value in double quotes [YAML: "
				 "mapping values are not allowed in this "
				 "context]");
	ck_assert_uint_eq(p.ndocs, 0);
	yp_free(&p);
	/* a ': ' inside a value on its own line: as it was */
	yp_str(&p, "a: x: 1\n", NULL);
	g = one_error(&p, "yaml-syntax", 1, 5);
	ck_assert_str_eq(g->msg, "a ': ' (colon and space) here would start "
				 "a key where none can go: if it belongs to "
				 "the value, put the whole value in double "
				 "quotes; if this line is a key, indent it as "
				 "far as the keys above it [YAML: mapping "
				 "values are not allowed in this context]");
	yp_free(&p);

	/* an unterminated quoted scalar: where the quote opens, not the
	 * end of the file */
	syntax_case("key: \"open\n", "yaml-syntax", 1, 6,
		    "the quoted value that starts here is never closed: add "
		    "the closing quote at the end of the value [YAML: found "
		    "unexpected end of stream (while scanning a quoted scalar "
		    "at 1:6)]");
	/* a quote left open runs on to the next quote, and the file
	 * breaks after it: where the quote opens, with the line it ran to */
	syntax_case("a: \"open\nb: 2\nc: \"x\"\n", "yaml-syntax", 1, 4,
		    "the quoted value that starts here runs on to line 3, "
		    "where the file breaks at column 5: is its closing quote "
		    "missing? [YAML: did not find expected key (while parsing "
		    "a block mapping at 1:1)]");
	/* a line with no ': ': the line itself, not the next */
	syntax_case("a: 1\njust text\nb: 2\n", "yaml-syntax", 2, 1,
		    "this line has no ': ' after its key");
	/* a reserved first character is named */
	syntax_case("a: @x\n", "yaml-syntax", 1, 4,
		    "a value cannot start with '@' here");
}
END_TEST

Suite *ytree_suite(void)
{
	Suite *s = suite_create("ytree");
	TCase *tc = tcase_create("structure");
	tcase_add_test(tc, ytree_documents);
	tcase_add_test(tc, ytree_positions);
	tcase_add_test(tc, ytree_empty_input);
	tcase_add_test(tc, ytree_duplicate_key);
	tcase_add_test(tc, ytree_duplicate_key_big_map);
	tcase_add_test(tc, ytree_complex_key);
	tcase_add_test(tc, ytree_anchor_refused);
	tcase_add_test(tc, ytree_alias_refused);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("limits");
	tcase_add_test(tc, ytree_depth_limit);
	tcase_add_test(tc, ytree_deep_nesting_fast);
	tcase_add_test(tc, ytree_scalar_limit);
	tcase_add_test(tc, ytree_key_limit);
	tcase_add_test(tc, ytree_documents_limit);
	tcase_add_test(tc, ytree_nodes_limit);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, ytree_invalid_utf8);
	tcase_add_test(tc, ytree_nul_byte);
	tcase_add_test(tc, ytree_syntax_error_keeps_docs);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}
