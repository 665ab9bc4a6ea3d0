/*
 * govmap/vcs.h - the Git history of a registry: which commits changed it,
 * and where the repository keeps its hooks.
 *
 * The registry is a directory inside a Git repository.  These functions
 * read the repository with libgit2 (no `git` process, no checkout) and
 * return plain data; loading the registry as it was at one of the commits
 * is govmap_src_open_git()'s job (source.h).  Strings that come from the
 * repository (author names, summaries) are for display, escaped as
 * govmap_text_escape() escapes them: control characters and bytes that
 * are not UTF-8 as \xNN, C1 controls, bidi and invisible characters as
 * \uNNNN.
 */
#ifndef GOVMAP_VCS_H
#define GOVMAP_VCS_H

#include <stdint.h>
#include "common.h"
#include "model.h"
#include "registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One commit that changed the registry. */
typedef struct {
	char id[41];        /**< the full commit id, hex */
	char short_id[13];  /**< its first 12 digits */
	char tree[41];      /**< the registry directory's tree id at this
				 commit, hex; "" when the directory is
				 absent (the commit deleted it) */
	char *author;       /**< author name */
	char *email;        /**< author e-mail */
	int64_t time;       /**< author time, seconds since the epoch */
	int offset;         /**< author time zone, minutes east of UTC */
	int64_t commit_time; /**< committer time, seconds since the epoch */
	char *summary;      /**< first line of the message */
} govmap_commit;

/** Commits, newest first.  Free with govmap_history_free(). */
typedef struct {
	govmap_commit *v;
	size_t n;
	char *path; /**< the registry directory relative to the repository's
		         top ("registry", "" for the top itself) */
	size_t walked; /**< commits looked at */
} govmap_history;

/** Called every 64 commits walked; return non-zero to stop early. */
typedef int (*govmap_history_progress)(size_t walked, void *payload);

typedef struct {
	const char *rev;     /**< where to start (checked with
			          govmap_rev_is_safe); NULL = "HEAD" */
	int64_t since;       /**< stop at the first commit (in committer-
			          time order) older than this; 0 = all */
	size_t max;          /**< keep at most this many commits; 0 = 100,000 */
	size_t max_walk;     /**< look at most at this many; 0 = 1,000,000 */
	govmap_history_progress progress; /**< may be NULL */
	void *payload;
	int64_t until;       /**< skip commits (in committer time) newer
			          than this: they are walked, not kept nor
			          counted against max; 0 = none */
} govmap_history_opts;

/**
 * The commits reachable from opts->rev that changed the registry
 * directory `root` (whose tree differs from each of its parents' trees;
 * a first commit counts when it has the directory), sorted by committer
 * time, newest first, and never a commit before one of its children
 * (commits made in the same second keep their order), as `git log
 * --date-order -- root` lists them without merges that took one side
 * unchanged.
 * @param[out] out  free with govmap_history_free(); NULL on failure.
 * @return GOVMAP_OK; GOVMAP_ENOTFOUND (no repository or revision),
 *         GOVMAP_EINVALID (unsafe revision), GOVMAP_ELIMIT (max_walk
 *         reached), GOVMAP_EIO, GOVMAP_ENOMEM; each with a diagnostic.
 */
int govmap_history_load(govmap_history **out, const char *root,
			const govmap_history_opts *opts, govmap_diags *diags);

void govmap_history_free(govmap_history *h);

/**
 * The blob id of one registry file at each commit of `h`: for blame and
 * history of one entity, which need not load a commit whose entity file
 * is the same blob as at the commit looked at before.
 * @param[out] out   malloc'd array of h->n ids (hex, 40 digits and NUL;
 *                   "" when the file is absent at that commit), owned by
 *                   the caller (free()); NULL on failure.
 * @param root       the registry directory (as for govmap_history_load)
 * @param relpath    the file inside the registry ("boards/x.yaml")
 * @return GOVMAP_OK, GOVMAP_ENOTFOUND (no repository), GOVMAP_EIO or
 *         GOVMAP_ENOMEM, with a diagnostic.
 */
int govmap_history_file_blobs(char (**out)[41], const govmap_history *h,
			      const char *root, const char *relpath,
			      govmap_diags *diags);

/** One entity as committed at one commit (govmap_history_entity). */
typedef struct {
	char *path;     /**< its file inside the registry, malloc'd; NULL
			     when the entity is absent at the commit */
	char blob[41];  /**< that file's blob id, hex; "" when absent */
	/** The entity as parsed from that blob alone: borrowed from the
	 * parse cache (valid until it is freed); its positions name no
	 * file and its references are unresolved: read its fields
	 * (schema.h), not its targets.  NULL when absent. */
	const govmap_entity *entity;
	/** 0 when a blob looked at could not be judged alone (over a
	 * size limit, unreadable, a parse limit reached): load the
	 * registry at this commit to know. */
	int exact;
} govmap_entity_version;

/**
 * Entity `id` at each commit of `h`, following it back from the newest
 * commit as `git blame` follows lines: through the commits that changed
 * its file, renames of the file and moves of the entity between files,
 * and gaps where it was absent.  Only the files a commit changed are
 * looked at (git_diff_tree_to_tree between consecutive commits' registry
 * trees), and each blob is parsed once, in `cache`; no registry is
 * loaded, validated or analysed.  An id defined twice (a data error) is
 * followed in one of its files.
 * @param[out] out  malloc'd array of h->n versions (newest first, as
 *                  h->v); free with govmap_entity_versions_free(*out,
 *                  h->n).  NULL on failure.
 * @param root      the registry directory (as for govmap_history_load)
 * @param hint      the entity's file at the newest commit, when known
 *                  ("boards/x.yaml": looked at first), or NULL (every
 *                  file of the newest commit is looked at)
 * @param cache     required; borrowed; must outlive *out's entities
 * @return GOVMAP_OK, GOVMAP_EINVALID (no cache), GOVMAP_ENOTFOUND (no
 *         repository), GOVMAP_EIO or GOVMAP_ENOMEM, with a diagnostic.
 */
int govmap_history_entity(govmap_entity_version **out,
			  const govmap_history *h, const char *root,
			  const char *id, const char *hint,
			  govmap_parse_cache *cache, govmap_diags *diags);

/** Free what govmap_history_entity returned.  Accepts NULL. */
void govmap_entity_versions_free(govmap_entity_version *v, size_t n);

/**
 * For each commit of `h` but the oldest, whether its registry differs
 * from the next older commit's only in what neither validation nor the
 * analysis reads: an entity's `notes`, and files moved or renamed with
 * their content unchanged; the manifest and every other field the same,
 * and each changed file's parse giving as many errors, warnings and
 * notes as before, and no file the source warns it does not read (a
 * `.yml` file, a symbolic link, a submodule) added, removed or renamed
 * (its warning is the commit's own).  Such a commit has the same
 * diagnostics counts, scores and findings as the older one, so history
 * need not load it.
 * Judged from the files the commit changed (tree diff), each blob parsed
 * once in `cache`.
 * @param[out] out  malloc'd array of h->n flags (1: the same as the
 *                  next older; the oldest is always 0), free().
 * @return as govmap_history_entity.
 */
int govmap_history_neutral(unsigned char **out, const govmap_history *h,
			   const char *root, govmap_parse_cache *cache,
			   govmap_diags *diags);

/**
 * Where the repository that contains `root` keeps its hooks, and `root`
 * relative to the top of its working tree.
 * @param[out] hooks  malloc'd absolute directory path (may not exist yet)
 * @param[out] rel    malloc'd relative registry path ("" for the top)
 * @return GOVMAP_OK, GOVMAP_ENOTFOUND (not in a repository, or a bare
 *         one) or GOVMAP_ENOMEM, with a diagnostic.
 */
int govmap_repo_paths(char **hooks, char **rel, const char *root,
		      govmap_diags *diags);

#ifdef __cplusplus
}
#endif
#endif
