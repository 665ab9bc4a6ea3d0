/*
 * registry.c - loading a registry: manifest, files, model, validation.
 *
 * Orchestrates the pipeline source -> ytree -> schema -> validate and owns
 * the registry object.  It adds no checks of its own beyond "the manifest
 * exists".
 */
#include <stdlib.h>
#include <string.h>

#include "registry_impl.h"
#include "source_impl.h"

typedef struct {
	govmap_registry *reg;
	govmap_load_opts *opts;
	govmap_diags *diags;
} load_ctx;

static int load_file(const char *path, const char *display, const char *data,
		     size_t len, void *payload)
{
	load_ctx *lc = payload;
	govmap_registry *reg = lc->reg;
	govmap__arena tmp = {0};
	ynode **docs;
	size_t ndocs;
	(void)path;
	/* The display path is kept: entities and positions point at it. */
	const char *file = govmap__arena_strdup(&reg->arena, display);
	if (!file)
		return 1;
	reg->nfiles++;
	govmap__ytree_parse(&docs, &ndocs, &tmp, file, data, len,
			    &lc->opts->parse, lc->diags);
	for (size_t i = 0; i < ndocs; i++)
		govmap__schema_entity(reg, docs[i], file, &lc->opts->parse,
				      lc->diags);
	govmap__arena_free(&tmp);
	if (reg->n >= lc->opts->parse.max_entities)
		return 1;
	return 0;
}

int govmap_registry_load(govmap_registry **out, govmap_src *src,
			 const govmap_load_opts *opts_in, govmap_diags *diags)
{
	govmap_load_opts opts = {0};
	char *data = NULL;
	size_t len = 0;
	*out = NULL;
	if (opts_in)
		opts = *opts_in;
	govmap__parse_limits_defaults(&opts.parse);

	govmap_registry *reg = calloc(1, sizeof(*reg));
	if (!reg)
		return GOVMAP_ENOMEM;
	reg->label = govmap__arena_strdup(&reg->arena, govmap_src_label(src));

	int rc = govmap_src_read(&data, &len, src, "govmap.yaml", diags);
	if (rc == GOVMAP_ENOTFOUND) {
		char *disp = govmap__src_display(src, "govmap.yaml");
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, disp, 0, 0,
				 "no-manifest",
				 "no manifest: a registry starts with a "
				 "govmap.yaml holding 'schema: 1' and 'name'");
		free(disp);
		govmap_registry_free(reg);
		return GOVMAP_ENOTFOUND;
	}
	if (rc != GOVMAP_OK) {
		govmap_registry_free(reg);
		return rc;
	}
	{
		govmap__arena tmp = {0};
		ynode **docs;
		size_t ndocs;
		char *disp = govmap__src_display(src, "govmap.yaml");
		const char *file = govmap__arena_strdup(&reg->arena,
							disp ? disp : "?");
		free(disp);
		govmap__ytree_parse(&docs, &ndocs, &tmp, file, data, len,
				    &opts.parse, diags);
		if (ndocs > 1)
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, file,
					 docs[1]->line, docs[1]->col,
					 "manifest",
					 "govmap.yaml must hold one document");
		if (ndocs)
			govmap__schema_manifest(reg, docs[0], file, &opts,
						diags);
		else
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, file, 0, 0,
					 "manifest",
					 "govmap.yaml is empty: give 'schema: "
					 "1' and 'name'");
		govmap__arena_free(&tmp);
		free(data);
	}
	govmap__parse_limits_defaults(&opts.parse);
	govmap__src_set_limits(src, &opts.src);

	load_ctx lc = {reg, &opts, diags};
	rc = govmap_src_each(src, load_file, &lc, diags);
	if (rc == GOVMAP_ENOMEM) {
		govmap_registry_free(reg);
		return rc;
	}
	govmap__validate(reg, &opts, diags);
	*out = reg;
	return rc == GOVMAP_ELIMIT || rc == GOVMAP_EIO ? rc : GOVMAP_OK;
}

void govmap_registry_free(govmap_registry *reg)
{
	if (!reg)
		return;
	free(reg->ents);
	govmap__strmap_free(&reg->index);
	govmap__arena_free(&reg->arena);
	free(reg);
}

size_t govmap_registry_count(const govmap_registry *reg)
{
	return reg->n;
}

const govmap_entity *govmap_registry_at(const govmap_registry *reg, size_t i)
{
	return i < reg->n ? &reg->ents[i] : NULL;
}

int32_t govmap_registry_index(const govmap_registry *reg, const char *id)
{
	return govmap__strmap_get(&reg->index, id);
}

const govmap_entity *govmap_registry_find(const govmap_registry *reg,
					  const char *id)
{
	int32_t i = govmap__strmap_get(&reg->index, id);
	return i < 0 ? NULL : &reg->ents[i];
}

const char *govmap_registry_name(const govmap_registry *reg)
{
	return reg->name ? reg->name : "(unnamed registry)";
}

size_t govmap_registry_nplugins(const govmap_registry *reg)
{
	return reg->nplugins;
}

const char *govmap_registry_plugin(const govmap_registry *reg, size_t i)
{
	return i < reg->nplugins ? reg->plugins[i] : NULL;
}

size_t govmap_registry_nfiles(const govmap_registry *reg)
{
	return reg->nfiles;
}
