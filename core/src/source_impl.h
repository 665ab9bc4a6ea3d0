/*
 * source_impl.h - the source interface's private vtable.  Each
 * implementation (source_dir.c, source_git.c) fills one in.
 */
#ifndef GOVMAP_SOURCE_IMPL_H
#define GOVMAP_SOURCE_IMPL_H

#include <stdatomic.h>
#include "govmap/source.h"
#include "util.h"

/* A source lists its files once (sorted), then reads them by index.
 * read_at must be safe to call from several threads at once: the loader
 * reads and parses files on every core. */
typedef struct {
	int (*read)(char **out, size_t *len, govmap_src *src,
		    const char *path, govmap_diags *diags);
	int (*list)(govmap_src *src, govmap_diags *diags);
	int (*read_at)(char **out, size_t *len, govmap_src *src, size_t i,
		       const char *display, govmap_diags *diags);
	void (*free)(govmap_src *src);
	/* Optional (Git sources): the 20-byte blob id of file i, which
	 * names its content, for the parse cache.  0, or -1 when none. */
	int (*blob_id)(const govmap_src *src, size_t i, unsigned char id[20]);
} govmap__src_ops;

struct govmap_source_t {
	const govmap__src_ops *ops;
	govmap_src_limits lim;
	char *label;    /* display prefix, malloc'd */
	char *revision; /* description, malloc'd */
	/* bytes read so far, and whether the total-size limit was hit
	 * (stop reading): counted by every load thread, without a lock */
	atomic_size_t total;
	atomic_int over;
	const char **paths; /* after list(): sorted, relative to the root;
			       owned by the implementation */
	size_t npaths;
	int listed;
	void *impl;
};

struct govmap_parse_cache;
/** govmap_src_open_git(), reading through the repository the run's
 * parse cache keeps open between loads (govmap__cache_repo_take), when
 * `cache` is not NULL; the cache must outlive the source. */
int govmap__src_open_git_cached(govmap_src **out, const char *root,
				const char *rev, const govmap_src_limits *lim,
				struct govmap_parse_cache *cache,
				govmap_diags *diags);

/** List the files (once).  GOVMAP_OK or the first hard failure. */
int govmap__src_list(govmap_src *src, govmap_diags *diags);

/** Read file i of the list; thread-safe.  `display` names it in
 * diagnostics.  GOVMAP_OK, GOVMAP_ELIMIT, GOVMAP_EIO or GOVMAP_ENOMEM. */
int govmap__src_read_at(char **out, size_t *len, govmap_src *src, size_t i,
			const char *display, govmap_diags *diags);

/** The blob id of file i of the list (Git revision and index sources):
 * 0, or -1 when the source has none (a directory, memory). */
int govmap__src_blob_id(const govmap_src *src, size_t i,
			unsigned char id[20]);

/** Count `size` bytes against the total limit; -1 (with a diagnostic)
 * when it would be exceeded.  Thread-safe. */
int govmap__src_reserve(govmap_src *src, size_t size, const char *display,
			govmap_diags *diags);

/** Allocate a source with `ops` and limits; NULL on out-of-memory. */
govmap_src *govmap__src_new(const govmap__src_ops *ops,
			    const govmap_src_limits *lim);

/** Fill zero limits with defaults. */
void govmap__src_limits_defaults(govmap_src_limits *lim);

/** Is `name` a safe single path segment: [A-Za-z0-9._-]{1,255}, not
 * ".", ".." or ".git"? */
int govmap__segment_safe(const char *name, size_t len);

/** Does the name end in ".yaml"? */
int govmap__is_yaml(const char *name);
/** Does the name look like registry data that is not read: `*.yml`, or
 * `.yaml` in other letter cases (`x.YAML`)? */
int govmap__is_yml(const char *name);
/** The warning for such a file (skip-yml), at rel. */
void govmap__src_note_yml(govmap_diags *diags, const govmap_src *src,
			  const char *rel);

/** Override limits after the manifest was read: the non-zero fields of
 * `lim` replace the source's. */
void govmap__src_set_limits(govmap_src *src, const govmap_src_limits *lim);

/** "label/path", or "REV:path" when the label ends in ':'.  malloc'd. */
char *govmap__src_display(const govmap_src *src, const char *path);
/** The same name, allocated in `arena` (owned by it; NULL on
 * out-of-memory): the loader's one name per file, without a malloc and
 * a copy each (a history walk names every file of every commit). */
char *govmap__src_display_in(govmap__arena *arena, const govmap_src *src,
			     const char *path);

/** A diagnostic about one tree entry, at its display path. */
void govmap__src_note(govmap_diags *diags, const govmap_src *src,
		      const char *relpath, govmap_severity sev,
		      const char *code, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

#endif
