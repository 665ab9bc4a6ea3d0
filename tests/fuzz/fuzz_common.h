/*
 * fuzz_common.h - shared by the libFuzzer targets in tests/fuzz/: an
 * in-memory registry source and the splitting of one fuzz input into a
 * manifest and files.
 *
 * The memory source implements the core's private source interface
 * (source_impl.h) so that a registry is loaded through the real pipeline
 * (govmap_registry_load: limits, ytree, schema, validate) with no file
 * system in the loop.  It applies the same per-file and total size limits
 * as the directory and Git sources.
 */
#ifndef GOVMAP_FUZZ_COMMON_H
#define GOVMAP_FUZZ_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "govmap/analysis.h"
#include "govmap/findings.h"
#include "govmap/govmap.h"
#include "govmap/map.h"
#include "source_impl.h"
#include "util.h"

#define FUZZ_MAX_FILES 16

typedef struct {
	char *manifest;
	size_t mlen;
	char *paths[FUZZ_MAX_FILES];
	char *data[FUZZ_MAX_FILES];
	size_t len[FUZZ_MAX_FILES];
	size_t n;
} fuzz_mem;

/* A malloc'd copy of p[0..n) with a NUL at [n], as sources return. */
static inline char *fuzz_dup(const char *p, size_t n)
{
	char *s = malloc(n + 1);
	if (s) {
		if (n)
			memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

static inline int fuzz_mem_read(char **out, size_t *len, govmap_src *src,
				const char *path, govmap_diags *diags)
{
	fuzz_mem *m = src->impl;
	(void)diags;
	*out = NULL;
	if (strcmp(path, "govmap.yaml") != 0 || !m->manifest)
		return GOVMAP_ENOTFOUND;
	if (m->mlen > src->lim.max_file_bytes)
		return GOVMAP_ELIMIT;
	if (!(*out = fuzz_dup(m->manifest, m->mlen)))
		return GOVMAP_ENOMEM;
	*len = m->mlen;
	return GOVMAP_OK;
}

static inline int fuzz_mem_list(govmap_src *src, govmap_diags *diags)
{
	fuzz_mem *m = src->impl;
	(void)diags;
	src->paths = (const char **)m->paths;
	src->npaths = m->n;
	return GOVMAP_OK;
}

static inline int fuzz_mem_read_at(char **out, size_t *len, govmap_src *src,
				   size_t i, const char *display,
				   govmap_diags *diags)
{
	fuzz_mem *m = src->impl;
	*out = NULL;
	if (m->len[i] > src->lim.max_file_bytes) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, display, 0, 0,
				 "limit-file-size", "file too large");
		return GOVMAP_ELIMIT;
	}
	if (govmap__src_reserve(src, m->len[i], display, diags) < 0)
		return GOVMAP_ELIMIT;
	if (!(*out = fuzz_dup(m->data[i], m->len[i])))
		return GOVMAP_ENOMEM;
	*len = m->len[i];
	return GOVMAP_OK;
}

static inline void fuzz_mem_free(govmap_src *src)
{
	fuzz_mem *m = src->impl;
	if (!m)
		return;
	free(m->manifest);
	for (size_t i = 0; i < m->n; i++) {
		free(m->paths[i]);
		free(m->data[i]);
	}
	free(m);
}

static const govmap__src_ops fuzz_mem_ops = {
	fuzz_mem_read, fuzz_mem_list, fuzz_mem_read_at, fuzz_mem_free};

/* A source over a manifest and files (copied).  NULL on out-of-memory. */
static inline govmap_src *fuzz_src_new(const char *manifest, size_t mlen,
				       const char *const *files,
				       const size_t *lens, size_t nfiles)
{
	govmap_src *src = govmap__src_new(&fuzz_mem_ops, NULL);
	fuzz_mem *m = calloc(1, sizeof(*m));
	if (!src || !m) {
		free(src);
		free(m);
		return NULL;
	}
	src->impl = m;
	src->label = strdup("fuzz");
	src->revision = strdup("fuzz input");
	m->manifest = fuzz_dup(manifest, mlen);
	m->mlen = mlen;
	int ok = src->label && src->revision && m->manifest;
	for (size_t i = 0; ok && i < nfiles && i < FUZZ_MAX_FILES; i++) {
		/* f00.yaml, f01.yaml, ...: already in sorted order */
		m->paths[i] = govmap__asprintf("f%02zu.yaml", i);
		m->data[i] = fuzz_dup(files[i], lens[i]);
		m->len[i] = lens[i];
		m->n = i + 1;
		ok = m->paths[i] && m->data[i];
	}
	if (!ok) {
		govmap_src_free(src);
		return NULL;
	}
	return src;
}

/* Split `data` at each line "#--" (the separator, with its newlines) into
 * at most `max` pieces.  Returns the number of pieces. */
static inline size_t fuzz_split(const char *data, size_t size,
				const char **piece, size_t *plen, size_t max)
{
	static const char sep[] = "\n#--\n";
	size_t n = 0, start = 0;
	for (size_t i = 0; n + 1 < max && i + 5 <= size; i++) {
		if (memcmp(data + i, sep, 5) == 0) {
			piece[n] = data + start;
			plen[n++] = i + 1 - start; /* keep the '\n' */
			start = i + 5;
			i += 4;
		}
	}
	piece[n] = data + start;
	plen[n++] = size - start;
	return n;
}

#endif
