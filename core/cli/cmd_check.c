/*
 * cmd_check.c - `govmap check`: load and validate the registry, print
 * gcc-style diagnostics and a one-line summary.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "cli_vcs.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] check [--format text|json] "
	      "[--quiet]\n"
	      "                                    [--changed-since REV] "
	      "[--findings]\n"
	      "\n"
	      "Load the registry, validate every entity and reference, and\n"
	      "print each problem as FILE:LINE:COL: SEVERITY: MESSAGE.\n"
	      "\n"
	      "  --format text|json  text (default) prints diagnostics on "
	      "stderr and\n"
	      "                      a summary on stdout; json prints one "
	      "object on stdout\n"
	      "  -q, --quiet         print errors only, and warnings that a "
	      "file was not\n"
	      "                      read (no other warnings or info)\n"
	      "  --changed-since REV first list the files that differ from "
	      "Git revision\n"
	      "                      REV and the entities in them (text "
	      "only)\n"
	      "  --findings          also analyse the registry on the --on "
	      "date and run\n"
	      "                      the core rules (no chain, no sanction, "
	      "...), as\n"
	      "                      report does, besides the plugins' rules; "
	      "a registry\n"
	      "                      with errors is not analysed (then only "
	      "the plugins'\n"
	      "                      rules run, and a note says so)\n"
	      "  -h, --help          show this help\n"
	      "\n"
	      "Exit status: 0 no errors (warnings allowed), 1 data errors,\n"
	      "2 usage or I/O errors (no registry, unknown revision).\n",
	      f);
}

static void count_kinds(const govmap_registry *reg, govmap_date on,
			size_t counts[GOVMAP_KIND__COUNT], size_t *active)
{
	size_t n = govmap_registry_count(reg);
	*active = 0;
	memset(counts, 0, sizeof(size_t) * GOVMAP_KIND__COUNT);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		counts[e->kind]++;
		if (govmap_period_contains(e->valid, on))
			(*active)++;
	}
}

static void print_json(const govmap_cli *cli, const govmap_src *src,
		       const govmap_registry *reg, const govmap_diags *d,
		       const govmap_findings *fs)
{
	size_t counts[GOVMAP_KIND__COUNT], active;
	count_kinds(reg, cli->on, counts, &active);
	printf("{\"registry\":");
	cli_json_str(stdout, govmap_registry_name(reg));
	printf(",\"revision\":");
	cli_json_str(stdout, govmap_src_revision(src));
	printf(",\"files\":%zu,\"entities\":%zu,\"bodies\":%zu,"
	       "\"boards\":%zu,\"contracts\":%zu,\"links\":%zu,"
	       "\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu,"
	       "\"diagnostics\":[",
	       govmap_registry_nfiles(reg), govmap_registry_count(reg),
	       counts[0], counts[1], counts[2], counts[3],
	       d->count[GOVMAP_SEV_ERROR], d->count[GOVMAP_SEV_WARNING],
	       d->count[GOVMAP_SEV_INFO]);
	for (size_t i = 0; i < d->n; i++) {
		const govmap_diag *g = &d->v[i];
		printf("%s{\"file\":", i ? "," : "");
		if (g->file)
			cli_json_str(stdout, g->file);
		else
			fputs("null", stdout);
		printf(",\"line\":%u,\"col\":%u,\"severity\":\"%s\",\"code\":",
		       g->line, g->col, govmap_severity_name(g->sev));
		cli_json_str(stdout, g->code);
		printf(",\"message\":");
		cli_json_str(stdout, g->msg);
		printf(",\"ref\":");
		if (g->ref)
			cli_json_str(stdout, g->ref);
		else
			fputs("null", stdout);
		putchar('}');
	}
	printf("],\"findings\":[");
	for (size_t i = 0; i < fs->n; i++) {
		const govmap_finding *x = &fs->v[i];
		printf("%s{\"file\":", i ? "," : "");
		if (x->pos.file)
			cli_json_str(stdout, x->pos.file);
		else
			fputs("null", stdout);
		printf(",\"line\":%u,\"col\":%u,\"severity\":\"%s\","
		       "\"rule\":",
		       x->pos.line, x->pos.col, govmap_severity_name(x->sev));
		cli_json_str(stdout, x->rule);
		printf(",\"entity\":");
		if (x->entity >= 0)
			cli_json_str(stdout,
				     govmap_registry_at(reg, (size_t)x->entity)
					     ->id);
		else
			fputs("null", stdout);
		printf(",\"message\":");
		cli_json_str(stdout, x->msg);
		printf(",\"basis\":");
		if (x->basis)
			cli_json_str(stdout, x->basis);
		else
			fputs("null", stdout);
		printf(",\"suppressed\":");
		if (x->suppressed)
			cli_json_str(stdout, x->suppressed);
		else
			fputs("null", stdout);
		putchar('}');
	}
	printf("]}\n");
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* The ids that unknown-ref errors name (the diagnostic's `ref`), each
 * once, with how many errors name it; at most `max`. */
typedef struct {
	char id[160];
	size_t refs;
} gone_id;

static size_t missing_ids(const govmap_diags *d, gone_id *v, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++) {
		const govmap_diag *g = &d->v[i];
		if (!g->code || strcmp(g->code, "unknown-ref") != 0 ||
		    !g->ref)
			continue;
		size_t len = strlen(g->ref), k = 0;
		if (len >= sizeof v->id)
			continue;
		while (k < n && strcmp(v[k].id, g->ref) != 0)
			k++;
		if (k == n) {
			if (n == max)
				continue;
			memcpy(v[n].id, g->ref, len + 1);
			v[n++].refs = 0;
		}
		v[k].refs++;
	}
	return n;
}

/* References to an id that is gone from the working tree (or the index)
 * but is in HEAD: an entry deleted, or its id changed, with its links
 * left behind.  Each error's "did you mean" can only offer a near id; a
 * note says what happened to it and what to do.  Silent outside Git, or
 * when HEAD cannot be read. */
static void note_gone_ids(govmap_cli *cli, const cli_session *s)
{
	gone_id ids[16];
	size_t n = cli->rev ? 0 : missing_ids(s->diags, ids, 16);
	if (!n)
		return;
	cli_session h;
	if (cli_session_open(cli, &h, "HEAD", GOVMAP_STAGE_LOAD, 0) !=
	    EXIT_OK) {
		cli_close(&h);
		return;
	}
	/* the file in the working tree, as the user names it (-r PATH) */
	const char *r = cli->registry;
	size_t rl = strlen(r);
	const char *sep = rl && r[rl - 1] == '/' ? "" : "/";
	for (size_t k = 0; k < n; k++) {
		const govmap_entity *was = govmap_registry_find(h.reg, ids[k].id);
		const char *path = was ? cli_entity_path(h.src, was) : NULL;
		if (!path || !was->pos.file)
			continue;
		/* what the file holds now */
		const char *now = NULL;
		size_t held = 0;
		for (size_t i = 0; i < govmap_registry_count(s->reg); i++) {
			const govmap_entity *e = govmap_registry_at(s->reg, i);
			const char *p = cli_entity_path(s->src, e);
			if (p && strcmp(p, path) == 0 && held++ == 0)
				now = e->id;
		}
		char refs[64];
		snprintf(refs, sizeof refs, "%zu error%s above", ids[k].refs,
			 ids[k].refs == 1 ? "" : "s");
		if (held == 1)
			cli_note("'%s' (%s) is the id in HEAD of the entry in "
				 "%s%s%s, which is now '%s': if you renamed it, "
				 "'govmap rename %s %s' changes what links to it "
				 "too; or keep the old id",
				 ids[k].id, refs, r, sep, path, now, ids[k].id,
				 now);
		else if (held)
			cli_note("'%s' (%s) was in %s and is no longer in "
				 "%s%s%s: if you removed it, change what links "
				 "to it too",
				 ids[k].id, refs, was->pos.file, r, sep, path);
		else
			cli_note("'%s' (%s) was in %s, a file that is gone: if "
				 "you deleted it, change what links to it too; "
				 "to bring it back, git checkout HEAD -- %s%s%s",
				 ids[k].id, refs, was->pos.file, r, sep, path);
	}
	cli_close(&h);
}

int cmd_check(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"quiet", no_argument, NULL, 'q'},
		{"changed-since", required_argument, NULL, 'C'},
		{"findings", no_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int json = 0, quiet = 0, core = 0, c;
	const char *changed_since = NULL;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "qh", opts, "check")) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") != 0) {
				cli_err("check: unknown format '%s' (use text "
					"or json)",
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'q': quiet = 1; break;
		case 'C': changed_since = optarg; break;
		case 'F': core = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("check: unexpected argument '%s' (run 'govmap check "
			"--help')",
			argv[optind]);
		return EXIT_USAGE;
	}

	if (changed_since && json) {
		cli_err("check: --changed-since lists files as text: drop "
			"--format json");
		return EXIT_USAGE;
	}

	/* Load, validate, and the plugins' rules (each plugin in a forked
	 * child): no analysis, so the rules run on invalid data too. */
	cli_session s;
	int rc = cli_session_open(cli, &s, NULL,
				  core ? GOVMAP_STAGE_FINDINGS
				       : GOVMAP_STAGE_RULES,
				  0);
	if (core && rc == EXIT_OK && !s.an) {
		/* data errors: no analysis, so the plugins' rules alone */
		cli_close(&s);
		rc = cli_session_open(cli, &s, NULL, GOVMAP_STAGE_RULES, 0);
		if (rc == EXIT_OK)
			cli_note("check: --findings: the registry has errors, "
				 "so it was not analysed and the core rules did "
				 "not run");
	}
	if (!s.diags) {
		cli_close(&s);
		return rc;
	}
	govmap_diags *diags = s.diags;
	govmap_findings *findings = s.findings;
	govmap_src *src = s.src;
	const govmap_registry *reg = s.reg;
	if (quiet) {
		/* errors, and the warnings that a file was not read
		 * ("skip-yml", "skip-symlink", ...): its entries would be
		 * lost without a word (the pre-commit hook runs --quiet) */
		size_t k = 0;
		for (size_t i = 0; i < diags->n; i++) {
			if (diags->v[i].sev == GOVMAP_SEV_ERROR ||
			    (diags->v[i].code &&
			     strncmp(diags->v[i].code, "skip-", 5) == 0))
				diags->v[k++] = diags->v[i];
			else
				govmap_diag_clear(&diags->v[i]);
		}
		diags->n = k;
	}
	if (rc != EXIT_OK) {
		cli_print_diags(stderr, diags, cli->color);
		cli_close(&s);
		return rc;
	}
	if (cli->staged)
		cli_note_unstaged(cli);
	if (changed_since &&
	    (rc = cli_print_changed(cli, changed_since, src, reg, stdout))) {
		cli_close(&s);
		return rc;
	}
	if (quiet) {
		size_t k = 0;
		for (size_t i = 0; i < findings->n; i++) {
			if (findings->v[i].sev == GOVMAP_SEV_ERROR)
				findings->v[k++] = findings->v[i];
			else {
				free(findings->v[i].rule);
				free(findings->v[i].msg);
				free(findings->v[i].basis);
				free(findings->v[i].suppressed);
			}
		}
		findings->n = k;
	}
	if (json) {
		print_json(cli, src, reg, diags, findings);
	} else {
		size_t counts[GOVMAP_KIND__COUNT], active;
		size_t ne = diags->count[GOVMAP_SEV_ERROR];
		size_t nw = diags->count[GOVMAP_SEV_WARNING];
		cli_print_diags(stderr, diags, cli->color);
		note_gone_ids(cli, &s);
		cli_print_findings(stderr, findings, reg, cli->color);
		count_kinds(reg, cli->on, counts, &active);
		printf("%s (%s): %zu %s, %zu %s (%zu %s, %zu %s, %zu %s, %zu "
		       "%s)",
		       govmap_registry_name(reg), govmap_src_revision(src),
		       govmap_registry_nfiles(reg),
		       plural(govmap_registry_nfiles(reg), "file", "files"),
		       govmap_registry_count(reg),
		       plural(govmap_registry_count(reg), "entity", "entities"),
		       counts[0], plural(counts[0], "body", "bodies"),
		       counts[1], plural(counts[1], "board", "boards"),
		       counts[2], plural(counts[2], "contract", "contracts"),
		       counts[3], plural(counts[3], "link", "links"));
		if (cli->on_given) {
			char d[11];
			govmap_date_format(d, cli->on);
			printf(", %zu in force on %s", active, d);
		}
		printf(": %zu %s, %zu %s", ne, plural(ne, "error", "errors"),
		       nw, plural(nw, "warning", "warnings"));
		if (findings->n)
			printf("; rules: %zu %s, %zu %s, %zu info, %zu "
			       "suppressed",
			       findings->count[GOVMAP_SEV_ERROR],
			       plural(findings->count[GOVMAP_SEV_ERROR],
				      "error", "errors"),
			       findings->count[GOVMAP_SEV_WARNING],
			       plural(findings->count[GOVMAP_SEV_WARNING],
				      "warning", "warnings"),
			       findings->count[GOVMAP_SEV_INFO],
			       findings->nsuppressed);
		putchar('\n');
	}
	rc = diags->count[GOVMAP_SEV_ERROR] ||
			     findings->count[GOVMAP_SEV_ERROR]
		     ? EXIT_DATA
		     : EXIT_OK;
	cli_close(&s);
	return rc;
}
