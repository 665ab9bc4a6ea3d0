/*
 * vcs_impl.h - opening the Git repository that holds a registry, shared by
 * vcs.c (history, hooks) and source_index.c (the staged registry).  Not
 * public API.
 */
#ifndef GOVMAP_VCS_IMPL_H
#define GOVMAP_VCS_IMPL_H

#include <git2.h>
#include "govmap/common.h"
#include "govmap/analysis.h"
#include "govmap/registry.h"
#include "govmap/session.h"
#include "govmap/vcs.h"

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

/* The files that differ between two trees (history_entity.c), as
 * libgit2's git_diff_tree_to_tree gives them with no options (ADDED,
 * DELETED, MODIFIED; a change of kind, a file to a link, a submodule or
 * a folder, as DELETED then ADDED; in path order), without entering a
 * folder whose tree id is the same on both sides, nor folders deeper
 * than a registry file can be.  Each delta's old_file.path and
 * new_file.path are one malloc'd string, owned by the list. */
typedef struct {
	git_diff_delta *v;
	size_t n, cap;
	git_repository *repo;
	int failed;
} govmap__tdiff;

/** The changes from `older` to `newer` (either may be NULL: all added or
 * all deleted) into *t: 0, or -1 (libgit2 error or out-of-memory; *t is
 * then empty).  Free with govmap__tdiff_free() either way. */
int govmap__tree_changes(govmap__tdiff *t, git_repository *repo,
			 const git_tree *older, const git_tree *newer);
void govmap__tdiff_free(govmap__tdiff *t);

/* One commit's registry files against the next older commit's
 * (govmap__history_changes): the parse cache's entries of the files it
 * modified, deleted or moved (`old`, as they were) and modified, added
 * or moved (`new_`, as they are).  The entries are borrowed from the
 * cache (they live as long as it does); the arrays are owned. */
typedef struct govmap__cached govmap__cached;
typedef struct {
	const govmap__cached **old, **new_;
	size_t nold, nnew;
	/* every change is a file modified in place: old[i] and new_[i] are
	 * the two versions of one path */
	int in_place;
	/* not known: the manifest changed, a blob could not be judged
	 * alone (parse_cache.h), no older tree, or out of memory */
	int unknown;
} govmap__commit_change;

/** govmap_history_neutral (vcs.h), and with `changes` (may be NULL) each
 * commit's files too: a malloc'd array of h->n (the oldest `unknown`),
 * free with govmap__commit_changes_free(). */
int govmap__history_changes(unsigned char **out,
			    govmap__commit_change **changes,
			    const govmap_history *h, const char *root,
			    govmap_parse_cache *cache, govmap_diags *diags);
void govmap__commit_changes_free(govmap__commit_change *v, size_t n);

/** The registry a session owns, for the timeline to bring it up to a
 * later commit in place (compare.c, patch_prev); NULL without one. */
govmap_registry *govmap__session_registry_mut(govmap_session *s);

/** After the timeline replaced the entities at idx[0, n) of the session's
 * registry in place (compare.c, patch_prev; each differs only in notes,
 * money and powers), bring its analysis up to date: patched where it
 * can be (govmap__analysis_patch, when the session has no findings),
 * else done again whole.
 * @return 1 patched (govmap__analysis_touched lists what moved), 0 done
 *         again whole, or an error code (GOVMAP_ENOMEM). */
int govmap__session_patch(govmap_session *s, const int32_t *idx, size_t n);

/** Do two entities of one kind have the same value in every schema field
 * (govmap_entity_field) but the keys in `skip` (NULL-terminated, or
 * NULL)?  Positions and resolved targets are not compared.  1 or 0 (0
 * also when a field cannot be read, e.g. out of memory). */
int govmap__entity_same_but(const govmap_entity *x, const govmap_entity *y,
			    const char *const *skip);

/* Relevance marks (govmap__relevance), per entity of a registry: */
#define GOVMAP__REL_REACH 1u /* reached from the entity along the edges */
#define GOVMAP__REL_REF 2u   /* referring to it may move the entity */
#define GOVMAP__REL_CORE 4u  /* any change to it may move the entity */
#define GOVMAP__REL_PERI 8u  /* a change but to notes or money may */

/** For `history ID` (compare.c): mark each entity of `reg` whose change
 * may move entity `id`'s scores, money or presence under analysis `an`:
 * the nodes reached from `id` along the edges (whatever their
 * strength), with the bodies their boards are of (REACH, REF, CORE);
 * the entities referring to those (CORE); what those refer to (PERI).
 * An absent `id` leaves every mark 0.
 * @param[out] out  malloc'd array of govmap_registry_count(reg) marks
 * @return GOVMAP_OK or GOVMAP_ENOMEM. */
int govmap__relevance(unsigned char **out, const govmap_registry *reg,
		      const govmap_analysis *an, const char *id);

/** 1 when commit change `ch` (against the commit whose registry `reg`
 * and marks `mark` are) can move nothing of entity `id`: every file
 * modified in place, the same entities (ids, kinds, order) and parse
 * counts, none of them `id`, none marked CORE, a PERI one changed only in
 * notes and money, none of their references (either version) to a REF
 * entity.  0 otherwise. */
int govmap__irrelevant_change(const govmap__commit_change *ch,
			      const govmap_registry *reg,
			      const unsigned char *mark, const char *id);

#endif
