/*
 * lookup.c - find bodies and boards by id, code, name or short name, with
 * ranked suggestions for near misses (govmap_registry_lookup).
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/registry.h"
#include "util.h"

/* Words left out of a short name: "Sheffield City Council" is
 * "sheffield". */
static const char *const generic[] = {
	"the", "of", "city", "council", "borough", "metropolitan", "county",
	"district", "royal", "london", "unitary", NULL};

static int is_generic(const char *w, size_t n)
{
	for (size_t k = 0; generic[k]; k++)
		if (strlen(generic[k]) == n && strncmp(generic[k], w, n) == 0)
			return 1;
	return 0;
}

/* Trailing words an NHS body's short name also leaves out, longest
 * first ("NHS South Yorkshire Integrated Care Board" is "nhs south
 * yorkshire", and then "south yorkshire").  Not "partnership" or "ccg":
 * an ICP and a CCG would then share the short name of their ICB or
 * council. */
static const char *const generic_tail[] = {
	"nhs foundation trust", "integrated care board", "nhs trust", "icb",
	NULL};

/* Lower-case words of letters and digits joined by single spaces, in a
 * malloc'd string.  Short names (govmap_short_name's levels): 1 without
 * the generic words, 2 also without a generic tail, 3 also without a
 * leading "nhs"; the whole name's words when nothing would be left. */
static char *normalise(const char *s, int level)
{
	const char *orig = s;
	size_t n = strlen(s);
	char *o = malloc(n + 1), *p = o;
	if (!o)
		return NULL;
	while (*s) {
		while (*s && !isalnum((unsigned char)*s))
			s++;
		const char *w = s;
		while (*s && isalnum((unsigned char)*s))
			s++;
		size_t len = (size_t)(s - w);
		if (!len)
			break;
		char word[64];
		size_t wl = len < sizeof word - 1 ? len : sizeof word - 1;
		for (size_t k = 0; k < wl; k++)
			word[k] = (char)tolower((unsigned char)w[k]);
		if (level && is_generic(word, wl))
			continue;
		if (level >= 3 && p == o && wl == 3 && memcmp(word, "nhs", 3) == 0)
			continue;
		if (p != o)
			*p++ = ' ';
		memcpy(p, word, wl);
		p += wl;
	}
	*p = '\0';
	for (size_t k = 0; level >= 2 && generic_tail[k]; k++) {
		size_t tl = strlen(generic_tail[k]), ol = (size_t)(p - o);
		if (ol > tl + 1 && o[ol - tl - 1] == ' ' &&
		    strcmp(o + ol - tl, generic_tail[k]) == 0) {
			p = o + ol - tl - 1;
			*p = '\0';
			break;
		}
	}
	if (level && !*o) {
		free(o);
		return normalise(orig, 0);
	}
	return o;
}

size_t govmap_short_name(char *buf, size_t size, const char *name, int level)
{
	char *sn = name ? normalise(name, level < 1 ? 1 : level > 3 ? 3 : level)
			: NULL;
	size_t n = sn ? strlen(sn) : 0;
	if (size) {
		size_t k = n < size - 1 ? n : size - 1;
		if (sn)
			memcpy(buf, sn, k);
		buf[k] = '\0';
	}
	free(sn);
	return n;
}

/* Whether the words of `q` appear, whole and in order, in `words`. */
static int has_words(const char *words, const char *q)
{
	size_t n = strlen(q);
	for (const char *p = words; (p = strstr(p, q)) != NULL; p++)
		if ((p == words || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

static int ci_equal(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

/* The match score of `e`, or -1 when memory ran out. */
static int score_of(const govmap_entity *e, const char *query,
		    const char *nq, const char *kq, const char *sq)
{
	if (strcmp(e->id, query) == 0)
		return 100;
	if (e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD)
		return 0;
	for (size_t k = 0; k < e->ncodes; k++)
		if (e->codes[k].value && ci_equal(e->codes[k].value, query))
			return 90;
	if (!*nq)
		return 0;
	int best = 0;
	char *name = e->name ? normalise(e->name, 0) : NULL;
	char *sn = e->name ? normalise(e->name, 1) : NULL;
	char *sn2 = e->name ? normalise(e->name, 2) : NULL;
	char *sn3 = e->name ? normalise(e->name, 3) : NULL;
	if (e->name && (!name || !sn || !sn2 || !sn3)) {
		free(name);
		free(sn);
		free(sn2);
		free(sn3);
		return -1;
	}
	if (name && sn && sn2 && sn3) {
		if (strcmp(name, nq) == 0)
			best = 80;
		else if (strcmp(sn, nq) == 0)
			best = 70;
		else if (strcmp(sn2, nq) == 0)
			best = 65;
		else if (strcmp(sn3, sn) != 0 && strcmp(sn3, sq) == 0)
			best = 60; /* only an NHS body's own shortening */
		else if (has_words(name, nq))
			best = 40;
		else if (strstr(name, nq))
			best = 30;
		else {
			size_t cap = strlen(nq) < 5 ? 1 : 2;
			/* govmap__edit_distance returns cap + 1 beyond
			 * cap, and for names of more than 64 bytes */
			size_t d = govmap__edit_distance(sn, nq, cap + 1);
			if (d > cap)
				d = govmap__edit_distance(name, nq, cap + 1);
			if (d <= cap)
				best = 20 - (int)d;
		}
	}
	free(sn2);
	free(sn3);
	if (best < 30 && *kq && strstr(e->id, kq))
		best = 30;
	/* an id typed with a slip (bnsg-icb, bnssg-icbb): the name may be
	 * nothing like it, so compare the ids themselves; above a name's
	 * near miss, below a part of the name */
	if (best < 25 && *kq) {
		size_t cap = strlen(kq) < 5 ? 1 : 2;
		size_t d = govmap__edit_distance(e->id, kq, cap + 1);
		if (d <= cap)
			best = 25 - (int)d;
	}
	free(name);
	free(sn);
	return best;
}

typedef struct {
	govmap_match m;
	const char *name;
} ranked;

static int ranked_cmp(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->m.score != y->m.score)
		return x->m.score > y->m.score ? -1 : 1;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->m.index > y->m.index) - (x->m.index < y->m.index);
}

size_t govmap_registry_lookup(const govmap_registry *reg, const char *query,
			      govmap_match *out, size_t max, int *unique)
{
	if (unique)
		*unique = 0;
	if (!reg || !query)
		return 0;
	char *nq = normalise(query, 0);
	char *kq = nq ? strdup(nq) : NULL;
	char *sq = nq ? normalise(query, 3) : NULL;
	if (!nq || !kq || !sq) {
		free(nq);
		free(kq);
		free(sq);
		errno = ENOMEM;
		return 0;
	}
	for (char *p = kq; *p; p++)
		if (*p == ' ')
			*p = '-';
	size_t n = govmap_registry_count(reg), found = 0;
	ranked *v = malloc((n ? n : 1) * sizeof(*v));
	if (!v) {
		free(nq);
		free(kq);
		free(sq);
		errno = ENOMEM;
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		int sc = score_of(e, query, nq, kq, sq);
		if (sc < 0) {
			/* a name not compared is not "no match" */
			free(v);
			free(nq);
			free(kq);
			free(sq);
			errno = ENOMEM;
			return 0;
		}
		if (sc > 0)
			v[found++] = (ranked){{(int32_t)i, sc},
					      e->name ? e->name : e->id};
	}
	/* a board named after its body ("Board of NHS X") matches as well
	 * as the body: the body comes first, and alone is certain */
	for (size_t k = 0; k < found; k++) {
		const govmap_entity *e = govmap_registry_at(reg, (size_t)v[k].m.index);
		if (e->kind != GOVMAP_KIND_BOARD || e->of.target < 0)
			continue;
		for (size_t j = 0; j < found; j++)
			if (v[j].m.index == e->of.target &&
			    v[j].m.score == v[k].m.score) {
				v[k].m.score--;
				break;
			}
	}
	qsort(v, found, sizeof(*v), ranked_cmp);
	if (unique && found &&
	    (v[0].m.score == 100 ||
	     (v[0].m.score >= 60 &&
	      (found == 1 || v[1].m.score < v[0].m.score))))
		*unique = 1;
	for (size_t k = 0; k < found && k < max; k++)
		out[k] = v[k].m;
	free(v);
	free(nq);
	free(kq);
	free(sq);
	return found;
}
