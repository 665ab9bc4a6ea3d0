/*
 * cmd_site.c - `govmap site -o DIR`: a self-contained static site for
 * scrutiny committees (site.h lists the files that build it).
 *
 * Owns the command's options, the output directory's safety (never in
 * or under the registry; never over a non-empty directory that is not a
 * govmap site; a symbolic link only with --force), and building the
 * site in a temporary directory beside DIR that is swapped in by rename
 * once complete: an interrupted (SIGINT, SIGTERM, SIGHUP) or failed run
 * removes its temporary directory and leaves the previous site as it
 * was.  Must not write anything outside DIR and its temporary sibling,
 * or change the model.
 */
#define _GNU_SOURCE /* renameat2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "govmap/pluginhost.h"
#include "site.h"
#include "cli_vcs.h"

#define MARKER ".govmap-site"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] site -o DIR [--force] "
	      "[--history N]\n"
	      "                                   [--since DATE] [--no-pdf]\n"
	      "\n"
	      "Write a static web site for scrutiny committees into DIR: the "
	      "national\n"
	      "map and headline figures (index.html), a page per region and "
	      "footprint\n"
	      "(map, bodies ranked by exposure, findings), a page per body "
	      "(its chain\n"
	      "to voters, findings, questions for a committee, sources, "
	      "history), the\n"
	      "rules with their legal basis, a glossary and search.  No "
	      "page loads\n"
	      "anything from the network; open DIR/index.html in a browser, "
	      "or print\n"
	      "any page (A4 or A3).  A map whose text would print under 8 "
	      "pt on one\n"
	      "page has a PDF beside its page that prints it on sheets of A4 "
	      "at 8 pt\n"
	      "or more, after a key page (as map --paper a4).\n"
	      "\n"
	      "DIR is created if missing.  It must not be inside the "
	      "registry, and a\n"
	      "directory that is not empty must be an earlier govmap site "
	      "(pages it no\n"
	      "longer has are removed).  The site is built in a temporary "
	      "directory\n"
	      "beside DIR and swapped in when complete: an interrupted or "
	      "failed run\n"
	      "leaves the previous site as it was.\n"
	      "\n"
	      "  -o, --output DIR  where to write the site\n"
	      "  --force           DIR may be a symbolic link (to a "
	      "directory): the site\n"
	      "                    is written where it leads\n"
	      "  --history N       score the bodies at each of the N latest "
	      "commits that\n"
	      "                    changed the registry, for their history "
	      "(default 100;\n"
	      "                    0: no history)\n"
	      "  --since DATE      add then-and-now pages: what was created, "
	      "abolished\n"
	      "                    or changed in chain strength between DATE "
	      "and\n"
	      "                    the --on date, per area (its maps on both "
	      "dates side\n"
	      "                    by side) and on each body's page "
	      "(changes/index.html)\n"
	      "  --no-pdf          no printable PDFs of the maps (a faster "
	      "build; the\n"
	      "                    pages give the map --paper command "
	      "instead)\n"
	      "  -h, --help        show this help\n",
	      f);
}

/* ---- the output directory ---- */

static int inside(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1 && dir[0] == '/')
		return 1;
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Would creating `p` (which does not exist) put it inside `reg`? */
static int would_be_inside(const char *p, const char *reg)
{
	char parent[PATH_MAX], real[PATH_MAX], full[2 * PATH_MAX + 2];
	snprintf(parent, sizeof parent, "%s", p);
	char *slash = strrchr(parent, '/');
	const char *base = p;
	if (slash == parent) {
		parent[1] = '\0';
		base = p + 1;
	} else if (slash) {
		*slash = '\0';
		base = slash + 1;
	} else {
		strcpy(parent, ".");
	}
	if (!realpath(parent, real))
		return 1; /* cannot tell: refuse */
	snprintf(full, sizeof full, "%s/%s", real, base);
	return inside(full, reg);
}

/* mkdir -p of DIR's parents, refusing any directory inside the
 * registry.  Prints. */
static int make_dir(const char *dir, const char *reg)
{
	char p[PATH_MAX];
	size_t n = strlen(dir);
	if (n == 0 || n >= sizeof p) {
		cli_err("site: '%s' is not a usable directory name", dir);
		return -1;
	}
	memcpy(p, dir, n + 1);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	for (size_t i = 1; i <= n; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		char save = p[i];
		p[i] = '\0';
		struct stat st;
		if (stat(p, &st) == 0) {
			if (!S_ISDIR(st.st_mode)) {
				cli_err("site: '%s' exists and is not a directory",
					p);
				return -1;
			}
		} else if (errno == ENOENT) {
			if (would_be_inside(p, reg)) {
				cli_err("site: refusing to write into the "
					"registry directory: '%s' would be "
					"inside it", dir);
				return -1;
			}
			/* DIR itself is the built site, renamed into place */
			if (i < n && mkdir(p, 0777) != 0 && errno != EEXIST) {
				cli_err("site: cannot create '%s': %s", p,
					strerror(errno));
				return -1;
			}
		} else {
			cli_err("site: cannot use '%s': %s", p, strerror(errno));
			return -1;
		}
		p[i] = save;
	}
	return 0;
}

/* DIR's parents made, DIR (when it exists) checked: not in the registry,
 * empty or an earlier site.  Prints. */
static int prepare_dir(const char *dir, const char *registry)
{
	char reg[PATH_MAX], real[PATH_MAX], q[PATH_MAX];
	if (!realpath(registry, reg)) {
		cli_err("site: cannot resolve the registry path '%s': %s",
			cli_path(q, sizeof q, registry), strerror(errno));
		return -1;
	}
	if (make_dir(dir, reg) < 0)
		return -1;
	if (!realpath(dir, real))
		return errno == ENOENT ? 0 : -1; /* new: created by the swap */
	if (inside(real, reg)) {
		cli_err("site: refusing to write into the registry directory "
			"('%s' is inside '%s'): choose another -o DIR",
			cli_path(q, sizeof q, dir), registry);
		return -1;
	}
	/* not empty?  then it must be a site we wrote before */
	DIR *d = opendir(real);
	if (!d) {
		cli_err("site: cannot read '%s': %s", cli_path(q, sizeof q, dir),
			strerror(errno));
		return -1;
	}
	int empty = 1, marker = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		empty = 0;
		marker |= strcmp(de->d_name, MARKER) == 0;
	}
	closedir(d);
	if (!empty && !marker) {
		cli_err("site: '%s' is not empty and is not a govmap site (no "
			"%s file): choose a new or empty directory",
			cli_path(q, sizeof q, dir), MARKER);
		return -1;
	}
	return 0;
}

/* ---- the temporary directory, the swap, the signals ---- */

static char tmp_dir[PATH_MAX];        /* being built, "" when none */
static volatile sig_atomic_t stop_sig; /* the signal that stopped us */

static void on_signal(int sig)
{
	stop_sig = sig;
}

static void catch_signals(void (*fn)(int))
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = fn;
		sa.sa_flags = SA_RESTART;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

static int rm_entry(const char *p, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	int r = flag == FTW_DP || flag == FTW_DNR ? rmdir(p) : unlink(p);
	return r != 0 && errno != ENOENT ? -1 : 0;
}

/* rm -r, never following a symbolic link. */
static int rm_tree(const char *p)
{
	return nftw(p, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* A new directory beside `dir` (".NAME.govmap-tmp-XXXXXX" in the same
 * parent, so that rename can swap them) with the site's subdirectories,
 * named in tmp_dir.  Prints. */
static int make_tmp(const char *dir)
{
	char d[PATH_MAX], q[PATH_MAX];
	size_t n = strlen(dir);
	if (n >= sizeof d)
		n = sizeof d - 1;
	memcpy(d, dir, n);
	d[n] = '\0';
	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	char *slash = strrchr(d, '/');
	const char *base = slash ? slash + 1 : d;
	int w = slash ? snprintf(tmp_dir, sizeof tmp_dir,
				 "%.*s/.%s.govmap-tmp-XXXXXX",
				 (int)(slash - d), d, base)
		      : snprintf(tmp_dir, sizeof tmp_dir,
				 ".%s.govmap-tmp-XXXXXX", base);
	if (w < 0 || (size_t)w >= sizeof tmp_dir || !mkdtemp(tmp_dir)) {
		cli_err("site: cannot create a temporary directory beside "
			"'%s': %s", cli_path(q, sizeof q, dir),
			w < 0 || (size_t)w >= sizeof tmp_dir
				? strerror(ENAMETOOLONG)
				: strerror(errno));
		tmp_dir[0] = '\0';
		return -1;
	}
	/* mkdtemp makes it 0700: give it the usual mode */
	mode_t mask = umask(0);
	umask(mask);
	chmod(tmp_dir, 0777 & ~mask);
	static const char *const subdirs[] = {"assets", "bodies", "changes",
					      "councils", "regions", "rules"};
	for (size_t i = 0; i < sizeof subdirs / sizeof *subdirs; i++) {
		char p[PATH_MAX + 16];
		snprintf(p, sizeof p, "%s/%s", tmp_dir, subdirs[i]);
		if (mkdir(p, 0777) != 0) {
			cli_err("site: cannot create '%s': %s",
				cli_path(q, sizeof q, p), strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* The built site (tmp_dir) becomes DIR: one atomic exchange when DIR
 * exists (the old site then sits at tmp_dir and is removed), one rename
 * when it does not.  Prints. */
static int swap_in(const char *dir)
{
	char q[PATH_MAX];
	struct stat st;
	int r;
	if (lstat(dir, &st) != 0 && errno == ENOENT) {
		r = rename(tmp_dir, dir);
		if (r == 0)
			tmp_dir[0] = '\0'; /* nothing left to remove */
	} else {
		r = renameat2(AT_FDCWD, tmp_dir, AT_FDCWD, dir,
			      RENAME_EXCHANGE);
		if (r != 0 && (errno == EINVAL || errno == ENOSYS)) {
			/* a file system without the exchange: DIR is
			 * moved aside, then the new site in */
			char old[PATH_MAX + 16];
			snprintf(old, sizeof old, "%s.old", tmp_dir);
			r = rename(dir, old);
			if (r == 0 && (r = rename(tmp_dir, dir)) != 0)
				rename(old, dir);
			if (r == 0)
				rename(old, tmp_dir);
		}
	}
	if (r != 0) {
		cli_err("site: cannot move the new site into '%s': %s",
			cli_path(q, sizeof q, dir), strerror(errno));
		return -1;
	}
	return 0;
}

int site_write(site_ctx *c, const char *rel, site_buf *b)
{
	int rc = 0;
	char path[PATH_MAX];
	if (c->failed || stop_sig) {
		rc = -1; /* stopped: write nothing more */
	} else if (b->oom) {
		cli_err("site: out of memory writing %s", rel);
		rc = -1;
	} else {
		snprintf(path, sizeof path, "%s/%s", c->dir, rel);
		if (cli_write_output(path, b->s ? b->s : "", b->n, 0) !=
		    EXIT_OK)
			rc = -1;
	}
	if (rc == 0 && c->nwritten == c->capwritten) {
		size_t cap = c->capwritten ? 2 * c->capwritten : 256;
		char **v = realloc(c->written, cap * sizeof(*v));
		if (v) {
			c->written = v;
			c->capwritten = cap;
		}
	}
	if (rc == 0 && c->nwritten < c->capwritten)
		c->written[c->nwritten++] = strdup(rel);
	if (rc)
		c->failed = 1;
	sb_free(b);
	return rc;
}

static int write_lines(site_ctx *c, const char *rel,
		       const char *const *lines)
{
	site_buf b = {0};
	for (; *lines; lines++) {
		sb_put(&b, *lines);
		sb_put(&b, "\n");
	}
	return site_write(c, rel, &b);
}

/* ---- what the pages share ---- */

static int by_str(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_region(site_ctx *c, size_t *cap, const char *r, size_t n)
{
	for (size_t i = 0; i < c->nregions; i++)
		if (strlen(c->regions[i]) == n && strncmp(c->regions[i], r, n) == 0)
			return 0;
	if (c->nregions == *cap) {
		size_t nc = *cap ? 2 * *cap : 64;
		char **v = realloc(c->regions, nc * sizeof(*v));
		if (!v)
			return -1;
		c->regions = v;
		*cap = nc;
	}
	char *s = malloc(n + 1);
	if (!s)
		return -1;
	memcpy(s, r, n);
	s[n] = '\0';
	c->regions[c->nregions++] = s;
	return 0;
}

static int collect_regions(site_ctx *c)
{
	size_t cap = 0, n = govmap_registry_count(c->s->reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, i);
		if (e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD)
			continue;
		const char *r = site_entity_region(c, i);
		if (!r || !site_region_ok(r))
			continue;
		for (const char *p = r;; p++) {
			if ((*p == '/' || !*p) &&
			    add_region(c, &cap, r, (size_t)(p - r)) < 0)
				return -1;
			if (!*p)
				break;
		}
	}
	if (c->nregions)
		govmap_sort(c->regions, c->nregions, sizeof(*c->regions), by_str, NULL);
	return 0;
}

static int by_exposure(const void *a, const void *b, void *ctx)
{
	const site_ctx *rank_ctx = ctx;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const govmap_score *sx = govmap_analysis_score(rank_ctx->s->an, x);
	const govmap_score *sy = govmap_analysis_score(rank_ctx->s->an, y);
	if (sx->exposure != sy->exposure)
		return sx->exposure > sy->exposure ? -1 : 1;
	if (sx->D != sy->D)
		return sx->D > sy->D ? -1 : 1;
	return strcmp(govmap_registry_at(rank_ctx->s->reg, x)->id,
		      govmap_registry_at(rank_ctx->s->reg, y)->id);
}

static double variant_weight(const char *type, void *payload)
{
	double w;
	if (payload && govmap_plugins_link_strength(payload, type, &w))
		return w;
	return -1;
}

/* The registry under each documented variation of the model, once, for
 * the robustness line beside every ranking. */
static int analyse_variants(site_ctx *c)
{
	size_t nv;
	const govmap_variant *v = govmap_sensitivity_variants(&nv);
	c->variants = calloc(nv, sizeof(*c->variants));
	if (!c->variants)
		return -1;
	for (size_t i = 0; i < nv; i++) {
		/* around the weights in use (a manifest's override) */
		govmap_variant around = govmap_variant_around(
			govmap_registry_weights(c->s->reg), &v[i]);
		govmap_analysis_opts o = {
			govmap_analysis_date(c->s->an), variant_weight,
			c->cli->plugins,
			c->cli->nearest_year ? GOVMAP_MONEY_NEAREST_YEAR
					     : GOVMAP_MONEY_THIS_YEAR,
			&around};
		if (govmap_analyse(&c->variants[i], c->s->reg, &o) != GOVMAP_OK)
			return -1;
		c->nvariants++;
	}
	return 0;
}

/* The day before d (yyyymmdd), across months and years. */
static govmap_date day_before(govmap_date d)
{
	int y = d / 10000, m = d / 100 % 100, day = d % 100;
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (--day >= 1)
		return y * 10000 + m * 100 + day;
	if (--m < 1) {
		m = 12;
		y--;
	}
	day = len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	return y * 10000 + m * 100 + day;
}

/* An ended body's page shows its scores on its last day in force: the
 * registry analysed once on each such day. */
static int analyse_last_days(site_ctx *c)
{
	govmap_date on = govmap_analysis_date(c->s->an);
	size_t n = govmap_registry_count(c->s->reg), cap = 0;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, i);
		if ((e->kind != GOVMAP_KIND_BODY && e->kind != GOVMAP_KIND_BOARD) ||
		    !e->valid.to || e->valid.to > on ||
		    (e->valid.from && e->valid.from >= e->valid.to))
			continue;
		govmap_date day = day_before(e->valid.to);
		int have = 0;
		for (size_t k = 0; k < c->nlastday && !have; k++)
			have = c->lastday[k].day == day;
		if (have)
			continue;
		if (c->nlastday == cap) {
			size_t nc = cap ? 2 * cap : 16;
			struct site_lastday *v = realloc(c->lastday, nc * sizeof(*v));
			if (!v)
				return -1;
			c->lastday = v;
			cap = nc;
		}
		govmap_analysis_opts o = {
			day, variant_weight, c->cli->plugins,
			c->cli->nearest_year ? GOVMAP_MONEY_NEAREST_YEAR
					     : GOVMAP_MONEY_THIS_YEAR,
			govmap_registry_weights(c->s->reg)};
		govmap_analysis *an = NULL;
		if (govmap_analyse(&an, c->s->reg, &o) != GOVMAP_OK)
			return -1;
		c->lastday[c->nlastday++] = (struct site_lastday){day, an};
	}
	return 0;
}

const govmap_analysis *site_last_day(const site_ctx *c, size_t i,
				     govmap_date *day)
{
	const govmap_entity *e = govmap_registry_at(c->s->reg, i);
	if (!e->valid.to || e->valid.to > govmap_analysis_date(c->s->an))
		return NULL;
	govmap_date d = day_before(e->valid.to);
	for (size_t k = 0; k < c->nlastday; k++)
		if (c->lastday[k].day == d) {
			*day = d;
			return c->lastday[k].an;
		}
	return NULL;
}

static int collect(site_ctx *c)
{
	size_t n = govmap_registry_count(c->s->reg);
	c->ranked = malloc((n ? n : 1) * sizeof(*c->ranked));
	if (!c->ranked)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(c->s->reg, i);
		const govmap_score *sc = govmap_analysis_score(c->s->an, i);
		if ((e->kind == GOVMAP_KIND_BODY || e->kind == GOVMAP_KIND_BOARD) &&
		    sc->active && !sc->electorate)
			c->ranked[c->nranked++] = i;
	}
	if (analyse_variants(c) < 0 || analyse_last_days(c) < 0)
		return -1;
	govmap_sort(c->ranked, c->nranked, sizeof(*c->ranked), by_exposure, (void *)c);
	size_t ncore = 0;
	const govmap_rule_info *core = govmap_core_rules(&ncore);
	size_t nplug = govmap_plugins_nrules(c->cli->plugins);
	c->rules = malloc((ncore + nplug + 1) * sizeof(*c->rules));
	if (!c->rules)
		return -1;
	for (size_t i = 0; i < ncore; i++)
		c->rules[c->nrules++] = &core[i];
	/* plugin rules: those of the plugins the manifest names, the ones
	 * that ran */
	for (size_t i = 0; i < nplug; i++) {
		const govmap_rule_info *r = govmap_plugins_rule(c->cli->plugins, i);
		const char *slash = r && r->id ? strchr(r->id, '/') : NULL;
		for (size_t k = 0; slash && k < govmap_registry_nplugins(c->s->reg); k++) {
			const char *p = govmap_registry_plugin(c->s->reg, k);
			if (p && strlen(p) == (size_t)(slash - r->id) &&
			    strncmp(p, r->id, (size_t)(slash - r->id)) == 0) {
				c->rules[c->nrules++] = r;
				break;
			}
		}
	}
	return collect_regions(c);
}

static void ctx_free(site_ctx *c)
{
	govmap_diff_free(c->since);
	if (c->then)
		cli_close(c->then);
	site_history_free(c);
	for (size_t i = 0; i < c->nregions; i++)
		free(c->regions[i]);
	free(c->regions);
	for (size_t i = 0; i < c->nwritten; i++)
		free(c->written[i]);
	free(c->written);
	free(c->rules);
	free(c->ranked);
	for (size_t i = 0; i < c->nvariants; i++)
		govmap_analysis_free(c->variants[i]);
	free(c->variants);
	for (size_t i = 0; i < c->nlastday; i++)
		govmap_analysis_free(c->lastday[i].an);
	free(c->lastday);
}


int cmd_site(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"history", required_argument, NULL, 'H'},
		{"force", no_argument, NULL, 'W'},
		{"since", required_argument, NULL, 'S'},
		{"no-pdf", no_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *dir = NULL;
	char linked[PATH_MAX], q[PATH_MAX];
	int force = 0, no_pdf = 0;
	unsigned long history = 100;
	govmap_date since = 0;
	char *end;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, "ho:", opts, "site")) != -1) {
		switch (c) {
		case 'o': dir = optarg; break;
		case 'W': force = 1; break;
		case 'P': no_pdf = 1; break;
		case 'H':
			history = strtoul(optarg, &end, 10);
			if (*end || !*optarg || history > 100000) {
				cli_err("site: --history must be a number from "
					"0 to 100000");
				return EXIT_USAGE;
			}
			break;
		case 'S':
			if (cli_date_arg(&since, "site: --since", optarg) !=
			    EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("site: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	if (!dir || !*dir) {
		cli_err("site: give the output directory with -o DIR");
		usage(stderr);
		return EXIT_USAGE;
	}
	/* the swap would replace a symbolic link with a directory: refused,
	 * or with --force followed */
	struct stat lst;
	if (lstat(dir, &lst) == 0 && S_ISLNK(lst.st_mode)) {
		if (!force) {
			cli_err("site: refusing to replace %s: it is a "
				"symbolic link (give --force to write where it "
				"leads)", cli_path(q, sizeof q, dir));
			return EXIT_USAGE;
		}
		if (!realpath(dir, linked)) {
			cli_err("site: cannot resolve %s: %s",
				cli_path(q, sizeof q, dir), strerror(errno));
			return EXIT_USAGE;
		}
		dir = linked;
	}
	cli_session s;
	int rc = cli_open(cli, &s);
	if (rc != EXIT_OK)
		return rc;
	cli_warn_unread(cli, &s, NULL); /* a .yml file not read */
	if (prepare_dir(dir, cli->registry) < 0) {
		cli_close(&s);
		return EXIT_USAGE;
	}
	site_ctx ctx = {0};
	ctx.cli = cli;
	ctx.s = &s;
	ctx.no_pdf = no_pdf;
	govmap_date_format(ctx.date, govmap_analysis_date(s.an));
	/* --since: the same registry on the earlier date, compared by the
	 * library (compare.h) */
	cli_session then;
	if (since) {
		govmap_date on = govmap_analysis_date(s.an);
		if (since >= on) {
			char a[11];
			govmap_date_format(a, since);
			cli_err("site: --since %s is not before the --on date %s",
				a, ctx.date);
			cli_close(&s);
			return EXIT_USAGE;
		}
		rc = cli_open_on(cli, &then, since);
		if (rc != EXIT_OK) {
			cli_close(&s);
			return rc;
		}
		ctx.then = &then;
		govmap_date_format(ctx.since_date, since);
		govmap_compare_opts co = GOVMAP_COMPARE_OPTS_INIT;
		co.what = GOVMAP_COMPARE_SCORES;
		if (govmap_diff_sessions(&ctx.since, then.gs, s.gs, &co) !=
		    GOVMAP_OK) {
			cli_err("site: out of memory");
			cli_close(&then);
			cli_close(&s);
			return EXIT_USAGE;
		}
	}
	if (!history)
		snprintf(ctx.hist_note, sizeof ctx.hist_note,
			 "the site was built with --history 0");
	if (collect(&ctx) < 0 ||
	    (history && site_history_collect(&ctx, history) < 0)) {
		cli_err("site: out of memory");
		ctx_free(&ctx);
		cli_close(&s);
		return EXIT_USAGE;
	}
	/* from here on a signal stops the build and removes tmp_dir */
	stop_sig = 0;
	catch_signals(on_signal);
	if (make_tmp(dir) < 0)
		ctx.failed = 1;
	ctx.dir = tmp_dir;
	write_lines(&ctx, "assets/site.css", site_css());
	write_lines(&ctx, "assets/site.js", site_js());
	write_lines(&ctx, "assets/svg-pan-zoom.js", site_panzoom());
	write_lines(&ctx, "assets/svg-pan-zoom-LICENSE.txt",
		    site_panzoom_licence());
	write_lines(&ctx, "assets/favicon.svg", site_favicon());
	if (!ctx.failed)
		site_write_index(&ctx);
	if (!ctx.failed)
		site_write_regions(&ctx);
	if (!ctx.failed)
		site_write_briefs(&ctx);
	if (!ctx.failed)
		site_write_bodies(&ctx);
	if (!ctx.failed)
		site_write_bodies_az(&ctx);
	if (!ctx.failed)
		site_write_councils(&ctx);
	if (!ctx.failed)
		site_write_rules(&ctx);
	if (!ctx.failed)
		site_write_glossary(&ctx);
	if (!ctx.failed)
		site_write_search(&ctx);
	if (!ctx.failed)
		site_write_since(&ctx);
	if (!ctx.failed) {
		site_buf m = {0};
		sb_put(&m, "This directory was written by govmap site; "
			   "govmap site may overwrite it.\n");
		site_write(&ctx, MARKER, &m);
	}
	if (!ctx.failed && !stop_sig && swap_in(dir) < 0)
		ctx.failed = 1;
	/* the old site (after the swap) or the unfinished new one */
	if (tmp_dir[0] && rm_tree(tmp_dir) != 0 && !stop_sig)
		cli_err("site: could not remove '%s': %s",
			cli_path(q, sizeof q, tmp_dir), strerror(errno));
	tmp_dir[0] = '\0';
	if (stop_sig) {
		/* die of the signal, as the user asked */
		int sig = stop_sig;
		ctx_free(&ctx);
		cli_close(&s);
		catch_signals(SIG_DFL);
		raise(sig);
		return EXIT_USAGE;
	}
	catch_signals(SIG_DFL);
	if (!ctx.failed) {
		size_t pages = 0;
		for (size_t i = 0; i < ctx.nwritten; i++) {
			size_t n = strlen(ctx.written[i]);
			pages += n > 5 && strcmp(ctx.written[i] + n - 5, ".html") == 0;
		}
		printf("govmap: site: %zu pages (%zu regions, %zu rules) written "
		       "to %s%s\n",
		       pages, ctx.nregions, ctx.nrules,
		       cli_path(q, sizeof q, dir),
		       ctx.map_failures ? "; some maps were left out (see "
					  "the warnings)"
					: "");
		printf("open %s/index.html in a browser\n",
		       cli_path(q, sizeof q, dir));
	}
	rc = ctx.failed ? EXIT_USAGE : EXIT_OK;
	ctx_free(&ctx);
	cli_close(&s);
	return rc;
}
