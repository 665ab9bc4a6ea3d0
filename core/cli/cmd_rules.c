/*
 * cmd_rules.c - `govmap rules`: every rule govmap applies, the core's and
 * each loaded plugin's, with its id, severity, title and legal basis.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "govmap/pluginhost.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] rules [--format text|json]\n"
	      "\n"
	      "List every rule: the core's, then each loaded plugin's, with "
	      "its id\n(the name to use in an entity's 'suppress' list), "
	      "severity, title and\nlegal or documentary basis.\n"
	      "\n"
	      "  --format text|json  text (default) or one JSON array\n"
	      "  -h, --help          show this help\n",
	      f);
}

static void print_rule(const govmap_rule_info *r, int json, int *first)
{
	if (json) {
		printf("%s{\"id\":", *first ? "" : ",");
		cli_json_str(stdout, r->id);
		printf(",\"severity\":\"%s\",\"title\":",
		       govmap_severity_name(r->severity));
		cli_json_str(stdout, r->title);
		printf(",\"basis\":");
		cli_json_str(stdout, r->basis);
		putchar('}');
	} else {
		printf("%s  %s\n  %s\n  basis: %s\n", r->id,
		       govmap_severity_name(r->severity), r->title,
		       r->basis ? r->basis : "(none given)");
		putchar('\n');
	}
	*first = 0;
}

int cmd_rules(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int json = 0, c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "h", opts, "rules")) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") != 0) {
				cli_err("rules: unknown format '%s' (use text "
					"or json)",
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("rules: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	govmap_diags diags = {0};
	int rc = cli_plugins_load(cli, &diags);
	cli_print_diags(stderr, &diags, cli->color);
	govmap_diags_free(&diags);
	if (rc != EXIT_OK)
		return rc;
	int first = 1;
	if (json)
		putchar('[');
	size_t n = 0;
	const govmap_rule_info *core = govmap_core_rules(&n);
	for (size_t i = 0; core && i < n; i++)
		print_rule(&core[i], json, &first);
	for (size_t i = 0; i < govmap_plugins_nrules(cli->plugins); i++)
		print_rule(govmap_plugins_rule(cli->plugins, i), json, &first);
	if (json)
		puts("]");
	return EXIT_OK;
}
