/*
 * cmd_plugins.c - `govmap plugins`: the search path, the plugins loaded
 * from it (version, path, regions, types, rules) and those refused, as
 * diagnostics on stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "govmap/pluginhost.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] plugins [--quiet]\n"
	      "\n"
	      "Find and load every region plugin (<name>.so) on the search "
	      "path and\n"
	      "list what each declares.  The search path, in order:\n"
	      "  the --plugin-path DIR, $GOVMAP_PLUGIN_PATH (colon-separated),\n"
	      "  the build tree (the govmap binary's directory + /plugins),\n"
	      "  the install directory (" GOVMAP_PLUGIN_DIR ").\n"
	      "A plugin that cannot be loaded is reported on stderr with the "
	      "reason\nand a hint.\n"
	      "\n"
	      "  -q, --quiet  list names and versions only\n"
	      "  -h, --help   show this help\n"
	      "\n"
	      "Exit status: 0 all plugins found were loaded, 1 some were "
	      "refused\n(or the --plugin-path DIR is not a directory), 2 "
	      "usage error.\n",
	      f);
}

static void list(const char *label, const char *const *l)
{
	if (!l || !*l)
		return;
	printf("  %-12s", label);
	for (size_t i = 0; l[i]; i++)
		printf("%s%s", i ? ", " : "", l[i]);
	putchar('\n');
}

int cmd_plugins(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int quiet = 0, c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "qh", opts, "plugins")) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("plugins: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	govmap_diags diags = {0};
	int rc = cli_plugins_load(cli, &diags);
	cli_print_diags(stderr, &diags, cli->color);
	if (rc != EXIT_OK) {
		govmap_diags_free(&diags);
		return rc;
	}
	const govmap_plugins *ps = cli->plugins;
	if (!quiet) {
		printf("search path:\n");
		for (size_t i = 0; i < govmap_plugins_ndirs(ps); i++) {
			const char *origin;
			int exists;
			const char *d = govmap_plugins_dir(ps, i, &origin,
							   &exists);
			fputs("  ", stdout);
			cli_text(stdout, d);
			printf(" (%s%s)\n", origin, exists ? "" : ", missing");
		}
	}
	size_t n = govmap_plugins_count(ps);
	if (!quiet)
		printf("\n%zu plugin%s loaded\n", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		const govmap_plugin *d = govmap_plugins_at(ps, i);
		printf("%s%s %s\n", quiet ? "" : "\n", d->name, d->version);
		if (quiet)
			continue;
		if (d->description)
			printf("  %s\n", d->description);
		printf("  %-12s", "path");
		cli_text(stdout, govmap_plugins_path(ps, i));
		putchar('\n');
		list("regions", d->regions);
		list("body types", d->body_types);
		list("board types", d->board_types);
		if (d->link_types && d->link_types[0].name) {
			printf("  %-12s", "link types");
			for (size_t j = 0; d->link_types[j].name; j++) {
				printf("%s%s", j ? ", " : "",
				       d->link_types[j].name);
				if (d->link_types[j].strength > 0)
					printf(" (strength %.2f)",
					       d->link_types[j].strength);
			}
			putchar('\n');
		}
		for (size_t j = 0; d->rules && d->rules[j].id; j++)
			printf("  %-12s%s/%s (%s): %s\n", j ? "" : "rules",
			       d->name, d->rules[j].id,
			       govmap_severity_name(d->rules[j].severity),
			       d->rules[j].title);
	}
	if (!quiet)
		for (size_t i = 0; i < govmap_plugins_nshadowed(ps); i++) {
			const char *w;
			const char *p = govmap_plugins_shadowed(ps, i, &w);
			printf("\nnot loaded: %s (shadowed by %s)\n", p, w);
		}
	rc = diags.n ? EXIT_DATA : EXIT_OK;
	govmap_diags_free(&diags);
	return rc;
}
