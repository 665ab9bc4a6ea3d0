/*
 * cli_util.c - helpers shared by the commands: loading the registry the
 * global options name, printing diagnostics, JSON string output.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "govmap/pluginhost.h"
#include "govmap/escape.h"

/* One message on stderr, each of its lines escaped (govmap_text_escape):
 * an argument, a file name or registry text in it cannot move the
 * cursor, recolour the terminal or reorder what is read.  Text escaped
 * before (cli_path) is unchanged by it: the escapes are printable. */
static void say(const char *what, const char *fmt, va_list ap)
{
	char small[512], *msg = small;
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small) {
		msg = malloc((size_t)n + 1);
		if (msg)
			vsnprintf(msg, (size_t)n + 1, fmt, aq);
		else
			msg = small; /* cut short, still escaped */
	}
	va_end(aq);
	if (n < 0)
		small[0] = '\0';
	fprintf(stderr, "govmap: %s: ", what);
	for (char *p = msg;;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		size_t len = strlen(p), size = 4 * len + 8;
		char fixed[2048], *q = size <= sizeof fixed ? fixed : malloc(size);
		if (q) {
			fputs(govmap_text_escape(q, size, p), stderr);
			if (q != fixed)
				free(q);
		} else {
			for (const unsigned char *u = (const unsigned char *)p;
			     *u; u++)
				fputc(*u < 0x20 || *u >= 0x7f ? '?' : *u, stderr);
		}
		if (!nl)
			break;
		fputc('\n', stderr);
		p = nl + 1;
	}
	fputc('\n', stderr);
	if (msg != small)
		free(msg);
}

void cli_err(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("error", fmt, ap);
	va_end(ap);
}

void cli_note(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("note", fmt, ap);
	va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("warning", fmt, ap);
	va_end(ap);
}

int cli_date_arg(govmap_date *out, const char *opt, const char *arg)
{
	char iso[16];
	int meant = govmap_date_meant(iso, sizeof iso, arg);
	if (meant == GOVMAP_OK && govmap_date_parse(out, arg) == GOVMAP_OK)
		return EXIT_OK;
	if (meant == GOVMAP_EINVALID)
		cli_err("%s: '%s' is not a real calendar date (1800-01-01 to "
			"2199-12-31)",
			opt, arg);
	else
		cli_err("%s: '%s' is not a date: write YYYY-MM-DD%s%s%s", opt,
			arg, meant == GOVMAP_OK ? " (did you mean " : "",
			meant == GOVMAP_OK ? iso : "",
			meant == GOVMAP_OK ? "?)" : "");
	return EXIT_USAGE;
}

char *cli_asprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

int cli_getopt(int argc, char **argv, const char *optstring,
	       const struct option *opts, const char *cmd)
{
	char spec[64];
	snprintf(spec, sizeof spec, "+:%s", optstring);
	opterr = 0;
	int c = getopt_long(argc, argv, spec, opts, NULL);
	if (c == '?' || c == ':') {
		const char *arg = argv[optind - 1];
		char shortopt[3] = {'-', (char)optopt, '\0'};
		if (optopt && (size_t)optopt < 128 && !strchr(arg, '='))
			arg = arg[1] == '-' ? arg : shortopt;
		if (c == '?')
			cli_err("%s%sunknown option '%s' (run 'govmap %s%s--help')",
				cmd ? cmd : "", cmd ? ": " : "", arg,
				cmd ? cmd : "", cmd ? " " : "");
		else
			cli_err("%s%soption '%s' needs a value (run 'govmap "
				"%s%s--help')",
				cmd ? cmd : "", cmd ? ": " : "", arg,
				cmd ? cmd : "", cmd ? " " : "");
		return '?';
	}
	return c;
}

int cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return 1;
	}
	return 0;
}

static const char *registry_hint; /* cli_registry_hint */

void cli_registry_hint(const char *dir)
{
	registry_hint = dir;
}

/* After "no registry directory at ...": the one found above, if any. */
static void note_registry_hint(void)
{
	if (registry_hint)
		cli_note("a registry is at '%s' (it holds govmap.yaml): give "
			 "-r %s",
			 registry_hint, registry_hint);
}

void cli_print_diags(FILE *f, const govmap_diags *d, int color)
{
	static const char *const col[] = {"\033[1;36m", "\033[1;35m",
					  "\033[1;31m"};
	char q[1024];
	for (size_t i = 0; i < d->n; i++) {
		const govmap_diag *g = &d->v[i];
		/* a path with a newline or an escape (the -r argument, a
		 * Git label) must not forge another FILE:LINE:COL line */
		if (!g->file)
			fputs("govmap: ", f);
		else if (g->line)
			fprintf(f, "%s:%u:%u: ", cli_path(q, sizeof q, g->file),
				g->line, g->col);
		else
			fprintf(f, "%s: ", cli_path(q, sizeof q, g->file));
		if (color)
			fprintf(f, "%s%s:\033[0m %s\n", col[g->sev],
				govmap_severity_name(g->sev), g->msg);
		else
			fprintf(f, "%s: %s\n", govmap_severity_name(g->sev),
				g->msg);
		if (g->code && strcmp(g->code, "no-registry") == 0)
			note_registry_hint();
	}
	if (d->dropped)
		fprintf(f, "govmap: note: %zu more diagnostics not shown\n",
			d->dropped);
}

void cli_json_str(FILE *f, const char *s)
{
	govmap_json_write(f, s);
}

void cli_text(FILE *f, const char *s)
{
	/* an escape is at most four bytes a byte, and the escaper cuts
	 * only what does not fit */
	size_t size = 4 * strlen(s) + 8;
	char *buf = malloc(size);
	if (!buf) {
		fputs("(out of memory)", f);
		return;
	}
	fputs(govmap_text_escape(buf, size, s), f);
	free(buf);
}

/* A UTF-8 character's bytes from its lead byte (a stray continuation
 * byte counts as one) */
static size_t char_len(unsigned char c)
{
	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

size_t cli_cut(const char *s, size_t width, int words, const char **next)
{
	size_t i = 0, cols = 0, brk = 0;
	while (s[i] && cols < width) {
		size_t k = char_len((unsigned char)s[i]);
		for (size_t j = 1; j < k; j++)
			if (!s[i + j]) { /* cut short: the rest is one char */
				k = j;
				break;
			}
		i += k;
		cols++;
		if (s[i] == ' ')
			brk = i;
	}
	if (s[i] && words && s[i] != ' ' && brk)
		i = brk; /* back to the last space that fits */
	size_t end = i;
	while (s[i] == ' ')
		i++;
	if (next)
		*next = s[i] ? s + i : NULL;
	return end;
}

size_t cli_cols(const char *s, size_t len)
{
	size_t cols = 0;
	for (size_t i = 0; i < len; i += char_len((unsigned char)s[i]))
		cols++;
	return cols;
}

void cli_pad(FILE *f, const char *s, size_t len, size_t width)
{
	size_t cols = cli_cols(s, len);
	fwrite(s, 1, len, f);
	for (; cols < width; cols++)
		fputc(' ', f);
}

const char *cli_plugin_colour(const char *type, void *payload)
{
	return payload ? govmap_plugins_style_fill(payload, type) : NULL;
}

int cli_session_opts(govmap_cli *cli, govmap_session_opts *o,
		     const char *rev, govmap_stage stage)
{
	govmap_session_opts init = GOVMAP_SESSION_OPTS_INIT;
	*o = init;
	/* plugins first (once): the types they declare are valid data */
	if (cli_plugins_load(cli, NULL) != EXIT_OK)
		return EXIT_USAGE;
	o->registry = cli->registry;
	o->rev = rev ? rev : cli->rev;
	o->source = o->rev ? GOVMAP_SOURCE_GIT
		    : cli->staged ? GOVMAP_SOURCE_INDEX : GOVMAP_SOURCE_DIR;
	o->on = cli->on;
	o->stage = stage;
	o->plugins = cli->plugins;
	o->money_how = cli->nearest_year ? GOVMAP_MONEY_NEAREST_YEAR
					 : GOVMAP_MONEY_THIS_YEAR;
	o->cache = cli->cache; /* NULL unless the command made one */
	return EXIT_OK;
}

int cli_session_open(govmap_cli *cli, cli_session *s, const char *rev,
		     govmap_stage stage, int analyse_invalid)
{
	govmap_session_opts o;
	memset(s, 0, sizeof(*s));
	if (cli_session_opts(cli, &o, rev, stage) != EXIT_OK)
		return EXIT_USAGE;
	o.analyse_invalid = analyse_invalid;
	int grc = govmap_session_open(&s->gs, &o);
	if (!s->gs) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	s->diags = govmap_session_diags(s->gs);
	if (!cli->plugin_diags_shown) {
		/* why plugins were refused, shown once per run */
		govmap_diags_append(s->diags, &cli->plugin_diags);
		govmap_diags_sort(s->diags);
		cli->plugin_diags_shown = 1;
	}
	s->src = govmap_session_source(s->gs);
	s->reg = govmap_session_registry(s->gs);
	s->an = govmap_session_analysis(s->gs);
	s->findings = govmap_session_findings(s->gs);
	s->title = govmap_session_title(s->gs);
	if (grc == GOVMAP_ENOMEM || govmap_diags_nomem(s->diags)) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	if (!s->reg)
		return EXIT_USAGE;
	return EXIT_OK;
}

int cli_open(govmap_cli *cli, cli_session *s)
{
	int rc = cli_session_open(cli, s, NULL, GOVMAP_STAGE_FINDINGS, 0);
	size_t errors = s->diags ? s->diags->count[GOVMAP_SEV_ERROR] : 0;
	if (rc != EXIT_OK || errors || !s->an) {
		if (s->diags)
			cli_print_diags(stderr, s->diags, cli->color);
		if (rc == EXIT_OK && errors)
			cli_err("the registry has %zu error%s: fix %s first "
				"(govmap check)",
				errors, errors == 1 ? "" : "s",
				errors == 1 ? "it" : "them");
		cli_close(s);
		return rc != EXIT_OK ? rc : errors ? EXIT_DATA : EXIT_USAGE;
	}
	return EXIT_OK;
}

int cli_need_registry_dir(const govmap_cli *cli)
{
	struct stat st;
	if (stat(cli->registry, &st) == 0 && S_ISDIR(st.st_mode))
		return EXIT_OK;
	char q[1024];
	cli_err("no registry directory at '%s': give -r PATH or set "
		"GOVMAP_REGISTRY",
		cli_path(q, sizeof q, cli->registry));
	note_registry_hint();
	return EXIT_USAGE;
}

int cli_use_cache(govmap_cli *cli)
{
	if (!cli->cache && govmap_parse_cache_new(&cli->cache) != GOVMAP_OK) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

int cli_open_on(govmap_cli *cli, cli_session *s, govmap_date on)
{
	govmap_date saved = cli->on;
	cli->on = on;
	int rc = cli_open(cli, s);
	cli->on = saved;
	return rc;
}

void cli_close(cli_session *s)
{
	govmap_session_free(s->gs);
	memset(s, 0, sizeof(*s));
}

int cli_stdout_errno;


char *cli_path(char *buf, size_t size, const char *path)
{
	return govmap_text_escape(buf, size, path);
}

/* What an existing output target is, for the refusal, or NULL when it is
 * a regular file (or does not exist). */
static const char *odd_target(const struct stat *st)
{
	if (S_ISLNK(st->st_mode))
		return "a symbolic link";
	if (S_ISREG(st->st_mode))
		return NULL;
	if (S_ISDIR(st->st_mode))
		return "a directory";
	if (S_ISFIFO(st->st_mode))
		return "a FIFO";
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		return "a device";
	if (S_ISSOCK(st->st_mode))
		return "a socket";
	return "not a regular file";
}

/* --force onto a link, FIFO or device: written in place, as the shell's
 * `>` would (the link followed, nothing replaced). */
static int write_in_place(const char *path, const char *data, size_t len)
{
	char q[512];
	int fd = open(path, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC);
	int err = fd < 0 ? errno : 0;
	for (size_t off = 0; !err && off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno != EINTR)
			err = errno;
		else if (w > 0)
			off += (size_t)w;
	}
	if (fd >= 0 && close(fd) != 0 && !err)
		err = errno;
	if (err) {
		cli_err("cannot write %s: %s", cli_path(q, sizeof q, path),
			strerror(err));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

int cli_in_registry(const char *dir, const char *registry)
{
	char d[PATH_MAX], r[PATH_MAX];
	if (!registry || !realpath(registry, r))
		return 0; /* no registry there: opening it says so */
	if (!realpath(dir, d))
		return -1; /* no such directory: errno says why */
	size_t n = strlen(r);
	if (n == 1)
		return 1; /* the registry is "/" */
	return strncmp(d, r, n) == 0 && (d[n] == '\0' || d[n] == '/');
}

int cli_output_dir_ok(const govmap_cli *cli, const char *cmd,
		      const char *path)
{
	if (!path || strcmp(path, "-") == 0)
		return EXIT_OK;
	const char *slash = strrchr(path, '/');
	char *dir = !slash	       ? cli_asprintf(".")
		    : slash == path ? cli_asprintf("/")
				    : cli_asprintf("%.*s", (int)(slash - path),
						   path);
	if (!dir) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	struct stat st;
	int rc = EXIT_OK, in;
	char q[512];
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		cli_err("%s: cannot write %s: its directory does not exist",
			cmd, cli_path(q, sizeof q, path));
		rc = EXIT_USAGE;
	} else if (access(dir, W_OK | X_OK) != 0) {
		cli_err("%s: cannot write %s: %s", cmd,
			cli_path(q, sizeof q, path), strerror(errno));
		rc = EXIT_USAGE;
	} else if ((in = cli_in_registry(dir, cli ? cli->registry : NULL))) {
		if (in < 0)
			cli_err("%s: cannot write %s: %s", cmd,
				cli_path(q, sizeof q, path), strerror(errno));
		else
			cli_err("%s: refusing to write %s into the registry "
				"directory (a file there would go into the "
				"registry's commits): choose a path outside it",
				cmd, cli_path(q, sizeof q, path));
		rc = EXIT_USAGE;
	}
	free(dir);
	return rc;
}

int cli_write_output(const char *path, const char *data, size_t len,
		     int force)
{
	char q[512];
	if (!path || strcmp(path, "-") == 0) {
		/* a failed write sets stdout's error flag: main's
		 * close_stdout reports it once, with the reason */
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout)) {
			cli_stdout_errno = errno;
			return EXIT_USAGE;
		}
		return EXIT_OK;
	}
	/* the rename below would replace a device, a FIFO or a symbolic
	 * link with a regular file: refused unless --force */
	struct stat st;
	const char *odd = lstat(path, &st) == 0 ? odd_target(&st) : NULL;
	if (odd && S_ISDIR(st.st_mode)) {
		cli_err("cannot write %s: it is a directory",
			cli_path(q, sizeof q, path));
		return EXIT_USAGE;
	}
	if (odd && force <= 0) {
		cli_err("refusing to replace %s: it is %s, not a regular file%s",
			cli_path(q, sizeof q, path), odd,
			force < 0 ? "" : " (give --force to write into it)");
		return EXIT_USAGE;
	}
	if (odd)
		return write_in_place(path, data, len);
	/* a temporary file beside the target, created by mkstemp (O_EXCL: a
	 * name planted in a shared directory cannot redirect the write),
	 * renamed over the target once complete */
	size_t n = strlen(path);
	char *tmp = malloc(n + 16);
	if (!tmp) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!f) {
		cli_err("cannot write %s: %s", cli_path(q, sizeof q, path),
			strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return EXIT_USAGE;
	}
	int bad = fwrite(data, 1, len, f) != len;
	bad |= fflush(f) != 0;
	bad |= fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	/* mkstemp makes the file 0600: give it the usual mode */
	mode_t mask = umask(0);
	umask(mask);
	bad |= chmod(tmp, 0666 & ~mask) != 0;
	if (bad || rename(tmp, path) != 0) {
		cli_err("cannot write %s: %s", cli_path(q, sizeof q, path),
			strerror(errno));
		unlink(tmp);
		free(tmp);
		return EXIT_USAGE;
	}
	free(tmp);
	return EXIT_OK;
}

int cli_format_parse(const char *cmd, const char *arg, int *fmt)
{
	static const char *const names[] = {"text", "md", "json"};
	for (int f = FMT_TEXT; f <= FMT_JSON; f++)
		if (strcmp(arg, names[f]) == 0) {
			*fmt = f;
			return 0;
		}
	cli_err("%s: unknown format '%s' (use text, md or json)", cmd, arg);
	return -1;
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void cli_regions_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int cli_regions(const govmap_registry *reg, char ***out, size_t *nout)
{
	size_t n = govmap_registry_count(reg), k = 0, cap = 0;
	char **v = NULL;
	*out = NULL;
	*nout = 0;
	for (size_t i = 0; i < n; i++) {
		const char *r = govmap_registry_at(reg, i)->region;
		for (size_t j = 0; r; j++) {
			if (r[j] != '/' && r[j] != '\0')
				continue;
			if (k == cap) {
				cap = cap ? cap * 2 : 256;
				char **nv = realloc(v, cap * sizeof(*v));
				if (!nv) {
					cli_regions_free(v, k);
					return -1;
				}
				v = nv;
			}
			if (!(v[k] = strndup(r, j))) {
				cli_regions_free(v, k);
				return -1;
			}
			k++;
			if (!r[j])
				break;
		}
	}
	if (k)
		qsort(v, k, sizeof(*v), by_str);
	size_t u = 0;
	for (size_t i = 0; i < k; i++) {
		if (u && strcmp(v[i], v[u - 1]) == 0) {
			free(v[i]);
			continue;
		}
		v[u++] = v[i];
	}
	*out = v;
	*nout = u;
	return 0;
}

const char *cli_years_hint(const govmap_report_totals *t, char *buf,
			   size_t size)
{
	if (!size)
		return buf;
	buf[0] = '\0';
	if (!t->unknown_other_year)
		return buf;
	int n = snprintf(buf, size, "--nearest-year uses each body's nearest "
				    "year (marked as such)");
	if (n > 0 && (size_t)n < size && t->years[0] &&
	    t->years_bodies[0] > t->with_money) {
		char my[16];
		govmap_fyear_format(my, sizeof my, t->years[0]);
		snprintf(buf + n, size - (size_t)n,
			 "; --on %04d-03-31 shows %s", (int)t->years[0] + 1,
			 my);
	}
	size_t len = strlen(buf);
	if (len + 1 < size) {
		buf[len] = '.';
		buf[len + 1] = '\0';
	}
	return buf;
}
