/*
 * oom_wrap.c - allocation-failure injection for `make oom`
 * (tests/oom/run.sh).  Linked into build/oom/govmap-oom with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,
 * --wrap=strndup, so that every allocation govmap's own code makes (the
 * library and the CLI; not libyaml's, libgit2's or Graphviz's, which
 * have their own error paths) goes through here.
 *
 *   GOVMAP_OOM_FAIL_AT=N  the Nth allocation (1-based) and every later
 *                         one fail (0 or unset: none fails)
 *   GOVMAP_OOM_COUNT=F    at exit, write the number of allocations made
 *                         to file F
 *
 * Every allocation after the Nth fails too, as in a real exhaustion: a
 * path that retried or fell back to a smaller request would otherwise
 * hide behind one lucky success.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static unsigned long count, fail_at;
static int ready;

static void report(void)
{
	const char *f = getenv("GOVMAP_OOM_COUNT");
	FILE *o = f && *f ? fopen(f, "w") : NULL;
	if (o) {
		fprintf(o, "%lu\n", count);
		fclose(o);
	}
}

/* Does this allocation fail? */
static int fail(void)
{
	if (!ready) {
		ready = 1;
		const char *e = getenv("GOVMAP_OOM_FAIL_AT");
		fail_at = e ? strtoul(e, NULL, 10) : 0;
		atexit(report);
	}
	count++;
	return fail_at && count >= fail_at;
}

void *__wrap_malloc(size_t n)
{
	return fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t k, size_t n)
{
	return fail() ? NULL : __real_calloc(k, n);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = fail() ? NULL : __real_malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

char *__wrap_strndup(const char *s, size_t n)
{
	size_t l = strnlen(s, n);
	char *d = fail() ? NULL : __real_malloc(l + 1);
	if (d) {
		memcpy(d, s, l);
		d[l] = '\0';
	}
	return d;
}
