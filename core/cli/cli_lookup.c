/*
 * cli_lookup.c - turn what a user typed (an id, a name, an ONS or ODS
 * code, a short name) into one body or board, or list the near misses;
 * the near misses of an id that names nothing.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define SUGGEST 8 /* near misses listed */

/* Registry text on a terminal: control characters shown as '?'. */
static void put_safe(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, f);
}

/* "; did you mean:" and the n matches (at most SUGGEST shown), one a
 * line, or the end of the line when there are none. */
static void list_matches(const govmap_registry *reg, const govmap_match *m,
			 size_t n)
{
	if (!n) {
		fputc('\n', stderr);
		return;
	}
	fputs("; did you mean:\n", stderr);
	for (size_t k = 0; k < n && k < SUGGEST; k++) {
		const govmap_entity *e = govmap_registry_at(reg,
							    (size_t)m[k].index);
		fputs("  ", stderr);
		put_safe(stderr, e->name ? e->name : e->id);
		fprintf(stderr, " (%s)\n", e->id);
	}
	if (n > SUGGEST)
		fprintf(stderr, "  ... and %zu more\n", n - SUGGEST);
}

int cli_resolve(const govmap_registry *reg, const char *cmd,
		const char *what, int32_t *index)
{
	govmap_match m[SUGGEST];
	int unique = 0;
	errno = 0;
	size_t n = govmap_registry_lookup(reg, what, m, SUGGEST, &unique);
	if (!n && errno == ENOMEM) {
		cli_err("%s: out of memory", cmd);
		return EXIT_USAGE;
	}
	if (n && unique) {
		*index = m[0].index;
		return EXIT_OK;
	}
	fprintf(stderr, "govmap: error: %s: ", cmd);
	if (!n) {
		fputs("no body or board has the id, name or code '", stderr);
		put_safe(stderr, what);
		fputs("'\n", stderr);
		return EXIT_USAGE;
	}
	fputc('\'', stderr);
	put_safe(stderr, what);
	fputs("' does not name one body or board", stderr);
	list_matches(reg, m, n);
	return EXIT_USAGE;
}

int cli_no_id(const govmap_registry *reg, const char *cmd, const char *id,
	      const char *where)
{
	govmap_match m[SUGGEST];
	errno = 0;
	size_t n = reg ? govmap_registry_lookup(reg, id, m, SUGGEST, NULL) : 0;
	fprintf(stderr, "govmap: error: %s: no entity with id '", cmd);
	put_safe(stderr, id);
	fprintf(stderr, "' %s", where);
	list_matches(reg, m, n);
	return EXIT_USAGE;
}
