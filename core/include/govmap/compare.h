/*
 * govmap/compare.h - comparing registries: two entities field by field,
 * two analysed sessions (entities added, removed and changed, the scores
 * that moved and why, the findings gained and lost, total exposure), and
 * a timeline over the commits of a Git registry (each commit's session
 * compared with the one before).
 *
 * One implementation and one wording serve every front end: `diff`,
 * `history`, `blame`, `map --diff`, `report --since` and the site's
 * history pages.  The two sessions of a diff may be two revisions on the
 * same date (what a change does) or one source on two dates (what time
 * does: bodies created or abolished, chains that got stronger or weaker):
 * the comparison is the same.
 *
 * Options are versioned as session.h's are: the first field is the
 * version, set by the _INIT macro, so fields can be added at the end.
 * The library never prints: every function returns a status
 * (common.h) and leaves the wording to govmap_diff_entry_what() and the
 * caller.  Ownership is stated on every pointer.  Reentrant: no global
 * state.
 */
#ifndef GOVMAP_COMPARE_H
#define GOVMAP_COMPARE_H

#include "common.h"
#include "model.h"
#include "findings.h"
#include "session.h"
#include "source.h"
#include "vcs.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- two entities, field by field ------------------------------------ */

/** One top-level field whose value differs between two entities. */
typedef struct {
	const char *key;  /**< static (the schema's key table) */
	char **a, **b;    /**< the field's canonical items before and after
			       (schema.h, govmap_entity_field); owned by the
			       change: freed by govmap_field_changes_free */
	size_t na, nb;
} govmap_field_change;

/**
 * The fields that differ between a and b (normally the same id on two
 * sides), in schema order; keys only one kind has are compared too (a
 * kind that changed).
 * @param[out] out  malloc'd array (NULL when nothing differs), free with
 *                  govmap_field_changes_free(*out, *n)
 * @return GOVMAP_OK or GOVMAP_ENOMEM.
 */
int govmap_entity_compare(govmap_field_change **out, size_t *n,
			  const govmap_entity *a, const govmap_entity *b);
/** Free what govmap_entity_compare returned.  Accepts NULL. */
void govmap_field_changes_free(govmap_field_change *v, size_t n);

/**
 * Field `key` of e as one text: its canonical items joined by newlines.
 * @param[out] out  malloc'd (free()), or NULL when the entity has no
 *                  such field
 * @return GOVMAP_OK or GOVMAP_ENOMEM.
 */
int govmap_field_text(char **out, const govmap_entity *e, const char *key);

/* --- two sessions ---------------------------------------------------- */

/** What the comparison computes (govmap_compare_opts.what). */
#define GOVMAP_COMPARE_FIELDS 1u   /**< entities field by field */
#define GOVMAP_COMPARE_SCORES 2u   /**< A, D, exposure (both sessions
				        analysed) */
#define GOVMAP_COMPARE_FINDINGS 4u /**< findings gained and lost (both
				        sessions to GOVMAP_STAGE_FINDINGS) */
#define GOVMAP_COMPARE_ALL 7u
/** Timeline only (govmap_timeline_opts.what): compute no step diff at
 * all (every step's `diff` is NULL), for a caller that reads only each
 * step's session, as `history` without an ID does (its totals come from
 * the sessions).  Which commits are loaded is as without it and without
 * GOVMAP_COMPARE_FIELDS. */
#define GOVMAP_COMPARE_NO_DIFF 8u

#define GOVMAP_COMPARE_OPTS_VERSION 1

typedef struct {
	/** GOVMAP_COMPARE_OPTS_VERSION; set by GOVMAP_COMPARE_OPTS_INIT. */
	unsigned version;
	/** GOVMAP_COMPARE_* bits; scores and findings are skipped (left
	 * zero) for a session that has no analysis or findings. */
	unsigned what;
} govmap_compare_opts;

#define GOVMAP_COMPARE_OPTS_INIT {GOVMAP_COMPARE_OPTS_VERSION, GOVMAP_COMPARE_ALL}

/** One id, on either side or both. */
typedef struct {
	const char *id;   /**< borrowed from a session's registry */
	int32_t a, b;     /**< the entity's index on each side, -1 absent */
	govmap_field_change *fields; /**< owned by the diff; when on both
					  sides and different */
	size_t nfields;
	bool scored;      /**< a body or board */
	bool act_a, act_b; /**< in force on each side's date */
	double Aa, Ab, Da, Db; /**< scores rounded to six places (0 when
				    not analysed or absent) */
	double Ea, Eb;    /**< exposure, rounded to pounds; -1 when money is
			       not recorded (unknown, never 0) */
	bool moved;       /**< in force on both sides and A or exposure
			       differs */
	/** links added, removed and changed whose `from` or `to` is this
	 * entity */
	size_t links_new, links_gone, links_changed;
	/** For a body or board on both sides that `moved` or is in force
	 * on one side only: the index into govmap_diff.v of the changed,
	 * added or removed entity nearest to it on its best chain (after,
	 * else before; never itself), or -1 when none is (another part of
	 * the graph changed). */
	int32_t cause;
	/** For an id that was renamed: its id before (borrowed from a's
	 * registry; `id` is the id after), else NULL.  A removed id and an
	 * added one are one renamed entity when they are of the same kind
	 * and type and either share a code (`codes:`, the same scheme and
	 * value) or differ in nothing but the id and references to other
	 * renamed ids; a pair that is ambiguous (two candidates) stays
	 * removed and added.  Its `a` and `b` are the entity on each side,
	 * its `fields` start with `id`, and the diff counts it among
	 * `changed` and `renamed`, not `added` and `removed`. */
	const char *was;
} govmap_diff_entry;

/** The comparison of two sessions, a (before) and b (after). */
typedef struct {
	govmap_session *a, *b; /**< borrowed: must outlive the diff */
	govmap_diff_entry *v;  /**< every id of either side, sorted by id
				    (a renamed entity once, by its id
				    after); owned by the diff */
	size_t n;
	/** `changed` counts the renamed entries too; `renamed` is how
	 * many of them were renamed. */
	size_t added, removed, changed, moved, renamed;
	/** Findings (not suppressed) only after, and only before: borrowed
	 * from the sessions' findings lists; owned arrays.  A finding whose
	 * text differs only because its entity was renamed (the same rule
	 * and entity id, the old name replaced by the new) is in neither
	 * list. */
	const govmap_finding **gained, **lost;
	size_t ngained, nlost;
	/** Total exposure of the bodies and boards in force (as `report`
	 * totals it), per side. */
	double exposure_a, exposure_b;
	/** Of those bodies and boards, how many have money recorded, per
	 * side (govmap_exposure_count): 0 means that side's total is
	 * unknown, not £0.  Both 0 when the diff compares no scores. */
	size_t priced_a, priced_b;
} govmap_diff;

/**
 * Compare two sessions (each to GOVMAP_STAGE_LOAD at least).
 * @param[out] out  free with govmap_diff_free(); NULL on failure
 * @return GOVMAP_OK, GOVMAP_EINVALID (a session without a registry, a
 *         bad options version) or GOVMAP_ENOMEM.
 */
int govmap_diff_sessions(govmap_diff **out, govmap_session *a,
			 govmap_session *b, const govmap_compare_opts *opts);

/** The total exposure of the bodies and boards in force in an analysed
 * session (the exposures `report` lists, added up in fixed point, in
 * 1/65536ths of a pound, so that the total does not depend on the order
 * they are added in; as govmap_diff's exposure_a and exposure_b are); 0
 * without an analysis. */
double govmap_exposure_total(const govmap_session *s);

/** How many of those bodies and boards have money recorded (for the
 * session's date): 0 means the total is unknown, not £0; 0 without an
 * analysis. */
size_t govmap_exposure_count(const govmap_session *s);

/** Free a diff (not its sessions).  Accepts NULL. */
void govmap_diff_free(govmap_diff *d);

/** The entry of `id` (an id of either side: a renamed entity's entry
 * is found by its id before and after), or NULL.  Borrowed from the
 * diff. */
const govmap_diff_entry *govmap_diff_find(const govmap_diff *d,
					  const char *id);

/** The entity of an entry on side 0 (a) or 1 (b), or NULL when absent.
 * Borrowed from that session's registry. */
const govmap_entity *govmap_diff_entity(const govmap_diff *d,
					const govmap_diff_entry *e, int side);

/** The entity id a finding of side 0 (a) or 1 (b) is about, or NULL.
 * Borrowed from that session's registry. */
const char *govmap_diff_finding_id(const govmap_diff *d,
				   const govmap_finding *f, int side);

/**
 * What happened to one entry, in the one wording every front end uses:
 * "added" ("added back" when `ever`, i.e. present at an earlier commit),
 * "removed", "renamed from OLD" (", changed: name" when other fields
 * changed too), "changed: name, seats" (its fields), "scores moved: ID
 * changed" (the entity on its chain whose change moved them), "scores
 * moved (another entity changed)", "now in force", "no longer in force";
 * "" when nothing happened to it.  Writes a NUL-terminated text (cut at
 * `size`) into buf.
 * @return the length the whole text needs (as snprintf), or -1.
 */
int govmap_diff_entry_what(char *buf, size_t size, const govmap_diff *d,
			   const govmap_diff_entry *e, int ever);

/* --- two sources, file by file --------------------------------------- */

/** A registry file that differs between two sources. */
typedef struct {
	char *path;  /**< inside the registry ("england/x.yaml"); owned */
	char change; /**< 'A' only in b, 'D' only in a, 'M' in both,
			  differing */
} govmap_file_change;

/**
 * The *.yaml files (the manifest included) that differ between two
 * fresh sources, by content, sorted by path.
 * @param[out] out  malloc'd; free with govmap_file_changes_free(*out, *n)
 * @return GOVMAP_OK or the first hard failure of reading (with a
 *         diagnostic), GOVMAP_ENOMEM.
 */
int govmap_files_compare(govmap_file_change **out, size_t *n, govmap_src *a,
			 govmap_src *b, govmap_diags *diags);
/** Free what govmap_files_compare returned.  Accepts NULL. */
void govmap_file_changes_free(govmap_file_change *v, size_t n);

/* --- a timeline over commits ----------------------------------------- */

#define GOVMAP_TIMELINE_OPTS_VERSION 3

typedef struct {
	/** GOVMAP_TIMELINE_OPTS_VERSION; set by GOVMAP_TIMELINE_OPTS_INIT. */
	unsigned version;
	/** The template of every commit's session: registry, plugins, on,
	 * stage (GOVMAP_STAGE_LOAD for no scores), money_how.  `source`
	 * and `rev` are set per commit; analyse_invalid is set (an old
	 * commit may be invalid and still be scored).  Copied at open;
	 * the strings and plugins it points to are borrowed and must
	 * outlive the timeline. */
	const govmap_session_opts *session;
	/** Which commits (vcs.h): start, since, until, max, progress.
	 * Copied at open. */
	const govmap_history_opts *history;
	/** Also load the parent of the oldest commit as the baseline the
	 * first step is compared with (not a step itself): for --since. */
	int baseline;
	/** What each step's diff computes (GOVMAP_COMPARE_*); 0 means
	 * GOVMAP_COMPARE_ALL; GOVMAP_COMPARE_NO_DIFF: no diff. */
	unsigned what;
	/** Do not load a commit that changes nothing validation or the
	 * analysis reads (govmap_history_neutral, vcs.h: only notes, or
	 * files moved unchanged) right after one loaded or skipped: its
	 * step has `same` set, the last loaded session and no diff.  Needs
	 * session->cache (version 2 options); ignored when `what` asks for
	 * findings.  The commit after a skipped run is compared with the
	 * commit just before it, loaded then, so diffs stay exact; when
	 * `what` has no GOVMAP_COMPARE_FIELDS it is compared with the last
	 * loaded session instead (the same counts and scores, so the same
	 * diff without fields), and nothing is loaded twice. */
	int skip_neutral;
	/** (Version 2; with skip_neutral and a session to
	 * GOVMAP_STAGE_ANALYSE or further) The caller reads, of each step,
	 * only what concerns this entity: its presence, fields and scores
	 * in the session, and its entry in the diff.  Then a commit whose
	 * change cannot move those either is not loaded (its step has
	 * `same` set, like a neutral one): every file it changed is
	 * modified in place, with the same entities in the same order and
	 * parse counts, none of them the entity, none reached from it
	 * along the last loaded commit's edges (whatever their strength)
	 * or referring to such a node (or to the body such a board is
	 * of), none referring to one, and any that such an entity refers
	 * to changed only in `notes` or `money`.  A step after such a run
	 * is compared with the last loaded commit, and again with the
	 * commit just before it (loaded then) when the entity's entry
	 * says anything or a skipped commit touched the entity's files;
	 * so the entity's entry is what a walk without the filter gives.
	 * The rest of a skipped step (totals, other entities' entries and
	 * scores, diagnostics) is the last loaded commit's, not the
	 * commit's.  NULL: no filter. */
	const char *relevant_id;
	/** (Version 3; with skip_neutral, GOVMAP_COMPARE_NO_DIFF and no
	 * relevant_id) The caller
	 * reads, of each step, only its totals: whether it loaded, the
	 * session's entity and diagnostics counts, and the step's
	 * `exposure` (not govmap_exposure_total of its session).  Then
	 * each step's `exposure` is set, and a commit that changes only
	 * notes, money figures and links' powers is not loaded either:
	 * one whose every changed file is modified in place, with the same
	 * entities in the same order and parse counts, each the same as
	 * before but for `notes`, `money` and `powers` (and no change of
	 * the power to sanction on a link with no basis, which validation
	 * warns of), after a commit loaded without error diagnostics.  The
	 * last loaded session is brought up to it instead: the changed
	 * entities replaced by their new versions, references resolved as
	 * before, and the analysis (if the sessions are analysed) redone,
	 * except when only the money of
	 * bodies and boards whose money the analysis takes from their own
	 * figure changed (their deficits cannot move: what the new figures
	 * add is added to the total, in govmap_exposure_total's fixed
	 * point, so the sum is the one a load gives).  Its step has `same`
	 * set, and its session (also `prev`) is that session: its counts,
	 * entities and chains are the commit's; its source, title and
	 * diagnostics are those of the commit it was loaded at, and its
	 * scores' money may lag (read `exposure`). */
	int totals_only;
} govmap_timeline_opts;

#define GOVMAP_TIMELINE_OPTS_INIT {GOVMAP_TIMELINE_OPTS_VERSION, NULL, NULL, 0, 0, 0, NULL, 0}

typedef struct govmap_timeline govmap_timeline;

/** One commit of the walk, oldest first. */
typedef struct {
	const govmap_commit *commit; /**< borrowed from the timeline */
	size_t index;       /**< into govmap_timeline_commits() (newest
				 first) */
	/** The commit's session: NULL when the commit removed the
	 * registry; otherwise set even when it could not be read (then
	 * `loaded` is 0: read its diagnostics).  Borrowed: valid until
	 * the next call of govmap_timeline_next(). */
	govmap_session *session;
	int status;         /**< govmap_session_open()'s status */
	bool loaded;        /**< the registry could be read */
	/** The comparison with the last loaded commit before it (or the
	 * baseline); NULL for the first loaded commit without a baseline.
	 * Borrowed: valid until the next call. */
	const govmap_diff *diff;
	/** The last loaded session before it (diff->a), or NULL; borrowed
	 * likewise. */
	govmap_session *prev;
	/** (skip_neutral) The commit was not loaded: it changes nothing
	 * read, so `session` is `prev` (the same diagnostics counts,
	 * scores and findings) and `diff` is NULL; what it changed (notes)
	 * is for the caller to read from the files if it needs it.  With
	 * relevant_id, also a commit that changes nothing that entity's
	 * figures read (then only its figures are the commit's).  With
	 * totals_only, also a commit that changes only notes, money and
	 * powers (then the session was brought up to it: see totals_only). */
	bool same;
	/** (totals_only) The commit's total exposure: what
	 * govmap_exposure_total gives for its registry, also when `same`;
	 * 0 otherwise, and without an analysis. */
	double exposure;
	/** (totals_only) How many of the bodies and boards in that total
	 * have money recorded (govmap_exposure_count): 0 means the total
	 * is unknown, not £0.  0 otherwise. */
	size_t priced;
} govmap_timeline_step;

/**
 * Find the commits (govmap_history_load) and prepare the walk; with
 * opts->baseline, load the baseline now.  Loading one commit is one
 * internal function (compare.c, timeline_load), so a cache can replace
 * it without changing callers.
 * @param[out] out  free with govmap_timeline_free(); NULL on failure
 * @return as govmap_history_load, or GOVMAP_EINVALID for bad options;
 *         problems in `diags`.
 */
int govmap_timeline_open(govmap_timeline **out,
			 const govmap_timeline_opts *opts,
			 govmap_diags *diags);

/** The commits of the walk, newest first (borrowed from the timeline). */
const govmap_history *govmap_timeline_commits(const govmap_timeline *t);

/** The baseline's session (opts->baseline), or NULL when there is none
 * (no parent, or it could not be read).  Borrowed: valid until the
 * first govmap_timeline_next(). */
govmap_session *govmap_timeline_baseline(const govmap_timeline *t);

/**
 * Load and compare the next commit, oldest first.
 * @param[out] step  borrowed, valid until the next call
 * @return GOVMAP_OK (a step), GOVMAP_ENOTFOUND (the walk is over) or
 *         GOVMAP_ENOMEM (also when a commit's load ran short of memory,
 *         or dropped an entity or a diagnostic for want of it: its
 *         figures would not be the commit's).  A commit that cannot be
 *         read is a step with `loaded` 0, not a failure of the walk.
 */
int govmap_timeline_next(govmap_timeline *t,
			 const govmap_timeline_step **step);

/** Free the timeline and its sessions.  Accepts NULL. */
void govmap_timeline_free(govmap_timeline *t);

/* --- one registry on two dates -------------------------------------- */

/** What happened to a body or board between a diff's two dates (one
 * source analysed on an earlier and a later date: report --since, site
 * --since). */
typedef enum {
	GOVMAP_CHANGE_NONE = 0, /**< nothing, or not a body or board */
	GOVMAP_CHANGE_CREATED,  /**< in force on the later date only */
	GOVMAP_CHANGE_ABOLISHED, /**< in force on the earlier date only */
	GOVMAP_CHANGE_STRONGER, /**< in force on both; A rose */
	GOVMAP_CHANGE_WEAKER,   /**< in force on both; A fell */
	GOVMAP_CHANGE_UNKNOWN   /**< in force on one side only, but a date
				     of it is not known: created or
				     abolished cannot be told */
} govmap_change;

/** The change of entry e of a diff of two analysed sessions (compare
 * with GOVMAP_COMPARE_SCORES).  O(1). */
govmap_change govmap_diff_change(const govmap_diff *d,
				 const govmap_diff_entry *e);

#ifdef __cplusplus
}
#endif
#endif
