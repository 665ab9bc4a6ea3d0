/*
 * cmd_new.c - `govmap new body|board|contract|link ID`: a skeleton YAML
 * file for a new entity, with every key its kind accepts (read from the
 * schema, govmap/schema.h) and a comment on each, written into the
 * registry's conventional folder.
 *
 * It refuses an invalid id or one the registry already has, and it never
 * overwrites a file (cli_write_new: O_CREAT|O_EXCL, then link).  What it
 * can infer from the id and the registry (a board's body, a link's ends
 * and type, a contract's parties) it fills in; the rest is left empty for
 * the campaigner, and `govmap check` says what is still missing.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_vcs.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] new body|board|contract|link ID "
	      "[--type T]\n"
	      "                                  [--region R]\n"
	      "\n"
	      "Write a skeleton for a new entity: every key its kind accepts, "
	      "each with\n"
	      "a comment, in the registry's conventional folder.  A body goes "
	      "beside\n"
	      "the bodies of its region (or into REGISTRY/R/); a board beside "
	      "its body;\n"
	      "a link into links/ beside the body that gives account; a "
	      "contract into\n"
	      "contracts/ beside its commissioner.  Name links FROM-TYPE-TO "
	      "and contracts\n"
	      "COMMISSIONER-PROVIDER-SUBJECT after existing ids, and boards "
	      "BODY-..., and\n"
	      "the ends are filled in.  An existing file is never "
	      "overwritten and an id\n"
	      "the registry has already is refused.\n"
	      "\n"
	      "  --type T     the entity's type (a body's icb, "
	      "local-authority, ...;\n"
	      "               one the kind does not have is refused, with "
	      "the type meant)\n"
	      "  --region R   its region path, e.g. england/greater-manchester "
	      "(needed\n"
	      "               for a body, and where nothing else says where "
	      "it goes; one\n"
	      "               no entity has, a letter or two from one that "
	      "some has, is\n"
	      "               refused)\n"
	      "  -h, --help   show this help\n"
	      "\n"
	      "Then fill it in from your sources and run 'govmap check'.\n",
	      f);
}

/* What each key means (registry/README.md, in brief).  Keys the schema
 * gains later get a comment from their type. */
static const struct {
	const char *key, *text;
} meaning[] = {
	{"kind", "what the entry is: body, board, contract or link"},
	{"id", "unique across the registry; lower-case words joined by "
	       "hyphens; the file is named after it"},
	{"name", "the official name, as the body itself uses it"},
	{"type", "its type (see Types in registry/README.md)"},
	{"region", "where it governs: a region path such as "
		   "england/greater-manchester"},
	{"notes", "plain English: anything a reader needs, including what "
		  "is uncertain"},
	{"sources", "where each claim comes from: at least one source, each "
		    "with url, title and the date you read it"},
	{"valid", "when it existed or applied: 'from' is the first day, 'to' "
		  "the first day it no longer applies; write unknown (and say "
		  "why in notes) for a date the sources do not give"},
	{"codes", "official identifiers, one per line: ons: E54000039, ods: "
		  "QUY, ..."},
	{"suppress", "rules this entry is exempt from, each - {rule: "
		     "core/..., reason: ...}: a reviewed exception"},
	{"statutory_basis", "the Act (and section) that creates it or gives "
			    "it its functions, or none"},
	{"legal_form", "e.g. body corporate, company limited by guarantee"},
	{"money", "public money, one entry per financial year and kind "
		  "(allocation, budget or outturn; contract-value for a "
		  "contract), each citing one of the sources above by its "
		  "url; only when sourced"},
	{"meets_in_public", "true or false: are its decision-making "
			    "meetings open to the public?"},
	{"publishes_papers", "true or false: does it publish agendas, papers "
			     "and minutes?"},
	{"replaces", "the id of the body it took over from"},
	{"succeeded_by", "the id of the body that took over from it (give "
			 "valid.to too)"},
	{"of", "the id of the body whose board this is (or give joint)"},
	{"joint", "instead of 'of', for a board shared by several bodies: "
		  "their ids, at least two, one per line (remove the '# ')"},
	{"seats", "its posts and how each is filled: one entry per kind of "
		  "seat"},
	{"decides", "what it decides, one per line: budget, commissioning, "
		    "strategy, ..."},
	{"commissioner", "the id of the body that buys or funds"},
	{"provider", "the id of the body that delivers"},
	{"value_gbp", "total value in whole pounds"},
	{"start", "the first day of the contract (YYYY-MM-DD)"},
	{"end", "the last day of the contract (YYYY-MM-DD)"},
	{"tendered", "true or false: was it competitively tendered?"},
	{"published", "true or false: was the contract or its award notice "
		      "published?"},
	{"services", "what is provided, one per line"},
	{"from", "the id of the body or board that gives account"},
	{"to", "the id of the body or board that holds it to account"},
	{"forum", "the kind of forum 'to' is: political, legal, "
		  "administrative, professional or social"},
	{"basis", "what obliges 'from' to give account: statute, regulation, "
		  "contract, guidance, voluntary or none"},
	{"powers", "what the forum can do, a list drawn from inform, "
		   "question, sanction"},
};

static const struct {
	const char *key, *text;
} seat_meaning[] = {
	/* each at most 54 characters: they follow the key on its line */
	{"role", "the post: Chair, Chief executive, ..."},
	{"count", "how many such seats (default 1)"},
	{"post", "chair, vice-chair, non-executive, member, ..."},
	{"elected_by", "or appointed_by/nominated_by/ex_officio/fill_unstated"},
	{"approved_by", "whose approval the appointment needs (an id)"},
	{"elected_member", "true or false: must it be an elected member?"},
	{"voting", "true or false"},
	{"vacant", "how many of them are known to be vacant"},
	{"vacant_since", "when the vacancy began, YYYY-MM-DD"},
	{"valid", "from and to, as for the entity"},
	{"notes", "the legal basis of the seat; what is uncertain"},
};

static const char *type_text(const char *type)
{
	static const struct {
		const char *type, *text;
	} t[] = {{"date", "a date, YYYY-MM-DD"},
		 {"money", "whole pounds"},
		 {"bool", "true or false"},
		 {"ref", "the id of another entity"},
		 {"ref-list", "ids of other entities, one per line"},
		 {"text-list", "a list of text, one per line"}};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (strcmp(t[i].type, type) == 0)
			return t[i].text;
	return "text";
}

/* "# text" wrapped at 76 columns, after `indent`. */
static void comment(FILE *f, const char *indent, const char *text)
{
	const char *p = text;
	while (*p) {
		size_t room = 74 - strlen(indent), n = strlen(p);
		if (n > room) {
			n = room;
			while (n > 0 && p[n] != ' ')
				n--;
			if (n == 0)
				n = room;
		}
		fprintf(f, "%s# %.*s\n", indent, (int)n, p);
		p += n;
		while (*p == ' ')
			p++;
	}
}

/* The longest id in reg that `s` starts with, followed by '-' (or the
 * end of s when `whole`); NULL if none. */
static const govmap_entity *id_prefix(const govmap_registry *reg, const char *s,
				      int whole)
{
	const govmap_entity *best = NULL;
	size_t bl = 0, n = govmap_registry_count(reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		size_t l = strlen(e->id);
		if (l > bl && strncmp(s, e->id, l) == 0 &&
		    (s[l] == '-' || (whole && s[l] == '\0')) &&
		    (e->kind == GOVMAP_KIND_BODY ||
		     e->kind == GOVMAP_KIND_BOARD)) {
			best = e;
			bl = l;
		}
	}
	return best;
}

/* The folder (inside the registry) of e's file, malloc'd. */
static char *folder_of(const govmap_src *src, const govmap_entity *e)
{
	const char *p = cli_entity_path(src, e);
	if (!p)
		return NULL;
	const char *slash = strrchr(p, '/');
	return slash ? strndup(p, (size_t)(slash - p)) : strdup("");
}

/* Where the bodies of `region` live: the folder that holds most of them
 * (the first by name on a tie), else the region path itself. */
static char *region_folder(const cli_session *s, const char *region)
{
	size_t n = govmap_registry_count(s->reg);
	char *best = NULL;
	size_t bestn = 0;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(s->reg, i);
		if (e->kind != GOVMAP_KIND_BODY || !e->region ||
		    strcmp(e->region, region) != 0)
			continue;
		char *f = folder_of(s->src, e);
		size_t count = 0;
		for (size_t j = 0; f && j < n; j++) {
			const govmap_entity *x = govmap_registry_at(s->reg, j);
			char *g;
			if (x->kind != GOVMAP_KIND_BODY || !x->region ||
			    strcmp(x->region, region) != 0)
				continue;
			g = folder_of(s->src, x);
			count += g && strcmp(f, g) == 0;
			free(g);
		}
		if (f && (count > bestn ||
			  (count == bestn && strcmp(f, best) < 0))) {
			free(best);
			best = f;
			bestn = count;
		} else {
			free(f);
		}
	}
	return best ? best : strdup(region);
}

/* The entity a board, link or contract is filed beside: its body, the
 * body that gives account, its commissioner. */
static int32_t anchor_of(const govmap_entity *e)
{
	switch (e->kind) {
	case GOVMAP_KIND_BOARD: return e->of.target;
	case GOVMAP_KIND_LINK: return e->from.target;
	case GOVMAP_KIND_CONTRACT: return e->commissioner.target;
	default: return -1;
	}
}

/* Where the registry files entities of `kind` whose anchor lives in
 * folder `near`: the folder most of them are in (the first by name on a
 * tie); NULL when there are none.  malloc'd. */
static char *kind_folder(const cli_session *s, govmap_kind kind,
			 const char *near)
{
	size_t n = govmap_registry_count(s->reg), nf = 0;
	char **folders = calloc(n ? n : 1, sizeof(*folders));
	char *best = NULL;
	size_t bestn = 0;
	if (!folders)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(s->reg, i);
		int32_t a = e->kind == kind ? anchor_of(e) : -1;
		char *af =
			a >= 0 ? folder_of(s->src, govmap_registry_at(
							   s->reg, (size_t)a))
			       : NULL;
		if (af && strcmp(af, near) == 0)
			folders[nf++] = folder_of(s->src, e);
		free(af);
	}
	for (size_t i = 0; i < nf; i++) {
		size_t count = 0;
		for (size_t j = 0; folders[i] && j < nf; j++)
			count += folders[j] &&
				 strcmp(folders[i], folders[j]) == 0;
		if (folders[i] &&
		    (count > bestn ||
		     (count == bestn && strcmp(folders[i], best) < 0))) {
			best = folders[i];
			bestn = count;
		}
	}
	best = best ? strdup(best) : NULL;
	for (size_t i = 0; i < nf; i++)
		free(folders[i]);
	free(folders);
	return best;
}

/* "a/b", or b when a is empty; malloc'd. */
static char *join(const char *a, const char *b)
{
	char *p = malloc(strlen(a) + strlen(b) + 2);
	if (p)
		sprintf(p, "%s%s%s", a, a[0] ? "/" : "", b);
	return p;
}

/* mkdir -p of root/rel. */
static int make_dirs(const char *root, const char *rel)
{
	char *p = malloc(strlen(root) + strlen(rel) + 2);
	if (!p)
		return ENOMEM;
	sprintf(p, "%s/%s", root, rel);
	for (char *q = p + strlen(root) + 1;; q++) {
		if (*q != '/' && *q != '\0')
			continue;
		char c = *q;
		*q = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			int err = errno;
			free(p);
			return err;
		}
		*q = c;
		if (!c)
			break;
	}
	free(p);
	return 0;
}

/* What the id and the registry tell about the new entity. */
typedef struct {
	govmap_kind kind;
	const char *id, *type, *region;
	const govmap_entity *of, *from, *to, *commissioner, *provider;
	const char *link_type; /* borrowed from a type list */
	char *folder;	       /* inside the registry */
} skeleton;

static void value(FILE *f, const skeleton *k, const char *key)
{
	const char *v = NULL;
	if (strcmp(key, "kind") == 0)
		v = govmap_kind_name(k->kind);
	else if (strcmp(key, "id") == 0)
		v = k->id;
	else if (strcmp(key, "type") == 0)
		v = k->type ? k->type : k->link_type;
	else if (strcmp(key, "region") == 0)
		v = k->region;
	else if (strcmp(key, "of") == 0 && k->of)
		v = k->of->id;
	else if (strcmp(key, "from") == 0 && k->from)
		v = k->from->id;
	else if (strcmp(key, "to") == 0 && k->to)
		v = k->to->id;
	else if (strcmp(key, "commissioner") == 0 && k->commissioner)
		v = k->commissioner->id;
	else if (strcmp(key, "provider") == 0 && k->provider)
		v = k->provider->id;
	fprintf(f, "%s:%s%s\n", key, v ? " " : "", v ? v : "");
}

static char *write_skeleton(const skeleton *k, size_t *len,
			    const char *const *types)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	govmap_field_info fi[64];
	size_t n = govmap_schema_fields(k->kind, fi, 64);
	if (!f)
		return NULL;
	fprintf(f,
		"# A new %s, written by 'govmap new'.  Fill in what your "
		"sources say and\n"
		"# delete what you cannot source (an empty value means "
		"'not recorded').\n"
		"# 'govmap check' names what is still missing; every key "
		"is explained in\n"
		"# registry/README.md.\n",
		govmap_kind_name(k->kind));
	for (size_t i = 0; i < n && i < 64; i++) {
		const char *key = fi[i].key, *text = NULL;
		for (size_t m = 0; m < sizeof meaning / sizeof *meaning; m++)
			if (strcmp(meaning[m].key, key) == 0)
				text = meaning[m].text;
		char line[700]; /* room for "core types: " + list */
		snprintf(line, sizeof line, "%s%s",
			 fi[i].required ? "required: " : "",
			 text ? text : type_text(fi[i].type));
		fputc('\n', f);
		comment(f, "", line);
		if (strcmp(key, "type") == 0 && types && types[0]) {
			size_t used = 0;
			char list[600];
			list[0] = '\0';
			for (size_t t = 0; types[t] && used < 500; t++)
				used += (size_t)snprintf(
					list + used, sizeof list - used, "%s%s",
					t ? ", " : "", types[t]);
			snprintf(line, sizeof line, "core types: %s", list);
			comment(f, "", line);
		}
		if (strcmp(fi[i].type, "sources") == 0) {
			fprintf(f, "%s:\n  - url:\n    title:\n    accessed:\n",
				key);
			comment(f, "  ",
				"url: https://...; title: what the "
				"page or document is, with the "
				"section of an Act; accessed: the "
				"day you read it, YYYY-MM-DD");
		} else if (strcmp(fi[i].type, "money-series") == 0) {
			fprintf(f, "%s:\n", key);
			comment(f, "  ",
				"for example (remove the '# '): - year: "
				"2025/26, gbp: 1_250_000_000, kind: budget, "
				"source: (a url from sources), notes: ...");
			fprintf(f, "  # - year:\n  #   gbp:\n  #   kind:\n"
				   "  #   source:\n");
		} else if (strcmp(fi[i].type, "period") == 0) {
			fprintf(f, "%s:\n  from:\n  to:\n", key);
		} else if (strcmp(fi[i].type, "seats") == 0) {
			fprintf(f, "%s:\n", key);
			comment(f, "  ",
				"for example (remove the '# ' from "
				"the lines you use):");
			const char *const *sk = govmap_schema_seat_keys();
			for (size_t s = 0; sk[s]; s++) {
				const char *st = NULL;
				for (size_t m = 0;
				     m <
				     sizeof seat_meaning / sizeof *seat_meaning;
				     m++)
					if (strcmp(seat_meaning[m].key,
						   sk[s]) == 0)
						st = seat_meaning[m].text;
				if (strcmp(sk[s], "appointed_by") == 0 ||
				    strcmp(sk[s], "nominated_by") == 0 ||
				    strcmp(sk[s], "ex_officio") == 0 ||
				    strcmp(sk[s], "fill_unstated") == 0)
					continue; /* one line stands for all */
				fprintf(f, "  # %s %s:%*s# %s\n", s ? " " : "-",
					sk[s], (int)(16 - strlen(sk[s])), "",
					st ? st : "");
			}
		} else if (strcmp(key, "joint") == 0) {
			/* a board is of one body or joint, never both: the
			 * schema refuses the two keys together */
			fprintf(f, "# %s:\n", key);
		} else {
			value(f, k, key);
		}
	}
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The candidates of cli_nearest: a kind's types, core then a plugin's;
 * the regions of the registry's entities; the kinds. */
typedef struct {
	const char *const *core, *const *extra;
	size_t ncore;
} type_lists;

static size_t list_len(const char *const *l)
{
	size_t n = 0;
	while (l && l[n])
		n++;
	return n;
}

static const char *type_at(const void *ctx, size_t i)
{
	const type_lists *t = ctx;
	return i < t->ncore ? t->core[i] : t->extra[i - t->ncore];
}

static const char *region_at(const void *ctx, size_t i)
{
	return govmap_registry_at(ctx, i)->region;
}

static const char *kind_at(const void *ctx, size_t i)
{
	(void)ctx;
	return govmap_kind_name((govmap_kind)i);
}

/* Is `type` one of the kind's types (core, else a plugin's)?  Else the
 * nearest, a letter or two off, in *near (NULL: none). */
static int type_known(const char *type, const char *const *core,
		      const char *const *extra, const char **near)
{
	type_lists t = {core, extra, list_len(core)};
	size_t d;
	long k = cli_nearest(type, t.ncore + list_len(extra), type_at, &t, 2,
			     &d);
	*near = k >= 0 && d ? type_at(&t, (size_t)k) : NULL;
	return k >= 0 && !d;
}

/* A region no entity has, a letter or two from one that some entity has
 * (england/south-wst/bnssg): the one meant, else NULL.  A region no
 * entity has and none is near is a new area: allowed. */
static const char *region_mistyped(const govmap_registry *reg,
				   const char *region)
{
	size_t d;
	long k = cli_nearest(region, govmap_registry_count(reg), region_at,
			     reg, 2, &d);
	return k >= 0 && d ? region_at(reg, (size_t)k) : NULL;
}

int cmd_new(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"type", required_argument, NULL, 't'},
		{"region", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	skeleton k;
	char *operand, *ops[3];
	int nops = 0, c;
	memset(&k, 0, sizeof k);
	optind = 0;
	while ((c = cli_getopt_mixed(argc, argv, "h", opts, "new", &operand)) !=
	       -1) {
		switch (c) {
		case 1:
			if (nops < 3)
				ops[nops++] = operand;
			break;
		case 't': k.type = optarg; break;
		case 'r': k.region = optarg; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (nops != 2) {
		cli_err("new: give a kind (body, board, contract or link) and "
			"an id (run 'govmap new --help')");
		return EXIT_USAGE;
	}
	size_t kd;
	long kind = cli_nearest(ops[0], GOVMAP_KIND__COUNT, kind_at, NULL, 2,
				&kd);
	if (kind >= 0 && kd) {
		cli_err("new: '%s' is not a kind (did you mean '%s'?)", ops[0],
			govmap_kind_name((govmap_kind)kind));
		return EXIT_USAGE;
	}
	if (kind < 0) {
		cli_err("new: '%s' is not a kind: give body, board, contract "
			"or link",
			ops[0]);
		return EXIT_USAGE;
	}
	k.kind = (govmap_kind)kind;
	k.id = ops[1];
	if (!govmap_id_is_valid(k.id)) {
		cli_err("new: '%s' is not a valid id: lower-case letters and "
			"digits in words joined by single hyphens, at most 128 "
			"characters (e.g. nhs-testshire-icb)",
			k.id);
		return EXIT_USAGE;
	}
	if (k.type && !govmap_id_is_valid(k.type)) {
		cli_err("new: '%s' is not a type name (lower-case words joined "
			"by hyphens)",
			k.type);
		return EXIT_USAGE;
	}
	if (k.region && !govmap_region_is_valid(k.region)) {
		cli_err("new: '%s' is not a region path: lower-case names "
			"separated by '/', such as england/greater-manchester",
			k.region);
		return EXIT_USAGE;
	}
	if (cli->rev || cli->staged) {
		cli_err("new: writes into the working tree: drop --rev and "
			"--staged");
		return EXIT_USAGE;
	}

	cli_session s;
	int rc = cli_side_open(cli, &s, NULL, 0);
	if (rc != EXIT_OK) {
		if (s.diags)
			cli_print_diags(stderr, s.diags, cli->color);
		cli_close(&s);
		return rc;
	}
	const govmap_entity *dup = govmap_registry_find(s.reg, k.id);
	char *path = NULL, *text = NULL;
	size_t len = 0;
	rc = EXIT_USAGE;
	if (dup) {
		cli_err("new: the registry has '%s' already, at %s:%u:%u", k.id,
			dup->pos.file, dup->pos.line, dup->pos.col);
		goto done;
	}
	govmap_load_opts lo = {0};
	govmap_plugins_types(cli->plugins, &lo.extra_body_types,
			     &lo.extra_board_types, &lo.extra_link_types);
	const char *const *core = govmap_schema_core_types(k.kind);
	const char *const *extra = k.kind == GOVMAP_KIND_BODY
					   ? lo.extra_body_types
				   : k.kind == GOVMAP_KIND_BOARD
					   ? lo.extra_board_types
				   : k.kind == GOVMAP_KIND_LINK
					   ? lo.extra_link_types
					   : NULL;
	const char *near = NULL;
	/* check would refuse the file it writes: say so now, with the
	 * type or region meant */
	if (k.type && core && !type_known(k.type, core, extra, &near)) {
		cli_err("new: '%s' is not a type of %s%s%s%s (see Types in "
			"registry/README.md)",
			k.type, govmap_kind_name(k.kind),
			near ? " (did you mean '" : "", near ? near : "",
			near ? "'?)" : "");
		goto done;
	}
	if (k.region && (near = region_mistyped(s.reg, k.region))) {
		cli_err("new: no entity has region '%s' (did you mean '%s'?)",
			k.region, near);
		goto done;
	}
	const char *sub = NULL; /* the folder below the anchor's */
	const govmap_entity *anchor = NULL;
	if (k.kind == GOVMAP_KIND_BOARD) {
		anchor = k.of = id_prefix(s.reg, k.id, 0);
	} else if (k.kind == GOVMAP_KIND_LINK) {
		anchor = k.from = id_prefix(s.reg, k.id, 0);
		sub = "links";
		/* FROM-TYPE-TO: the type, then the other end */
		const char *rest =
			k.from ? k.id + strlen(k.from->id) + 1 : NULL;
		const char *const *lists[] = {core, lo.extra_link_types};
		for (size_t l = 0; rest && l < 2; l++)
			for (size_t t = 0; lists[l] && lists[l][t]; t++) {
				size_t tl = strlen(lists[l][t]);
				if (strncmp(rest, lists[l][t], tl) == 0 &&
				    rest[tl] == '-' &&
				    (!k.link_type || tl > strlen(k.link_type)))
					k.link_type = lists[l][t];
			}
		if (k.link_type)
			k.to = id_prefix(s.reg, rest + strlen(k.link_type) + 1,
					 1);
	} else if (k.kind == GOVMAP_KIND_CONTRACT) {
		anchor = k.commissioner = id_prefix(s.reg, k.id, 0);
		sub = "contracts";
		if (k.commissioner)
			k.provider = id_prefix(
				s.reg, k.id + strlen(k.commissioner->id) + 1,
				0);
	}
	if (anchor && !k.region && k.kind == GOVMAP_KIND_BODY)
		k.region = anchor->region;
	if (anchor || k.region) {
		/* beside the anchor's folder, as the registry already files
		 * such entities there, else in its sub-folder */
		char *f = anchor ? folder_of(s.src, anchor)
				 : region_folder(&s, k.region);
		k.folder = f ? kind_folder(&s, k.kind, f) : NULL;
		if (f && !k.folder)
			k.folder = sub ? join(f, sub) : strdup(f);
		free(f);
	} else {
		cli_err("new: cannot tell where '%s' goes: %s", k.id,
			k.kind == GOVMAP_KIND_BODY ? "give --region"
			: k.kind == GOVMAP_KIND_BOARD
				? "start its id with its body's id "
				  "(BODY-board) or give --region"
			: k.kind == GOVMAP_KIND_LINK
				? "name it FROM-TYPE-TO after existing ids "
				  "or give --region"
				: "name it COMMISSIONER-PROVIDER-SUBJECT after "
				  "existing ids or give --region");
		goto done;
	}
	if (!k.folder || !(text = write_skeleton(&k, &len, core)) ||
	    !(path = malloc(strlen(cli->registry) + strlen(k.folder) +
			    strlen(k.id) + 8))) {
		cli_err("out of memory");
		goto done;
	}
	sprintf(path, "%s/%s%s%s.yaml", cli->registry, k.folder,
		k.folder[0] ? "/" : "", k.id);
	int err = k.folder[0] ? make_dirs(cli->registry, k.folder) : 0;
	if (!err)
		err = cli_write_new(path, text, len, 0644, 0);
	if (err == EEXIST) {
		cli_err("new: %s exists already: govmap never overwrites a "
			"file",
			path);
		goto done;
	}
	if (err) {
		cli_err("new: cannot write %s: %s", path, strerror(err));
		goto done;
	}
	printf("created %s: fill it in from your sources, then run 'govmap "
	       "check'\n",
	       path);
	rc = EXIT_OK;
done:
	free(k.folder);
	free(text);
	free(path);
	cli_close(&s);
	return rc;
}
