/*
 * fuzz_loader.c - libFuzzer target: bytes -> the YAML loader and schema.
 *
 * The input is one registry file.  It goes through govmap__ytree_parse
 * (libyaml events under the loader's limits) and every document it yields
 * through govmap__schema_entity, exactly as registry.c does; the first
 * document is also read as a manifest (govmap__schema_manifest).  No file
 * system, no threads: the in-process entry points of the core.
 *
 * Checks beyond "no crash": every diagnostic has a file, a code and a
 * message; positions are 1-based (or 0:0 for a whole file); messages hold
 * no raw control characters (user text is quoted).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "registry_impl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_diags(const govmap_diags *d)
{
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
	/* Sources hand files over NUL-terminated at [len]; keep that, on a
	 * heap copy of the exact size so ASan sees any overread. */
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	if (size)
		memcpy(buf, data, size);
	buf[size] = '\0';

	govmap_diags diags = {0};
	govmap__arena tmp = {0}, ents_arena = {0};
	govmap__entbuf ents = {0};
	govmap_parse_limits lim = {0};
	ynode **docs = NULL;
	size_t ndocs = 0;
	ents.arena = &ents_arena;
	govmap__parse_limits_defaults(&lim);

	govmap__ytree_parse(&docs, &ndocs, &tmp, "fuzz.yaml", buf, size, &lim,
			    &diags);
	for (size_t i = 0; i < ndocs; i++) {
		if (!docs[i])
			abort();
		govmap__schema_entity(&ents, docs[i], "fuzz.yaml", &lim,
				      &diags);
	}
	if (ndocs) {
		govmap_registry *reg = calloc(1, sizeof(*reg));
		govmap_load_opts opts = {0};
		if (reg) {
			govmap__schema_manifest(reg, docs[0], "govmap.yaml",
						&opts, &diags);
			govmap_registry_free(reg);
		}
	}
	check_diags(&diags);

	free(ents.ents);
	govmap__arena_free(&ents_arena);
	govmap__arena_free(&tmp);
	govmap_diags_free(&diags);
	free(buf);
	return 0;
}
