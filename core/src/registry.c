/*
 * registry.c - loading a registry: manifest, files, model, validation.
 *
 * Orchestrates the pipeline source -> ytree -> schema -> validate and owns
 * the registry object.  It adds no checks of its own beyond "the manifest
 * exists".
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "registry_impl.h"
#include "source_impl.h"

/* Files are read and parsed by a few threads, a chunk of files at a time;
 * each chunk keeps its own entities, strings and diagnostics, and the
 * chunks are joined in file order, so the result never depends on
 * timing. */
#define CHUNK_FILES 32
#define MAX_THREADS 8

typedef struct {
	govmap__arena arena;  /* entity strings and file names */
	govmap__entbuf buf;
	govmap_diags diags;
	size_t nfiles;
} chunk_t;

typedef struct {
	govmap_src *src;
	const govmap_load_opts *opts;
	chunk_t *chunks;
	size_t nchunks;
	atomic_size_t next;   /* next chunk to take */
	atomic_int stop;      /* a hard failure: stop taking chunks */
	atomic_int rc;
} load_job;

static void load_chunk(load_job *j, chunk_t *ch, size_t first, size_t last)
{
	govmap__arena tmp = {0};
	ch->buf.arena = &ch->arena;
	for (size_t i = first; i < last && !atomic_load(&j->stop); i++) {
		char *display = govmap__src_display(j->src, j->src->paths[i]);
		const char *file = display ? govmap__arena_strdup(&ch->arena,
								  display)
					   : NULL;
		free(display);
		if (!file) {
			atomic_store(&j->rc, GOVMAP_ENOMEM);
			atomic_store(&j->stop, 1);
			break;
		}
		char *data;
		size_t len;
		int rc = govmap__src_read_at(&data, &len, j->src, i, file,
					     &ch->diags);
		if (rc == GOVMAP_OK) {
			ynode **docs;
			size_t ndocs;
			ch->nfiles++;
			govmap__ytree_parse(&docs, &ndocs, &tmp, file, data, len,
					    &j->opts->parse, &ch->diags);
			for (size_t d = 0; d < ndocs; d++)
				govmap__schema_entity(&ch->buf, docs[d], file,
						      &j->opts->parse,
						      &ch->diags);
			govmap__arena_reset(&tmp);
		}
		free(data);
		if (rc == GOVMAP_ENOMEM ||
		    (rc == GOVMAP_ELIMIT &&
		     j->src->total >= j->src->lim.max_total_bytes)) {
			atomic_store(&j->rc, rc);
			atomic_store(&j->stop, 1);
		}
	}
	govmap__arena_free(&tmp);
}

static void *worker(void *arg)
{
	load_job *j = arg;
	for (;;) {
		size_t c = atomic_fetch_add(&j->next, 1);
		if (c >= j->nchunks || atomic_load(&j->stop))
			break;
		size_t first = c * CHUNK_FILES;
		size_t last = first + CHUNK_FILES;
		if (last > j->src->npaths)
			last = j->src->npaths;
		load_chunk(j, &j->chunks[c], first, last);
	}
	return NULL;
}

static unsigned thread_count(size_t nfiles)
{
	const char *env = getenv("GOVMAP_THREADS");
	long n = env && *env ? atol(env) : sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	if (nfiles < 2 * CHUNK_FILES)
		n = 1;
	return (unsigned)n;
}

/* Join the chunks into the registry, in order. */
static int merge(govmap_registry *reg, load_job *j, govmap_diags *diags)
{
	size_t total = 0;
	for (size_t c = 0; c < j->nchunks; c++)
		total += j->chunks[c].buf.n;
	if (total > j->opts->parse.max_entities) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "limit-entities",
				 "%zu entities: more than the limit of %zu "
				 "(raise limits.max_entities in govmap.yaml if "
				 "this is intended)",
				 total, j->opts->parse.max_entities);
		total = j->opts->parse.max_entities;
	}
	reg->ents = malloc((total ? total : 1) * sizeof(*reg->ents));
	reg->arenas = calloc(j->nchunks ? j->nchunks : 1,
			     sizeof(*reg->arenas));
	if (!reg->ents || !reg->arenas) {
		/* nothing joins the registry: the chunks are freed here */
		for (size_t c = 0; c < j->nchunks; c++) {
			free(j->chunks[c].buf.ents);
			govmap__arena_free(&j->chunks[c].arena);
			govmap_diags_free(&j->chunks[c].diags);
		}
		return GOVMAP_ENOMEM;
	}
	reg->cap = total;
	for (size_t c = 0; c < j->nchunks; c++) {
		chunk_t *ch = &j->chunks[c];
		size_t take = ch->buf.n;
		if (take > total - reg->n)
			take = total - reg->n;
		if (take) /* ents is NULL in a chunk without entities */
			memcpy(reg->ents + reg->n, ch->buf.ents,
			       take * sizeof(*reg->ents));
		reg->n += take;
		free(ch->buf.ents);
		reg->arenas[reg->narenas++] = ch->arena;
		reg->nfiles += ch->nfiles;
		for (size_t k = 0; k < ch->diags.n; k++) {
			govmap_diag *g = &ch->diags.v[k];
			govmap_diags_add(diags, g->sev, g->file, g->line,
					 g->col, g->code, "%s", g->msg);
		}
		diags->dropped += ch->diags.dropped;
		diags->lost += ch->diags.lost;
		govmap_diags_free(&ch->diags);
	}
	return GOVMAP_OK;
}

static int load_files(govmap_registry *reg, govmap_src *src,
		      const govmap_load_opts *opts, govmap_diags *diags)
{
	int rc = govmap__src_list(src, diags);
	if (rc != GOVMAP_OK && rc != GOVMAP_ELIMIT)
		return rc;
	load_job j = {0};
	j.src = src;
	j.opts = opts;
	j.nchunks = (src->npaths + CHUNK_FILES - 1) / CHUNK_FILES;
	j.chunks = calloc(j.nchunks ? j.nchunks : 1, sizeof(*j.chunks));
	if (!j.chunks)
		return GOVMAP_ENOMEM;
	atomic_init(&j.next, 0);
	atomic_init(&j.stop, 0);
	atomic_init(&j.rc, GOVMAP_OK);
	unsigned n = thread_count(src->npaths);
	pthread_t th[MAX_THREADS];
	unsigned started = 0;
	for (unsigned t = 1; t < n; t++)
		if (pthread_create(&th[started], NULL, worker, &j) == 0)
			started++;
	worker(&j); /* this thread works too */
	for (unsigned t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	int mrc = merge(reg, &j, diags);
	free(j.chunks);
	if (mrc != GOVMAP_OK)
		return mrc;
	if (atomic_load(&j.rc) != GOVMAP_OK)
		return atomic_load(&j.rc);
	return rc;
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

	rc = load_files(reg, src, &opts, diags);
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
	for (size_t i = 0; i < reg->narenas; i++)
		govmap__arena_free(&reg->arenas[i]);
	free(reg->arenas);
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

const govmap_variant *govmap_registry_weights(const govmap_registry *reg)
{
	return reg && reg->custom_weights ? &reg->weights : NULL;
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

/* ---- regions ---- */

const char *govmap_entity_region(const govmap_registry *reg,
				  const govmap_entity *e)
{
	for (int guard = 0; e && guard < 4; guard++) {
		if (e->region)
			return e->region;
		if (e->kind != GOVMAP_KIND_BOARD)
			return NULL;
		int32_t t = e->of.target >= 0 ? e->of.target
			    : e->njoint       ? e->joint[0].target
					      : -1;
		e = t >= 0 ? govmap_registry_at(reg, (size_t)t) : NULL;
	}
	return NULL;
}

int govmap_region_in(const char *region, const char *prefix)
{
	size_t n = strlen(prefix);
	return region && strncmp(region, prefix, n) == 0 &&
	       (region[n] == '\0' || region[n] == '/');
}

size_t govmap_region_title(char *buf, size_t size, const char *region)
{
	static const char *const upper[] = {"uk", "nhs", "icb", "icp", "bnssg",
					    NULL};
	if (!size)
		return 0;
	if (!region)
		region = "";
	const char *last = strrchr(region, '/');
	last = last ? last + 1 : region;
	size_t n = 0;
	int word = 1;
	for (const char *p = last; *p && n + 1 < size; p++) {
		if (*p == '-') {
			buf[n++] = ' ';
			word = 1;
			continue;
		}
		if (word) {
			size_t w = strcspn(p, "-");
			int up = 0;
			for (const char *const *u = upper; *u; u++)
				up |= strlen(*u) == w && strncmp(*u, p, w) == 0;
			int small = (w == 3 && strncmp(p, "and", 3) == 0) ||
				    (w == 2 && strncmp(p, "of", 2) == 0) ||
				    (w == 2 && strncmp(p, "on", 2) == 0) ||
				    (w == 3 && strncmp(p, "the", 3) == 0);
			for (size_t k = 0; k < w && n + 1 < size; k++) {
				char ch = p[k];
				if (up || (k == 0 && !(small && p != last)))
					ch = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
				buf[n++] = ch;
			}
			p += w - 1;
			word = 0;
			continue;
		}
		buf[n++] = *p;
	}
	buf[n] = '\0';
	return n;
}
