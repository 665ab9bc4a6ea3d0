/*
 * cli.h - shared state and helpers of the govmap command-line tool.
 *
 * The CLI is the only part of govmap that prints or exits.  main.c parses
 * the global options into a govmap_cli and dispatches to cmd_<name>().
 */
#ifndef GOVMAP_CLI_H
#define GOVMAP_CLI_H

#include <stdio.h>
#include "govmap/govmap.h"
#include "govmap/session.h"
#include "govmap/report.h"

/* Exit codes (README.md "Exit codes"). */
enum {
	EXIT_OK = 0,     /* no error (warnings and info allowed) */
	EXIT_DATA = 1,   /* invalid data or an error-severity finding */
	EXIT_USAGE = 2,  /* usage, I/O or environment error */
};

typedef struct {
	const char *registry;    /* -r/--registry, resolved */
	const char *rev;         /* --rev or NULL */
	int staged;              /* --staged: the registry as staged in
				    Git's index (the pre-commit hook) */
	govmap_date on;          /* --on, or today */
	int on_given;            /* --on was given */
	int nearest_year;        /* --nearest-year: money of the nearest
				    financial year when the date's has none */
	const char *plugin_path; /* --plugin-path or NULL */
	int color;               /* colour diagnostics on a terminal */
	struct govmap_plugins *plugins; /* loaded once by cli_plugins_load
					 * (cli_plugins.c); freed by main */
	govmap_diags plugin_diags; /* why plugins were refused: shown with
				      the first session's diagnostics */
	int plugin_diags_shown;
	/* a parse cache for the commands that load many revisions of the
	 * registry (diff, history, blame): made by cli_use_cache, given to
	 * every session cli_session_open opens, freed by main after the
	 * command (its sessions closed) */
	struct govmap_parse_cache *cache;
} govmap_cli;

typedef struct {
	const char *name;
	int (*fn)(govmap_cli *cli, int argc, char **argv);
	const char *summary;
} govmap_command;

/* The registry found above the current directory when none was named
 * (main.c): the error that there is no registry directory is followed by
 * a note naming it ("-r ../..").  Borrowed; NULL: none. */
void cli_registry_hint(const char *dir);

/* Print "govmap: " + message to stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "govmap: note: ..." on stderr: something the user should know that is
 * not an error. */
void cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "govmap: warning: ..." on stderr (escaped, as every message here):
 * something was left out, and the command goes on. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A date typed on the command line (--on, --since, --until) into *out:
 * EXIT_OK, or EXIT_USAGE after "OPT: 'ARG' is not a date: write
 * YYYY-MM-DD (did you mean 2022-07-01?)" (the date check suggests for
 * one in the registry: govmap_date_meant) or "... is not a real
 * calendar date (1800-01-01 to 2199-12-31)" on stderr. */
int cli_date_arg(govmap_date *out, const char *opt, const char *arg);

/* cli_lookup.c: the edit distance of two short strings (99 when either
 * is longer than 60 bytes), for near misses. */
size_t cli_distance(const char *a, const char *b);
/* cli_lookup.c: of the n candidates at(ctx, 0..n-1) (NULL ones skipped),
 * the index of the one nearest `word` by cli_distance, at most maxd
 * away, the first among equals (so `word` itself when it is one); -1
 * when none is that near.  *dist (may be NULL) gets its distance. */
long cli_nearest(const char *word, size_t n,
		 const char *(*at)(const void *ctx, size_t i),
		 const void *ctx, size_t maxd, size_t *dist);

/* cli_lookup.c: the body or board that `what` (an id, name, ONS or ODS
 * code, or short name) names, in *index; EXIT_OK, or EXIT_USAGE after
 * printing "CMD: ..." and the near misses to stderr. */
int cli_resolve(const govmap_registry *reg, const char *cmd,
		const char *what, int32_t *index);
/* "CMD: no entity with id 'ID' WHERE" and the bodies and boards it may
 * have meant (reg may be NULL: none), on stderr; returns EXIT_USAGE. */
int cli_no_id(const govmap_registry *reg, const char *cmd, const char *id,
	      const char *where);
/* The region `what` names ("england/greater-manchester", or a last part
 * or name only one region has: "greater manchester"), malloc'd in *out;
 * EXIT_OK, or EXIT_USAGE after printing "CMD: no region ..." with the
 * near misses (or that several have that last part) to stderr. */
int cli_resolve_region(const govmap_registry *reg, const char *cmd,
		       const char *what, char **out);

/* A malloc'd formatted string, NULL on out-of-memory. */
char *cli_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* What a reader can do when money is recorded for other years than the
 * date's (govmap_report_years_text()): "--nearest-year uses each body's
 * nearest year (marked as such); --on 2026-03-31 shows 2025/26." ("" when
 * no body with unknown money has another year's figure).  Returns buf. */
const char *cli_years_hint(const govmap_report_totals *t, char *buf,
			   size_t size);

/* --format text|md|json of diff and report. */
enum { FMT_TEXT, FMT_MD, FMT_JSON };
/* Parse `arg` into *fmt; on an unknown format print "CMD: unknown
 * format ..." and return -1. */
int cli_format_parse(const char *cmd, const char *arg, int *fmt);

/* Print diagnostics gcc-style to `f`. */
void cli_print_diags(FILE *f, const govmap_diags *d, int color);

/* Write s as a JSON string literal (with quotes). */
void cli_json_str(FILE *f, const char *s);
/* Write registry text that no check keeps to one line (notes, a legal
 * basis) on a terminal's line: control characters, newlines, bytes that
 * are not UTF-8 and invisible controls escaped (govmap_text_escape),
 * never cut. */
void cli_text(FILE *f, const char *s);

/* Text for a column `width` characters wide (UTF-8 characters, each taken
 * as one column; text that is not UTF-8 must be escaped first): returns
 * the bytes of s's first line, never cutting a character in two, and at
 * the last space that fits when `words` (a word longer than the column
 * is cut).  *next (when next is not NULL) is where the next line starts
 * (spaces skipped), or NULL when all of s fits. */
size_t cli_cut(const char *s, size_t width, int words, const char **next);
/* The characters in the first `len` bytes of s (cli_cut's measure). */
size_t cli_cols(const char *s, size_t len);
/* Print the first `len` bytes of s, then spaces up to `width`
 * characters. */
void cli_pad(FILE *f, const char *s, size_t len, size_t width);

/* getopt_long with govmap's own messages for unknown options and
 * missing values ("govmap: error: map: unknown option '--x' (run 'govmap
 * map --help')"); returns '?' after printing one.  `optstring` without
 * the leading "+:". */
struct option;
int cli_getopt(int argc, char **argv, const char *optstring,
	       const struct option *opts, const char *cmd);

/* Standard help handling: returns 1 if argv has -h/--help. */
int cli_wants_help(int argc, char **argv);

int cmd_check(govmap_cli *cli, int argc, char **argv);
int cmd_plugins(govmap_cli *cli, int argc, char **argv);
int cmd_rules(govmap_cli *cli, int argc, char **argv);

/* Plugins (cli_plugins.c).  cli_plugins_load loads every plugin of the
 * search path once (--plugin-path, then govmap_plugins_open()'s) into
 * cli->plugins; refusals go to cli->plugin_diags, and a copy into
 * `diags` when given.  Returns an exit code. */
int cli_plugins_load(govmap_cli *cli, govmap_diags *diags);
void cli_plugins_free(govmap_cli *cli);
/* The loaded plugins' map colour for a body type, or NULL: for
 * govmap_map_opts.type_colour, with cli->plugins as the payload. */
const char *cli_plugin_colour(const char *type, void *payload);
/* Print findings gcc-style (FILE:LINE:COL: error: [rule] message), then
 * the suppressed ones with their reasons. */
void cli_print_findings(FILE *f, const govmap_findings *fs,
			const govmap_registry *reg, int color);

/* Everything a reporting command needs: a library session
 * (govmap/session.h) on the source the global options name, with
 * borrowed views of what it holds.  Close with cli_close. */
typedef struct {
	govmap_session *gs;        /* owned */
	govmap_src *src;           /* the rest borrowed from gs */
	const govmap_registry *reg;
	const govmap_analysis *an; /* NULL below GOVMAP_STAGE_ANALYSE */
	govmap_findings *findings;
	govmap_diags *diags;
	const char *title;         /* "NAME, REVISION, on DATE" */
} cli_session;

/* Open a session up to `stage` on the source the global options name,
 * or on Git revision `rev` when it is not NULL; prints nothing.  With
 * `analyse_invalid`, a registry with errors is analysed too (comparing
 * revisions).  Plugins are loaded on first use.  Returns EXIT_OK (data
 * errors possible: see s->diags) or EXIT_USAGE when nothing could be
 * read; the caller closes the session either way. */
int cli_session_open(govmap_cli *cli, cli_session *s, const char *rev,
		     govmap_stage stage, int analyse_invalid);
/* The session options the global options name (plugins loaded first),
 * at Git revision `rev` when it is not NULL, up to `stage`: for a
 * library call that opens sessions itself (a timeline).  Returns
 * EXIT_OK or EXIT_USAGE (plugins could not be loaded). */
int cli_session_opts(govmap_cli *cli, govmap_session_opts *o,
		     const char *rev, govmap_stage stage);

/* cli_session_open to GOVMAP_STAGE_FINDINGS for the global options; on
 * failure or data errors it prints the diagnostics, closes the session
 * and returns EXIT_USAGE or EXIT_DATA; on EXIT_OK the caller must call
 * cli_close. */
int cli_open(govmap_cli *cli, cli_session *s);
/* cli_open on another date (--since: the registry then), the global
 * options otherwise as given. */
int cli_open_on(govmap_cli *cli, cli_session *s, govmap_date on);
void cli_close(cli_session *s);
/* Is the registry path a directory?  EXIT_OK, or EXIT_USAGE with the
 * message every command gives when it is not (for a command that reads
 * Git itself, where a path that is a file, or is not there, would read
 * as a registry no commit changed). */
int cli_need_registry_dir(const govmap_cli *cli);
/* Make cli->cache (once).  Returns EXIT_OK, or EXIT_USAGE (out of
 * memory, said). */
int cli_use_cache(govmap_cli *cli);

/* Write data atomically to path (temporary file + rename), or to stdout
 * when path is NULL or "-".  A target that exists and is not a regular
 * file (a symbolic link, a FIFO, a device) is refused, or with `force`
 * written in place, never replaced; a directory is refused.  `force` is
 * 1 (--force given), 0 (not given: the refusal names it) or -1 (the
 * command has no --force).  Returns an exit code, printing errors. */
/* Can a file be created at `path` ("-": standard output, always)?  Its
 * directory must exist, be writable and lie outside the registry
 * directory (cli->registry; cli may be NULL), where a generated file
 * would end up in the registry's commits; otherwise "CMD: cannot write
 * PATH: ..." or "CMD: refusing to write PATH into the registry
 * directory ..." on stderr and EXIT_USAGE.  Checked before the work,
 * not after it. */
int cli_output_dir_ok(const govmap_cli *cli, const char *cmd,
		      const char *path);
/* 1 when the existing directory `dir` is the registry directory or
 * inside it (symbolic links resolved), 0 when not or when there is no
 * registry at `registry`, -1 when `dir` cannot be resolved (errno). */
int cli_in_registry(const char *dir, const char *registry);
int cli_write_output(const char *path, const char *data, size_t len,
		     int force);

/* The errno of a failed write to stdout in cli_write_output, for main's
 * final check (which reports it), or 0. */
extern int cli_stdout_errno;

/* A path (or any untrusted text) for a message or a machine format:
 * control characters, invalid UTF-8, C1, bidi and zero-width controls as
 * visible escapes (\xNN, \uNNNN), never cut short unless it does not fit
 * `size` (then "...").  Writes into buf, returns buf. */
char *cli_path(char *buf, size_t size, const char *path);

/* Every region path the registry has (with their ancestors), sorted,
 * unique; malloc'd array of malloc'd strings.  -1 on out-of-memory. */
int cli_regions(const govmap_registry *reg, char ***out, size_t *n);
void cli_regions_free(char **v, size_t n);

int cmd_map(govmap_cli *cli, int argc, char **argv);
int cmd_brief(govmap_cli *cli, int argc, char **argv); /* cmd_brief.c */
int cmd_explain(govmap_cli *cli, int argc, char **argv);
int cmd_report(govmap_cli *cli, int argc, char **argv);
/* `report --since DATE` (cmd_report_since.c): what changed between DATE
 * and the --on date, per region; fmt is FMT_*.  Returns an exit code. */
int cli_report_since(govmap_cli *cli, govmap_date since, const char *region,
		     int fmt);
int cmd_site(govmap_cli *cli, int argc, char **argv); /* cmd_site.c */
int cmd_stats(govmap_cli *cli, int argc, char **argv);
int cmd_export(govmap_cli *cli, int argc, char **argv); /* cmd_export.c */
/* Hidden: words for the shell completion scripts (cmd_complete.c). */
int cmd_complete(govmap_cli *cli, int argc, char **argv);

/* The campaigners' Git workflow (cli_vcs.h has their shared helpers). */
int cmd_blame(govmap_cli *cli, int argc, char **argv);
int cmd_diff(govmap_cli *cli, int argc, char **argv);
int cmd_history(govmap_cli *cli, int argc, char **argv);
int cmd_hook(govmap_cli *cli, int argc, char **argv);
int cmd_rename(govmap_cli *cli, int argc, char **argv); /* cmd_rename.c */
int cmd_new(govmap_cli *cli, int argc, char **argv);

#endif
