/*
 * cli_util.c - helpers shared by the commands: loading the registry the
 * global options name, printing diagnostics, JSON string output.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_err(const char *fmt, ...)
{
	va_list ap;
	fputs("govmap: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return 1;
	}
	return 0;
}

int cli_load(govmap_cli *cli, govmap_src **src_out, govmap_registry **out,
	     govmap_diags *diags)
{
	govmap_src *src = NULL;
	int rc;
	*out = NULL;
	*src_out = NULL;
	if (cli->rev)
		rc = govmap_src_open_git(&src, cli->registry, cli->rev, NULL,
					 diags);
	else
		rc = govmap_src_open_dir(&src, cli->registry, NULL, diags);
	if (rc != GOVMAP_OK)
		return EXIT_USAGE;
	rc = govmap_registry_load(out, src, NULL, diags);
	if (!*out) {
		govmap_src_free(src);
		return EXIT_USAGE;
	}
	*src_out = src;
	return EXIT_OK;
}

void cli_print_diags(FILE *f, const govmap_diags *d, int color)
{
	static const char *const col[] = {"\033[1;36m", "\033[1;35m",
					  "\033[1;31m"};
	for (size_t i = 0; i < d->n; i++) {
		const govmap_diag *g = &d->v[i];
		if (!g->file)
			fputs("govmap: ", f);
		else if (g->line)
			fprintf(f, "%s:%u:%u: ", g->file, g->line, g->col);
		else
			fprintf(f, "%s: ", g->file);
		if (color)
			fprintf(f, "%s%s:\033[0m %s\n", col[g->sev],
				govmap_severity_name(g->sev), g->msg);
		else
			fprintf(f, "%s: %s\n", govmap_severity_name(g->sev),
				g->msg);
	}
	if (d->dropped)
		fprintf(f, "govmap: note: %zu more diagnostics not shown\n",
			d->dropped);
}

void cli_json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\u%04x", *p);
			else if (*p == '<' || *p == '>' || *p == '&')
				fprintf(f, "\\u%04x", *p); /* safe in HTML */
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}
