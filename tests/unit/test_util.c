/*
 * test_util.c - util.c: edit distance, "did you mean", quoting, the
 * string hash table, the arena and growable arrays.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/registry.h"
#include "suites.h"
#include "util.h"

/* ---- edit distance --------------------------------------------------- */

START_TEST(edit_distance_basic)
{
	ck_assert_uint_eq(govmap__edit_distance("kitten", "sitting", 10), 3);
	ck_assert_uint_eq(govmap__edit_distance("flaw", "lawn", 10), 2);
	ck_assert_uint_eq(govmap__edit_distance("abc", "abc", 5), 0);
	ck_assert_uint_eq(govmap__edit_distance("", "abc", 10), 3);
	ck_assert_uint_eq(govmap__edit_distance("abc", "", 10), 3);
	ck_assert_uint_eq(govmap__edit_distance("", "", 10), 0);
	/* a transposition is two substitutions */
	ck_assert_uint_eq(govmap__edit_distance("nmae", "name", 10), 2);
	ck_assert_uint_eq(govmap__edit_distance("spend", "spend_gbp", 10), 4);
	/* symmetric */
	ck_assert_uint_eq(govmap__edit_distance("sitting", "kitten", 10), 3);
}
END_TEST

START_TEST(edit_distance_cap)
{
	/* distance 3, capped at 2 */
	ck_assert_uint_eq(govmap__edit_distance("kitten", "sitting", 2), 2);
	ck_assert_uint_eq(govmap__edit_distance("kitten", "sitting", 3), 3);
	ck_assert_uint_eq(govmap__edit_distance("kitten", "sitting", 4), 3);
	/* the length difference alone reaches the cap */
	ck_assert_uint_eq(govmap__edit_distance("a", "abcdefgh", 3), 3);
	/* early exit when a whole row is over the cap */
	ck_assert_uint_eq(govmap__edit_distance("aaaaaaaa", "bbbbbbbb", 2), 2);
	/* strings over 64 bytes are not compared */
	char longa[70], longb[70];
	memset(longa, 'x', 65);
	longa[65] = '\0';
	memcpy(longb, longa, sizeof longa);
	ck_assert_uint_eq(govmap__edit_distance(longa, longb, 7), 7);
	longa[64] = '\0';
	longb[64] = '\0';
	ck_assert_uint_eq(govmap__edit_distance(longa, longb, 7), 0);
}
END_TEST

/* ---- did you mean ---------------------------------------------------- */

static const char *const body_keys[] = {
	"kind", "id", "name", "type", "region", "notes", "sources", "valid",
	"codes", "suppress", "statutory_basis", "legal_form", "spend_gbp",
	"meets_in_public", "publishes_papers", "replaces", "succeeded_by"};
#define NBODY (sizeof body_keys / sizeof body_keys[0])

START_TEST(did_you_mean_typos)
{
	ck_assert_str_eq(govmap__did_you_mean("nmae", body_keys, NBODY),
			 "name");
	ck_assert_str_eq(govmap__did_you_mean("regoin", body_keys, NBODY),
			 "region");
	ck_assert_str_eq(govmap__did_you_mean("sorces", body_keys, NBODY),
			 "sources");
	ck_assert_str_eq(govmap__did_you_mean("succeded_by", body_keys, NBODY),
			 "succeeded_by");
	ck_assert_str_eq(govmap__did_you_mean("meets_in_pubic", body_keys,
					      NBODY),
			 "meets_in_public");
	/* an exact match is distance 0 */
	ck_assert_str_eq(govmap__did_you_mean("valid", body_keys, NBODY),
			 "valid");
}
END_TEST

START_TEST(did_you_mean_prefix)
{
	/* "spend" is 4 edits from "spend_gbp" but a prefix of it */
	ck_assert_str_eq(govmap__did_you_mean("spend", body_keys, NBODY),
			 "spend_gbp");
	ck_assert_str_eq(govmap__did_you_mean("statutory", body_keys, NBODY),
			 "statutory_basis");
	/* a prefix must be at least 3 characters */
	static const char *const c[] = {"spend_gbp"};
	ck_assert_ptr_null(govmap__did_you_mean("sp", c, 1));
}
END_TEST

START_TEST(did_you_mean_none)
{
	ck_assert_ptr_null(govmap__did_you_mean("zzzzzzzz", body_keys, NBODY));
	ck_assert_ptr_null(
		govmap__did_you_mean("headquarters", body_keys, NBODY));
	ck_assert_ptr_null(govmap__did_you_mean("budget", body_keys, NBODY));
	ck_assert_ptr_null(govmap__did_you_mean("name", NULL, 0));
	/* NULL candidates are skipped */
	static const char *const c[] = {NULL, "name", NULL};
	ck_assert_str_eq(govmap__did_you_mean("nam", c, 3), "name");
	ck_assert_ptr_null(govmap__did_you_mean("qqqq", c, 3));
}
END_TEST

START_TEST(did_you_mean_closest)
{
	static const char *const c[] = {"board", "body", "bodies"};
	/* "bdy": body is 1 away, board 3 */
	ck_assert_str_eq(govmap__did_you_mean("bdy", c, 3), "body");
	/* ties go to the first candidate */
	static const char *const t[] = {"abcd", "abce"};
	ck_assert_str_eq(govmap__did_you_mean("abcf", t, 2), "abcd");
	/* two edits are accepted even in short words */
	static const char *const l[] = {"accountable-to"};
	ck_assert_str_eq(govmap__did_you_mean("acountable-t", l, 1),
			 "accountable-to");
}
END_TEST

/* ---- quote ----------------------------------------------------------- */

START_TEST(is_rgb)
{
	ck_assert(govmap__is_rgb("#12aB34"));
	ck_assert(govmap__is_rgb("#000000"));
	ck_assert(!govmap__is_rgb(NULL));
	ck_assert(!govmap__is_rgb(""));
	ck_assert(!govmap__is_rgb("red"));
	ck_assert(!govmap__is_rgb("#12345"));
	ck_assert(!govmap__is_rgb("#1234567"));
	ck_assert(!govmap__is_rgb("#12345g"));
	ck_assert(!govmap__is_rgb("123456#"));
	ck_assert(!govmap__is_rgb("#12\"x=1"));
}
END_TEST

START_TEST(quote_plain)
{
	char buf[128];
	ck_assert_ptr_eq(govmap__quote(buf, sizeof buf, "plain text"), buf);
	ck_assert_str_eq(buf, "plain text");
	ck_assert_str_eq(govmap__quote(buf, sizeof buf, ""), "");
	/* UTF-8 passes through */
	ck_assert_str_eq(govmap__quote(buf, sizeof buf, "caf\xc3\xa9"),
			 "caf\xc3\xa9");
}
END_TEST

START_TEST(quote_control)
{
	char buf[128];
	ck_assert_str_eq(govmap__quote(buf, sizeof buf, "a\tb\nc\rd"),
			 "a\\x09b\\x0Ac\\x0Dd");
	ck_assert_str_eq(govmap__quote(buf, sizeof buf, "\x01\x1f\x7f"),
			 "\\x01\\x1F\\x7F");
	ck_assert_str_eq(govmap__quote(buf, sizeof buf, "\x1b[31mred"),
			 "\\x1B[31mred");
}
END_TEST

START_TEST(quote_cut)
{
	char in[200], want[100], buf[100];
	/* exactly 80 characters: kept whole */
	memset(in, 'x', 80);
	in[80] = '\0';
	ck_assert_str_eq(govmap__quote(buf, sizeof buf, in), in);
	/* 81 and 150: cut at 80 with "..." */
	memset(want, 'x', 80);
	memcpy(want + 80, "...", 4);
	memset(in, 'x', 81);
	in[81] = '\0';
	ck_assert_str_eq(govmap__quote(buf, sizeof buf, in), want);
	memset(in, 'y', 150);
	in[150] = '\0';
	memset(want, 'y', 80);
	ck_assert_str_eq(govmap__quote(buf, sizeof buf, in), want);
	ck_assert_uint_eq(strlen(buf), 83);
}
END_TEST

/* ---- strmap ---------------------------------------------------------- */

START_TEST(strmap_put_get)
{
	govmap__strmap m;
	int32_t old = 12345;
	ck_assert_int_eq(govmap__strmap_init(&m, 0), 0);
	ck_assert_uint_eq(m.cap, 16);
	ck_assert_uint_eq(m.n, 0);
	ck_assert_int_eq(govmap__strmap_get(&m, "a"), -1);
	ck_assert_int_eq(govmap__strmap_put(&m, "a", 1, &old), 0);
	ck_assert_int_eq(old, 12345); /* untouched on insert */
	ck_assert_int_eq(govmap__strmap_put(&m, "b", 2, NULL), 0);
	ck_assert_int_eq(govmap__strmap_put(&m, "", 3, NULL), 0);
	ck_assert_uint_eq(m.n, 3);
	ck_assert_int_eq(govmap__strmap_get(&m, "a"), 1);
	ck_assert_int_eq(govmap__strmap_get(&m, "b"), 2);
	ck_assert_int_eq(govmap__strmap_get(&m, ""), 3);
	ck_assert_int_eq(govmap__strmap_get(&m, "c"), -1);
	ck_assert_int_eq(govmap__strmap_get(&m, "A"), -1);
	govmap__strmap_free(&m);
	ck_assert_ptr_null(m.keys);
	ck_assert_uint_eq(m.cap, 0);
	/* a freed (or zeroed) map answers -1 */
	ck_assert_int_eq(govmap__strmap_get(&m, "a"), -1);
}
END_TEST

START_TEST(strmap_duplicate)
{
	govmap__strmap m;
	int32_t old = -7;
	char key2[] = "dup"; /* equal text, different pointer */
	ck_assert_int_eq(govmap__strmap_init(&m, 4), 0);
	ck_assert_int_eq(govmap__strmap_put(&m, "dup", 10, NULL), 0);
	ck_assert_int_eq(govmap__strmap_put(&m, key2, 20, &old), 1);
	ck_assert_int_eq(old, 10);
	/* nothing changed */
	ck_assert_int_eq(govmap__strmap_get(&m, "dup"), 10);
	ck_assert_uint_eq(m.n, 1);
	/* old may be NULL */
	ck_assert_int_eq(govmap__strmap_put(&m, "dup", 30, NULL), 1);
	ck_assert_int_eq(govmap__strmap_get(&m, "dup"), 10);
	govmap__strmap_free(&m);
}
END_TEST

START_TEST(strmap_growth)
{
	enum { N = 12000 };
	char **keys = calloc(N, sizeof(*keys));
	govmap__strmap m;
	ck_assert_ptr_nonnull(keys);
	ck_assert_int_eq(govmap__strmap_init(&m, 0), 0);
	for (int i = 0; i < N; i++) {
		keys[i] = malloc(16);
		ck_assert_ptr_nonnull(keys[i]);
		snprintf(keys[i], 16, "key-%d", i);
		ck_assert_int_eq(govmap__strmap_put(&m, keys[i], i, NULL), 0);
		/* load factor stays at most 1/2 */
		ck_assert_uint_le(m.n * 2, m.cap);
	}
	ck_assert_uint_eq(m.n, N);
	ck_assert_uint_eq(m.cap & (m.cap - 1), 0); /* power of two */
	ck_assert_uint_ge(m.cap, 2 * N);
	for (int i = 0; i < N; i++) {
		char k[16];
		snprintf(k, sizeof k, "key-%d", i);
		ck_assert_int_eq(govmap__strmap_get(&m, k), i);
	}
	/* every key still reports itself as a duplicate after growth */
	for (int i = 0; i < N; i += 997) {
		int32_t old = -1;
		ck_assert_int_eq(govmap__strmap_put(&m, keys[i], -5, &old), 1);
		ck_assert_int_eq(old, i);
	}
	ck_assert_int_eq(govmap__strmap_get(&m, "key-12000"), -1);
	ck_assert_int_eq(govmap__strmap_get(&m, "key-"), -1);
	ck_assert_int_eq(govmap__strmap_get(&m, "missing"), -1);
	govmap__strmap_free(&m);
	for (int i = 0; i < N; i++)
		free(keys[i]);
	free(keys);
}
END_TEST

START_TEST(strmap_presized)
{
	govmap__strmap m;
	ck_assert_int_eq(govmap__strmap_init(&m, 500), 0);
	ck_assert_uint_eq(m.cap, 1024);
	govmap__strmap_free(&m);
	ck_assert_int_eq(govmap__strmap_init(&m, 8), 0);
	ck_assert_uint_eq(m.cap, 16);
	govmap__strmap_free(&m);
}
END_TEST

START_TEST(hash_steps)
{
	/* deterministic, and every byte counts: strings that differ in one
	 * byte at any place, in a whole word or in the 0-7 byte tail, or
	 * only in length, hash differently (ids share long prefixes) */
	ck_assert_uint_eq(govmap__hash("foobar"), govmap__hash("foobar"));
	ck_assert_uint_ne(govmap__hash("ab"), govmap__hash("ba"));
	ck_assert_uint_ne(govmap__hash(""), govmap__hash("a"));
	char a[40], b[40];
	for (size_t len = 1; len < sizeof a; len++) {
		memset(a, 'x', len);
		a[len] = '\0';
		for (size_t at = 0; at < len; at++) {
			memcpy(b, a, len + 1);
			b[at] = 'y';
			ck_assert_uint_ne(govmap__hash(a), govmap__hash(b));
		}
		memcpy(b, a, len + 1);
		b[len - 1] = '\0'; /* one shorter */
		ck_assert_uint_ne(govmap__hash(a), govmap__hash(b));
	}
	/* ids of one shape spread over the low bits the tables use */
	enum { N = 4096 };
	static unsigned char seen[N];
	memset(seen, 0, sizeof seen);
	size_t used = 0;
	for (int i = 0; i < N; i++) {
		snprintf(a, sizeof a, "syn-icb-%03d-pcn-%02d-gp-%d", i / 100,
			 i % 100 / 10, i % 10);
		unsigned slot = (unsigned)(govmap__hash(a) & (N - 1));
		used += !seen[slot];
		seen[slot] = 1;
	}
	/* N keys into N slots at random fill about 63% of them */
	ck_assert_uint_gt(used, N / 2);
}
END_TEST

/* ---- arena and helpers ---------------------------------------------- */

START_TEST(arena_alloc)
{
	govmap__arena a = {0};
	unsigned char *p = govmap__arena_alloc(&a, 3);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq((uintptr_t)p % 8, 0);
	ck_assert(p[0] == 0 && p[1] == 0 && p[2] == 0);
	unsigned char *q = govmap__arena_alloc(&a, 1);
	ck_assert_uint_eq((uintptr_t)q % 8, 0);
	ck_assert_ptr_ne(p, q);
	ck_assert_uint_ge(a.total, 4);
	/* many allocations across blocks: all zeroed, distinct, writable */
	unsigned char *prev = NULL;
	for (int i = 0; i < 5000; i++) {
		unsigned char *r = govmap__arena_alloc(&a, 40);
		ck_assert_ptr_nonnull(r);
		ck_assert_uint_eq((uintptr_t)r % 8, 0);
		for (int j = 0; j < 40; j++)
			ck_assert_uint_eq(r[j], 0);
		memset(r, 0xAB, 40);
		ck_assert_ptr_ne(r, prev);
		prev = r;
	}
	ck_assert_uint_ge(a.total, 5000 * 40);
	/* larger than a block */
	unsigned char *big = govmap__arena_alloc(&a, 100000);
	ck_assert_ptr_nonnull(big);
	ck_assert_uint_eq(big[0], 0);
	ck_assert_uint_eq(big[99999], 0);
	memset(big, 1, 100000);
	/* and small allocations still work after it */
	ck_assert_ptr_nonnull(govmap__arena_alloc(&a, 8));
	govmap__arena_free(&a);
	ck_assert_ptr_null(a.head);
	ck_assert_uint_eq(a.total, 0);
	ck_assert_uint_eq(a.used, 0);
	/* an arena can be reused after free */
	ck_assert_ptr_nonnull(govmap__arena_alloc(&a, 8));
	govmap__arena_free(&a);
}
END_TEST

START_TEST(arena_strings)
{
	govmap__arena a = {0};
	char *s = govmap__arena_strndup(&a, "hello world", 5);
	ck_assert_str_eq(s, "hello");
	char *t = govmap__arena_strdup(&a, "x: y");
	ck_assert_str_eq(t, "x: y");
	ck_assert_ptr_null(govmap__arena_strdup(&a, NULL));
	char *e = govmap__arena_strndup(&a, "abc", 0);
	ck_assert_str_eq(e, "");
	/* embedded bytes are copied as is */
	char *b = govmap__arena_strndup(&a, "a\0b", 3);
	ck_assert_int_eq(memcmp(b, "a\0b\0", 4), 0);
	ck_assert_str_eq(s, "hello"); /* earlier strings intact */
	govmap__arena_free(&a);
}
END_TEST

START_TEST(grow_array)
{
	int *v = NULL;
	size_t cap = 0, n = 0;
	for (int i = 0; i < 100; i++) {
		ck_assert_int_eq(govmap__grow((void **)&v, &cap, n, sizeof(*v)),
				 0);
		ck_assert_uint_gt(cap, n);
		v[n++] = i;
	}
	ck_assert_uint_eq(cap, 128); /* 8, 16, 32, 64, 128 */
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(v[i], i);
	/* no growth while there is room */
	size_t before = cap;
	ck_assert_int_eq(govmap__grow((void **)&v, &cap, 10, sizeof(*v)), 0);
	ck_assert_uint_eq(cap, before);
	free(v);
}
END_TEST

START_TEST(asprintf_basic)
{
	char *s = govmap__asprintf("%s=%d", "x", 42);
	ck_assert_str_eq(s, "x=42");
	free(s);
	char big[3000];
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	s = govmap__asprintf("[%s]", big);
	ck_assert_uint_eq(strlen(s), sizeof big + 1);
	ck_assert_int_eq(s[0], '[');
	ck_assert_int_eq(s[sizeof big], ']');
	free(s);
	/* either side of the first attempt's 256-byte buffer */
	for (size_t len = 253; len <= 256; len++) {
		big[len - 2] = '\0';
		s = govmap__asprintf("[%s]", big);
		ck_assert_uint_eq(strlen(s), len);
		ck_assert_int_eq(s[len - 1], ']');
		ck_assert_int_eq(s[len - 2], 'z');
		free(s);
		big[len - 2] = 'z';
	}
}
END_TEST

/* Names for people: a region's last segment in words, and the short
 * names explain, map --focus and the site's search match. */
START_TEST(region_title_words)
{
	char b[64];
	ck_assert_uint_eq(govmap_region_title(b, sizeof b,
			  "england/north-east-and-yorkshire/south-yorkshire"), 15);
	ck_assert_str_eq(b, "South Yorkshire");
	govmap_region_title(b, sizeof b, "england/staffordshire-and-stoke-on-trent");
	ck_assert_str_eq(b, "Staffordshire and Stoke on Trent");
	govmap_region_title(b, sizeof b, "england/south-west/bnssg");
	ck_assert_str_eq(b, "BNSSG");
	govmap_region_title(b, sizeof b, "uk");
	ck_assert_str_eq(b, "UK");
	govmap_region_title(b, 6, "england/the-wirral");
	ck_assert_str_eq(b, "The W"); /* cut at the size, terminated */
	govmap_region_title(b, sizeof b, NULL);
	ck_assert_str_eq(b, "");
}
END_TEST

START_TEST(short_names)
{
	char b[64];
	govmap_short_name(b, sizeof b, "Sheffield City Council", 1);
	ck_assert_str_eq(b, "sheffield");
	govmap_short_name(b, sizeof b, "NHS South Yorkshire Integrated Care Board", 1);
	ck_assert_str_eq(b, "nhs south yorkshire integrated care board");
	govmap_short_name(b, sizeof b, "NHS South Yorkshire Integrated Care Board", 2);
	ck_assert_str_eq(b, "nhs south yorkshire");
	govmap_short_name(b, sizeof b, "NHS South Yorkshire Integrated Care Board", 3);
	ck_assert_str_eq(b, "south yorkshire");
	govmap_short_name(b, sizeof b, "Sheffield Teaching Hospitals NHS Foundation Trust", 3);
	ck_assert_str_eq(b, "sheffield teaching hospitals");
	/* a board named after its body keeps "board" and its "nhs" */
	govmap_short_name(b, sizeof b, "Board of NHS South Yorkshire Integrated Care Board", 3);
	ck_assert_str_eq(b, "board nhs south yorkshire");
	/* nothing left: the whole name */
	govmap_short_name(b, sizeof b, "City Council", 3);
	ck_assert_str_eq(b, "city council");
	ck_assert_uint_eq(govmap_short_name(b, 4, "Sheffield City Council", 1), 9);
	ck_assert_str_eq(b, "she");
}
END_TEST

/* govmap_type_count_words: a count of one type in words, with the
 * plurals a committee writes (the brief's "2 more ..." lines) */
START_TEST(type_count_words)
{
	static const struct {
		size_t n;
		const char *type, *want;
	} c[] = {
		{1, "local-authority", "1 council"},
		{3, "local-authority", "3 councils"},
		{2, "council-of-governors", "2 councils of governors"},
		{4, "local-healthwatch", "4 local Healthwatch"},
		{2, "arms-length-body", "2 arm's-length bodies"},
		{2, "combined-authority", "2 combined authorities"},
		{1, "membership", "1 foundation trust membership"},
		{5, "membership", "5 foundation trust memberships"},
		{1, "electorate", "1 electorate"},
		{0, "nhs-trust", "0 NHS trusts"},
		{2, NULL, "2 boards"},
		{1, NULL, "1 board"},
		{2, "social-enterprise", "2 social enterprises"},
		{2, "care-home", "2 care homes"},
		{1, "care-home", "1 care home"},
		{3, "trustees", "3 trustees"},
		{2, "agency", "2 agencies"},
		{2, "survey-day", "2 survey days"},
	};
	char buf[80];
	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		ck_assert_str_eq(govmap_type_count_words(buf, sizeof buf,
							 c[i].n, c[i].type),
				 c[i].want);
	/* the one-body words are unchanged */
	ck_assert_str_eq(govmap_type_words(buf, sizeof buf, "membership"),
			 "a foundation trust's members");
	char small[5];
	ck_assert_str_eq(govmap_type_count_words(small, sizeof small, 12,
						 "local-authority"),
			 "12 c");
}
END_TEST

/* govmap_period_words: no raw "unknown" or "-" for people (issue 16) */
START_TEST(period_words)
{
	govmap_date d1, d2;
	ck_assert_int_eq(govmap_date_parse(&d1, "2013-04-01"), 0);
	ck_assert_int_eq(govmap_date_parse(&d2, "2022-07-01"), 0);
	const govmap_date U = GOVMAP_DATE_UNKNOWN;
	static const char *const want[] = {
		"start date not known; no end date recorded",
		"start date not known; until 2022-07-01",
		"from 2013-04-01; end date not known",
		"end date not known",
		"start and end dates not known",
		"no dates recorded",
		"from 2013-04-01",
		"until 2022-07-01",
		"from 2013-04-01 to 2022-07-01",
		/* a start not known, no later than a day (issue 17) */
		"start date not known, no later than 2013-04-01; no end date "
		"recorded",
		"start date not known, no later than 2013-04-01; until "
		"2022-07-01",
		"start date not known, no later than 2013-04-01; end date not "
		"known",
	};
	const govmap_date B = GOVMAP_DATE_NO_LATER_THAN(d1);
	govmap_period p[] = {{U, 0}, {U, d2}, {d1, U}, {0, U}, {U, U},
			     {0, 0}, {d1, 0}, {0, d2}, {d1, d2},
			     {B, 0}, {B, d2}, {B, U}};
	char buf[120];
	for (size_t i = 0; i < sizeof p / sizeof *p; i++)
		ck_assert_str_eq(govmap_period_words(buf, sizeof buf, p[i]),
				 want[i]);
	char small[6];
	ck_assert_str_eq(govmap_period_words(small, sizeof small, p[0]),
			 "start");
}
END_TEST

Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("edit_distance");
	tcase_add_test(tc, edit_distance_basic);
	tcase_add_test(tc, edit_distance_cap);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("did_you_mean");
	tcase_add_test(tc, did_you_mean_typos);
	tcase_add_test(tc, did_you_mean_prefix);
	tcase_add_test(tc, did_you_mean_none);
	tcase_add_test(tc, did_you_mean_closest);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("type_count_words");
	tcase_add_test(tc, type_count_words);
	suite_add_tcase(s, tc);
	tc = tcase_create("period_words");
	tcase_add_test(tc, period_words);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("quote");
	tcase_add_test(tc, is_rgb);
	tcase_add_test(tc, quote_plain);
	tcase_add_test(tc, quote_control);
	tcase_add_test(tc, quote_cut);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("strmap");
	tcase_add_test(tc, strmap_put_get);
	tcase_add_test(tc, strmap_duplicate);
	tcase_add_test(tc, strmap_growth);
	tcase_add_test(tc, strmap_presized);
	tcase_add_test(tc, hash_steps);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("names");
	tcase_add_test(tc, region_title_words);
	tcase_add_test(tc, short_names);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);

	tc = tcase_create("arena");
	tcase_add_test(tc, arena_alloc);
	tcase_add_test(tc, arena_strings);
	tcase_add_test(tc, grow_array);
	tcase_add_test(tc, asprintf_basic);
	tcase_set_timeout(tc, TH_TIMEOUT);
	suite_add_tcase(s, tc);
	return s;
}
