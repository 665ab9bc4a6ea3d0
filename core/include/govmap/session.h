/*
 * govmap/session.h - the whole pipeline in one call: open a source, load
 * the registry with the plugins' types, check it against the plugins the
 * manifest names, analyse it on a date, run the core and plugin rules,
 * apply the registry's suppressions and sort the findings.
 *
 * Every front end (the CLI, the site generator, the tests, the fuzzers)
 * goes through this API; none repeats the steps.  The library never
 * prints or exits: problems are diagnostics in the session
 * (govmap_session_diags) and a status code.
 *
 * Options are versioned as libgit2's are: a struct whose first field is
 * its version, initialised with GOVMAP_SESSION_OPTS_INIT, so that fields
 * can be added at the end without breaking callers built against an
 * older header:
 *
 *     govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
 *     o.registry = "registry";
 *     o.plugins = ps;                      // borrowed, may be NULL
 *     govmap_session *s;
 *     int rc = govmap_session_open(&s, &o);
 *     ... govmap_session_registry(s), govmap_session_findings(s) ...
 *     govmap_session_free(s);
 *
 * Reentrancy: the library keeps no global state; two sessions may be
 * used from two threads at once.  One session is not safe to use from
 * two threads at once.
 */
#ifndef GOVMAP_SESSION_H
#define GOVMAP_SESSION_H

#include "common.h"
#include "source.h"
#include "registry.h"
#include "analysis.h"
#include "findings.h"
#include "pluginhost.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Where the registry comes from. */
typedef enum {
	GOVMAP_SOURCE_DIR = 0, /**< the directory `registry` */
	GOVMAP_SOURCE_GIT,     /**< `registry` as committed at `rev` */
	GOVMAP_SOURCE_INDEX,   /**< `registry` as staged in Git's index */
	GOVMAP_SOURCE_MEMORY   /**< the `files` given (govmap_mem_file) */
} govmap_source_kind;

/** How far the pipeline runs. */
typedef enum {
	/** Load and validate; check the registry against the plugins. */
	GOVMAP_STAGE_LOAD = 0,
	/** ...and run the plugins' rules on it (`govmap check`): no
	 * analysis, so it also runs on a registry with data errors. */
	GOVMAP_STAGE_RULES,
	/** ...then analyse on the date (no findings).  Skipped, with
	 * GOVMAP_EINVALID, when the registry has errors. */
	GOVMAP_STAGE_ANALYSE,
	/** ...then the core and plugin rules, suppressions and sorting:
	 * what every report needs.  The default. */
	GOVMAP_STAGE_FINDINGS
} govmap_stage;

/* Version 2 added `cache`.  A caller built against version 1 still
 * works: the fields after `money_how` are then not read. */
#define GOVMAP_SESSION_OPTS_VERSION 2

typedef struct {
	/** GOVMAP_SESSION_OPTS_VERSION; set by GOVMAP_SESSION_OPTS_INIT. */
	unsigned version;
	govmap_source_kind source;
	/** The registry directory (DIR, GIT, INDEX); borrowed. */
	const char *registry;
	/** The Git revision (GIT); checked with govmap_rev_is_safe(). */
	const char *rev;
	/** The files of a MEMORY source, one of them "govmap.yaml" (the
	 * manifest); copied at open, so borrowed only during the call. */
	const govmap_mem_file *files;
	size_t nfiles;
	/** The display prefix of a MEMORY source's files ("mem"). */
	const char *label;
	/** Read limits (NULL: the defaults; the manifest may override). */
	const govmap_src_limits *limits;
	/** The evaluation date; 0 means today. */
	govmap_date on;
	govmap_stage stage;
	/** Loaded plugins to use (govmap_plugins_open()); borrowed, and
	 * may be shared by several sessions.  NULL: no plugins, so the
	 * plugin types of the data are unknown and their rules do not
	 * run. */
	govmap_plugins *plugins;
	/** Analyse (and run the rules) even when the registry has errors:
	 * for comparing revisions, where an old commit may be invalid and
	 * still be scored.  Unresolved references are left out of the
	 * graph. */
	int analyse_invalid;
	/** How money is chosen for the date (model.h):
	 * GOVMAP_MONEY_THIS_YEAR (the default: only the financial year of
	 * `on`) or GOVMAP_MONEY_NEAREST_YEAR (the nearest year recorded,
	 * flagged in each score as money_other_year). */
	unsigned money_how;
	/** (version 2) A parse cache (registry.h) for loading many
	 * revisions of one registry: borrowed, may be shared by several
	 * sessions, and must outlive every session opened with it (their
	 * registries borrow its strings).  NULL: no cache. */
	govmap_parse_cache *cache;
} govmap_session_opts;

#define GOVMAP_SESSION_OPTS_INIT                                            \
	{GOVMAP_SESSION_OPTS_VERSION, GOVMAP_SOURCE_DIR, NULL, NULL, NULL, 0,   \
	 NULL, NULL, 0, GOVMAP_STAGE_FINDINGS, NULL, 0, 0, NULL}

typedef struct govmap_session govmap_session;

/**
 * Run the pipeline to opts->stage.
 * @param[out] out  the session, also on failure (read its diagnostics);
 *                  NULL only when memory ran out or opts is unusable.
 *                  Free with govmap_session_free().
 * @return GOVMAP_OK: every stage asked for ran (data warnings and
 *         findings may exist; a stage up to RULES also returns OK when
 *         the data has errors: count them in the diagnostics);
 *         GOVMAP_EINVALID: the registry has errors, so analysis was not
 *         run, or the options are invalid (bad version, bad revision);
 *         GOVMAP_ENOTFOUND: no registry directory, manifest or revision;
 *         GOVMAP_EIO, GOVMAP_ELIMIT, GOVMAP_ENOMEM: reading failed.
 */
int govmap_session_open(govmap_session **out, const govmap_session_opts *opts);

/** Free a session and everything it owns.  Accepts NULL. */
void govmap_session_free(govmap_session *s);

/**
 * Analyse the loaded registry again on another date (and run the rules
 * again when the session was opened to GOVMAP_STAGE_FINDINGS).  Every
 * analysis and findings pointer taken before is invalid afterwards.
 * @return GOVMAP_OK, GOVMAP_EINVALID (the registry has errors) or
 *         GOVMAP_ENOMEM.
 */
int govmap_session_set_date(govmap_session *s, govmap_date on);

/* Borrowed accessors: valid until govmap_session_free (or, for the
 * analysis and findings, until govmap_session_set_date).  NULL when the
 * stage did not run. */
govmap_src *govmap_session_source(const govmap_session *s);
const govmap_registry *govmap_session_registry(const govmap_session *s);
const govmap_analysis *govmap_session_analysis(const govmap_session *s);
/** The findings, sorted, suppressions applied.  The caller may filter
 * or reorder them in place (the session frees what is left). */
govmap_findings *govmap_session_findings(govmap_session *s);
/** Load, validation and plugin diagnostics, sorted by position.  The
 * caller may filter them in place. */
govmap_diags *govmap_session_diags(govmap_session *s);
/** The plugins the session was opened with (borrowed from the caller). */
govmap_plugins *govmap_session_plugins(const govmap_session *s);
/** The evaluation date. */
govmap_date govmap_session_date(const govmap_session *s);
/** "NAME, REVISION, on DATE": the registry's name, the source's
 * revision and the date, for titles. */
const char *govmap_session_title(const govmap_session *s);

/**
 * Load the plugins of the usual search path: `first_dir` (may be NULL;
 * `origin` names it in messages, e.g. "--plugin-path"), each directory
 * of $GOVMAP_PLUGIN_PATH, the build tree, the install directory.  The
 * per-rule time limit comes from $GOVMAP_RULE_TIMEOUT (seconds, 1 to
 * 3600) when set.  Refused plugins are warnings in `diags`.
 * @param[out] out  the set (free with govmap_plugins_free), also when
 *                  some plugins were refused; NULL on failure.
 * @return GOVMAP_OK, GOVMAP_EINVALID (a bad $GOVMAP_RULE_TIMEOUT, with a
 *         diagnostic) or GOVMAP_ENOMEM.
 */
int govmap_plugins_open(govmap_plugins **out, const char *first_dir,
			const char *origin, govmap_diags *diags);

#ifdef __cplusplus
}
#endif
#endif
