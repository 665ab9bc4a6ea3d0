/*
 * cmd_complete.c - `govmap complete WHAT`, a hidden command for the shell
 * completion scripts (core/cli/completion/govmap.bash, core/cli/completion/_govmap): the
 * command names, and the registry's entity ids and region paths, one a
 * line.  It prints nothing else, never an error (a shell completing a
 * word must not see one), and exits 0 even without a registry.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Every region path and its ancestors, sorted and unique. */
static void print_regions(const govmap_registry *reg)
{
	char **v;
	size_t n;
	if (cli_regions(reg, &v, &n) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		puts(v[i]);
	cli_regions_free(v, n);
}

int cmd_complete(govmap_cli *cli, int argc, char **argv)
{
	if (argc < 2 || cli_wants_help(argc, argv)) {
		puts("usage: govmap complete commands|ids|regions\n\n"
		     "Words for the shell completion scripts, one a line "
		     "(hidden from 'govmap help').");
		return EXIT_OK;
	}
	if (strcmp(argv[1], "ids") != 0 && strcmp(argv[1], "regions") != 0)
		return EXIT_OK; /* "commands" is answered by main.c */
	cli_session s;
	if (cli_session_open(cli, &s, NULL, GOVMAP_STAGE_LOAD, 1) == EXIT_OK &&
	    s.reg) {
		if (strcmp(argv[1], "ids") == 0)
			for (size_t i = 0; i < govmap_registry_count(s.reg); i++)
				puts(govmap_registry_at(s.reg, i)->id);
		else
			print_regions(s.reg);
	}
	cli_close(&s);
	return EXIT_OK;
}
