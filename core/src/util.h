/*
 * util.h - small private helpers shared by the core modules: string
 * building, edit distance, and a string hash table.  Not public API.
 */
#ifndef GOVMAP_UTIL_H
#define GOVMAP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "govmap/common.h"

/** govmap_diags_at() with the diagnostic's `ref` (the id a reference
 * error names) and `key` (the key a value error is in), each copied,
 * either NULL: validate.c's unknown references, schema.c's dates. */
void govmap__diags_about(govmap_diags *d, govmap_severity sev,
			 govmap_pos pos, const char *code, const char *ref,
			 const char *key, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/** malloc'd formatted string, NULL on failure. */
char *govmap__vasprintf(const char *fmt, va_list ap);
char *govmap__asprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/** Levenshtein distance, capped at `cap` (returns cap when >= cap). */
size_t govmap__edit_distance(const char *a, const char *b, size_t cap);

/** The candidate closest to `word` if it is close enough to be a likely
 * typo (distance <= 2, or <= 1/3 of the length), else NULL.  Borrowed. */
const char *govmap__did_you_mean(const char *word, const char *const *cands,
				 size_t n);

/** "Did you mean" over many words (ids) without a quadratic cost: the
 * words bucketed by length (an edit distance is at least the difference
 * of lengths, so only the buckets within `maxd` of the word's length are
 * read), at most `cap` comparisons per query and `budget` over all
 * queries, after which queries return NULL (no suggestion).  Among the
 * words at the smallest distance (at most maxd) the first in the given
 * order wins, as a full scan would pick.  Words are borrowed. */
typedef struct {
	const char *const *words;
	uint32_t *order;       /* word indexes sorted by length (stable) */
	size_t start[67];      /* bucket L (0..65, 65: longer than 64) */
	size_t n;
	size_t cap, budget;
} govmap__suggest;

int govmap__suggest_init(govmap__suggest *s, const char *const *words,
			 size_t n, size_t cap, size_t budget);
/** The index of the nearest word within maxd, or -1. */
int64_t govmap__suggest_near(govmap__suggest *s, const char *word,
			     size_t maxd);
void govmap__suggest_free(govmap__suggest *s);

/** Quote user text for a message: control characters and bytes that are
 * not valid UTF-8 as \xNN, C1 and bidi controls as \uNNNN, cut to 80
 * characters (never inside a UTF-8 sequence) with "...".  Writes into buf
 * (>= 100 bytes), returns buf. */
char *govmap__quote(char *buf, size_t size, const char *s);

/** The same without the 80-character cut (max 0; else at most max
 * characters): paths and other text that must be shown whole.  Cut with
 * "..." only when it does not fit `size`. */
char *govmap__escape(char *buf, size_t size, const char *s, size_t max);

/** A malloc'd copy of s (NULL: "") escaped as govmap_text_escape() does,
 * never cut; NULL on out-of-memory. */
char *govmap__escape_dup(const char *s);

/** Is the code point an invisible control that can reorder or disguise
 * text (C1, bidi marks, embeddings, overrides, isolates, zero-width
 * space, word joiner, BOM)?  ZWJ and ZWNJ are not: scripts need them. */
int govmap__invisible_control(unsigned cp);

/** The first invisible control (govmap__invisible_control) in UTF-8 text
 * s, or 0 when there is none.  With `name`, a name in a right-to-left
 * script (one Hebrew, Arabic, Syriac, Thaana, N'Ko ... letter) may hold
 * the marks that order it (LRM, RLM, ALM); embeddings, overrides,
 * isolates, zero-width spaces and C1 controls never pass. */
unsigned govmap__text_invisible(const char *s, int name);

/* Is s "#rrggbb" (hex digits in either case)?  The one colour form a
 * plugin may give and the maps pass on to Graphviz and SVG. */
int govmap__is_rgb(const char *s);

/* An open-addressing hash table from string keys (borrowed) to int32
 * values.  Keys must outlive the table.  Each slot keeps its key's hash,
 * so a probe compares strings only when the hashes agree (ids share long
 * prefixes, so a strcmp of two different ids reads most of both). */
typedef struct {
	const char **keys;
	int32_t *vals;
	uint32_t *hashes; /* of keys[i], where keys[i] is set */
	size_t cap;       /* power of two */
	size_t n;
} govmap__strmap;

int govmap__strmap_init(govmap__strmap *m, size_t expected);
/** Insert; returns 0 if inserted, 1 if the key existed (its value is put
 * in *old when old != NULL and nothing changes), -1 on out-of-memory. */
int govmap__strmap_put(govmap__strmap *m, const char *key, int32_t val,
		       int32_t *old);
/** Value for key, or -1. */
int32_t govmap__strmap_get(const govmap__strmap *m, const char *key);
void govmap__strmap_free(govmap__strmap *m);

/* A hash of a string, eight bytes at a time (the id index, the look-alike
 * memo and the parse cache hash every id, name and blob id of every
 * load; a byte-at-a-time FNV-1a was 7% of a cached `history`). */
uint64_t govmap__hash(const char *s);
/* A 64-bit finaliser (MurmurHash3's fmix64): every input bit moves
 * about half the output bits. */
uint64_t govmap__mix64(uint64_t h);

/* Type names a check has found fine, for checks that go through every
 * entity (validation's type check, the plugins' unlisted-type check):
 * by pointer, sixteen slots placed by the address (the parse cache gives
 * every entity of one type one copy of its name, so a walk's registries
 * find the same pointers), and the last one by text (entities come a
 * file at a time, so the same type in a row).  Zero it to start; it
 * holds borrowed pointers, valid while the registry is. */
typedef struct {
	const char *slot[16];
	const char *last;
} govmap__fine_types;

/* 1 when `type` was marked fine. */
int govmap__fine_type(const govmap__fine_types *m, const char *type);
void govmap__fine_type_mark(govmap__fine_types *m, const char *type);

/* A bump allocator: many small allocations, freed all at once.  Used for
 * parse trees and for the model's strings and arrays. */
typedef struct govmap__arena_block govmap__arena_block;
typedef struct {
	govmap__arena_block *head;
	size_t used, size; /* in the head block */
	size_t total;      /* bytes handed out, for limits and stats */
} govmap__arena;

/** Zeroed memory from the arena, 8-byte aligned; NULL on out-of-memory. */
void *govmap__arena_alloc(govmap__arena *a, size_t n);
/** The same, not zeroed: for what the caller fills at once. */
void *govmap__arena_alloc_raw(govmap__arena *a, size_t n);
/** NUL-terminated copy of n bytes of s; NULL on out-of-memory. */
char *govmap__arena_strndup(govmap__arena *a, const char *s, size_t n);
char *govmap__arena_strdup(govmap__arena *a, const char *s);
void govmap__arena_free(govmap__arena *a);
/** Forget every allocation but keep one block for reuse. */
void govmap__arena_reset(govmap__arena *a);

/** Append to a malloc'd growable array: ensures room for one more element
 * of size `sz` in *v (count *n, capacity *cap).  Returns 0 or -1. */
int govmap__grow(void **v, size_t *cap, size_t n, size_t sz);

#endif
