/*
 * util.c - string helpers, edit distance and the id hash table.
 *
 * Pure functions over memory; no I/O, no knowledge of the model.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/common.h"
#include "util.h"

char *govmap__vasprintf(const char *fmt, va_list ap)
{
	/* most strings are short: one formatting into the stack, a second
	 * only for a longer one */
	char buf[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(buf, sizeof buf, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	if ((size_t)n < sizeof buf)
		memcpy(s, buf, (size_t)n + 1);
	else
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *govmap__asprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = govmap__vasprintf(fmt, ap);
	va_end(ap);
	return s;
}

size_t govmap__edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return cap;
	if ((la > lb ? la - lb : lb - la) >= cap)
		return cap;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0], best;
		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t sub = prev + (a[i - 1] != b[j - 1]);
			size_t v = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1
							       : row[j - 1] + 1;
			row[j] = v < sub ? v : sub;
			prev = cur;
			if (row[j] < best)
				best = row[j];
		}
		if (best >= cap)
			return cap;
	}
	return row[lb] < cap ? row[lb] : cap;
}

const char *govmap__did_you_mean(const char *word, const char *const *cands,
				 size_t n)
{
	const char *best = NULL;
	size_t len = strlen(word);
	size_t limit = len / 3 > 2 ? len / 3 : 2;
	size_t bestd = limit + 1;
	for (size_t i = 0; i < n; i++) {
		if (!cands[i])
			continue;
		/* a prefix match ("mon" for "money") counts as close */
		size_t lc = strlen(cands[i]);
		size_t d;
		if (len >= 3 && lc > len && strncmp(cands[i], word, len) == 0)
			d = 1;
		else
			d = govmap__edit_distance(word, cands[i], limit + 1);
		if (d <= limit && d < bestd) {
			best = cands[i];
			bestd = d;
		}
	}
	return best;
}

static size_t len_bucket(const char *w)
{
	size_t l = strlen(w);
	return l > 64 ? 65 : l;
}

int govmap__suggest_init(govmap__suggest *s, const char *const *words,
			 size_t n, size_t cap, size_t budget)
{
	memset(s, 0, sizeof(*s));
	s->words = words;
	s->n = n;
	s->cap = cap;
	s->budget = budget;
	s->order = malloc((n ? n : 1) * sizeof(*s->order));
	if (!s->order)
		return -1;
	/* a counting sort by length keeps the given order in each bucket */
	size_t count[67] = {0};
	for (size_t i = 0; i < n; i++)
		count[len_bucket(words[i]) + 1]++;
	for (size_t b = 0; b < 66; b++)
		count[b + 1] += count[b];
	memcpy(s->start, count, sizeof(s->start));
	for (size_t i = 0; i < n; i++)
		s->order[count[len_bucket(words[i])]++] = (uint32_t)i;
	return 0;
}

int64_t govmap__suggest_near(govmap__suggest *s, const char *word,
			     size_t maxd)
{
	size_t len = len_bucket(word), bestd = maxd + 1, spent = 0;
	int64_t best = -1;
	if (len > 64 || !s->order)
		return -1; /* edit_distance does not compare such words */
	/* buckets by distance of length: L, L-1, L+1, L-2, ... while they
	 * can still hold a word as near as the best so far */
	for (size_t dl = 0; dl <= maxd && dl <= bestd; dl++) {
		for (int side = 0; side < (dl ? 2 : 1); side++) {
			if (side == 0 && dl > len)
				continue;
			size_t b = side == 0 ? len - dl : len + dl;
			if (b > 64)
				continue;
			for (size_t k = s->start[b]; k < s->start[b + 1]; k++) {
				if (!s->budget || spent >= s->cap)
					return best;
				s->budget--;
				spent++;
				uint32_t i = s->order[k];
				size_t d = govmap__edit_distance(word, s->words[i],
								 bestd + 1);
				if (d < bestd || (d == bestd && d <= maxd &&
						  (int64_t)i < best)) {
					bestd = d;
					best = i;
				}
			}
		}
	}
	return bestd <= maxd ? best : -1;
}

void govmap__suggest_free(govmap__suggest *s)
{
	free(s->order);
	s->order = NULL;
}

/* Length of the valid UTF-8 sequence at s (1 to 4), or 0 when s does not
 * start one (a stray continuation byte, an overlong or out-of-range lead,
 * a truncated sequence). */
static size_t utf8_len(const unsigned char *s)
{
	size_t n;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4;
	else
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return n;
}


/* The code point of the valid UTF-8 sequence at u of length n. */
static unsigned utf8_cp(const unsigned char *u, size_t n)
{
	switch (n) {
	case 2: return (u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu);
	case 3: return (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 |
		       (u[2] & 0x3Fu);
	case 4: return (u[0] & 0x07u) << 18 | (u[1] & 0x3Fu) << 12 |
		       (u[2] & 0x3Fu) << 6 | (u[3] & 0x3Fu);
	default: return u[0];
	}
}

static int rtl_letter(unsigned cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) ||
	       (cp >= 0xFB1D && cp <= 0xFDFF) ||
	       (cp >= 0xFE70 && cp <= 0xFEFC) ||
	       (cp >= 0x10800 && cp <= 0x10FFF) ||
	       (cp >= 0x1E800 && cp <= 0x1EFFF);
}

unsigned govmap__text_invisible(const char *s, int name)
{
	int rtl = 0;
	if (name)
		for (const unsigned char *u = (const unsigned char *)s; *u;) {
			size_t n = utf8_len(u);
			n = n ? n : 1;
			rtl |= rtl_letter(utf8_cp(u, n));
			u += n;
		}
	for (const unsigned char *u = (const unsigned char *)s; *u;) {
		size_t n = utf8_len(u);
		n = n ? n : 1;
		unsigned cp = utf8_cp(u, n);
		/* a right-to-left name may need the marks that order it */
		int mark = cp == 0x200E || cp == 0x200F || cp == 0x061C;
		if (n > 1 && govmap__invisible_control(cp) && !(mark && rtl))
			return cp;
		u += n;
	}
	return 0;
}

char *govmap__escape(char *buf, size_t size, const char *s, size_t max)
{
	size_t o = 0, chars = 0;
	if (size < 8) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	while (*s) {
		const unsigned char *u = (const unsigned char *)s;
		/* one character: a control character or a byte that is not
		 * valid UTF-8 as \xNN, an invisible control as \uNNNN, else
		 * one whole UTF-8 sequence */
		size_t in = utf8_len(u);
		int hex = in == 0 || u[0] < 0x20 || u[0] == 0x7f;
		unsigned cp = in == 2 ? (u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu)
			      : in == 3 ? (u[0] & 0x0Fu) << 12 |
					  (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu)
					: 0;
		int uni = govmap__invisible_control(cp);
		size_t out = hex ? 4 : uni ? 6 : in;
		if (hex)
			in = 1;
		if ((max && chars >= max) || o + out + 4 > size) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		if (hex)
			snprintf(buf + o, size - o, "\\x%02X", u[0]);
		else if (uni)
			snprintf(buf + o, size - o, "\\u%04X", cp);
		else
			memcpy(buf + o, s, in);
		o += out;
		s += in;
		chars++;
	}
	buf[o] = '\0';
	return buf;
}

char *govmap_text_escape(char *buf, size_t size, const char *s)
{
	return govmap__escape(buf, size, s ? s : "", 0);
}

char *govmap__escape_dup(const char *s)
{
	/* the escaper's widest is four bytes a byte (\xNN for a byte that
	 * is not UTF-8); \uNNNN takes at most three a byte */
	size_t n = strlen(s ? s : "") * 4 + 8;
	char *d = malloc(n);
	return d ? govmap_text_escape(d, n, s) : NULL;
}

char *govmap__quote(char *buf, size_t size, const char *s)
{
	return govmap__escape(buf, size, s, 80);
}

uint64_t govmap__mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t govmap__hash(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
	for (; n >= 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, n); /* the last 0 to 7 bytes, zero-padded */
	return govmap__mix64(h ^ w);
}

int govmap__strmap_init(govmap__strmap *m, size_t expected)
{
	size_t cap = 16;
	while (cap < expected * 2)
		cap *= 2;
	m->keys = calloc(cap, sizeof(*m->keys));
	m->vals = calloc(cap, sizeof(*m->vals));
	m->hashes = calloc(cap, sizeof(*m->hashes));
	m->cap = cap;
	m->n = 0;
	if (!m->keys || !m->vals || !m->hashes) {
		govmap__strmap_free(m);
		return -1;
	}
	return 0;
}

static int strmap_grow(govmap__strmap *m)
{
	govmap__strmap bigger;
	if (govmap__strmap_init(&bigger, m->cap) < 0)
		return -1;
	size_t mask = bigger.cap - 1;
	for (size_t k = 0; k < m->cap; k++) {
		if (!m->keys[k])
			continue;
		/* the keys are distinct: the first free slot, no compare */
		size_t i = m->hashes[k] & mask;
		while (bigger.keys[i])
			i = (i + 1) & mask;
		bigger.keys[i] = m->keys[k];
		bigger.vals[i] = m->vals[k];
		bigger.hashes[i] = m->hashes[k];
		bigger.n++;
	}
	govmap__strmap_free(m);
	*m = bigger;
	return 0;
}

int govmap__strmap_put(govmap__strmap *m, const char *key, int32_t val,
		       int32_t *old)
{
	if ((m->n + 1) * 2 > m->cap && strmap_grow(m) < 0)
		return -1;
	size_t mask = m->cap - 1;
	uint32_t h = (uint32_t)govmap__hash(key);
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		if (!m->keys[i]) {
			m->keys[i] = key;
			m->vals[i] = val;
			m->hashes[i] = h;
			m->n++;
			return 0;
		}
		if (m->hashes[i] == h && strcmp(m->keys[i], key) == 0) {
			if (old)
				*old = m->vals[i];
			return 1;
		}
	}
}

static size_t fine_slot(const char *type)
{
	return (size_t)govmap__mix64((uint64_t)(uintptr_t)type) & 15;
}

int govmap__fine_type(const govmap__fine_types *m, const char *type)
{
	return m->slot[fine_slot(type)] == type ||
	       (m->last && strcmp(m->last, type) == 0);
}

void govmap__fine_type_mark(govmap__fine_types *m, const char *type)
{
	m->slot[fine_slot(type)] = type;
	m->last = type;
}

int32_t govmap__strmap_get(const govmap__strmap *m, const char *key)
{
	if (!m->cap)
		return -1;
	size_t mask = m->cap - 1;
	uint32_t h = (uint32_t)govmap__hash(key);
	for (size_t i = h & mask; m->keys[i]; i = (i + 1) & mask)
		if (m->hashes[i] == h && strcmp(m->keys[i], key) == 0)
			return m->vals[i];
	return -1;
}

void govmap__strmap_free(govmap__strmap *m)
{
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	m->keys = NULL;
	m->vals = NULL;
	m->hashes = NULL;
	m->cap = m->n = 0;
}

struct govmap__arena_block {
	govmap__arena_block *next;
	size_t size;
	max_align_t data[];
};

void *govmap__arena_alloc_raw(govmap__arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (!a->head || a->used + n > a->size) {
		size_t size = n > 32768 ? n : 32768;
		govmap__arena_block *b = malloc(sizeof(*b) + size);
		if (!b)
			return NULL;
		b->next = a->head;
		b->size = size;
		a->head = b;
		a->used = 0;
		a->size = size;
	}
	void *p = (char *)a->head->data + a->used;
	a->used += n;
	a->total += n;
	return p;
}

void *govmap__arena_alloc(govmap__arena *a, size_t n)
{
	void *p = govmap__arena_alloc_raw(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

void govmap__arena_reset(govmap__arena *a)
{
	/* keep the newest block, free the rest */
	if (!a->head)
		return;
	govmap__arena_block *b = a->head->next;
	while (b) {
		govmap__arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head->next = NULL;
	a->used = 0;
	a->size = a->head->size;
	a->total = 0;
}

char *govmap__arena_strndup(govmap__arena *a, const char *s, size_t n)
{
	char *p = govmap__arena_alloc_raw(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *govmap__arena_strdup(govmap__arena *a, const char *s)
{
	return s ? govmap__arena_strndup(a, s, strlen(s)) : NULL;
}

void govmap__arena_free(govmap__arena *a)
{
	govmap__arena_block *b = a->head;
	while (b) {
		govmap__arena_block *next = b->next;
		free(b);
		b = next;
	}
	memset(a, 0, sizeof(*a));
}

int govmap__grow(void **v, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 8;
	void *p = realloc(*v, nc * sz);
	if (!p)
		return -1;
	*v = p;
	*cap = nc;
	return 0;
}

static void insertion_sort(char *b, size_t n, size_t size, govmap_cmp_fn cmp,
			   void *ctx, char *tmp)
{
	for (size_t i = 1; i < n; i++) {
		size_t j = i;
		if (cmp(b + (j - 1) * size, b + i * size, ctx) <= 0)
			continue;
		memcpy(tmp, b + i * size, size);
		while (j > 0 && cmp(b + (j - 1) * size, tmp, ctx) > 0) {
			memcpy(b + j * size, b + (j - 1) * size, size);
			j--;
		}
		memcpy(b + j * size, tmp, size);
	}
}

/* Bottom-up merge sort: runs of 8 by insertion, then merges of doubling
 * width between `b` and the scratch `s`. */
static void merge_sort(char *b, char *s, size_t n, size_t size,
		       govmap_cmp_fn cmp, void *ctx)
{
	const size_t run = 8;
	for (size_t i = 0; i < n; i += run)
		insertion_sort(b + i * size, n - i < run ? n - i : run, size,
			       cmp, ctx, s);
	char *from = b, *to = s;
	for (size_t w = run; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi) {
				/* take from the left on ties: stable */
				if (cmp(from + j * size, from + i * size,
					ctx) < 0)
					memcpy(to + k++ * size,
					       from + j++ * size, size);
				else
					memcpy(to + k++ * size,
					       from + i++ * size, size);
			}
			if (i < mid)
				memcpy(to + k * size, from + i * size,
				       (mid - i) * size);
			else if (j < hi)
				memcpy(to + k * size, from + j * size,
				       (hi - j) * size);
		}
		char *t = from;
		from = to;
		to = t;
	}
	if (from != b)
		memcpy(b, from, n * size);
}

void govmap_sort(void *base, size_t n, size_t size, govmap_cmp_fn cmp,
		 void *ctx)
{
	if (!base || n < 2 || !size)
		return;
	/* already in order (a Git tree's files, a registry listed in
	 * order): a stable sort would leave it as it is */
	const char *p = base;
	size_t run = 1;
	while (run < n && cmp(p + (run - 1) * size, p + run * size, ctx) <= 0)
		run++;
	if (run == n)
		return;
	char *s = n <= SIZE_MAX / size ? malloc(n * size) : NULL;
	if (s) {
		merge_sort(base, s, n, size, cmp, ctx);
		free(s);
		return;
	}
	/* no scratch buffer: insertion sort by adjacent swaps, which needs
	 * no memory at all */
	char *b = base;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i;
		     j > 0 && cmp(b + (j - 1) * size, b + j * size, ctx) > 0;
		     j--)
			for (size_t k = 0; k < size; k++) {
				char t = b[(j - 1) * size + k];
				b[(j - 1) * size + k] = b[j * size + k];
				b[j * size + k] = t;
			}
}

int govmap__is_rgb(const char *s)
{
	if (!s || strlen(s) != 7 || s[0] != '#')
		return 0;
	for (int i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}
