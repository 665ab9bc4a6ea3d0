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
	const char *plugin_path; /* --plugin-path or NULL */
	int color;               /* colour diagnostics on a terminal */
	struct govmap_plugins *plugins; /* loaded by cli_load (cli_plugins.c);
					 * freed by main */
} govmap_cli;

typedef struct {
	const char *name;
	int (*fn)(govmap_cli *cli, int argc, char **argv);
	const char *summary;
} govmap_command;

/* Print "govmap: " + message to stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --format text|md|json of diff and report. */
enum { FMT_TEXT, FMT_MD, FMT_JSON };
/* Parse `arg` into *fmt; on an unknown format print "CMD: unknown
 * format ..." and return -1. */
int cli_format_parse(const char *cmd, const char *arg, int *fmt);

/* Open the source the global options name: the directory, the Git
 * revision (--rev) or the index (--staged).  Diagnostics go into *diags.
 * Returns EXIT_OK with *out set, or EXIT_USAGE. */
int cli_open_source(govmap_cli *cli, govmap_src **out, govmap_diags *diags);

/* Open the source the global options name (cli_open_source) and load
 * the registry.  Diagnostics go into *diags.  Returns an exit code:
 * EXIT_OK with *out set, or EXIT_USAGE when nothing could be read. */
int cli_load(govmap_cli *cli, govmap_src **src_out, govmap_registry **out,
	     govmap_diags *diags);

/* Print diagnostics gcc-style to `f`. */
void cli_print_diags(FILE *f, const govmap_diags *d, int color);

/* Write s as a JSON string literal (with quotes). */
void cli_json_str(FILE *f, const char *s);

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

/* Plugins (cli_plugins.c).  cli_plugins_load discovers and loads every
 * plugin of the search path once (--plugin-path, $GOVMAP_PLUGIN_PATH,
 * the build tree, the install dir) into cli->plugins; refusals go to
 * diags.  cli_load calls it.  Returns an exit code. */
int cli_plugins_load(govmap_cli *cli, govmap_diags *diags);
/* Set opts' extra_*_types from the loaded plugins. */
void cli_plugins_load_opts(govmap_cli *cli, govmap_load_opts *opts);
/* Manifest plugins present?  Plugin types listed?  Into diags. */
void cli_plugins_check_registry(govmap_cli *cli, const govmap_src *src,
				const govmap_registry *reg,
				govmap_diags *diags);
/* Run the rules of the plugins the manifest names; findings into out. */
void cli_plugins_run(govmap_cli *cli, const govmap_registry *reg,
		     govmap_findings *out, govmap_diags *diags);
void cli_plugins_free(govmap_cli *cli);
/* The loaded plugins' map colour for a body type, or NULL: for
 * govmap_map_opts.type_colour, with cli->plugins as the payload. */
const char *cli_plugin_colour(const char *type, void *payload);
/* Print findings gcc-style (FILE:LINE:COL: error: [rule] message), then
 * the suppressed ones with their reasons. */
void cli_print_findings(FILE *f, const govmap_findings *fs,
			const govmap_registry *reg, int color);

/* Everything a reporting command needs: the registry loaded, analysed on
 * the --on date, with core (and plugin) findings, suppressions applied.
 * cli_open prints diagnostics itself and returns an exit code; on
 * EXIT_OK the caller must call cli_close. */
#include "govmap/analysis.h"
#include "govmap/findings.h"
typedef struct {
	govmap_src *src;
	govmap_registry *reg;
	govmap_analysis *an;
	govmap_findings findings;
	govmap_diags diags;
	char title[512];       /* "NAME, REVISION, on DATE" */
} cli_session;

int cli_open(govmap_cli *cli, cli_session *s);

/* The second half of cli_open for a session whose registry is loaded:
 * analyse it on the --on date and, when `findings`, run the core and
 * plugin rules and apply suppressions.  Returns an exit code (printing
 * an error); the caller closes the session either way. */
int cli_session_analyse(govmap_cli *cli, cli_session *s, int findings);

/* Add the loaded plugins' findings to s->findings (plugin host). */
void cli_session_plugin_findings(govmap_cli *cli, cli_session *s);
void cli_close(cli_session *s);

/* Write data atomically to path (temporary file + rename), or to stdout
 * when path is NULL or "-".  A target that exists and is not a regular
 * file (a symbolic link, a FIFO, a device) is refused, or with `force`
 * written in place, never replaced; a directory is refused.  Returns an
 * exit code, printing errors. */
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

int cmd_map(govmap_cli *cli, int argc, char **argv);
int cmd_explain(govmap_cli *cli, int argc, char **argv);
int cmd_report(govmap_cli *cli, int argc, char **argv);
int cmd_site(govmap_cli *cli, int argc, char **argv); /* cmd_site.c */
int cmd_stats(govmap_cli *cli, int argc, char **argv);

/* The campaigners' Git workflow (cli_vcs.h has their shared helpers). */
int cmd_blame(govmap_cli *cli, int argc, char **argv);
int cmd_diff(govmap_cli *cli, int argc, char **argv);
int cmd_history(govmap_cli *cli, int argc, char **argv);
int cmd_hook(govmap_cli *cli, int argc, char **argv);
int cmd_new(govmap_cli *cli, int argc, char **argv);

#endif
