/*
 * source_blobs.h - the part the Git revision source and the Git index
 * source share: a sorted list of registry files with their blob ids, and
 * reading a blob under the file-size and total-size limits, one libgit2
 * reader at a time.  Private to the core.
 */
#ifndef GOVMAP_SOURCE_BLOBS_H
#define GOVMAP_SOURCE_BLOBS_H

#include <pthread.h>
#include <git2.h>
#include "source_impl.h"

typedef struct {
	char *path;  /* relative to the registry root, in the list's arena */
	git_oid oid;
} govmap__blob_file;

typedef struct {
	pthread_mutex_t lock;  /* libgit2 objects are not shared across
				  threads: one reader at a time */
	git_repository *repo;  /* borrowed from the source */
	git_odb *odb;          /* borrowed from the source */
	govmap__blob_file *files;
	size_t n, cap;
	const char **paths;    /* borrowed from files, for src->paths */
	govmap__arena arena;   /* the paths: one free, not one a file (a
				  walk lists every commit's tree) */
} govmap__blobs;

/** Zero the list and set up its lock. */
void govmap__blobs_init(govmap__blobs *b);

/** Add a file (the path is copied).  GOVMAP_OK, GOVMAP_ELIMIT (more than
 * lim.max_files, with a diagnostic) or GOVMAP_ENOMEM. */
int govmap__blobs_add(govmap__blobs *b, govmap_src *src, const char *path,
		      const git_oid *oid, govmap_diags *diags);

/** Sort the list and hand its paths to the source.  GOVMAP_OK or
 * GOVMAP_ENOMEM. */
int govmap__blobs_publish(govmap__blobs *b, govmap_src *src);

/** Read blob `oid` after checking its type and size (git_odb_read_header
 * first: nothing over the limit is inflated), under the list's lock. */
int govmap__blob_read(char **out, size_t *len, govmap_src *src,
		      govmap__blobs *b, const git_oid *oid,
		      const char *display, govmap_diags *diags);

/** The id of file i of the list (its 20 raw bytes): 0, or -1. */
int govmap__blobs_id(const govmap__blobs *b, size_t i, unsigned char id[20]);

/** Free the list (not the repository).  Accepts a zeroed list. */
void govmap__blobs_free(govmap__blobs *b);

/** "unknown revision 'REV'" for a revision git_revparse_single did not
 * find in `repo`, with what a campaigner needs to mend it: the nearest
 * branch or tag a letter or two off ("(did you mean 'main'?)"), how many
 * commits there are behind a base that exists ("'HEAD' has only 2
 * commits before it"), or that the repository has no commit yet. */
void govmap__git_rev_unknown(govmap_diags *diags, git_repository *repo,
			     const char *rev);

/** A libgit2 failure, read right after the failed call (git_error_last
 * may be stale later): at `file`, or with `what` saying what failed. */
void govmap__git_fail(govmap_diags *diags, const char *file,
		      const char *what);

#endif
