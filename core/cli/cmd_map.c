/*
 * cmd_map.c - `govmap map`: draw the accountability map.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "govmap/map.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] map [--region R] [--focus ID "
	      "[--depth N]]\n"
	      "              [--national] [--collapse N] [--format "
	      "svg|png|pdf|dot|json]\n"
	      "              [-o FILE]\n"
	      "\n"
	      "Draw who answers to whom: voters at the top, each body below "
	      "them coloured\n"
	      "by its democratic deficit (yellow = strong chain to voters, "
	      "dark red = weak\n"
	      "or none), sized by public money, edges styled by link type.\n"
	      "\n"
	      "  --region R       only region R and below (e.g. "
	      "england/greater-manchester)\n"
	      "  --focus ID       only the bodies within --depth links of ID\n"
	      "  --depth N        hops around --focus (default 2)\n"
	      "  --national       one node per footprint (region with a '/')\n"
	      "  --collapse N     draw groups of more than N like bodies of "
	      "one footprint\n"
	      "                   as one summary node (default 12)\n"
	      "  --format F       svg (default, or from -o's extension), png, "
	      "pdf, dot, json\n"
	      "  --link-base URL  make nodes links to URL + ID + \".html\"\n"
	      "  -o, --output FILE  write to FILE (atomically); default "
	      "standard output\n"
	      "  -h, --help       show this help\n"
	      "\n"
	      "Layout runs in a child process with a time limit; a map too "
	      "big to lay out\n"
	      "fails with a clear message instead of hanging.\n",
	      f);
}

int cmd_map(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"focus", required_argument, NULL, 'f'},
		{"depth", required_argument, NULL, 'd'},
		{"national", no_argument, NULL, 'n'},
		{"collapse", required_argument, NULL, 'c'},
		{"format", required_argument, NULL, 'F'},
		{"link-base", required_argument, NULL, 'l'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	govmap_map_opts mo = {0};
	const char *output = NULL, *format = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "o:h", opts, "map")) != -1) {
		char *end;
		switch (c) {
		case 'r': mo.region = optarg; break;
		case 'f': mo.focus = optarg; break;
		case 'n': mo.national = 1; break;
		case 'l': mo.link_base = optarg; break;
		case 'F': format = optarg; break;
		case 'o': output = optarg; break;
		case 'd':
		case 'c': {
			unsigned long v = strtoul(optarg, &end, 10);
			if (*end || !*optarg || v < 1 || v > 50) {
				cli_err("map: --%s must be a number from 1 to "
					"50",
					c == 'd' ? "depth" : "collapse");
				return EXIT_USAGE;
			}
			if (c == 'd')
				mo.depth = (unsigned)v;
			else
				mo.collapse = (unsigned)v;
			break;
		}
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("map: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	if (!format && output && strrchr(output, '.'))
		format = strrchr(output, '.') + 1;
	int fmt = govmap_map_format_parse(format ? format : "svg");
	if (fmt < 0) {
		cli_err("map: unknown format '%s' (use svg, png, pdf, dot or "
			"json)",
			format);
		return EXIT_USAGE;
	}
	if ((!output || strcmp(output, "-") == 0) &&
	    (fmt == GOVMAP_MAP_PNG || fmt == GOVMAP_MAP_PDF) &&
	    isatty(STDOUT_FILENO)) {
		cli_err("map: not writing %s to a terminal: use -o FILE",
			format);
		return EXIT_USAGE;
	}
	cli_session s;
	int rc = cli_open(cli, &s);
	if (rc != EXIT_OK)
		return rc;
	char title[700];
	snprintf(title, sizeof title, "govmap: %s%s%s", s.title,
		 mo.region ? ", region " : "", mo.region ? mo.region : "");
	mo.title = title;
	mo.findings = &s.findings;
	char *data = NULL;
	size_t len = 0;
	govmap_diags d = {0};
	int r = govmap_map_render(&data, &len, s.an, &mo, (govmap_map_format)fmt,
				  &d);
	cli_print_diags(stderr, &d, cli->color);
	if (r == GOVMAP_OK)
		rc = cli_write_output(output, data, len);
	else
		rc = r == GOVMAP_ENOTFOUND ? EXIT_USAGE : EXIT_DATA;
	free(data);
	govmap_diags_free(&d);
	cli_close(&s);
	return rc;
}
