/*
 * parse_cache.h - the parse cache's private side (registry.h declares the
 * public one): what the loader asks of it.  Not public API.
 */
#ifndef GOVMAP_PARSE_CACHE_H
#define GOVMAP_PARSE_CACHE_H

#include <git2.h>

#include "registry_impl.h"

/* One cached file: its entities as parsed (positions without a file,
 * references unresolved) and the diagnostics the parse gave (without a
 * file).  Immutable once in the cache; owned by it. */
typedef struct govmap__cached govmap__cached;

/** The entry for blob `id` parsed under the parse limits `lim` (all
 * but max_entities must match), or NULL (counted as a miss).
 * Thread-safe.  The entry lives as long as the cache. */
const govmap__cached *govmap__cache_get(govmap_parse_cache *c,
					const unsigned char id[20],
					const govmap_parse_limits *lim);

/** The blob's size in bytes and its number of YAML documents. */
size_t govmap__cached_size(const govmap__cached *e);
size_t govmap__cached_docs(const govmap__cached *e);

/**
 * Append the entry's entities to `out` (arrays holding positions copied
 * into out->arena, every position labelled `file`, which must live as
 * long as the entities; strings shared with the cache) and its
 * diagnostics to `diags` at `file`.  Counts a hit.
 * @return 0, or -1 on out-of-memory (out unchanged).
 */
int govmap__cache_use(govmap_parse_cache *c, const govmap__cached *e,
		      govmap__entbuf *out, const char *file,
		      govmap_diags *diags);

/**
 * Remember what one fresh parse of blob `id` gave: the entities `ents`
 * [0, n) and the diagnostics diags->v[from, diags->n), all at `file`
 * (anything else, or a diagnostic dropped, and nothing is cached).
 * Counts a parse.  Deep copies: the caller keeps its own.  Thread-safe;
 * out of memory only leaves the blob uncached.
 */
void govmap__cache_put(govmap_parse_cache *c, const unsigned char id[20],
		       const govmap_parse_limits *lim, size_t size,
		       size_t ndocs, const govmap_entity *ents, size_t n,
		       const govmap_diags *diags, size_t from,
		       size_t dropped_before, const char *file);

/** The Git blob id of `data` (what `git hash-object` gives), for files
 * a source read without one (a directory, memory): 0, or -1. */
int govmap__cache_hash(const char *data, size_t len, unsigned char id[20]);

/**
 * Parse one blob alone (no registry: for following an entity through
 * history) and cache it, or take it from the cache.  `data` is the
 * blob's content, NUL-terminated at data[len]; may be NULL when the
 * caller knows the blob is cached.
 * @return the entry, or NULL (out of memory, or not cacheable: then
 *         the caller must load the registry instead).
 */
const govmap__cached *govmap__cache_parse(govmap_parse_cache *c,
					  const unsigned char id[20],
					  const char *data, size_t len,
					  const govmap_parse_limits *lim);

/** The entry's entities (positions without a file name: an empty
 * mark; references unresolved).  Borrowed from the cache. */
const govmap_entity *govmap__cached_ents(const govmap__cached *e,
					 size_t *n);

/** True when parsing the blob reached a limit: a blob parsed alone may
 * then differ from the registry's view of it (a limit the manifest
 * raises), so the caller should load the registry. */
int govmap__cached_limited(const govmap__cached *e);

/** Copy entity k of cache entry e into `arena` as govmap__cache_use
 * does (its positions naming `file`, which must outlive the copy; its
 * references not resolved).  0, or -1 on out-of-memory. */
int govmap__cache_copy(govmap_entity *out, const govmap__cached *e, size_t k,
		       govmap__arena *arena, const char *file);

/** The parse's diagnostics per severity (counts[GOVMAP_SEV_*]). */
void govmap__cached_counts(const govmap__cached *e, size_t counts[3]);

/** The look-alike skeleton validation computed for `key` (its kind
 * prefix and the text: validate.c), or NULL: a malloc'd copy.
 * Thread-safe. */
char *govmap__cache_skeleton(govmap_parse_cache *c, const char *key);
/** Remember the skeleton of `key`; out of memory forgets it. */
void govmap__cache_skeleton_put(govmap_parse_cache *c, const char *key,
				const char *skel);

/** One entry of a Git folder (a tree) as the Git source's walk reads
 * it (source_git.c), its name's checks made once. */
typedef struct {
	const char *name;
	git_oid oid;
	git_filemode_t mode;
	unsigned char safe; /* govmap__segment_safe(name) */
	unsigned char yaml; /* govmap__is_yaml(name) */
} govmap__folder_entry;

/** A folder's entries in the tree's order. */
typedef struct {
	git_oid oid;
	govmap__folder_entry *v;
	size_t n;
} govmap__folder;

/** Folder (tree) `oid` as a walk read it before, or NULL.  A tree's id
 * is the hash of its entries, so what it lists cannot change: a walk of
 * the next commit reads only the folders that commit changed.  Borrowed
 * from the cache.  Thread-safe. */
const govmap__folder *govmap__cache_folder(govmap_parse_cache *c,
					   const git_oid *oid);
/** Keep a copy of `f` (names and all): the cache's copy, or NULL when
 * short of memory or over the folders' budget (the caller goes on with
 * its own).  Thread-safe. */
const govmap__folder *govmap__cache_folder_put(govmap_parse_cache *c,
					       const govmap__folder *f);

/** How many bytes the kept folders may take (their entries and names):
 * a walk keeps a copy of a folder for every commit that changed it, so
 * 10,000 commits to a folder of 300 files would hold 3 million entries.
 * Past it, folders are read from Git as without a cache. */
#define GOVMAP__FOLDER_BUDGET ((size_t)64 << 20)
/** Set the budget (tests). */
void govmap__cache_folder_budget(govmap_parse_cache *c, size_t bytes);

/** How many repositories the cache keeps open (a walk holds two
 * sessions at once; a diff two more). */
#define GOVMAP__CACHE_REPOS 4

/**
 * A Git repository a source read the registry at `root` from, kept
 * open between loads of one walk (libgit2's object cache then holds the
 * trees, and the object guard (git_guard.c, already added to it) its
 * listing of loose objects), or NULL when none is kept for `root` or
 * another source holds it: then open one.  Lent to one source at a time
 * (a git_repository is not shared between threads here); the source
 * gives it back with govmap__cache_repo_give() and never frees it.
 * Thread-safe.
 */
git_repository *govmap__cache_repo_take(govmap_parse_cache *c,
					const char *root);
/** Give back a repository taken from the cache, or offer one the source
 * opened itself for `root` (the cache keeps the first
 * GOVMAP__CACHE_REPOS offered and frees them with itself).  1 when the cache has it (the caller must not free
 * it), 0 when the caller frees it. */
int govmap__cache_repo_give(govmap_parse_cache *c, git_repository *repo,
			    const char *root);

/**
 * The look-alike check's memo (validate.c, check_confusables): it warns
 * when two different ids, or two different names, have one skeleton, so
 * a registry whose ids are all ids, and whose names all names, of a
 * registry the check found clean (no warning) is clean too: a subset of
 * a clean set has no such pair, whatever the order or the files.  True
 * when `reg` is such a subset of the last clean registry remembered
 * with this cache: at once when the loader found every entity in an
 * entry stamped with the memo's generation (reg->conf_gen), otherwise
 * by comparing texts.  Thread-safe.
 */
int govmap__cache_confusables_clean(govmap_parse_cache *c,
				    const govmap_registry *reg);
/** Remember `reg`'s ids and names when the check found it `clean`;
 * otherwise (or short of memory) forget the memo. */
void govmap__cache_confusables_put(govmap_parse_cache *c,
				   const govmap_registry *reg, int clean);

/** The look-alike memo's generation (0: no memo, or no cache), read at
 * the start of a load; and how many of entry e's entities that load can
 * count as known clean: all of them when e is stamped with generation g
 * (its ids and names all in the memo), else 0.  The loader sets the
 * registry's conf_gen to g when every entity it holds was so counted. */
uint_fast64_t govmap__cache_conf_gen(govmap_parse_cache *c);
size_t govmap__cached_conf_count(const govmap__cached *e, uint_fast64_t g);

/** Count a parse the cache did not keep. */
void govmap__cache_count_parse(govmap_parse_cache *c);

#endif
