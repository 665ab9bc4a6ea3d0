/*
 * cli_lookup.c - turn what a user typed (an id, a name, an ONS or ODS
 * code, a short name) into one body or board, or list the near misses;
 * the near misses of an id that names nothing; a region path, or its
 * last part, into the region it names.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define SUGGEST 8 /* near misses listed */

/* Registry text on a terminal: control characters shown as '?'. */
/* Text typed by the user or read from the registry, escaped as every
 * message is (cli_path: controls, bidi and zero-width marks, invalid
 * UTF-8 as \xNN and \uNNNN). */
static void put_safe(FILE *f, const char *s)
{
	char buf[1024];
	fputs(cli_path(buf, sizeof buf, s), f);
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

size_t cli_distance(const char *a, const char *b)
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

long cli_nearest(const char *word, size_t n,
		 const char *(*at)(const void *ctx, size_t i),
		 const void *ctx, size_t maxd, size_t *dist)
{
	long near = -1;
	size_t best = maxd + 1;
	for (size_t i = 0; i < n && best; i++) {
		const char *c = at(ctx, i);
		size_t d = c ? cli_distance(word, c) : best;
		if (d < best) {
			best = d;
			near = (long)i;
		}
	}
	if (dist)
		*dist = best;
	return near;
}

static const char *last_part(const char *r)
{
	const char *p = strrchr(r, '/');
	return p ? p + 1 : r;
}

/* The region `what` names: a path, else the only region whose last part
 * it is.  Prints the error (with near misses) and returns EXIT_USAGE
 * when none or several match. */
int cli_resolve_region(const govmap_registry *reg, const char *cmd,
		       const char *what, char **out)
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
	fprintf(stderr, "govmap: error: %s: ", cmd);
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
		    cli_distance(lp, last_part(want)) > 2)
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
