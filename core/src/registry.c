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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse_cache.h"
#include "registry_impl.h"
#include "source_impl.h"

/* Files are read and parsed by a few threads, a chunk of files at a time;
 * each chunk keeps its own entities, strings and diagnostics, and the
 * chunks are joined in file order, so the result never depends on
 * timing. */
#define CHUNK_FILES 32
#define MAX_THREADS 8
/* files parsed (not found in the parse cache) before a load with a
 * cache calls in the other threads: see load_files */
#define HELP_AFTER 8

typedef struct {
	govmap__arena arena;  /* entity strings and file names */
	govmap__entbuf buf;
	govmap_diags diags;
	size_t nfiles;
	size_t nclean; /* entities from entries stamped known clean */
	int in_run;    /* its entities are in the load's run (load_job) */
} chunk_t;

typedef struct {
	govmap_src *src;
	const govmap_load_opts *opts;
	chunk_t *chunks;
	size_t nchunks;
	atomic_size_t next;   /* next chunk to take */
	atomic_int stop;      /* a hard failure: stop taking chunks */
	atomic_int rc;
	atomic_size_t parsed; /* files read and parsed, not from the cache */
	uint_fast64_t conf_gen; /* the look-alike memo's, at the start */
	/* The run: chunks 0 .. nrun-1, loaded in order by the thread that
	 * started the load, put their entities one after another into this
	 * one buffer, which becomes the registry's (merge), so they are not
	 * copied again; a load without help (a walk's, from the cache) is
	 * all run.  Only that thread touches it. */
	govmap__entbuf run;
	size_t nrun;
} load_job;

/* File i from the parse cache: 1 when taken from it (entities and
 * diagnostics appended, its size counted against the total, *rc set), 0
 * when it must be read and parsed. */
static int from_cache(load_job *j, chunk_t *ch, size_t i, const char *file,
		      unsigned char id[20], int *rc)
{
	govmap_parse_cache *c = j->opts->cache;
	if (!c || govmap__src_blob_id(j->src, i, id) < 0)
		return 0;
	const govmap__cached *e = govmap__cache_get(c, id, &j->opts->parse);
	/* the same checks as a read and a parse: file size, and the
	 * entity limit, which a parse checks per document */
	if (!e || govmap__cached_size(e) > j->src->lim.max_file_bytes ||
	    ch->buf.n - ch->buf.base + govmap__cached_docs(e) >
		    j->opts->parse.max_entities)
		return 0;
	if (govmap__src_reserve(j->src, govmap__cached_size(e), file,
				&ch->diags) < 0) {
		*rc = GOVMAP_ELIMIT;
		return 1;
	}
	if (govmap__cache_use(c, e, &ch->buf, file, &ch->diags) < 0) {
		*rc = GOVMAP_ENOMEM;
		return 1;
	}
	ch->nfiles++;
	ch->nclean += govmap__cached_conf_count(e, j->conf_gen);
	*rc = GOVMAP_OK;
	return 1;
}

/* Codes that a document cut short by a syntax error can get only because
 * it is cut short (a key, a list item or a source that came after the
 * error): never reported for the part that parsed. */
static int cut_artefact(const char *code)
{
	static const char *const codes[] = {"missing-key", "no-source",
					    "empty", "count", "seat-fill",
					    "document", "limit-entities",
					    "nomem", NULL};
	for (size_t k = 0; codes[k]; k++)
		if (strcmp(code, codes[k]) == 0)
			return 1;
	return 0;
}

/* The part of a document that parsed before a syntax error (issue 20):
 * the schema's errors in it, before the error's position, are reported;
 * the entity itself is dropped (half an entity would mislead the
 * analysis and the cross-checks). */
static void check_cut(const ynode *doc, uint32_t line, uint32_t col,
		      const char *file, const govmap_parse_limits *lim,
		      govmap_diags *diags)
{
	govmap__arena arena = {0};
	govmap__entbuf scratch = {.arena = &arena};
	govmap_diags tmp = {0};
	govmap__schema_entity(&scratch, doc, file, lim, &tmp);
	for (size_t k = 0; k < tmp.n; k++) {
		const govmap_diag *g = &tmp.v[k];
		if (!g->line || cut_artefact(g->code) ||
		    g->line > line || (g->line == line && g->col >= col))
			continue;
		/* nor about a list or mapping the error left open (its
		 * type, its length): only what it held is whole */
		const ynode *n = doc;
		while (n && !(n->line == g->line && n->col == g->col)) {
			const ynode *last = !n->n ? NULL
					    : n->type == YN_MAP ? n->kids[2 * n->n - 1]
								: n->kids[n->n - 1];
			n = last && last->cut ? last : NULL;
		}
		if (n)
			continue;
		govmap_diags_push(diags, g);
	}
	if (tmp.lost) {
		/* some may have been before the error: say so */
		diags->count[GOVMAP_SEV_ERROR]++;
		diags->dropped += tmp.lost;
		diags->lost += tmp.lost;
	}
	govmap_diags_free(&tmp);
	free(scratch.ents);
	govmap__arena_free(&arena);
}

/* Chunk `c` (its files first .. last-1); `starter` when called by the
 * thread that started the load, which adds a chunk that comes next in
 * order to the run. */
static void load_chunk(load_job *j, size_t c, size_t first, size_t last,
		       int starter)
{
	govmap__arena tmp = {0};
	govmap_parse_cache *cache = j->opts->cache;
	chunk_t *ch = &j->chunks[c];
	ch->in_run = starter && c == j->nrun;
	if (ch->in_run) {
		/* room for one entity a file and an eighth more, so a
		 * load of one entity a file never regrows the run */
		size_t want = j->src->npaths + j->src->npaths / 8;
		if (!j->run.ents && want &&
		    (j->run.ents = malloc(want * sizeof(*j->run.ents))))
			j->run.cap = want;
		ch->buf = j->run;
		ch->buf.base = j->run.n;
	}
	ch->buf.arena = &ch->arena;
	/* room for one entity a file, the usual case, so the buffer is not
	 * regrown and copied file by file (it still grows if needed; out
	 * of memory here only leaves it to grow) */
	if (!ch->buf.ents && last > first &&
	    (ch->buf.ents = malloc((last - first) * sizeof(*ch->buf.ents))))
		ch->buf.cap = last - first;
	for (size_t i = first; i < last && !atomic_load(&j->stop); i++) {
		const char *file = govmap__src_display_in(&ch->arena, j->src,
							  j->src->paths[i]);
		if (!file) {
			atomic_store(&j->rc, GOVMAP_ENOMEM);
			atomic_store(&j->stop, 1);
			break;
		}
		char *data = NULL;
		size_t len;
		unsigned char id[20];
		int rc;
		if (from_cache(j, ch, i, file, id, &rc))
			goto next;
		int has_id = cache && govmap__src_blob_id(j->src, i, id) == 0;
		rc = govmap__src_read_at(&data, &len, j->src, i, file,
					 &ch->diags);
		/* a file read without a blob id (a directory, memory): its
		 * content's id, then the cache */
		if (rc == GOVMAP_OK && cache && !has_id &&
		    govmap__cache_hash(data, len, id) == 0) {
			has_id = 1;
			const govmap__cached *e =
				govmap__cache_get(cache, id, &j->opts->parse);
			if (e && ch->buf.n - ch->buf.base +
					     govmap__cached_docs(e) <=
				     j->opts->parse.max_entities) {
				if (govmap__cache_use(cache, e, &ch->buf, file,
						      &ch->diags) < 0) {
					rc = GOVMAP_ENOMEM;
				} else {
					ch->nfiles++;
					ch->nclean += govmap__cached_conf_count(
						e, j->conf_gen);
				}
				free(data);
				goto next;
			}
		}
		if (rc == GOVMAP_OK) {
			ynode **docs, *cut;
			size_t ndocs;
			size_t n0 = ch->buf.n, d0 = ch->diags.n;
			size_t drop0 = ch->diags.dropped;
			uint32_t cl = 0, cc = 0;
			ch->nfiles++;
			atomic_fetch_add(&j->parsed, 1);
			size_t e0 = ch->diags.count[GOVMAP_SEV_ERROR];
			govmap__ytree_parse_cut(&docs, &ndocs, &cut, &cl, &cc,
						&tmp, file, data, len,
						&j->opts->parse, &ch->diags);
			govmap__schema_file(&ch->buf, docs, ndocs, e0, file,
					    &j->opts->parse, &ch->diags);
			if (cut)
				check_cut(cut, cl, cc, file, &j->opts->parse,
					  &ch->diags);
			govmap__arena_reset(&tmp);
			/* cached only when the entity limit did not bite */
			if (has_id && n0 - ch->buf.base + ndocs <=
					      j->opts->parse.max_entities)
				govmap__cache_put(cache, id, &j->opts->parse,
						  len, ndocs, ch->buf.ents + n0,
						  ch->buf.n - n0, &ch->diags, d0,
						  drop0, file);
			else if (cache)
				govmap__cache_count_parse(cache);
		}
		free(data);
	next:
		if (rc == GOVMAP_ENOMEM ||
		    (rc == GOVMAP_ELIMIT &&
		     atomic_load(&j->src->total) >= j->src->lim.max_total_bytes)) {
			atomic_store(&j->rc, rc);
			atomic_store(&j->stop, 1);
		}
	}
	govmap__arena_free(&tmp);
	if (ch->in_run) { /* hand the buffer back: the chunk keeps none */
		j->run = ch->buf;
		j->run.base = 0;
		j->nrun++;
		ch->buf.ents = NULL;
		ch->buf.n = ch->buf.cap = 0;
	}
}

/* Load the next chunk no thread has taken: 1, or 0 when none is left
 * or the load has stopped. */
static int take_chunk(load_job *j, int starter)
{
	size_t c = atomic_fetch_add(&j->next, 1);
	if (c >= j->nchunks || atomic_load(&j->stop))
		return 0;
	size_t first = c * CHUNK_FILES;
	size_t last = first + CHUNK_FILES;
	if (last > j->src->npaths)
		last = j->src->npaths;
	load_chunk(j, c, first, last, starter);
	return 1;
}

static void *worker(void *arg)
{
	load_job *j = arg;
	while (take_chunk(j, 0))
		;
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
	size_t total = j->run.n, nclean = 0;
	for (size_t c = 0; c < j->nchunks; c++) {
		total += j->chunks[c].buf.n; /* 0 for the run's chunks */
		nclean += j->chunks[c].nclean;
	}
	const size_t all = total;
	if (total > j->opts->parse.max_entities) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "limit-entities",
				 "%zu entities: more than the limit of %zu "
				 "(raise limits.max_entities in govmap.yaml if "
				 "this is intended)",
				 total, j->opts->parse.max_entities);
		total = j->opts->parse.max_entities;
	}
	/* the run's buffer is the registry's, made room in for the rest */
	if (j->run.ents && j->run.cap >= total) {
		reg->ents = j->run.ents;
	} else {
		reg->ents = realloc(j->run.ents,
				    (total ? total : 1) * sizeof(*reg->ents));
		if (!reg->ents)
			free(j->run.ents);
	}
	j->run.ents = NULL;
	reg->arenas = calloc(j->nchunks ? j->nchunks : 1,
			     sizeof(*reg->arenas));
	if (!reg->ents || !reg->arenas) {
		/* nothing joins the registry: the chunks are freed here */
		free(reg->ents);
		reg->ents = NULL;
		for (size_t c = 0; c < j->nchunks; c++) {
			free(j->chunks[c].buf.ents);
			govmap__arena_free(&j->chunks[c].arena);
			govmap_diags_free(&j->chunks[c].diags);
		}
		return GOVMAP_ENOMEM;
	}
	reg->cap = total > j->run.cap ? total : j->run.cap;
	reg->n = j->run.n < total ? j->run.n : total;
	/* every entity from an entry the look-alike memo stamped: the
	 * check can take the registry as clean without a look-up each */
	reg->conf_gen = nclean && nclean == all ? j->conf_gen : 0;
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
		for (size_t k = 0; k < ch->diags.n; k++)
			govmap_diags_push(diags, &ch->diags.v[k]);
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
	atomic_init(&j.parsed, 0);
	j.conf_gen = govmap__cache_conf_gen(opts->cache);
	unsigned n = thread_count(src->npaths);
	pthread_t th[MAX_THREADS];
	unsigned started = 0;
	/* With a parse cache, this thread starts alone and calls the
	 * others in only once it has parsed HELP_AFTER files: a walk's
	 * load that finds every file but a commit's changed ones in the
	 * cache is copying, which two threads did no faster (the same
	 * wall time, a third more CPU: they took turns on the shared
	 * counters).  Without one, or once parsing, they share the work
	 * as before; the chunks are joined in order either way. */
	int help = !opts->cache;
	do {
		if (help && !started)
			for (unsigned t = 1; t < n; t++)
				if (pthread_create(&th[started], NULL, worker,
						   &j) == 0)
					started++;
		if (!help && atomic_load(&j.parsed) >= HELP_AFTER)
			help = 1;
	} while (take_chunk(&j, 1));
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

char *govmap_period_words(char *buf, size_t size, govmap_period p)
{
	char a[11], z[11], nl[11];
	govmap_date_format(a, p.from);
	govmap_date_format(z, p.to);
	govmap_date_format(nl, GOVMAP_DATE_BOUND(p.from));
	int fu = GOVMAP_DATE_IS_UNKNOWN(p.from),
	    tu = GOVMAP_DATE_IS_UNKNOWN(p.to);
	if (!size)
		return buf;
	if (GOVMAP_DATE_BOUND(p.from))
		snprintf(buf, size, "start date not known, no later than %s; %s%s",
			 nl, tu ? "end date not known"
				: p.to ? "until " : "no end date recorded",
			 !tu && p.to ? z : "");
	else if (fu && tu)
		snprintf(buf, size, "start and end dates not known");
	else if (fu)
		snprintf(buf, size, "start date not known; %s%s",
			 p.to ? "until " : "no end date recorded",
			 p.to ? z : "");
	else if (tu)
		snprintf(buf, size, "%s%s%send date not known",
			 p.from ? "from " : "", p.from ? a : "",
			 p.from ? "; " : "");
	else if (!p.from && !p.to)
		snprintf(buf, size, "no dates recorded");
	else
		snprintf(buf, size, "%s%s%s%s", p.from ? "from " : "",
			 p.from ? a : "", p.from && p.to ? " to " : p.to ? "until " : "",
			 p.to ? z : "");
	return buf;
}

/* the registry's type ids in the words a committee uses, one and
 * several; a type not listed is shown with its hyphens as spaces */
static const struct type_words {
	const char *type, *words, *plural;
} type_words[] = {
	{"local-authority", "council", "councils"},
	{"icb", "integrated care board", "integrated care boards"},
	{"icp", "integrated care partnership", "integrated care partnerships"},
	{"ccg", "clinical commissioning group",
	 "clinical commissioning groups"},
	{"stp", "sustainability and transformation partnership",
	 "sustainability and transformation partnerships"},
	{"foundation-trust", "NHS foundation trust", "NHS foundation trusts"},
	{"nhs-trust", "NHS trust", "NHS trusts"},
	{"hsc-trust", "health and social care trust",
	 "health and social care trusts"},
	{"healthwatch", "local Healthwatch", "local Healthwatch"},
	{"local-healthwatch", "local Healthwatch", "local Healthwatch"},
	{"health-and-wellbeing-board", "health and wellbeing board",
	 "health and wellbeing boards"},
	{"membership", "a foundation trust's members",
	 "foundation trust memberships"},
	{"council-of-governors", "council of governors",
	 "councils of governors"},
	{"electorate", "voters", "electorates"},
	{"integration-joint-board", "integration joint board",
	 "integration joint boards"},
	{"regional-partnership-board", "regional partnership board",
	 "regional partnership boards"},
	{"nhs-england-region", "NHS England region", "NHS England regions"},
	{"local-health-board", "local health board", "local health boards"},
	{"health-board", "health board", "health boards"},
	{"community-health-council", "community health council",
	 "community health councils"},
	{"arms-length-body", "arm's-length body", "arm's-length bodies"},
	{"joint-health-scrutiny-committee", "joint health scrutiny committee",
	 "joint health scrutiny committees"},
	{"government-department", "government department",
	 "government departments"},
	{"combined-authority", "combined authority", "combined authorities"},
	{"elected-mayor", "elected mayor", "elected mayors"},
	{"pcn", "primary care network", "primary care networks"},
};

/* one in a count ("1 electorate"), where not the type's words */
static const struct {
	const char *type, *one;
} count_one[] = {
	{"membership", "foundation trust membership"},
	{"electorate", "electorate"},
};

/* type's words: how = 0 for one body of it ("a body of this type"),
 * 1 for one in a count ("1 electorate"), 2 for several; NULL (static
 * text otherwise) if the type is not in the table */
static const char *type_lookup(const char *type, int how)
{
	if (!type)
		return how == 2 ? "boards" : "board";
	for (size_t k = 0; k < sizeof type_words / sizeof *type_words; k++) {
		const struct type_words *t = &type_words[k];
		if (strcmp(type, t->type) != 0)
			continue;
		for (size_t j = 0; how == 1 && j < sizeof count_one /
						   sizeof *count_one; j++)
			if (strcmp(type, count_one[j].type) == 0)
				return count_one[j].one;
		return how == 2 ? t->plural : t->words;
	}
	return NULL;
}

/* an unlisted type id with its hyphens as spaces, and for several an
 * "s" unless it already ends in one ("-y" after a consonant "-ies") */
static char *type_fallback(char *buf, size_t size, const char *type,
			   int plural)
{
	size_t l = strlen(type);
	if (plural && l >= 2 && type[l - 1] == 'y' &&
	    !strchr("aeiou", type[l - 2]))
		snprintf(buf, size, "%.*sies", (int)(l - 1), type);
	else
		snprintf(buf, size, "%s%s", type,
			 plural && l && type[l - 1] != 's' ? "s" : "");
	for (char *q = buf; *q; q++)
		*q = *q == '-' ? ' ' : *q;
	return buf;
}

char *govmap_type_words(char *buf, size_t size, const char *type)
{
	if (!size)
		return buf;
	const char *w = type_lookup(type, 0);
	if (!w)
		return type_fallback(buf, size, type, 0);
	snprintf(buf, size, "%s", w);
	return buf;
}

char *govmap_type_count_words(char *buf, size_t size, size_t n,
			      const char *type)
{
	if (!size)
		return buf;
	char w[160];
	const char *t = type_lookup(type, n == 1 ? 1 : 2);
	if (!t)
		t = type_fallback(w, sizeof w, type, n != 1);
	snprintf(buf, size, "%zu %s", n, t);
	return buf;
}
