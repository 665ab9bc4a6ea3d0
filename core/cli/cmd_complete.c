/*
 * cmd_complete.c - `govmap complete WHAT`, a hidden command for the shell
 * completion scripts (completion/govmap.bash, completion/_govmap): the
 * command names, and the registry's entity ids and region paths, one a
 * line.  It prints nothing else, never an error (a shell completing a
 * word must not see one), and exits 0 even without a registry.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every region path and its ancestors, sorted and unique. */
static void print_regions(const govmap_registry *reg)
{
	size_t n = govmap_registry_count(reg), k = 0, cap = 0;
	char **v = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *r = govmap_registry_at(reg, i)->region;
		for (size_t j = 0; r; j++) {
			if (r[j] != '/' && r[j] != '\0')
				continue;
			if (k == cap) {
				cap = cap ? cap * 2 : 256;
				char **nv = realloc(v, cap * sizeof(*v));
				if (!nv)
					goto out;
				v = nv;
			}
			if (!(v[k] = strndup(r, j)))
				goto out;
			k++;
			if (!r[j])
				break;
		}
	}
out:
	if (k)
		qsort(v, k, sizeof(*v), by_str);
	for (size_t i = 0; i < k; i++) {
		if (!i || strcmp(v[i], v[i - 1]) != 0)
			puts(v[i]);
	}
	for (size_t i = 0; i < k; i++)
		free(v[i]);
	free(v);
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
