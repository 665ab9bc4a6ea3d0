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
	if (cli->plugins)
		return EXIT_OK;
	govmap_plugins *ps;
	if (govmap_plugins_new(&ps) != GOVMAP_OK) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	int rc = GOVMAP_OK;
	if (cli->plugin_path)
		rc = govmap_plugins_add_dir(ps, cli->plugin_path,
					    "--plugin-path");
	if (rc == GOVMAP_OK)
		rc = govmap_plugins_add_default_dirs(ps);
	const char *t = getenv("GOVMAP_RULE_TIMEOUT");
	if (t && *t) {
		char *end;
		unsigned long v = strtoul(t, &end, 10);
		if (*end || v == 0 || v > 3600) {
			cli_err("GOVMAP_RULE_TIMEOUT must be a number of "
				"seconds from 1 to 3600, not '%s'",
				t);
			govmap_plugins_free(ps);
			return EXIT_USAGE;
		}
		govmap_plugins_set_timeout(ps, (unsigned)v);
	}
	if (rc == GOVMAP_OK)
		rc = govmap_plugins_discover(ps, diags);
	cli->plugins = ps;
	if (rc != GOVMAP_OK) {
		cli_err("out of memory loading plugins");
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

void cli_plugins_load_opts(govmap_cli *cli, govmap_load_opts *opts)
{
	govmap_plugins_types(cli->plugins, &opts->extra_body_types,
			     &opts->extra_board_types,
			     &opts->extra_link_types);
}

void cli_plugins_check_registry(govmap_cli *cli, const govmap_src *src,
				const govmap_registry *reg,
				govmap_diags *diags)
{
	if (!cli->plugins)
		return;
	char manifest[4096];
	snprintf(manifest, sizeof manifest, "%s/govmap.yaml",
		 govmap_src_label(src));
	govmap_plugins_check_registry(cli->plugins, reg, manifest, diags);
}

void cli_plugins_run(govmap_cli *cli, const govmap_registry *reg,
		     govmap_findings *out, govmap_diags *diags)
{
	if (!cli->plugins || !reg)
		return;
	govmap_plugins_run(cli->plugins, reg, cli->on, out, diags);
}

void cli_plugins_free(govmap_cli *cli)
{
	govmap_plugins_free(cli->plugins);
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
