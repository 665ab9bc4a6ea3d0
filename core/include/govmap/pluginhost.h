/*
 * govmap/pluginhost.h - finding, loading and running region plugins.
 *
 * For the CLI, not for plugins (they include govmap/plugin.h only).
 *
 * A govmap_plugins set holds a search path and the plugins loaded from
 * it.  Discovery looks in, in order: the directories added with
 * govmap_plugins_add_dir() (the CLI's --plugin-path), each directory of
 * $GOVMAP_PLUGIN_PATH (colon-separated), the build tree (the running
 * binary's directory + "/plugins", when the build's libgovmap.a is beside
 * the binary: an installed govmap has none) and the install directory
 * (GOVMAP_PLUGIN_DIR, default /usr/local/lib/govmap/plugins).  Every
 * `<name>.so` found is loaded once: a file name found again in a later
 * directory is shadowed, as on $PATH, and not opened.
 *
 * Loading is executing (dlopen runs the plugin's constructors), so a file
 * is opened only by absolute path, only when neither it nor its directory
 * is group- or world-writable and both belong to root or to the user.
 * Then, in order: dlopen(RTLD_NOW|RTLD_LOCAL), the entry symbol, the ABI
 * version, the descriptor's size, its mandatory fields and callbacks, a
 * duplicate name, init().  Each refusal is a warning diagnostic naming the
 * path, the reason and a hint, and the library is closed again; accepted
 * plugins stay loaded until the process exits (no dlclose: sanitizers
 * would lose their stack frames, and their atexit handlers would run
 * early).
 *
 * Nothing here prints: problems go to a govmap_diags list.
 */
#ifndef GOVMAP_PLUGINHOST_H
#define GOVMAP_PLUGINHOST_H

#include "common.h"
#include "findings.h"
#include "analysis.h"
#include "model.h"
#include "plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifndef GOVMAP_PLUGIN_DIR
#define GOVMAP_PLUGIN_DIR "/usr/local/lib/govmap/plugins"
#endif

struct govmap_registry;
typedef struct govmap_plugins govmap_plugins; /* opaque */

/** A new, empty set.  Free with govmap_plugins_free().
 * @return GOVMAP_OK or GOVMAP_ENOMEM. */
int govmap_plugins_new(govmap_plugins **out);

/** Calls every accepted plugin's fini() and frees the set; the libraries
 * stay mapped.  Accepts NULL. */
void govmap_plugins_free(govmap_plugins *ps);

/**
 * Append a directory to the search path.  `origin` says where it came
 * from ("--plugin-path"), for messages; borrowed strings are copied.  A
 * relative path is made absolute; a directory already in the path is not
 * added twice.
 * @return GOVMAP_OK or GOVMAP_ENOMEM.
 */
int govmap_plugins_add_dir(govmap_plugins *ps, const char *dir,
			   const char *origin);

/** Append the default directories after any added so far:
 * $GOVMAP_PLUGIN_PATH, the build tree, the install directory. */
int govmap_plugins_add_default_dirs(govmap_plugins *ps);

/** Seconds each rule may run, and each plugin may take to load (default
 * 10; 0 keeps the default).  A load runs in this process (constructors,
 * entry function, init()) and cannot be stopped on its own: past the
 * limit, a note naming the plugin is written to standard error and
 * SIGALRM's default action ends the process, as a crash while loading
 * does (govmap_plugins_discover uses alarm() for the time, restoring a
 * caller's alarm and SIGALRM handler afterwards). */
void govmap_plugins_set_timeout(govmap_plugins *ps, unsigned seconds);

/**
 * Load every `*.so` in the search path, in directory order and, within a
 * directory, in byte order of the names.  Refusals are warnings in
 * `diags`; missing directories are skipped silently (they are listed in
 * the "missing plugin" error, see govmap_plugins_check_registry()).
 * @return GOVMAP_OK, or GOVMAP_ENOMEM.
 */
int govmap_plugins_discover(govmap_plugins *ps, govmap_diags *diags);

/**
 * Load one plugin file (an explicit path).  Same checks as discovery.
 * @return GOVMAP_OK when accepted, GOVMAP_EPLUGIN when refused (with a
 *         diagnostic), GOVMAP_ENOMEM.
 */
int govmap_plugins_load_file(govmap_plugins *ps, const char *path,
			     govmap_diags *diags);

/** Accepted plugins. */
size_t govmap_plugins_count(const govmap_plugins *ps);
/** The i-th descriptor (borrowed from the plugin) and the absolute path it
 * was loaded from (borrowed from the set). */
const govmap_plugin *govmap_plugins_at(const govmap_plugins *ps, size_t i);
const char *govmap_plugins_path(const govmap_plugins *ps, size_t i);
/** The accepted plugin with this name, or NULL. */
const govmap_plugin *govmap_plugins_find(const govmap_plugins *ps,
					 const char *name);

/** Directories of the search path, with their origin and whether they
 * exist.  Borrowed. */
size_t govmap_plugins_ndirs(const govmap_plugins *ps);
const char *govmap_plugins_dir(const govmap_plugins *ps, size_t i,
			       const char **origin, int *exists);

/** Files not opened because an earlier directory had the same name:
 * the path skipped and the path that won.  Borrowed. */
size_t govmap_plugins_nshadowed(const govmap_plugins *ps);
const char *govmap_plugins_shadowed(const govmap_plugins *ps, size_t i,
				    const char **winner);

/**
 * The types the accepted plugins declare, as NULL-terminated arrays for
 * govmap_load_opts (registry.h): set extra_body_types, extra_board_types
 * and extra_link_types.  The arrays belong to the set and live until
 * govmap_plugins_free(); with no plugin loaded all three are NULL, so
 * unknown types stay warnings.
 */
void govmap_plugins_types(const govmap_plugins *ps,
			  const char *const **body,
			  const char *const **board,
			  const char *const **link);

/**
 * The body and board types the accepted plugins declare time-bound
 * (govmap_plugin.time_bound_types), NULL-terminated, for govmap_load_opts'
 * extra_time_bound_types.  Belongs to the set, lives until
 * govmap_plugins_free(); NULL with no plugin loaded.
 */
const char *const *govmap_plugins_time_bound_types(const govmap_plugins *ps);

/** The default strength a plugin gives to link type `type`: sets *out and
 * returns 1, or returns 0 when no plugin declares one. */
int govmap_plugins_link_strength(const govmap_plugins *ps, const char *type,
				 double *out);

/** The fill colour a plugin gives to body type `type`, or NULL. */
const char *govmap_plugins_style_fill(const govmap_plugins *ps,
				      const char *type);

/**
 * Check a loaded registry against the set: each plugin the manifest names
 * must be loaded (an error naming every directory looked in, and why a
 * file of that name was refused, at `manifest_file`); an entity whose
 * type only an unlisted plugin declares gets a warning.
 * `manifest_file` is the manifest's display path, borrowed.
 */
void govmap_plugins_check_registry(const govmap_plugins *ps,
				   const struct govmap_registry *reg,
				   const char *manifest_file,
				   govmap_diags *diags);

/** Every rule of the accepted plugins.  `id` is the full id
 * ("england-ics/icb-board"); strings borrowed from the set. */
size_t govmap_plugins_nrules(const govmap_plugins *ps);
const govmap_rule_info *govmap_plugins_rule(const govmap_plugins *ps,
					    size_t i);

/**
 * Run the rules of the plugins the registry's manifest names (a registry
 * opts in to the rules it wants checked) over `reg` as it stood on `on`.
 * Each plugin runs in a forked child with each rule under the time limit;
 * findings come back over a pipe into `out`.  A rule that crashes or
 * times out becomes an error finding "rule P/R crashed (signal N)" /
 * "rule P/R timed out after N s" and the plugin's next rule runs in a new
 * child.  Suppressions are not applied here: call
 * govmap_findings_apply_suppressions() afterwards.
 * @return GOVMAP_OK, or GOVMAP_EPLUGIN when a child could not be started
 *         (a diagnostic says why; the other plugins still ran).
 */
int govmap_plugins_run(const govmap_plugins *ps,
		       const struct govmap_registry *reg, govmap_date on,
		       govmap_findings *out, govmap_diags *diags);

/**
 * The same, with the core's analysis of the registry on its date, so
 * that the rules can read scores (the host table's score()).  The
 * registry and date are the analysis's.  Used by the session at
 * GOVMAP_STAGE_FINDINGS; govmap_plugins_run() gives rules no scores.
 */
int govmap_plugins_run_analysed(const govmap_plugins *ps,
				const govmap_analysis *an,
				govmap_findings *out, govmap_diags *diags);

#ifdef __cplusplus
}
#endif
#endif
