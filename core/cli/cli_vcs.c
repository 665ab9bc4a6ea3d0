/*
 * cli_vcs.c - helpers shared by the campaigners' Git commands (diff,
 * history, blame, check --changed-since): loading one side of a
 * comparison, finding the files that differ between two sources, and
 * escaping registry text for Markdown.  Comparing entities, sessions and
 * commits is the library's (compare.h).
 *
 * Its only writer is cli_write_new() (for `govmap new` and the hook's
 * installation: a new file, created exclusively, never over an existing
 * one unless asked); everything else reads registries, and the commands
 * decide what to print.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli_vcs.h"
#include "govmap/compare.h"

int cli_side_open(govmap_cli *cli, cli_session *s, const char *rev, int analyse)
{
	static const govmap_stage stage[] = {GOVMAP_STAGE_LOAD,
					     GOVMAP_STAGE_ANALYSE,
					     GOVMAP_STAGE_FINDINGS};
	return cli_session_open(cli, s, rev, stage[analyse < 0 ? 0
						   : analyse > 2 ? 2
								 : analyse],
				1);
}

const char *cli_entity_path(const govmap_src *src, const govmap_entity *e)
{
	const char *label = govmap_src_label(src), *file = e->pos.file;
	size_t n = strlen(label);
	if (!file || strncmp(file, label, n) != 0)
		return NULL;
	if (n && label[n - 1] == ':')
		return file + n;
	return file[n] == '/' ? file + n + 1 : NULL;
}

int cli_getopt_mixed(int argc, char **argv, const char *optstring,
		     const struct option *opts, const char *cmd, char **operand)
{
	static int rest; /* "--" seen: the rest are operands */
	if (optind == 0)
		rest = 0;
	if (!rest) {
		int c = cli_getopt(argc, argv, optstring, opts, cmd);
		if (c != -1)
			return c;
		if (optind > 1 && optind <= argc &&
		    strcmp(argv[optind - 1], "--") == 0)
			rest = 1;
	}
	if (optind >= argc)
		return -1;
	*operand = argv[optind++];
	return 1;
}

int cli_print_unread(cli_unread *seen, const govmap_diags *d,
		     const govmap_src *src, const govmap_commit *c, int color)
{
	const char *label = src ? govmap_src_label(src) : "";
	size_t ln = strlen(label);
	int rc = 0;
	for (size_t i = 0; d && i < d->n; i++) {
		const govmap_diag *g = &d->v[i];
		if (!g->code || strncmp(g->code, "skip-", 5) != 0)
			continue;
		/* the file inside the registry: its display name without
		 * the revision's label ("HEAD~2:reg/x.yml" -> "x.yml"); a
		 * warning with no file (an unsafe name) by its words */
		const char *key = g->file ? g->file : g->msg;
		if (g->file && ln && strncmp(key, label, ln) == 0)
			key += ln + (label[ln - 1] != ':' && key[ln] == '/');
		size_t k = 0;
		while (k < seen->n && strcmp(seen->v[k], key) != 0)
			k++;
		if (k < seen->n)
			continue;
		if (seen->n == seen->cap) {
			size_t cap = seen->cap ? 2 * seen->cap : 8;
			char **v = realloc(seen->v, cap * sizeof(*v));
			if (v) {
				seen->v = v;
				seen->cap = cap;
			}
		}
		char *copy = seen->n < seen->cap ? strdup(key) : NULL;
		if (copy)
			seen->v[seen->n++] = copy;
		else
			rc = -1;
		/* a walk's commit is labelled by its full id: shown short,
		 * as history lists it */
		size_t idn = c ? strlen(c->id) : 0;
		char *file = NULL;
		if (idn && g->file && strncmp(g->file, c->id, idn) == 0 &&
		    g->file[idn] == ':')
			file = cli_asprintf("%s%s", c->short_id, g->file + idn);
		govmap_diags one = {0};
		govmap_diag at = *g;
		at.file = file ? file : g->file;
		govmap_diags_push(&one, &at);
		free(file);
		cli_print_diags(stderr, &one, color);
		govmap_diags_free(&one);
	}
	return rc;
}

void cli_warn_unread(const govmap_cli *cli, const cli_session *a,
		     const cli_session *b)
{
	cli_unread seen = {0};
	/* out of memory: a warning may come twice, never lost */
	(void)cli_print_unread(&seen, a->diags, a->src, NULL, cli->color);
	if (b)
		(void)cli_print_unread(&seen, b->diags, b->src, NULL,
				       cli->color);
	cli_unread_free(&seen);
}

void cli_unread_free(cli_unread *seen)
{
	for (size_t k = 0; k < seen->n; k++)
		free(seen->v[k]);
	free(seen->v);
	memset(seen, 0, sizeof(*seen));
}

/* "label/path", as sources name files in diagnostics. */
static void print_display(FILE *f, const govmap_src *src, const char *path)
{
	const char *label = govmap_src_label(src);
	size_t n = strlen(label);
	fprintf(f, "%s%s%s", label, n && label[n - 1] == ':' ? "" : "/", path);
}

/* The entities of reg whose file is `path`, with a mark against `other`
 * (the registry on the other side): new or changed on the current side,
 * removed on the old side. */
static int print_entities(FILE *f, const govmap_src *src,
			  const govmap_registry *reg,
			  const govmap_registry *other, const char *path,
			  int old_side)
{
	const char *sep = ": ";
	size_t n = govmap_registry_count(reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		const char *p = cli_entity_path(src, e);
		if (!p || strcmp(p, path) != 0)
			continue;
		const govmap_entity *o =
			other ? govmap_registry_find(other, e->id) : NULL;
		const char *mark = "";
		if (!o)
			mark = other ? (old_side ? " (removed)" : " (new)")
				     : "";
		else if (!old_side) {
			govmap_field_change *c;
			size_t nc;
			if (govmap_entity_compare(&c, &nc, o, e) != GOVMAP_OK)
				return -1;
			govmap_field_changes_free(c, nc);
			if (nc)
				mark = " (changed)";
		}
		if (old_side && o)
			continue; /* it moved to another file: listed there */
		fprintf(f, "%s%s%s", sep, e->id, mark);
		/* and where from, when it came from another file: a move
		 * reads as one file deleted and another added */
		const char *of = o ? o->pos.file : NULL;
		size_t lf = of ? strlen(of) : 0, lp = strlen(path);
		if (of && !(lf >= lp && strcmp(of + lf - lp, path) == 0 &&
			    (lf == lp || of[lf - lp - 1] == '/' ||
			     of[lf - lp - 1] == ':'))) {
			char q[1024];
			fprintf(f, " (moved from %s)", cli_path(q, sizeof q, of));
		}
		sep = ", ";
	}
	return 0;
}

int cli_print_changed(govmap_cli *cli, const char *rev,
		      const govmap_src *cur_src, const govmap_registry *cur,
		      FILE *f)
{
	govmap_diags diags = {0};
	govmap_src *a = NULL, *b = NULL;
	govmap_file_change *ch = NULL;
	cli_session old;
	size_t n = 0;
	int rc = EXIT_USAGE;
	memset(&old, 0, sizeof old);
	if (govmap_src_open_git(&a, cli->registry, rev, NULL, &diags) !=
		    GOVMAP_OK ||
	    (cli->staged ? govmap_src_open_index(&b, cli->registry, NULL,
						 &diags)
			 : govmap_src_open_dir(&b, cli->registry, NULL,
					       &diags)) != GOVMAP_OK)
		goto done;
	if (govmap_files_compare(&ch, &n, a, b, &diags) != GOVMAP_OK)
		goto done;
	/* the entities of deleted files, and what "changed" is against */
	if (cli_side_open(cli, &old, rev, 0) != EXIT_OK) {
		if (old.diags)
			govmap_diags_append(&diags, old.diags);
		goto done;
	}
	fprintf(f, "Changed since %s: %zu file%s\n",
		govmap_src_revision(old.src), n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		int del = ch[i].change == 'D';
		fprintf(f, "  %-8s  ",
			del		      ? "deleted"
			: ch[i].change == 'A' ? "added"
					      : "modified");
		print_display(f, del ? old.src : cur_src, ch[i].path);
		if (print_entities(f, del ? old.src : cur_src,
				   del ? old.reg : cur, del ? cur : old.reg,
				   ch[i].path, del) < 0) {
			cli_err("out of memory");
			goto done;
		}
		fputc('\n', f);
	}
	rc = EXIT_OK;
done:
	if (rc != EXIT_OK)
		cli_print_diags(stderr, &diags, cli->color);
	govmap_file_changes_free(ch, n);
	cli_close(&old);
	govmap_src_free(a);
	govmap_src_free(b);
	govmap_diags_free(&diags);
	return rc;
}

int cli_note_unstaged(govmap_cli *cli)
{
	govmap_diags diags = {0};
	govmap_src *idx = NULL, *dir = NULL;
	govmap_file_change *ch = NULL;
	size_t n = 0;
	char p[512];
	if (govmap_src_open_index(&idx, cli->registry, NULL, &diags) ==
		    GOVMAP_OK &&
	    govmap_src_open_dir(&dir, cli->registry, NULL, &diags) ==
		    GOVMAP_OK &&
	    govmap_files_compare(&ch, &n, idx, dir, &diags) == GOVMAP_OK) {
		for (size_t i = 0; i < n; i++) {
			char full[1024];
			snprintf(full, sizeof full, "%s/%s", cli->registry,
				 ch[i].path);
			cli_note("%s: %s", cli_path(p, sizeof p, full),
				 ch[i].change == 'A'
					 ? "in the working tree but not staged "
					   "(not checked)"
				 : ch[i].change == 'D'
					 ? "staged but deleted from the working "
					   "tree (the staged copy was checked)"
					 : "the staged copy differs from the "
					   "working tree (the staged copy was "
					   "checked: git add it to check your "
					   "edits)");
		}
	}
	govmap_file_changes_free(ch, n);
	govmap_src_free(idx);
	govmap_src_free(dir);
	govmap_diags_free(&diags);
	return 0;
}

/* --- writing ---------------------------------------------------------- */

int cli_write_new(const char *path, const char *data, size_t len, unsigned mode,
		  int replace)
{
	char tmp[PATH_MAX];
	int n = snprintf(tmp, sizeof tmp, "%s.govmap-%ld", path,
			 (long)getpid());
	if (n < 0 || (size_t)n >= sizeof tmp)
		return ENAMETOOLONG;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return errno;
	int err = 0;
	size_t off = 0;
	while (!err && off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno != EINTR)
			err = errno;
		else if (w > 0)
			off += (size_t)w;
	}
	/* the mode asked of open() is cut by the umask: a hook must run */
	if (!err && (fchmod(fd, (mode_t)mode) != 0 || fsync(fd) != 0))
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	if (!err && (replace ? rename(tmp, path) : link(tmp, path)) != 0)
		err = errno;
	if (err || !replace)
		unlink(tmp);
	return err;
}

/* --- text ------------------------------------------------------------ */

void cli_md_or_text(FILE *f, int md, const char *s)
{
	if (md)
		cli_md_text(f, s);
	else
		fputs(s, f);
}

void cli_md_text(FILE *f, const char *s)
{
	const unsigned char *start = (const unsigned char *)s;
	for (const unsigned char *p = start; p && *p; p++) {
		/* no autolinks: GitHub links "www." and "scheme://" in plain
		 * text; a character reference splits the pattern and still
		 * reads as the character */
		if (*p == '.' && p - start >= 3 &&
		    strncasecmp((const char *)p - 3, "www", 3) == 0) {
			fputs("&#46;", f);
			continue;
		}
		if (*p == ':' && p[1] == '/' && p[2] == '/') {
			fputs("&#58;", f);
			continue;
		}
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '@': fputs("&#64;", f); break; /* no mentions */
		case '#': fputs("&#35;", f); break; /* no issue links */
		case '\\':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '|':
		case '~':
		case '!':
			fputc('\\', f);
			fputc(*p, f);
			break;
		case '\n':
		case '\r':
		case '\t': fputc(' ', f); break;
		default:
			if (*p >= 0x20 && *p != 0x7f)
				fputc(*p, f);
		}
	}
}

void cli_time_date(char buf[11], int64_t t, int offset)
{
	time_t tt = (time_t)(t + (int64_t)offset * 60);
	struct tm tm;
	if (!gmtime_r(&tt, &tm)) {
		strcpy(buf, "?");
		return;
	}
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

void cli_progress(const struct timespec *t0, const char *cmd, size_t done,
		  size_t total)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double dt = (double)(now.tv_sec - t0->tv_sec) +
		    (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
	fprintf(stderr, "\rgovmap: %s: commit %zu of %zu", cmd, done + 1,
		total);
	if (done && dt > 0)
		fprintf(stderr, " (%.0f commits/s)", (double)done / dt);
	fputs("\033[K", stderr);
}

void cli_progress_end(void)
{
	fputs("\r\033[K", stderr);
}

/* Days since 1970-01-01 of a yyyymmdd date (proleptic Gregorian). */
static int64_t epoch_days(govmap_date d)
{
	int64_t y = d / 10000, m = d / 100 % 100, day = d % 100;
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int cli_walk_option(govmap_history_opts *ho, int c, const char *arg,
		    const char *cmd)
{
	govmap_date d;
	char *end;
	unsigned long n;
	switch (c) {
	case 's':
	case 'u': {
		char opt[64];
		snprintf(opt, sizeof opt, "%s: --%s", cmd,
			 c == 's' ? "since" : "until");
		if (cli_date_arg(&d, opt, arg) != EXIT_OK)
			return EXIT_USAGE;
		if (c == 's')
			ho->since = epoch_days(d) * 86400;
		else
			ho->until = (epoch_days(d) + 1) * 86400 - 1;
		return EXIT_OK;
	}
	case 'm':
		n = strtoul(arg, &end, 10);
		if (*end || !*arg || *arg == '-' || n < 1 || n > 100000) {
			cli_err("%s: --max-count must be a number from 1 to "
				"100000",
				cmd);
			return EXIT_USAGE;
		}
		ho->max = n;
		return EXIT_OK;
	default:
		return EXIT_USAGE;
	}
}

int cli_walk_check(const govmap_history_opts *ho, const char *cmd)
{
	if (ho->since && ho->until && ho->until < ho->since) {
		cli_err("%s: --until is before --since", cmd);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

double cli_round6(double x)
{
	return round(x * 1e6) / 1e6;
}
