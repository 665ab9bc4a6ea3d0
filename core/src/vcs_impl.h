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

/** Put git_guard.c's check of loose objects in front of libgit2's reader
 * (libgit2 1.5 spins for ever on a truncated loose object).  Call it once
 * after opening `repo`, before reading any object.
 * @return GOVMAP_OK, GOVMAP_ENOMEM or GOVMAP_EIO. */
int govmap__git_guard(git_repository *repo);

/** The last damaged object the guard found on this thread ("object HEX
 * is damaged: ..."), copied into buf (n bytes) and forgotten; returns 1
 * if there was one.  libgit2 may have replaced the error the guard set. */
int govmap__git_guard_take(char *buf, size_t n);

/** A copy of s for display, control characters replaced by '?'; NULL
 * on out-of-memory. */
char *govmap__display_dup(const char *s);

#endif
