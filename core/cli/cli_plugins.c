/*
 * cli_plugins.c - the CLI's side of the plugin host: building the search
 * path from the global options, loading the plugins once per run,
 * running their rules, and printing findings gcc-style.
 *
 * The library (plugin_host.c) does the loading and the isolation; this
 * file only decides where to look and how to show the results.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "govmap/pluginhost.h"

int cli_plugins_load(govmap_cli *cli, govmap_diags *diags)
{
	if (cli->plugins) {
		govmap_diags_append(diags, &cli->plugin_diags);
		return EXIT_OK;
	}
	int rc = govmap_plugins_open(&cli->plugins, cli->plugin_path,
				     "--plugin-path", &cli->plugin_diags);
	if (diags)
		govmap_diags_append(diags, &cli->plugin_diags);
	if (rc == GOVMAP_ENOMEM) {
		cli_err("out of memory loading plugins");
		return EXIT_USAGE;
	}
	if (rc != GOVMAP_OK) {
		/* a bad $GOVMAP_RULE_TIMEOUT: say so now, once */
		cli_print_diags(stderr, &cli->plugin_diags, cli->color);
		govmap_diags_free(&cli->plugin_diags);
		cli->plugin_diags_shown = 1;
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

void cli_plugins_free(govmap_cli *cli)
{
	govmap_plugins_free(cli->plugins);
	govmap_diags_free(&cli->plugin_diags);
	cli->plugins = NULL;
}

void cli_print_findings(FILE *f, const govmap_findings *fs,
			const govmap_registry *reg, int color)
{
	static const char *const col[] = {"\033[1;36m", "\033[1;35m",
					  "\033[1;31m"};
	for (int pass = 0; pass < 2; pass++) {
		int header = 0;
		for (size_t i = 0; i < fs->n; i++) {
			const govmap_finding *x = &fs->v[i];
			if ((pass == 0) != (x->suppressed == NULL))
				continue;
			if (pass == 1 && !header) {
				fprintf(f, "suppressed findings (reviewed "
					   "exceptions):\n");
				header = 1;
			}
			if (x->pos.file && x->pos.line)
				fprintf(f, "%s:%u:%u: ", x->pos.file,
					x->pos.line, x->pos.col);
			else if (x->pos.file)
				fprintf(f, "%s: ", x->pos.file);
			else
				fputs("govmap: ", f);
			if (pass == 1)
				fprintf(f, "suppressed %s: [%s] %s (reason: %s)"
					   "\n",
					govmap_severity_name(x->sev), x->rule,
					x->msg, x->suppressed);
			else if (color)
				fprintf(f, "%s%s:\033[0m [%s] %s\n",
					col[x->sev], govmap_severity_name(x->sev),
					x->rule, x->msg);
			else
				fprintf(f, "%s: [%s] %s\n",
					govmap_severity_name(x->sev), x->rule,
					x->msg);
		}
	}
	(void)reg;
}
