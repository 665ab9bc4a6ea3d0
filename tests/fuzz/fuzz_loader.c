/*
 * fuzz_loader.c - libFuzzer target: bytes -> the YAML loader and schema.
 *
 * The input is one registry file, loaded through the public session API
 * (govmap/session.h) with the in-memory source: once as a data file
 * beside a minimal manifest, once as the manifest itself.  That is the
 * real pipeline (limits, libyaml events into the ytree, schema, id
 * index, validation) with no file system in the loop.
 *
 * Checks beyond "no crash": every diagnostic has a file, a code and a
 * message; positions are 1-based (or 0:0 for a whole file); messages hold
 * no raw control characters (user text is quoted).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_diags(const govmap_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		const govmap_diag *g = &d->v[i];
		if (!g->file || !g->code || !g->code[0] || !g->msg ||
		    !g->msg[0])
			abort();
		if ((g->line == 0) != (g->col == 0))
			abort();
		for (const unsigned char *p = (const unsigned char *)g->msg;
		     *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				abort(); /* raw user text in a message */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char manifest[] = "schema: 1\nname: fuzz\n";
	const char *files[1] = {(const char *)data};
	size_t lens[1] = {size};
	govmap_session *s = fuzz_session(manifest, sizeof manifest - 1, files,
					 lens, 1, 0, GOVMAP_STAGE_LOAD);
	if (s)
		check_diags(govmap_session_diags(s));
	govmap_session_free(s);
	s = fuzz_session((const char *)data, size, NULL, NULL, 0, 0,
			 GOVMAP_STAGE_LOAD);
	if (s)
		check_diags(govmap_session_diags(s));
	govmap_session_free(s);
	return 0;
}
