/*
 * parse_cache.c - parsed registry files kept by Git blob id
 * (govmap_parse_cache, registry.h), so that a walk over many commits
 * parses each blob once.
 *
 * It owns the cached copies: entities deep-copied into its own arena
 * with every position's file left out (an empty mark) and every reference
 * unresolved (-1), and the parse's diagnostics without their file.  It
 * hands each load fresh copies of the arrays that hold positions or
 * references (seats, joint, money, sources, codes, suppressions), with
 * that load's file name, and shares only the immutable strings; so
 * validation, which writes `target` indexes, never writes into the cache,
 * and one load's revision label never shows in another's messages.  It
 * must not read files or parse: registry.c does that and tells it what a
 * parse gave.  In memory only; nothing is written to disk.
 */
#define _POSIX_C_SOURCE 200809L
#include <git2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parse_cache.h"
#include "util.h"

typedef struct {
	govmap_severity sev;
	uint32_t line, col;
	char *code, *msg, *ref, *key;
} cdiag;

struct govmap__cached {
	unsigned char id[20];
	govmap_parse_limits lim;
	size_t size, ndocs;
	govmap_entity *ents;
	size_t n;
	cdiag *diags;
	size_t ndiags;
	/* the look-alike memo's generation whose ids and names include
	 * every id and name of this entry's entities (0: none known);
	 * written under the writer's lock, read by loads without it */
	atomic_uint_fast64_t conf_gen;
};

/* Values keyed by a 20-byte Git object id, open addressing, placed by
 * the id's first eight bytes mixed with the cache's seed (ids that share
 * those bytes are as hard to make as a SHA-1 collision).  A slot keeps
 * the id's next eight bytes, so a probe past another object reads no
 * value, and the id itself inside the value it holds.  Doubled when
 * half full. */
typedef struct {
	struct idslot {
		uint64_t tag;
		const unsigned char *id; /* inside v */
		void *v;                 /* NULL: empty */
	} *s;
	size_t cap, n; /* cap: 0 or a power of two */
} idtable;

struct govmap_parse_cache {
	/* guards everything below but the counters; a reader's lock for
	 * the lookups every load makes once per file (two load threads
	 * took turns on one mutex: a quarter of a cached walk was futex
	 * calls), a writer's for what changes the maps */
	pthread_rwlock_t lock;
	atomic_size_t parses, hits;
	govmap__arena arena;  /* entries, their strings and arrays */
	uint64_t seed; /* per cache, so a repository cannot choose ids
			  that crowd one run of an idtable's slots */
	idtable blobs;        /* blob id -> govmap__cached */
	govmap__cached **v;   /* the entries, in the order put */
	size_t n, cap;
	idtable folders;      /* tree id -> govmap__folder */
	/* the folders' bytes, kept under folder_budget (a long walk over a
	 * large folder keeps a copy of it per commit that changed it) */
	size_t folder_bytes, folder_budget;
	/* one copy of each type name and folder entry name (intern) */
	govmap__strmap interned; /* text -> index in internv */
	char **internv;
	size_t ninterned, capinterned;
	govmap__strmap skel;  /* "n"/"i" + text -> index in skels */
	char **skels;
	size_t nskel, capskel;
	/* Git repositories kept open between loads (source_git.c): a walk
	 * holds two sessions at once (the commit and the one before) */
	struct {
		git_repository *repo;
		char *root; /* the registry path it was opened for */
		int lent;   /* a source holds it */
	} repos[GOVMAP__CACHE_REPOS];
	/* validate.c's look-alike check: the ids and names of the last
	 * registry it found clean (each with its NUL, one after another),
	 * and a set of each, keyed by pointers into `conf`; NULL when
	 * none */
	char *conf;
	govmap__strmap conf_ids, conf_names;
	/* that memo's generation (0: no memo), counted up at every clean
	 * registry remembered; an entry stamped with it (conf_gen above)
	 * holds only ids and names of the memo */
	atomic_uint_fast64_t conf_gen;
	uint_fast64_t conf_next;
};

int govmap_parse_cache_new(govmap_parse_cache **out)
{
	govmap_parse_cache *c = calloc(1, sizeof(*c));
	*out = NULL;
	if (!c)
		return GOVMAP_ENOMEM;
	c->folder_budget = GOVMAP__FOLDER_BUDGET;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	c->seed = (uint64_t)(uintptr_t)c ^ ((uint64_t)ts.tv_nsec << 20) ^
		  (uint64_t)ts.tv_sec;
	if (govmap__strmap_init(&c->skel, 1024) < 0) {
		free(c);
		return GOVMAP_ENOMEM;
	}
	pthread_rwlock_init(&c->lock, NULL);
	git_libgit2_init(); /* for git_odb_hash; counted, thread-safe */
	/* A walk reads the same trees at every commit.  libgit2 keeps in
	 * a repository's object cache only trees of up to 4 KiB, and a
	 * registry folder of a few hundred files is a 10 KiB tree: keep
	 * trees up to 1 MiB (a process-wide libgit2 setting; the cache's
	 * total stays bounded by libgit2's GIT_OPT_SET_CACHE_MAX_SIZE). */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE,
			 (size_t)1 << 20);
	*out = c;
	return GOVMAP_OK;
}

void govmap_parse_cache_free(govmap_parse_cache *c)
{
	if (!c)
		return;
	free(c->conf);
	govmap__strmap_free(&c->conf_ids);
	govmap__strmap_free(&c->conf_names);
	for (size_t k = 0; k < GOVMAP__CACHE_REPOS; k++) {
		git_repository_free(c->repos[k].repo);
		free(c->repos[k].root);
	}
	free(c->blobs.s);
	free(c->folders.s);
	govmap__strmap_free(&c->interned);
	free(c->internv);
	govmap__strmap_free(&c->skel);
	free(c->skels);
	free(c->v);
	govmap__arena_free(&c->arena);
	pthread_rwlock_destroy(&c->lock);
	free(c);
	git_libgit2_shutdown();
}

void govmap_parse_cache_stats(const govmap_parse_cache *c,
			      govmap_cache_stats *out)
{
	memset(out, 0, sizeof(*out));
	if (!c)
		return;
	pthread_rwlock_t *lk = (pthread_rwlock_t *)&c->lock;
	pthread_rwlock_rdlock(lk);
	out->parses = atomic_load(&c->parses);
	out->hits = atomic_load(&c->hits);
	out->blobs = c->n;
	pthread_rwlock_unlock(lk);
}

/* The id's eight bytes after the first eight: a slot's tag. */
static uint64_t id_tag(const unsigned char id[20])
{
	uint64_t t;
	memcpy(&t, id + 8, sizeof t);
	return t;
}

/* Where `id` is in t (cap > 0), or the empty slot where it would go;
 * with the cache's lock held (either way). */
static size_t idt_slot(const idtable *t, uint64_t seed,
		       const unsigned char id[20])
{
	uint64_t w, tag = id_tag(id);
	memcpy(&w, id, sizeof w);
	size_t mask = t->cap - 1;
	size_t i = (size_t)govmap__mix64(w ^ seed) & mask;
	while (t->s[i].v &&
	       (t->s[i].tag != tag || memcmp(t->s[i].id, id, 20) != 0))
		i = (i + 1) & mask;
	return i;
}

/* The value for `id`, or NULL; with the cache's lock held. */
static void *idt_get(const idtable *t, uint64_t seed,
		     const unsigned char id[20])
{
	return t->cap ? t->s[idt_slot(t, seed, id)].v : NULL;
}

/* Put `v`, whose id `id` points into and is not in t yet: 0, or -1 on
 * out-of-memory (v is then not findable); with the writer's lock. */
static int idt_put(idtable *t, uint64_t seed, const unsigned char *id,
		   void *v)
{
	if ((t->n + 1) * 2 > t->cap) {
		idtable bigger = {NULL, t->cap ? t->cap * 2 : 256, t->n};
		if (!(bigger.s = calloc(bigger.cap, sizeof(*bigger.s))))
			return -1;
		for (size_t k = 0; k < t->cap; k++)
			if (t->s[k].v)
				bigger.s[idt_slot(&bigger, seed, t->s[k].id)] =
					t->s[k];
		free(t->s);
		*t = bigger;
	}
	t->s[idt_slot(t, seed, id)] = (struct idslot){id_tag(id), id, v};
	t->n++;
	return 0;
}

/* The cache's one copy of `text` (an arena copy not shared when the map
 * is short of memory), adding its bytes to *added when new; NULL on
 * out-of-memory.  With the writer's lock. */
static char *intern(govmap_parse_cache *c, const char *text, size_t *added)
{
	int32_t k = govmap__strmap_get(&c->interned, text);
	if (k >= 0)
		return c->internv[k];
	char *r = govmap__arena_strdup(&c->arena, text);
	if (!r || govmap__grow((void **)&c->internv, &c->capinterned,
			       c->ninterned, sizeof(*c->internv)) < 0 ||
	    govmap__strmap_put(&c->interned, r, (int32_t)c->ninterned,
			       NULL) < 0)
		return r;
	c->internv[c->ninterned++] = r;
	if (added)
		*added += strlen(r) + 1;
	return r;
}

const govmap__folder *govmap__cache_folder(govmap_parse_cache *c,
					   const git_oid *oid)
{
	pthread_rwlock_rdlock(&c->lock);
	const govmap__folder *f = idt_get(&c->folders, c->seed, oid->id);
	pthread_rwlock_unlock(&c->lock);
	return f;
}

void govmap__cache_folder_budget(govmap_parse_cache *c, size_t bytes)
{
	pthread_rwlock_wrlock(&c->lock);
	c->folder_budget = bytes;
	pthread_rwlock_unlock(&c->lock);
}

const govmap__folder *govmap__cache_folder_put(govmap_parse_cache *c,
					       const govmap__folder *in)
{
	govmap__folder *f = NULL;
	pthread_rwlock_wrlock(&c->lock);
	if ((f = idt_get(&c->folders, c->seed, in->oid.id)))
		goto done; /* another thread put it first */
	size_t need = sizeof(*f) + in->n * sizeof(*f->v);
	if (c->folder_bytes + need > c->folder_budget)
		goto done; /* full: the walk reads such folders itself */
	/* half-built on out-of-memory: arena garbage, freed with the cache */
	f = govmap__arena_alloc(&c->arena, sizeof(*f));
	if (!f || !(f->v = govmap__arena_alloc_raw(
			    &c->arena, (in->n ? in->n : 1) * sizeof(*f->v)))) {
		f = NULL;
		goto done;
	}
	git_oid_cpy(&f->oid, &in->oid);
	f->n = in->n;
	for (size_t k = 0; k < in->n; k++) {
		f->v[k] = in->v[k];
		if (!(f->v[k].name = intern(c, in->v[k].name,
					    &c->folder_bytes))) {
			f = NULL;
			goto done;
		}
	}
	if (idt_put(&c->folders, c->seed, f->oid.id, f) < 0) {
		f = NULL;
		goto done;
	}
	c->folder_bytes += need;
done:
	pthread_rwlock_unlock(&c->lock);
	return f;
}

/* The limits that shape a parse of one file (max_entities is checked by
 * the loader against the whole chunk). */
static int same_limits(const govmap_parse_limits *a,
		       const govmap_parse_limits *b)
{
	return a->max_depth == b->max_depth &&
	       a->max_scalar == b->max_scalar && a->max_key == b->max_key &&
	       a->max_docs_per_file == b->max_docs_per_file &&
	       a->max_nodes_per_file == b->max_nodes_per_file;
}

const govmap__cached *govmap__cache_get(govmap_parse_cache *c,
					const unsigned char id[20],
					const govmap_parse_limits *lim)
{
	pthread_rwlock_rdlock(&c->lock);
	const govmap__cached *e = idt_get(&c->blobs, c->seed, id);
	pthread_rwlock_unlock(&c->lock);
	return e && same_limits(&e->lim, lim) ? e : NULL;
}

size_t govmap__cached_size(const govmap__cached *e)
{
	return e->size;
}

size_t govmap__cached_docs(const govmap__cached *e)
{
	return e->ndocs;
}

uint_fast64_t govmap__cache_conf_gen(govmap_parse_cache *c)
{
	return c ? atomic_load(&c->conf_gen) : 0;
}

size_t govmap__cached_conf_count(const govmap__cached *e, uint_fast64_t g)
{
	return g && atomic_load(&e->conf_gen) == g ? e->n : 0;
}

int govmap__cache_hash(const char *data, size_t len, unsigned char id[20])
{
	git_oid oid;
	if (git_odb_hash(&oid, data, len, GIT_OBJECT_BLOB) < 0)
		return -1;
	memcpy(id, oid.id, 20);
	return 0;
}

const govmap_entity *govmap__cached_ents(const govmap__cached *e,
					 size_t *n)
{
	*n = e->n;
	return e->ents;
}

int govmap__cached_limited(const govmap__cached *e)
{
	for (size_t i = 0; i < e->ndiags; i++)
		if (e->diags[i].code &&
		    strncmp(e->diags[i].code, "limit", 5) == 0)
			return 1;
	return 0;
}

void govmap__cached_counts(const govmap__cached *e, size_t counts[3])
{
	counts[0] = counts[1] = counts[2] = 0;
	for (size_t i = 0; i < e->ndiags; i++)
		if ((unsigned)e->diags[i].sev < 3)
			counts[e->diags[i].sev]++;
}

const govmap__cached *govmap__cache_parse(govmap_parse_cache *c,
					  const unsigned char id[20],
					  const char *data, size_t len,
					  const govmap_parse_limits *lim)
{
	const govmap__cached *e = govmap__cache_get(c, id, lim);
	if (e || !data)
		return e;
	govmap__arena tmp = {0}, keep = {0};
	govmap__entbuf buf = {&keep, NULL, 0, 0, 0};
	govmap_diags d = {0};
	ynode **docs;
	size_t ndocs;
	/* the cache keeps no file name: any label will do */
	govmap__ytree_parse(&docs, &ndocs, &tmp, "-", data, len, lim, &d);
	govmap__schema_file(&buf, docs, ndocs, 0, "-", lim, &d);
	if (ndocs <= lim->max_entities)
		govmap__cache_put(c, id, lim, len, ndocs, buf.ents, buf.n, &d,
				  0, 0, "-");
	free(buf.ents);
	govmap__arena_free(&tmp);
	govmap__arena_free(&keep);
	govmap_diags_free(&d);
	return govmap__cache_get(c, id, lim);
}

char *govmap__cache_skeleton(govmap_parse_cache *c, const char *key)
{
	pthread_rwlock_rdlock(&c->lock);
	int32_t i = govmap__strmap_get(&c->skel, key);
	char *r = i >= 0 ? strdup(c->skels[i]) : NULL;
	pthread_rwlock_unlock(&c->lock);
	return r;
}

void govmap__cache_skeleton_put(govmap_parse_cache *c, const char *key,
				const char *skel)
{
	pthread_rwlock_wrlock(&c->lock);
	char *k, *s;
	if (govmap__strmap_get(&c->skel, key) < 0 &&
	    govmap__grow((void **)&c->skels, &c->capskel, c->nskel,
			 sizeof(*c->skels)) == 0 &&
	    (k = govmap__arena_strdup(&c->arena, key)) &&
	    (s = govmap__arena_strdup(&c->arena, skel)) &&
	    govmap__strmap_put(&c->skel, k, (int32_t)c->nskel, NULL) == 0)
		c->skels[c->nskel++] = s;
	pthread_rwlock_unlock(&c->lock);
}

void govmap__cache_count_parse(govmap_parse_cache *c)
{
	atomic_fetch_add(&c->parses, 1);
}

/* ---- copies ---------------------------------------------------------- */

typedef struct {
	govmap__arena *a;
	int bad;
	const char *file; /* the positions' file: NULL into the cache */
	int strings;      /* copy strings too (into the cache) */
	govmap_parse_cache *c; /* into it: type names interned */
} cp;

static char *str(cp *x, const char *s)
{
	if (!s || !x->strings)
		return (char *)s;
	char *r = govmap__arena_strdup(x->a, s);
	if (!r)
		x->bad = 1;
	return r;
}

/* A type name into the cache: every entity of one type shares one copy,
 * so the checks that go through every entity by type (validate.c's,
 * the plugins' unlisted-type check) find the same pointer again and
 * need no string compare. */
static char *type_str(cp *x, const char *s)
{
	if (!s || !x->strings || !x->c)
		return str(x, s);
	char *r = intern(x->c, s, NULL);
	if (!r)
		x->bad = 1;
	return r;
}

static void *arr(cp *x, const void *v, size_t n, size_t sz)
{
	if (!n || !v)
		return NULL;
	void *r = govmap__arena_alloc_raw(x->a, n * sz);
	if (!r) {
		x->bad = 1;
		return NULL;
	}
	memcpy(r, v, n * sz);
	return r;
}

/* Cached positions hold no file name, only whether they had one (an
 * absent field's position has none): this mark. */
static const char had_file[] = "";

static void pos(cp *x, govmap_pos *p)
{
	if (p->file)
		p->file = x->file ? x->file : had_file;
}

static void ref(cp *x, govmap_ref *r)
{
	r->id = str(x, r->id);
	pos(x, &r->pos);
	r->target = -1;
}

static char **strs(cp *x, char **v, size_t n)
{
	if (!x->strings)
		return v; /* no positions inside: shared with the cache */
	char **r = arr(x, v, n, sizeof(*v));
	for (size_t i = 0; r && i < n; i++)
		r[i] = str(x, v[i]);
	return r;
}

/* *d = a copy of s: the arrays always, the strings when x->strings. */
static void entity(cp *x, govmap_entity *d, const govmap_entity *s)
{
	*d = *s;
	d->id = str(x, s->id);
	d->name = str(x, s->name);
	d->type = type_str(x, s->type);
	d->region = str(x, s->region);
	d->notes = str(x, s->notes);
	d->statutory_basis = str(x, s->statutory_basis);
	d->legal_form = str(x, s->legal_form);
	pos(x, &d->pos);
	pos(x, &d->id_pos);
	pos(x, &d->type_pos);
	d->sources = arr(x, s->sources, s->nsources, sizeof(*s->sources));
	for (size_t i = 0; d->sources && i < s->nsources; i++) {
		d->sources[i].url = str(x, s->sources[i].url);
		d->sources[i].title = str(x, s->sources[i].title);
		pos(x, &d->sources[i].pos);
	}
	d->codes = arr(x, s->codes, s->ncodes, sizeof(*s->codes));
	for (size_t i = 0; d->codes && i < s->ncodes; i++) {
		d->codes[i].scheme = str(x, s->codes[i].scheme);
		d->codes[i].value = str(x, s->codes[i].value);
		pos(x, &d->codes[i].pos);
	}
	d->suppress = arr(x, s->suppress, s->nsuppress, sizeof(*s->suppress));
	for (size_t i = 0; d->suppress && i < s->nsuppress; i++) {
		d->suppress[i].rule = str(x, s->suppress[i].rule);
		d->suppress[i].reason = str(x, s->suppress[i].reason);
		pos(x, &d->suppress[i].pos);
	}
	d->money = arr(x, s->money, s->nmoney, sizeof(*s->money));
	for (size_t i = 0; d->money && i < s->nmoney; i++) {
		govmap_money *m = &d->money[i];
		/* `source` is one of the sources' url: the same copy */
		const char *u = s->money[i].source;
		m->source = u;
		for (size_t k = 0; u && d->sources && k < s->nsources; k++)
			if (s->sources[k].url == u) {
				m->source = d->sources[k].url;
				break;
			}
		if (m->source == u && u && x->strings)
			m->source = str(x, u);
		m->notes = str(x, s->money[i].notes);
		pos(x, &m->pos);
	}
	ref(x, &d->replaces);
	ref(x, &d->succeeded_by);
	ref(x, &d->of);
	ref(x, &d->commissioner);
	ref(x, &d->provider);
	ref(x, &d->from);
	ref(x, &d->to);
	d->joint = arr(x, s->joint, s->njoint, sizeof(*s->joint));
	for (size_t i = 0; d->joint && i < s->njoint; i++)
		ref(x, &d->joint[i]);
	d->seats = arr(x, s->seats, s->nseats, sizeof(*s->seats));
	for (size_t i = 0; d->seats && i < s->nseats; i++) {
		govmap_seat *t = &d->seats[i];
		t->role = str(x, t->role);
		t->notes = str(x, t->notes);
		ref(x, &t->by);
		ref(x, &t->approved_by);
		pos(x, &t->pos);
	}
	d->decides = strs(x, s->decides, s->ndecides);
	d->services = strs(x, s->services, s->nservices);
}

int govmap__cache_copy(govmap_entity *out, const govmap__cached *e, size_t k,
		       govmap__arena *arena, const char *file)
{
	cp x = {arena, 0, file, 0, NULL};
	entity(&x, out, &e->ents[k]);
	return x.bad ? -1 : 0;
}

int govmap__cache_use(govmap_parse_cache *c, const govmap__cached *e,
		      govmap__entbuf *out, const char *file,
		      govmap_diags *diags)
{
	size_t n0 = out->n;
	for (size_t i = 0; i < e->n; i++) {
		if (govmap__grow((void **)&out->ents, &out->cap, out->n,
				 sizeof(*out->ents)) < 0 ||
		    govmap__cache_copy(&out->ents[out->n], e, i, out->arena,
				       file) < 0) {
			out->n = n0;
			return -1;
		}
		out->n++;
	}
	for (size_t i = 0; i < e->ndiags; i++) {
		const cdiag *g = &e->diags[i];
		govmap_diag d = {.sev = g->sev, .file = (char *)file,
				 .line = g->line, .col = g->col,
				 .code = g->code, .msg = g->msg,
				 .ref = g->ref, .key = g->key};
		govmap_diags_push(diags, &d);
	}
	atomic_fetch_add(&c->hits, 1);
	return 0;
}

void govmap__cache_put(govmap_parse_cache *c, const unsigned char id[20],
		       const govmap_parse_limits *lim, size_t size,
		       size_t ndocs, const govmap_entity *ents, size_t n,
		       const govmap_diags *diags, size_t from,
		       size_t dropped_before, const char *file)
{
	int keep = diags->dropped == dropped_before;
	for (size_t i = from; keep && i < diags->n; i++)
		keep = diags->v[i].file &&
		       strcmp(diags->v[i].file, file) == 0 &&
		       !(diags->v[i].code &&
			 strcmp(diags->v[i].code, "nomem") == 0);
	atomic_fetch_add(&c->parses, 1);
	pthread_rwlock_wrlock(&c->lock);
	if (!keep || idt_get(&c->blobs, c->seed, id))
		goto done; /* another thread put it first, or not cacheable */
	if (govmap__grow((void **)&c->v, &c->cap, c->n, sizeof(*c->v)) < 0)
		goto done;
	/* An entry left half-built by out-of-memory is arena garbage,
	 * freed with the cache; it never enters the map. */
	cp x = {&c->arena, 0, NULL, 1, c};
	govmap__cached *e = govmap__arena_alloc(&c->arena, sizeof(*e));
	if (!e)
		goto done;
	memcpy(e->id, id, 20);
	e->lim = *lim;
	atomic_init(&e->conf_gen, 0);
	e->size = size;
	e->ndocs = ndocs;
	e->n = n;
	e->ents = n ? govmap__arena_alloc(&c->arena, n * sizeof(*e->ents))
		    : NULL;
	if (n && !e->ents)
		goto done;
	for (size_t i = 0; i < n && !x.bad; i++)
		entity(&x, &e->ents[i], &ents[i]);
	e->ndiags = diags->n - from;
	e->diags = e->ndiags ? govmap__arena_alloc(&c->arena,
						   e->ndiags * sizeof(cdiag))
			     : NULL;
	if (e->ndiags && !e->diags)
		goto done;
	for (size_t i = 0; i < e->ndiags && !x.bad; i++) {
		const govmap_diag *g = &diags->v[from + i];
		e->diags[i].sev = g->sev;
		e->diags[i].line = g->line;
		e->diags[i].col = g->col;
		e->diags[i].code = str(&x, g->code);
		e->diags[i].msg = str(&x, g->msg);
		e->diags[i].ref = str(&x, g->ref);
		e->diags[i].key = str(&x, g->key);
	}
	if (x.bad || c->n >= UINT32_MAX - 1)
		goto done;
	c->v[c->n] = e;
	if (idt_put(&c->blobs, c->seed, e->id, e) == 0)
		c->n++;
done:
	pthread_rwlock_unlock(&c->lock);
}

git_repository *govmap__cache_repo_take(govmap_parse_cache *c,
					const char *root)
{
	git_repository *r = NULL;
	if (!c || !root)
		return NULL;
	pthread_rwlock_wrlock(&c->lock);
	for (size_t k = 0; !r && k < GOVMAP__CACHE_REPOS; k++)
		if (c->repos[k].repo && !c->repos[k].lent &&
		    strcmp(c->repos[k].root, root) == 0) {
			r = c->repos[k].repo;
			c->repos[k].lent = 1;
		}
	pthread_rwlock_unlock(&c->lock);
	return r;
}

int govmap__cache_repo_give(govmap_parse_cache *c, git_repository *repo,
			    const char *root)
{
	int kept = 0;
	if (!c || !repo || !root)
		return 0;
	pthread_rwlock_wrlock(&c->lock);
	for (size_t k = 0; !kept && k < GOVMAP__CACHE_REPOS; k++)
		if (c->repos[k].repo == repo) {
			c->repos[k].lent = 0;
			kept = 1;
		}
	for (size_t k = 0; !kept && k < GOVMAP__CACHE_REPOS; k++)
		if (!c->repos[k].repo && (c->repos[k].root = strdup(root))) {
			c->repos[k].repo = repo;
			c->repos[k].lent = 0;
			kept = 1;
		}
	pthread_rwlock_unlock(&c->lock);
	return kept;
}

int govmap__cache_confusables_clean(govmap_parse_cache *c,
				    const govmap_registry *reg)
{
	int clean = 0;
	if (!c)
		return 0;
	uint_fast64_t g = reg->conf_gen;
	if (g && g == atomic_load(&c->conf_gen))
		return 1; /* every entity from an entry stamped clean */
	pthread_rwlock_rdlock(&c->lock);
	if (c->conf) {
		clean = 1;
		for (size_t i = 0; clean && i < reg->n; i++) {
			const govmap_entity *e = &reg->ents[i];
			if ((e->id && govmap__strmap_get(&c->conf_ids, e->id) < 0) ||
			    (e->name &&
			     govmap__strmap_get(&c->conf_names, e->name) < 0))
				clean = 0;
		}
	}
	pthread_rwlock_unlock(&c->lock);
	return clean;
}

/* Forget the memo; with c->lock held. */
static void conf_forget(govmap_parse_cache *c)
{
	atomic_store(&c->conf_gen, 0);
	free(c->conf);
	c->conf = NULL;
	govmap__strmap_free(&c->conf_ids);
	govmap__strmap_free(&c->conf_names);
}

/* A new memo (c->conf just set): a new generation, and every entry whose
 * entities' ids and names are all in it stamped with it, so a registry
 * made only of such entries is known clean without a look-up per
 * entity (govmap__cache_confusables_clean); with the writer's lock. */
static void conf_stamp(govmap_parse_cache *c)
{
	uint_fast64_t g = ++c->conf_next;
	for (size_t k = 0; k < c->n; k++) {
		const govmap__cached *e = c->v[k];
		int in = 1;
		for (size_t i = 0; in && i < e->n; i++) {
			const govmap_entity *t = &e->ents[i];
			in = (!t->id ||
			      govmap__strmap_get(&c->conf_ids, t->id) >= 0) &&
			     (!t->name ||
			      govmap__strmap_get(&c->conf_names, t->name) >= 0);
		}
		atomic_store(&c->v[k]->conf_gen, in ? g : 0);
	}
	atomic_store(&c->conf_gen, g);
}

void govmap__cache_confusables_put(govmap_parse_cache *c,
				   const govmap_registry *reg, int clean)
{
	if (!c)
		return;
	size_t len = 0;
	for (size_t i = 0; i < reg->n; i++) {
		const govmap_entity *e = &reg->ents[i];
		len += (e->id ? strlen(e->id) + 1 : 0) +
		       (e->name ? strlen(e->name) + 1 : 0);
	}
	pthread_rwlock_wrlock(&c->lock);
	conf_forget(c);
	char *buf = clean ? malloc(len ? len : 1) : NULL;
	if (buf && (govmap__strmap_init(&c->conf_ids, reg->n) < 0 ||
		    govmap__strmap_init(&c->conf_names, reg->n) < 0)) {
		free(buf);
		buf = NULL;
	}
	char *p = buf;
	for (size_t i = 0; buf && i < reg->n; i++) {
		const govmap_entity *e = &reg->ents[i];
		const char *t[2] = {e->id, e->name};
		govmap__strmap *m[2] = {&c->conf_ids, &c->conf_names};
		for (int k = 0; buf && k < 2; k++) {
			if (!t[k])
				continue;
			size_t l = strlen(t[k]) + 1;
			memcpy(p, t[k], l);
			if (govmap__strmap_put(m[k], p, 0, NULL) < 0) {
				free(buf);
				buf = NULL; /* short of memory: no memo */
			}
			p += l;
		}
	}
	c->conf = buf;
	if (!buf)
		conf_forget(c);
	else
		conf_stamp(c);
	pthread_rwlock_unlock(&c->lock);
}
