/*
 * fuzz_common.h - shared by the libFuzzer targets in tests/fuzz/: an
 * in-memory registry session and the splitting of one fuzz input into a
 * manifest and files.
 *
 * The registry is loaded through the library's public session API with
 * its in-memory source (govmap/session.h): the real pipeline (limits,
 * ytree, schema, validate) with no file system in the loop, under the
 * same per-file and total size limits as the directory and Git sources.
 */
#ifndef GOVMAP_FUZZ_COMMON_H
#define GOVMAP_FUZZ_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "govmap/analysis.h"
#include "govmap/findings.h"
#include "govmap/govmap.h"
#include "govmap/map.h"
#include "govmap/session.h"
#include <stdio.h>

#define FUZZ_MAX_FILES 16

typedef struct {
	char *manifest;
	size_t mlen;
	char *paths[FUZZ_MAX_FILES];
	char *data[FUZZ_MAX_FILES];
	size_t len[FUZZ_MAX_FILES];
	size_t n;
} fuzz_mem;

/* A session over a manifest and files (copied by the library's memory
 * source; named f00.yaml, f01.yaml, ... under "fuzz/"), run to `stage`
 * on `on`.  NULL on out-of-memory. */
static inline govmap_session *fuzz_session(const char *manifest, size_t mlen,
					   const char *const *files,
					   const size_t *lens, size_t nfiles,
					   govmap_date on, govmap_stage stage)
{
	govmap_mem_file mf[FUZZ_MAX_FILES + 1];
	char names[FUZZ_MAX_FILES][16];
	size_t n = 0;
	if (manifest)
		mf[n++] = (govmap_mem_file){"govmap.yaml", manifest, mlen};
	for (size_t i = 0; i < nfiles && i < FUZZ_MAX_FILES; i++) {
		snprintf(names[i], sizeof names[i], "f%02zu.yaml", i);
		mf[n++] = (govmap_mem_file){names[i], files[i], lens[i]};
	}
	govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
	o.source = GOVMAP_SOURCE_MEMORY;
	o.files = mf;
	o.nfiles = n;
	o.label = "fuzz";
	o.on = on;
	o.stage = stage;
	govmap_session *s = NULL;
	govmap_session_open(&s, &o);
	return s;
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
