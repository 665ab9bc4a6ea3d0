/*
 * cli_vcs.h - helpers shared by the campaigners' Git commands (diff,
 * history, blame, check --changed-since): a registry loaded and analysed
 * at one revision, the files that differ between two sources, and
 * Markdown-safe text.  The comparison itself is the library's
 * (govmap/compare.h).
 */
#ifndef GOVMAP_CLI_VCS_H
#define GOVMAP_CLI_VCS_H

#include "cli.h"
#include "govmap/schema.h"
#include "govmap/vcs.h"
#include "govmap/compare.h"

/* Load one side of a comparison into a session: the registry at `rev`
 * (NULL: what the global options name, i.e. the working tree, --rev or
 * --staged), analysed on the --on date when `analyse` is 1, with the
 * core and plugin findings too when it is 2.  Prints nothing: loading
 * diagnostics stay in s->diags, sorted (data errors do not fail the
 * load).  Returns EXIT_OK, or EXIT_USAGE when nothing could be read.
 * Close with cli_close() in every case. */
int cli_side_open(govmap_cli *cli, cli_session *s, const char *rev,
		  int analyse);

/* The warnings that a file was not read (codes "skip-*": a `.yml` file,
 * a symbolic link, a submodule, an unsafe name), printed on stderr once
 * per file however many sessions hold them: a walk over commits (diff's
 * two sides, history's steps) warns of a file once, not once per
 * commit, naming the first revision it was seen at (with `c`, the
 * commit a walk loaded, by its short id).  `seen` holds the
 * files warned of, as paths inside the registry; zero it before the
 * first call, free it with cli_unread_free.  Returns 0, or -1 on
 * out-of-memory (the warning is still printed). */
typedef struct {
	char **v;
	size_t n, cap;
} cli_unread;
int cli_print_unread(cli_unread *seen, const govmap_diags *d,
		     const govmap_src *src, const govmap_commit *c, int color);
/* cli_print_unread of the sessions a command opened (b may be NULL:
 * one session), once per file: report, map and explain print no other
 * diagnostics of a registry that loads, yet a `.yml` file they did not
 * read must be said, as check says it.  Standard error only. */
void cli_warn_unread(const govmap_cli *cli, const cli_session *a,
		     const cli_session *b);
void cli_unread_free(cli_unread *seen);

/* `check --changed-since REV`: print on f the files that differ between
 * REV and the registry `cur` (loaded from `cur_src`, what the global
 * options name), each with the entities it holds, marked (new), (changed)
 * or (removed).  Returns an exit code, printing its own errors. */
int cli_print_changed(govmap_cli *cli, const char *rev,
		      const govmap_src *cur_src, const govmap_registry *cur,
		      FILE *f);

/* With --staged: a note on stderr for each registry file whose staged
 * copy differs from the working tree's (what the pre-commit hook checks
 * is not what the campaigner sees in the editor).  Silent when they
 * agree or cannot be read.  Returns 0. */
int cli_note_unstaged(govmap_cli *cli);

/* The path of an entity's file inside the registry (its display path
 * without the source's label), or NULL.  Borrowed from the entity. */
const char *cli_entity_path(const govmap_src *src, const govmap_entity *e);

/* cli_getopt for commands whose options may follow their operands
 * (`govmap diff origin/main HEAD --format md`): returns an option
 * character as cli_getopt does, 1 with *operand set for an operand, -1
 * at the end.  Everything after "--" is an operand.  Set optind = 0
 * before the first call. */
struct option;
int cli_getopt_mixed(int argc, char **argv, const char *optstring,
		     const struct option *opts, const char *cmd,
		     char **operand);

/* Create `path` with `data` and permissions `mode`, all at once: written
 * to a new temporary file beside it (O_CREAT|O_EXCL), synced, then
 * linked into place, which never replaces an existing file; with
 * `replace`, renamed over it instead.  Returns 0, or an errno value
 * (EEXIST: the file exists and replace was not asked for). */
int cli_write_new(const char *path, const char *data, size_t len,
		  unsigned mode, int replace);

/* Write text for Markdown: HTML-significant and Markdown punctuation
 * escaped, newlines as spaces, so that registry text cannot inject
 * markup into a pull-request comment; "@" and "#" as character
 * references (no mentions, no issue links), and the "." of "www." and
 * the ":" of "://" too (&#46;, &#58;), so that GitHub does not turn a
 * name or note holding a web address into a link. */
void cli_md_text(FILE *f, const char *s);
/* s as cli_md_text writes it when `md`, else as it is (text output). */
void cli_md_or_text(FILE *f, int md, const char *s);

/* "2024-05-01" for a time in seconds (UTC + offset minutes). */
void cli_time_date(char buf[11], int64_t t, int offset);

/* The progress line of a long walk, on standard error (call it only when
 * stderr is a terminal): "\rgovmap: CMD: commit DONE+1 of TOTAL (R/s)",
 * the rate since *t0 (CLOCK_MONOTONIC).  Clear it with cli_progress_end. */
struct timespec;
void cli_progress(const struct timespec *t0, const char *cmd, size_t done,
		  size_t total);
void cli_progress_end(void);

/* The options history and blame share to limit a walk: --since DATE,
 * --until DATE (committer dates, whole days, UTC) and --max-count N (or
 * --max N): `c` is 's', 'u' or 'm' as getopt returned it for `arg`.
 * Fills ho->since, ho->until, ho->max.  Returns EXIT_OK, or EXIT_USAGE
 * with the message said ("CMD: --since: ..."). */
int cli_walk_option(govmap_history_opts *ho, int c, const char *arg,
		    const char *cmd);
/* After the options: --until before --since is EXIT_USAGE (said). */
int cli_walk_check(const govmap_history_opts *ho, const char *cmd);
/* The long options of cli_walk_option, for a command's option table. */
#define CLI_WALK_OPTIONS                                                   \
	{"since", required_argument, NULL, 's'},                           \
	{"until", required_argument, NULL, 'u'},                           \
	{"max", required_argument, NULL, 'm'},                             \
	{"max-count", required_argument, NULL, 'm'}

/* Round to six places (the project's rule for printed scores). */
double cli_round6(double x);

#endif
