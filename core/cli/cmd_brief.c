/*
 * cmd_brief.c - `govmap brief --region R`: the area brief for committee
 * papers (cli_brief.c builds and writes it).  Owns the options, the
 * region's resolution (a path, or a last segment or name that only one
 * region has; near misses suggested) and the output's rules (-o
 * atomic, --force, as `map`).
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_brief.h"
#include "cli_vcs.h"

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
	if (cli_output_dir_ok(cli, "brief", output) != EXIT_OK)
		return EXIT_USAGE;
	cli_session s;
	int rc = cli_open(cli, &s);
	if (rc != EXIT_OK)
		return rc;
	cli_warn_unread(cli, &s, NULL); /* a .yml file not read */
	char *r = NULL;
	rc = cli_resolve_region(s.reg, "brief", region, &r);
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
