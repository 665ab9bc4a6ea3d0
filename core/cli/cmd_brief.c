/*
 * cmd_brief.c - `govmap brief --region R`: the area brief for committee
 * papers (cli_brief.c builds and writes it).  Owns the options, the
 * region's resolution (a path, or a last segment or name that only one
 * region has; near misses suggested) and the output's rules (-o
 * atomic, --force, as `map`).
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_brief.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] brief --region R "
	      "[--format html|pdf]\n"
	      "              [-o FILE [--force]]\n"
	      "\n"
	      "Write the area brief of region R for committee papers: at "
	      "most two A4\n"
	      "pages with the headline figures, a map of the five largest "
	      "deficits and\n"
	      "their chains to voters printed large enough to read (no text "
	      "under 8 pt),\n"
	      "those five with their reasons, money and sources (at most two "
	      "bodies of one\n"
	      "type, the rest of the type summarised; equal deficits ranked "
	      "by exposure\n"
	      "where the money is known), the coverage note (money recorded, "
	      "dates\n"
	      "unknown) and the questions to ask.\n"
	      "\n"
	      "  --region R       a region path (england/greater-manchester), "
	      "or its last\n"
	      "                   part or name when only one region has it "
	      "(\"greater\n"
	      "                   manchester\")\n"
	      "  --format F       html (default, or from -o's extension) or "
	      "pdf\n"
	      "  -o, --output FILE  write to FILE (atomically); default "
	      "standard output\n"
	      "                   (-o - too); an existing FILE that is not "
	      "a regular file\n"
	      "                   (a symbolic link, FIFO, device) is refused\n"
	      "  --force          write into such a FILE in place (a link "
	      "followed)\n"
	      "  -h, --help       show this help\n",
	      f);
}

/* Registry text on a terminal: control characters shown as '?'. */
static void put_safe(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, f);
}

/* "Greater Manchester" or "greater_manchester" -> "greater-manchester". */
static void kebab(char *buf, size_t size, const char *s)
{
	size_t o = 0;
	int dash = 0;
	for (; *s && o + 1 < size; s++) {
		unsigned char ch = (unsigned char)*s;
		if (isalnum(ch) || ch == '/') {
			if (dash && o && buf[o - 1] != '/' && o + 1 < size)
				buf[o++] = '-';
			dash = 0;
			buf[o++] = (char)tolower(ch);
		} else {
			dash = 1;
		}
	}
	buf[o] = '\0';
}

/* Edit distance of two short strings, capped (0 when either is long). */
static size_t distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 60 || m > 60)
		return 99;
	size_t d[61][61];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t x = d[i - 1][j] + 1, y = d[i][j - 1] + 1,
			       z = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			d[i][j] = x < y ? (x < z ? x : z) : (y < z ? y : z);
		}
	return d[n][m];
}

static const char *last_part(const char *r)
{
	const char *p = strrchr(r, '/');
	return p ? p + 1 : r;
}

/* The region `what` names: a path, else the only region whose last part
 * it is.  Prints the error (with near misses) and returns EXIT_USAGE
 * when none or several match. */
static int resolve_region(const govmap_registry *reg, const char *what,
			  char **out)
{
	char **v;
	size_t n;
	char want[256];
	*out = NULL;
	if (cli_regions(reg, &v, &n) < 0) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	kebab(want, sizeof want, what);
	size_t hit = n, hits = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], want) == 0) {
			hit = i;
			hits = 1;
			break;
		}
	if (!hits)
		for (size_t i = 0; i < n; i++)
			if (strcmp(last_part(v[i]), last_part(want)) == 0 &&
			    !strchr(want, '/')) {
				hit = i;
				hits++;
			}
	if (hits == 1) {
		*out = strdup(v[hit]);
		cli_regions_free(v, n);
		if (!*out) {
			cli_err("out of memory");
			return EXIT_USAGE;
		}
		return EXIT_OK;
	}
	fputs("govmap: error: brief: ", stderr);
	if (hits > 1)
		fputs("more than one region is called '", stderr);
	else
		fputs("no region '", stderr);
	put_safe(stderr, what);
	fputs("' in the registry", stderr);
	/* near misses: the same last part, the text inside the path, or a
	 * letter or two off the last part */
	size_t shown = 0;
	for (size_t i = 0; i < n && shown < 8; i++) {
		const char *lp = last_part(v[i]);
		if (strcmp(lp, last_part(want)) != 0 &&
		    !(strlen(want) >= 3 && strstr(v[i], last_part(want))) &&
		    distance(lp, last_part(want)) > 2)
			continue;
		fputs(shown ? "\n  " : "; did you mean:\n  ", stderr);
		put_safe(stderr, v[i]);
		shown++;
	}
	fputs(shown ? "\n" : " (govmap complete regions lists them)\n",
	      stderr);
	cli_regions_free(v, n);
	return EXIT_USAGE;
}

int cmd_brief(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"format", required_argument, NULL, 'F'},
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, 'W'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *region = NULL, *output = NULL, *format = NULL;
	int force = 0, c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "o:h", opts, "brief")) != -1) {
		switch (c) {
		case 'r': region = optarg; break;
		case 'F': format = optarg; break;
		case 'o': output = optarg; break;
		case 'W': force = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("brief: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	if (!region || !*region) {
		cli_err("brief: give the region: --region R (govmap complete "
			"regions lists them)");
		return EXIT_USAGE;
	}
	if (!format && output && strrchr(output, '.') &&
	    (strcmp(strrchr(output, '.'), ".pdf") == 0 ||
	     strcmp(strrchr(output, '.'), ".html") == 0 ||
	     strcmp(strrchr(output, '.'), ".htm") == 0))
		format = strrchr(output, '.') + 1;
	if (format && strcmp(format, "htm") == 0)
		format = "html";
	int pdf = format && strcmp(format, "pdf") == 0;
	if (format && !pdf && strcmp(format, "html") != 0) {
		cli_err("brief: unknown format '%s' (use html or pdf)", format);
		return EXIT_USAGE;
	}
	if (pdf && (!output || strcmp(output, "-") == 0) &&
	    isatty(STDOUT_FILENO)) {
		cli_err("brief: not writing PDF to a terminal: use -o FILE");
		return EXIT_USAGE;
	}
	cli_session s;
	int rc = cli_open(cli, &s);
	if (rc != EXIT_OK)
		return rc;
	char *r = NULL;
	rc = resolve_region(s.reg, region, &r);
	if (rc != EXIT_OK) {
		cli_close(&s);
		return rc;
	}
	cli_brief b;
	govmap_diags d = {0};
	rc = cli_brief_build(&b, &s, r, cli->plugins, &d);
	cli_print_diags(stderr, &d, cli->color);
	if (rc == EXIT_OK && govmap_diags_nomem(&d)) {
		cli_err("out of memory");
		rc = EXIT_USAGE;
	}
	char *data = NULL;
	size_t len = 0;
	if (rc == EXIT_OK) {
		char err[300] = "";
		int w = pdf ? cli_brief_pdf(&data, &len, &b, err, sizeof err)
			    : cli_brief_html(&data, &len, &b, NULL, NULL);
		if (w < 0) {
			cli_err("brief: %s", err[0] ? err : "out of memory");
			rc = EXIT_USAGE;
		} else {
			rc = cli_write_output(output, data, len, force);
		}
	}
	free(data);
	cli_brief_free(&b);
	govmap_diags_free(&d);
	free(r);
	cli_close(&s);
	return rc;
}
