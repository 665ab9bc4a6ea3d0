/*
 * govmap/source.h - where registry files come from.
 *
 * One interface, three implementations: a directory in the working tree,
 * a Git revision read straight from the object database (no checkout),
 * and the files staged in Git's index.  A source yields the registry's
 * `*.yaml` files in a stable (byte-wise sorted) order; everything else is
 * skipped, with a warning for entries that look like an attempt to
 * smuggle data in (symlinks, submodules).
 */
#ifndef GOVMAP_SOURCE_H
#define GOVMAP_SOURCE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct govmap_source_t govmap_src;

/** Hard limits applied while reading.  Zero fields take the defaults. */
typedef struct {
	size_t max_file_bytes;    /**< default 1 MiB */
	size_t max_total_bytes;   /**< default 256 MiB */
	size_t max_files;         /**< default 200,000 */
	unsigned max_tree_depth;  /**< default 32 */
} govmap_src_limits;

/**
 * Called once per file.  `path` is relative to the registry root ("bodies/
 * x.yaml"); `display` is what diagnostics print ("registry/bodies/x.yaml"
 * or "HEAD~1:registry/bodies/x.yaml").  `data` is NUL-terminated at
 * data[len] and borrowed for the duration of the call.  Return 0 to go on,
 * non-zero to stop.
 */
typedef int (*govmap_src_file_cb)(const char *path, const char *display,
				  const char *data, size_t len, void *payload);

/**
 * Open a directory source.  `root` is the registry directory.
 * @param[out] out  the source; free with govmap_src_free().
 * @return GOVMAP_OK, GOVMAP_ENOTFOUND (no such directory) or GOVMAP_ENOMEM;
 *         on failure a message is added to `diags`.
 */
int govmap_src_open_dir(govmap_src **out, const char *root,
			const govmap_src_limits *lim, govmap_diags *diags);

/**
 * Open a Git source: the registry directory `root` as it was at revision
 * `rev` of the repository that contains `root`.  The revision string is
 * checked for safe syntax before it reaches libgit2.
 * @return GOVMAP_OK, GOVMAP_ENOTFOUND (no repository, revision or path),
 *         GOVMAP_EINVALID (bad revision syntax) or GOVMAP_EIO.
 */
int govmap_src_open_git(govmap_src **out, const char *root, const char *rev,
			const govmap_src_limits *lim, govmap_diags *diags);

/** One file of an in-memory source: `path` relative to the registry
 * root ("govmap.yaml" is the manifest), `data[0..len)`.  Borrowed. */
typedef struct {
	const char *path;
	const char *data;
	size_t len;
} govmap_mem_file;

/**
 * Open an in-memory source: the files given, copied (the caller's array
 * may be freed after the call).  The same rules as the directory source
 * apply: only `*.yaml` files with safe path segments are read (others
 * are skipped with a warning), under the same size limits.  `label`
 * prefixes display paths ("mem" when NULL).
 * @return GOVMAP_OK or GOVMAP_ENOMEM.
 */
int govmap_src_open_memory(govmap_src **out, const govmap_mem_file *files,
			   size_t n, const char *label,
			   const govmap_src_limits *lim, govmap_diags *diags);

/**
 * Open an index source: the registry directory `root` as staged in the
 * index of the repository that contains it (what `git commit` would
 * record; the pre-commit hook checks this).  Diagnostics name files
 * ":PATH" (Git's own name for a staged file, as in `git show :PATH`).
 * Entries are held to the Git source's rules; conflicted entries are
 * errors.  The index read is $GIT_INDEX_FILE when set (Git sets it for
 * its hooks: `git commit -a` commits a temporary index), else the
 * repository's own.
 * @return GOVMAP_OK, GOVMAP_ENOTFOUND (no repository, or a bare one),
 *         GOVMAP_EIO or GOVMAP_ENOMEM.
 */
int govmap_src_open_index(govmap_src **out, const char *root,
			  const govmap_src_limits *lim, govmap_diags *diags);

/**
 * Read one file relative to the registry root (used for govmap.yaml).
 * @param[out] out  malloc'd, NUL-terminated; the caller frees it.
 * @return GOVMAP_OK, GOVMAP_ENOTFOUND, GOVMAP_ELIMIT or GOVMAP_EIO.
 */
int govmap_src_read(char **out, size_t *len, govmap_src *src,
		    const char *path, govmap_diags *diags);

/**
 * Visit every `*.yaml` file under the root except the manifest, in sorted
 * path order.  Problems (unreadable, too large, skipped entries) are
 * added to `diags`; the walk goes on past them.
 * @return GOVMAP_OK, or the first hard failure (GOVMAP_EIO, GOVMAP_ELIMIT).
 */
int govmap_src_each(govmap_src *src, govmap_src_file_cb cb, void *payload,
		    govmap_diags *diags);

/** The display prefix ("registry" or "HEAD~1:registry").  Borrowed. */
const char *govmap_src_label(const govmap_src *src);

/** A short description of the revision ("working tree" or the commit id
 * and summary).  Borrowed. */
const char *govmap_src_revision(const govmap_src *src);

/** Free a source.  Accepts NULL. */
void govmap_src_free(govmap_src *src);

/** True when `rev` is a revision string govmap will pass to libgit2:
 * hex ids, ref names, and ~N, ^N, ^{commit} suffixes; no @{...}, no
 * ranges, no control characters, at most 200 bytes. */
int govmap_rev_is_safe(const char *rev);

#ifdef __cplusplus
}
#endif
#endif
