/*
 * vcs_impl.h - opening the Git repository that holds a registry, shared by
 * vcs.c (history, hooks) and source_index.c (the staged registry).  Not
 * public API.
 */
#ifndef GOVMAP_VCS_IMPL_H
#define GOVMAP_VCS_IMPL_H

#include <git2.h>
#include "govmap/common.h"

/** Open the repository containing `root` and say where `root` is inside
 * its working tree.  The caller has called git_libgit2_init().
 * @param[out] repo  free with git_repository_free()
 * @param[out] rel   malloc'd, "" for the top of the working tree
 * @return GOVMAP_OK, GOVMAP_ENOTFOUND or GOVMAP_ENOMEM (diagnosed). */
int govmap__git_open(git_repository **repo, char **rel, const char *root,
		     govmap_diags *diags);

/** A copy of s for display, control characters replaced by '?'; NULL
 * on out-of-memory. */
char *govmap__display_dup(const char *s);

#endif
