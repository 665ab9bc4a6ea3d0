/*
 * plugin_host.c - the plugin host: search path, loading, the host table,
 * running rules in forked children.
 *
 * Owns the govmap_plugins set and everything about a plugin's life: which
 * files are opened (absolute paths, safe permissions), the checks a
 * descriptor must pass before init() is called, and the isolation of rule
 * runs (fork per plugin, a wall-clock limit per rule enforced by the
 * parent with poll(), RLIMIT_CPU as a backstop, findings serialised over
 * a pipe).  It never prints and never exits (except in the child, with
 * _exit); it does not judge the registry itself: rules do.
 *
 * Accepted plugins are never dlclose'd (RELIABILITY.md section 5).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "govmap/pluginhost.h"
#include "govmap/registry.h"
#include "registry_impl.h"
#include "util.h"

#define MAX_LIST 1024        /* entries per descriptor array */
#define MAX_MSG 1000         /* bytes of a finding's message */
#define MAX_PER_RULE 10000   /* findings per rule run */
#define DEFAULT_TIMEOUT 10   /* seconds per rule */

typedef struct {
	char *path;   /* absolute */
	char *origin; /* "--plugin-path", "$GOVMAP_PLUGIN_PATH", ... */
	int exists;
} pdir;

typedef struct {
	const govmap_plugin *d; /* borrowed from the plugin */
	char *path;             /* absolute, real path */
	char *stem;             /* file name without .so */
	size_t nrules;
} pentry;

typedef struct {
	char *stem, *path, *reason;
} prefused;

typedef struct {
	char *path, *winner;
} pshadow;

struct govmap_plugins {
	pdir *dirs;
	size_t ndirs, capdirs;
	pentry *p;
	size_t n, cap;
	prefused *ref;
	size_t nref, capref;
	pshadow *sh;
	size_t nsh, capsh;
	char **stems; /* file stems seen (accepted or not), for shadowing */
	char **stem_paths;
	size_t nstems, capstems, capstem_paths;
	const char **body, **board, **link; /* NULL-terminated or NULL */
	govmap_rule_info *rules;
	char **rule_ids;
	size_t nrules;
	unsigned timeout;
};

/* ------------------------------------------------------------------ */
/* The host table: read-only accessors over the registry.              */

struct govmap_rule_ctx {
	const govmap_registry *reg;
	govmap_date on;
	const pentry *pe;
	size_t rule;     /* index of the running rule */
	int fd;          /* the pipe to the parent */
	size_t nreported;
};

static const govmap_entity *ent(const govmap_rule_ctx *c, int32_t e)
{
	if (!c || e < 0 || (size_t)e >= govmap_registry_count(c->reg))
		return NULL;
	return govmap_registry_at(c->reg, (size_t)e);
}

static const govmap_entity *entk(const govmap_rule_ctx *c, int32_t e,
				 govmap_kind k)
{
	const govmap_entity *x = ent(c, e);
	return x && x->kind == k ? x : NULL;
}

static const govmap_seat *seat(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x && s < x->nseats ? &x->seats[s] : NULL;
}

static govmap_date h_on(const govmap_rule_ctx *c) { return c ? c->on : 0; }
static int h_in_force(const govmap_rule_ctx *c, govmap_period p)
{
	return govmap_period_contains(p, c ? c->on : 0);
}
static int32_t h_entity_count(const govmap_rule_ctx *c)
{
	return c ? (int32_t)govmap_registry_count(c->reg) : 0;
}
static int32_t h_find(const govmap_rule_ctx *c, const char *id)
{
	return c && id ? govmap_registry_index(c->reg, id) : -1;
}
static govmap_kind h_kind(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x ? x->kind : GOVMAP_KIND__COUNT;
}
#define STR_GETTER(fn, field)                                               \
	static const char *fn(const govmap_rule_ctx *c, int32_t e)          \
	{                                                                   \
		const govmap_entity *x = ent(c, e);                         \
		return x ? x->field : NULL;                                 \
	}
STR_GETTER(h_id, id)
STR_GETTER(h_name, name)
STR_GETTER(h_type, type)
STR_GETTER(h_region, region)
STR_GETTER(h_statutory_basis, statutory_basis)

static govmap_period h_valid(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	govmap_period z = {0, 0};
	return x ? x->valid : z;
}
static const char *h_code(const govmap_rule_ctx *c, int32_t e,
			  const char *scheme)
{
	const govmap_entity *x = ent(c, e);
	return x && scheme ? govmap_entity_code(x, scheme) : NULL;
}
static size_t h_source_count(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x ? x->nsources : 0;
}
/* The money of the financial year of the rules' date, never another
 * year's: what the analysis uses by default. */
static govmap_money_figure money_now(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	govmap_money_figure f;
	govmap_entity_money(x && (x->kind == GOVMAP_KIND_BODY ||
				  x->kind == GOVMAP_KIND_BOARD)
				    ? x
				    : NULL,
			    c ? c->on : 0, GOVMAP_MONEY_THIS_YEAR, &f);
	return f;
}
static int64_t h_spend_gbp(const govmap_rule_ctx *c, int32_t e)
{
	return money_now(c, e).gbp;
}
static int32_t h_money_year(const govmap_rule_ctx *c, int32_t e)
{
	return money_now(c, e).year;
}
static govmap_post h_seat_post(const govmap_rule_ctx *c, int32_t e,
			       size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->post : GOVMAP_POST_UNSET;
}
static govmap_tristate h_meets_in_public(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x && (x->kind == GOVMAP_KIND_BODY ||
		     x->kind == GOVMAP_KIND_BOARD) ? x->meets_in_public
						   : GOVMAP_UNKNOWN;
}
static int32_t h_replaces(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x && x->replaces.id ? x->replaces.target : -1;
}
static int32_t h_succeeded_by(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = ent(c, e);
	return x && x->succeeded_by.id ? x->succeeded_by.target : -1;
}
static int32_t h_board_of(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x && x->of.id ? x->of.target : -1;
}
static size_t h_board_joint_count(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x ? x->njoint : 0;
}
static int32_t h_board_joint(const govmap_rule_ctx *c, int32_t e, size_t i)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x && i < x->njoint ? x->joint[i].target : -1;
}
static size_t h_board_decides_count(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x ? x->ndecides : 0;
}
static const char *h_board_decides(const govmap_rule_ctx *c, int32_t e,
				   size_t i)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x && i < x->ndecides ? x->decides[i] : NULL;
}
static size_t h_seat_count(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_BOARD);
	return x ? x->nseats : 0;
}
static const char *h_seat_role(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->role : NULL;
}
static uint32_t h_seat_number(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->count : 0;
}
static govmap_fill h_seat_fill(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->fill : GOVMAP_FILL_UNSET;
}
static int32_t h_seat_by(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t && t->by.id ? t->by.target : -1;
}
static int32_t h_seat_approved_by(const govmap_rule_ctx *c, int32_t e,
				  size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t && t->approved_by.id ? t->approved_by.target : -1;
}
static govmap_tristate h_seat_elected_member(const govmap_rule_ctx *c,
					     int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->elected_member : GOVMAP_UNKNOWN;
}
static govmap_tristate h_seat_voting(const govmap_rule_ctx *c, int32_t e,
				     size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->voting : GOVMAP_UNKNOWN;
}
static uint32_t h_seat_vacant(const govmap_rule_ctx *c, int32_t e, size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	return t ? t->vacant : 0;
}
static govmap_period h_seat_valid(const govmap_rule_ctx *c, int32_t e,
				  size_t s)
{
	const govmap_seat *t = seat(c, e, s);
	govmap_period z = {0, 0};
	return t ? t->valid : z;
}
static int32_t h_link_from(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x && x->from.id ? x->from.target : -1;
}
static int32_t h_link_to(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x && x->to.id ? x->to.target : -1;
}
static govmap_basis h_link_basis(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x ? x->basis : GOVMAP_BASIS_UNSET;
}
static govmap_forum h_link_forum(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x ? x->forum : GOVMAP_FORUM_NONE;
}
static unsigned h_link_powers(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_LINK);
	return x ? x->powers : 0;
}
static int32_t h_contract_commissioner(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x && x->commissioner.id ? x->commissioner.target : -1;
}
static int32_t h_contract_provider(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x && x->provider.id ? x->provider.target : -1;
}
static int64_t h_contract_value_gbp(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->value_gbp : -1;
}
static govmap_date h_contract_start(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->start : 0;
}
static govmap_date h_contract_end(const govmap_rule_ctx *c, int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->end : 0;
}
static govmap_tristate h_contract_tendered(const govmap_rule_ctx *c,
					   int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->tendered : GOVMAP_UNKNOWN;
}
static govmap_tristate h_contract_published(const govmap_rule_ctx *c,
					    int32_t e)
{
	const govmap_entity *x = entk(c, e, GOVMAP_KIND_CONTRACT);
	return x ? x->published : GOVMAP_UNKNOWN;
}

/* The wire format from child to parent: a fixed header, then `len` bytes
 * of message for 'F' records.  Both ends are the same binary, so native
 * byte order is fine; the parent still checks every field. */
enum { REC_RULE = 'R', REC_FINDING = 'F', REC_END = 'E' };
typedef struct {
	uint8_t type;
	uint8_t sev;
	uint16_t pad;
	uint32_t rule;
	int32_t entity;
	uint32_t len;
} rec_hdr;

static int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void send_rec(int fd, uint8_t type, uint8_t sev, size_t rule,
		     int32_t entity, const char *msg, size_t len)
{
	char buf[sizeof(rec_hdr) + MAX_MSG + 1];
	rec_hdr h = {type, sev, 0, (uint32_t)rule, entity, (uint32_t)len};
	memcpy(buf, &h, sizeof h);
	if (len)
		memcpy(buf + sizeof h, msg, len);
	if (write_all(fd, buf, sizeof h + len) < 0)
		_exit(3); /* the parent is gone: nothing left to do */
}

static void h_report(govmap_rule_ctx *c, govmap_severity sev,
		     const char *rule_id, int32_t e, const char *fmt, ...)
{
	if (!c || !fmt)
		return;
	size_t r = c->rule;
	if (rule_id) {
		for (size_t i = 0; i < c->pe->nrules; i++)
			if (strcmp(c->pe->d->rules[i].id, rule_id) == 0) {
				r = i;
				break;
			}
	}
	if ((unsigned)sev > GOVMAP_SEV_ERROR)
		sev = GOVMAP_SEV_ERROR;
	if (!ent(c, e))
		e = -1;
	if (++c->nreported > MAX_PER_RULE) {
		if (c->nreported == MAX_PER_RULE + 1) {
			static const char m[] = "further findings of this rule "
						"were dropped (limit 10000)";
			send_rec(c->fd, REC_FINDING, GOVMAP_SEV_WARNING,
				 c->rule, -1, m, sizeof m - 1);
		}
		return;
	}
	char msg[MAX_MSG + 1];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	size_t len = (size_t)n < MAX_MSG ? (size_t)n : MAX_MSG;
	send_rec(c->fd, REC_FINDING, (uint8_t)sev, r, e, msg, len);
}

static const govmap_host host_table = {
	.abi_version = GOVMAP_PLUGIN_ABI_VERSION,
	.struct_size = sizeof(govmap_host),
	.on = h_on,
	.in_force = h_in_force,
	.entity_count = h_entity_count,
	.find = h_find,
	.kind = h_kind,
	.id = h_id,
	.name = h_name,
	.type = h_type,
	.region = h_region,
	.valid = h_valid,
	.code = h_code,
	.source_count = h_source_count,
	.statutory_basis = h_statutory_basis,
	.spend_gbp = h_spend_gbp,
	.meets_in_public = h_meets_in_public,
	.replaces = h_replaces,
	.succeeded_by = h_succeeded_by,
	.board_of = h_board_of,
	.board_joint_count = h_board_joint_count,
	.board_joint = h_board_joint,
	.board_decides_count = h_board_decides_count,
	.board_decides = h_board_decides,
	.seat_count = h_seat_count,
	.seat_role = h_seat_role,
	.seat_number = h_seat_number,
	.seat_fill = h_seat_fill,
	.seat_by = h_seat_by,
	.seat_approved_by = h_seat_approved_by,
	.seat_elected_member = h_seat_elected_member,
	.seat_voting = h_seat_voting,
	.seat_vacant = h_seat_vacant,
	.seat_valid = h_seat_valid,
	.link_from = h_link_from,
	.link_to = h_link_to,
	.link_basis = h_link_basis,
	.link_forum = h_link_forum,
	.link_powers = h_link_powers,
	.contract_commissioner = h_contract_commissioner,
	.contract_provider = h_contract_provider,
	.contract_value_gbp = h_contract_value_gbp,
	.contract_start = h_contract_start,
	.contract_end = h_contract_end,
	.contract_tendered = h_contract_tendered,
	.contract_published = h_contract_published,
	.report = h_report,
	.money_year = h_money_year,
	.seat_post = h_seat_post,
};

/* ------------------------------------------------------------------ */
/* The set and its search path.                                        */

int govmap_plugins_new(govmap_plugins **out)
{
	*out = calloc(1, sizeof(**out));
	if (!*out)
		return GOVMAP_ENOMEM;
	(*out)->timeout = DEFAULT_TIMEOUT;
	return GOVMAP_OK;
}

void govmap_plugins_free(govmap_plugins *ps)
{
	if (!ps)
		return;
	for (size_t i = ps->n; i-- > 0;) {
		ps->p[i].d->fini();
		free(ps->p[i].path);
		free(ps->p[i].stem);
	}
	for (size_t i = 0; i < ps->ndirs; i++) {
		free(ps->dirs[i].path);
		free(ps->dirs[i].origin);
	}
	for (size_t i = 0; i < ps->nref; i++) {
		free(ps->ref[i].stem);
		free(ps->ref[i].path);
		free(ps->ref[i].reason);
	}
	for (size_t i = 0; i < ps->nsh; i++) {
		free(ps->sh[i].path);
		free(ps->sh[i].winner);
	}
	for (size_t i = 0; i < ps->nstems; i++) {
		free(ps->stems[i]);
		free(ps->stem_paths[i]);
	}
	for (size_t i = 0; i < ps->nrules; i++)
		free(ps->rule_ids[i]);
	free(ps->rule_ids);
	free(ps->rules);
	free(ps->stems);
	free(ps->stem_paths);
	free(ps->sh);
	free(ps->ref);
	free(ps->dirs);
	free(ps->p);
	free(ps->body);
	free(ps->board);
	free(ps->link);
	free(ps);
}

void govmap_plugins_set_timeout(govmap_plugins *ps, unsigned seconds)
{
	if (seconds)
		ps->timeout = seconds;
}

/* An absolute, normalised path: realpath() when the path exists, else the
 * path made absolute against the working directory. */
static char *abs_path(const char *p)
{
	char *r = realpath(p, NULL);
	if (r)
		return r;
	if (p[0] == '/')
		return strdup(p);
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return strdup(p);
	return govmap__asprintf("%s/%s", cwd, p);
}

int govmap_plugins_add_dir(govmap_plugins *ps, const char *dir,
			   const char *origin)
{
	if (!dir || !*dir)
		return GOVMAP_OK;
	char *a = abs_path(dir);
	if (!a)
		return GOVMAP_ENOMEM;
	for (size_t i = 0; i < ps->ndirs; i++)
		if (strcmp(ps->dirs[i].path, a) == 0) {
			free(a);
			return GOVMAP_OK;
		}
	if (govmap__grow((void **)&ps->dirs, &ps->capdirs, ps->ndirs,
			 sizeof(*ps->dirs)) < 0) {
		free(a);
		return GOVMAP_ENOMEM;
	}
	struct stat st;
	pdir *d = &ps->dirs[ps->ndirs];
	d->path = a;
	d->origin = strdup(origin ? origin : "");
	d->exists = stat(a, &st) == 0 && S_ISDIR(st.st_mode);
	if (!d->origin) {
		free(a);
		return GOVMAP_ENOMEM;
	}
	ps->ndirs++;
	return GOVMAP_OK;
}

int govmap_plugins_add_default_dirs(govmap_plugins *ps)
{
	int rc;
	const char *env = getenv("GOVMAP_PLUGIN_PATH");
	if (env && *env) {
		char *copy = strdup(env), *save = NULL;
		if (!copy)
			return GOVMAP_ENOMEM;
		for (char *t = strtok_r(copy, ":", &save); t;
		     t = strtok_r(NULL, ":", &save))
			if ((rc = govmap_plugins_add_dir(
				     ps, t, "$GOVMAP_PLUGIN_PATH")) != GOVMAP_OK) {
				free(copy);
				return rc;
			}
		free(copy);
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash && (size_t)(slash - exe) + sizeof "/plugins" <
				     sizeof exe) {
			strcpy(slash, "/plugins");
			if ((rc = govmap_plugins_add_dir(ps, exe, "build tree")) !=
			    GOVMAP_OK)
				return rc;
		}
	}
	return govmap_plugins_add_dir(ps, GOVMAP_PLUGIN_DIR, "install dir");
}

size_t govmap_plugins_count(const govmap_plugins *ps) { return ps->n; }

const govmap_plugin *govmap_plugins_at(const govmap_plugins *ps, size_t i)
{
	return i < ps->n ? ps->p[i].d : NULL;
}

const char *govmap_plugins_path(const govmap_plugins *ps, size_t i)
{
	return i < ps->n ? ps->p[i].path : NULL;
}

const govmap_plugin *govmap_plugins_find(const govmap_plugins *ps,
					 const char *name)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->p[i].d->name, name) == 0)
			return ps->p[i].d;
	return NULL;
}

size_t govmap_plugins_ndirs(const govmap_plugins *ps) { return ps->ndirs; }

const char *govmap_plugins_dir(const govmap_plugins *ps, size_t i,
			       const char **origin, int *exists)
{
	if (i >= ps->ndirs)
		return NULL;
	if (origin)
		*origin = ps->dirs[i].origin;
	if (exists)
		*exists = ps->dirs[i].exists;
	return ps->dirs[i].path;
}

size_t govmap_plugins_nshadowed(const govmap_plugins *ps) { return ps->nsh; }

const char *govmap_plugins_shadowed(const govmap_plugins *ps, size_t i,
				    const char **winner)
{
	if (i >= ps->nsh)
		return NULL;
	if (winner)
		*winner = ps->sh[i].winner;
	return ps->sh[i].path;
}

/* ------------------------------------------------------------------ */
/* Loading one file.                                                   */

/* "lower-case kebab": [a-z0-9][a-z0-9-]*, at most 64 bytes. */
static int kebab(const char *s)
{
	size_t n = 0;
	if (!s || !*s || *s == '-')
		return 0;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') ||
		      (s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
			return 0;
	return n <= 64;
}

/* Count a NULL-terminated string list; -1 when too long or a name is not
 * kebab case (*bad set to it). */
static long count_names(const char *const *l, const char **bad)
{
	long n = 0;
	for (; l && l[n]; n++) {
		if (n >= MAX_LIST || !kebab(l[n])) {
			*bad = n >= MAX_LIST ? "(too many entries)" : l[n];
			return -1;
		}
	}
	return n;
}

/* Does the descriptor cover field ending at `end` bytes? */
#define HAS_FIELD(d, f)                                                     \
	((d)->struct_size >= offsetof(govmap_plugin, f) + sizeof((d)->f))

/* Check what the host will rely on.  Returns NULL or a reason. */
static char *check_descriptor(const govmap_plugin *d, size_t *nrules)
{
	const char *bad = NULL;
	if (!kebab(d->name))
		return govmap__asprintf("its name %s%s%s is not lower-case "
					"kebab ([a-z0-9-], at most 64 bytes)",
					d->name ? "'" : "",
					d->name ? d->name : "is missing",
					d->name ? "'" : "");
	if (!d->version || !*d->version)
		return govmap__asprintf("plugin '%s' gives no version", d->name);
	if (!d->init || !d->fini)
		return govmap__asprintf("plugin '%s' has no %s() callback (init "
					"and fini are mandatory)",
					d->name, !d->init ? "init" : "fini");
	for (size_t i = 0; d->regions && d->regions[i]; i++)
		if (i >= MAX_LIST || !*d->regions[i])
			return govmap__asprintf("plugin '%s' has %s region "
						"list",
						d->name, i >= MAX_LIST
								 ? "too long a"
								 : "an empty "
								   "path in its");
	if (count_names(d->body_types, &bad) < 0 ||
	    count_names(d->board_types, &bad) < 0)
		return govmap__asprintf("plugin '%s' declares type '%s', which "
					"is not lower-case kebab",
					d->name, bad);
	for (size_t i = 0; d->link_types && d->link_types[i].name; i++) {
		const govmap_plugin_link_type *t = &d->link_types[i];
		if (i >= MAX_LIST || !kebab(t->name))
			return govmap__asprintf("plugin '%s' declares link type "
						"'%s', which is not lower-case "
						"kebab",
						d->name, t->name);
		if (!(t->strength == 0 ||
		      (t->strength > 0 && t->strength <= 1)))
			return govmap__asprintf("plugin '%s' gives link type "
						"'%s' the strength %g, outside "
						"(0, 1]",
						d->name, t->name, t->strength);
	}
	size_t n = 0;
	for (; d->rules && d->rules[n].id; n++) {
		const govmap_plugin_rule *r = &d->rules[n];
		if (n >= MAX_LIST)
			return govmap__asprintf("plugin '%s' has too many rules",
						d->name);
		if (!kebab(r->id))
			return govmap__asprintf("plugin '%s' has a rule id '%s' "
						"that is not lower-case kebab",
						d->name, r->id);
		if (!r->title || !*r->title || !r->basis || !*r->basis)
			return govmap__asprintf("rule '%s/%s' has no %s",
						d->name, r->id,
						!r->title || !*r->title
							? "title"
							: "basis (cite the "
							  "statute or "
							  "document)");
		if (!r->check)
			return govmap__asprintf("rule '%s/%s' has no check() "
						"callback",
						d->name, r->id);
		if ((unsigned)r->severity > GOVMAP_SEV_ERROR)
			return govmap__asprintf("rule '%s/%s' has an invalid "
						"severity",
						d->name, r->id);
		for (size_t j = 0; j < n; j++)
			if (strcmp(d->rules[j].id, r->id) == 0)
				return govmap__asprintf("rule id '%s/%s' is "
							"used twice",
							d->name, r->id);
	}
	for (size_t i = 0; d->styles && d->styles[i].type; i++) {
		const govmap_plugin_style *st = &d->styles[i];
		if (i >= MAX_LIST)
			return govmap__asprintf("plugin '%s' has too many "
						"styles", d->name);
		if (!kebab(st->type))
			return govmap__asprintf("plugin '%s' styles type '%s', "
						"which is not lower-case kebab",
						d->name, st->type);
		if (st->fill && !govmap__is_rgb(st->fill)) {
			char q[64];
			return govmap__asprintf("plugin '%s' gives type '%s' the "
						"colour '%s': write it as "
						"#rrggbb",
						d->name, st->type,
						govmap__quote(q, sizeof q,
							      st->fill));
		}
	}
	*nrules = n;
	return NULL;
}

/* Why a file or directory may not be loaded from, or NULL. */
static char *unsafe(const char *path, int want_dir)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return govmap__asprintf("cannot stat %s: %s", path,
					strerror(errno));
	if (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
		return govmap__asprintf("%s is not a %s", path,
					want_dir ? "directory" : "regular file");
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return govmap__asprintf("%s %s is group- or world-writable, "
					"so anyone could replace the code "
					"govmap would run; run 'chmod go-w "
					"%s'",
					want_dir ? "directory" : "file", path,
					path);
	if (st.st_uid != 0 && st.st_uid != geteuid())
		return govmap__asprintf("%s belongs to another user (uid %u); "
					"govmap loads only plugins owned by "
					"you or root",
					path, (unsigned)st.st_uid);
	return NULL;
}

static int remember_refusal(govmap_plugins *ps, const char *stem,
			    const char *path, const char *reason)
{
	if (govmap__grow((void **)&ps->ref, &ps->capref, ps->nref,
			 sizeof(*ps->ref)) < 0)
		return -1;
	prefused *r = &ps->ref[ps->nref];
	r->stem = strdup(stem);
	r->path = strdup(path);
	r->reason = strdup(reason);
	if (!r->stem || !r->path || !r->reason) {
		free(r->stem);
		free(r->path);
		free(r->reason);
		return -1;
	}
	ps->nref++;
	return 0;
}

/* Refuse: a warning at `display`, the library closed, the reason kept for
 * the "missing plugin" message.  Takes ownership of `reason`. */
static int refuse(govmap_plugins *ps, govmap_diags *diags, const char *path,
		  const char *stem, void *handle, const char *code,
		  char *reason, const char *hint)
{
	if (handle)
		dlclose(handle);
	if (!reason)
		return GOVMAP_ENOMEM;
	govmap_diags_add(diags, GOVMAP_SEV_WARNING, path, 0, 0, code,
			 "plugin not loaded: %s%s%s", reason, hint ? "; " : "",
			 hint ? hint : "");
	int rc = remember_refusal(ps, stem, path, reason) < 0 ? GOVMAP_ENOMEM
							       : GOVMAP_EPLUGIN;
	free(reason);
	return rc;
}

static char *file_stem(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strlen(b);
	if (n > 3 && strcmp(b + n - 3, ".so") == 0)
		n -= 3;
	return strndup(b, n);
}

static void rebuild_types(govmap_plugins *ps);

/* Load `path` (absolute).  Directory permissions are checked by the
 * caller. */
static int load_abs(govmap_plugins *ps, const char *path, const char *stem,
		    govmap_diags *diags)
{
	char *why = unsafe(path, 0);
	if (why)
		return refuse(ps, diags, path, stem, NULL, "plugin-unsafe", why,
			      NULL);
	/* A symlink leads elsewhere: the file it reaches and that file's
	 * directory must be as safe as the listed ones. */
	char *real = realpath(path, NULL);
	if (!real)
		return refuse(ps, diags, path, stem, NULL, "plugin-unsafe",
			      govmap__asprintf("cannot resolve %s: %s", path,
					       strerror(errno)),
			      NULL);
	if (strcmp(real, path) != 0) {
		char *slash = strrchr(real, '/');
		*slash = '\0';
		why = unsafe(real[0] ? real : "/", 1);
		*slash = '/';
		if (!why)
			why = unsafe(real, 0);
		if (why) {
			free(real);
			return refuse(ps, diags, path, stem, NULL,
				      "plugin-unsafe", why, NULL);
		}
	}

	dlerror();
	void *h = dlopen(real, RTLD_NOW | RTLD_LOCAL);
	free(real);
	if (!h) {
		const char *e = dlerror();
		char *hint = govmap__asprintf("run 'ldd %s' to see which "
					      "libraries or symbols are "
					      "missing",
					      path);
		int rc = refuse(ps, diags, path, stem, NULL, "plugin-dlopen",
				govmap__asprintf("dlopen failed: %s",
						 e ? e : "unknown error"),
				hint);
		free(hint);
		return rc;
	}
	dlerror();
	void *sym = dlsym(h, GOVMAP_PLUGIN_ENTRY_SYMBOL);
	if (!sym)
		return refuse(ps, diags, path, stem, h, "plugin-no-entry",
			      govmap__asprintf("it exports no '%s' symbol",
					       GOVMAP_PLUGIN_ENTRY_SYMBOL),
			      "a plugin defines its entry with "
			      "GOVMAP_PLUGIN_DEFINE() from govmap/plugin.h");
	govmap_plugin_entry_fn entry;
	memcpy(&entry, &sym, sizeof entry);
	const govmap_plugin *d = entry();
	if (!d)
		return refuse(ps, diags, path, stem, h, "plugin-no-entry",
			      strdup("its entry function returned NULL"), NULL);
	if (d->abi_version < GOVMAP_PLUGIN_ABI_VERSION)
		return refuse(ps, diags, path, stem, h, "plugin-abi",
			      govmap__asprintf("it was built for plugin ABI "
					       "version %u, this govmap has "
					       "ABI version %u",
					       d->abi_version,
					       GOVMAP_PLUGIN_ABI_VERSION),
			      "recompile the plugin against this govmap");
	if (d->abi_version > GOVMAP_PLUGIN_ABI_VERSION)
		return refuse(ps, diags, path, stem, h, "plugin-abi",
			      govmap__asprintf("it was built for plugin ABI "
					       "version %u, this govmap has "
					       "ABI version %u",
					       d->abi_version,
					       GOVMAP_PLUGIN_ABI_VERSION),
			      "it needs a newer govmap");
	if (!HAS_FIELD(d, fini))
		return refuse(ps, diags, path, stem, h, "plugin-abi",
			      govmap__asprintf("its descriptor is %u bytes, "
					       "smaller than the %zu bytes of "
					       "ABI version %u",
					       d->struct_size,
					       offsetof(govmap_plugin, fini) +
						       sizeof(d->fini),
					       GOVMAP_PLUGIN_ABI_VERSION),
			      "recompile the plugin against this govmap");
	size_t nrules = 0;
	char *bad = check_descriptor(d, &nrules);
	if (bad)
		return refuse(ps, diags, path, stem, h, "plugin-invalid", bad,
			      "see govmap/plugin.h for what each field "
			      "must hold");
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->p[i].d->name, d->name) == 0)
			return refuse(ps, diags, path, stem, h,
				      "plugin-duplicate",
				      govmap__asprintf("a plugin named '%s' is "
						       "already loaded from %s",
						       d->name, ps->p[i].path),
				      "remove one of the two files");
	if (govmap__grow((void **)&ps->p, &ps->cap, ps->n, sizeof(*ps->p)) < 0) {
		dlclose(h);
		return GOVMAP_ENOMEM;
	}
	int irc = d->init(&host_table);
	if (irc != 0)
		return refuse(ps, diags, path, stem, h, "plugin-init",
			      govmap__asprintf("init() of plugin '%s' failed "
					       "(returned %d)",
					       d->name, irc),
			      NULL);
	pentry *pe = &ps->p[ps->n];
	pe->d = d;
	pe->path = strdup(path);
	pe->stem = strdup(stem);
	pe->nrules = nrules;
	if (!pe->path || !pe->stem) {
		/* Accepted already: keep it loaded, drop the record. */
		d->fini();
		free(pe->path);
		free(pe->stem);
		return GOVMAP_ENOMEM;
	}
	ps->n++;
	rebuild_types(ps);
	return GOVMAP_OK;
}

/* Has a file with this stem been seen already (shadowing)? */
static const char *seen_stem(const govmap_plugins *ps, const char *stem)
{
	for (size_t i = 0; i < ps->nstems; i++)
		if (strcmp(ps->stems[i], stem) == 0)
			return ps->stem_paths[i];
	return NULL;
}

static int add_stem(govmap_plugins *ps, const char *stem, const char *path)
{
	size_t cap = ps->capstems;
	if (govmap__grow((void **)&ps->stems, &ps->capstems, ps->nstems,
			 sizeof(char *)) < 0)
		return -1;
	if (govmap__grow((void **)&ps->stem_paths, &ps->capstem_paths,
			 ps->nstems, sizeof(char *)) < 0)
		return -1;
	(void)cap;
	ps->stems[ps->nstems] = strdup(stem);
	ps->stem_paths[ps->nstems] = strdup(path);
	if (!ps->stems[ps->nstems] || !ps->stem_paths[ps->nstems]) {
		free(ps->stems[ps->nstems]);
		free(ps->stem_paths[ps->nstems]);
		return -1;
	}
	ps->nstems++;
	return 0;
}

static int add_shadow(govmap_plugins *ps, const char *path,
		      const char *winner)
{
	if (govmap__grow((void **)&ps->sh, &ps->capsh, ps->nsh,
			 sizeof(*ps->sh)) < 0)
		return -1;
	ps->sh[ps->nsh].path = strdup(path);
	ps->sh[ps->nsh].winner = strdup(winner);
	if (!ps->sh[ps->nsh].path || !ps->sh[ps->nsh].winner) {
		free(ps->sh[ps->nsh].path);
		free(ps->sh[ps->nsh].winner);
		return -1;
	}
	ps->nsh++;
	return 0;
}

static char *dir_of(const char *path)
{
	const char *s = strrchr(path, '/');
	if (!s)
		return strdup(".");
	if (s == path)
		return strdup("/");
	return strndup(path, (size_t)(s - path));
}

int govmap_plugins_load_file(govmap_plugins *ps, const char *path,
			     govmap_diags *diags)
{
	char *a = abs_path(path);
	char *stem = a ? file_stem(a) : NULL;
	char *dir = a ? dir_of(a) : NULL;
	int rc = GOVMAP_ENOMEM;
	if (!a || !stem || !dir)
		goto cleanup;
	char *why = unsafe(dir, 1);
	if (why) {
		rc = refuse(ps, diags, a, stem, NULL, "plugin-unsafe", why,
			    NULL);
		goto cleanup;
	}
	if (add_stem(ps, stem, a) < 0)
		goto cleanup;
	rc = load_abs(ps, a, stem, diags);
cleanup:
	free(a);
	free(stem);
	free(dir);
	return rc;
}

static int cmp_str(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int discover_dir(govmap_plugins *ps, const pdir *d,
			govmap_diags *diags)
{
	DIR *dh = opendir(d->path);
	if (!dh)
		return GOVMAP_OK; /* listed as missing or unreadable */
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = GOVMAP_OK;
	struct dirent *de;
	while ((de = readdir(dh)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 4 ||
		    strcmp(de->d_name + len - 3, ".so") != 0)
			continue;
		if (n >= 10000)
			break;
		if (govmap__grow((void **)&names, &cap, n, sizeof(char *)) < 0 ||
		    !(names[n] = strndup(de->d_name, len - 3))) {
			rc = GOVMAP_ENOMEM;
			break;
		}
		n++;
	}
	closedir(dh);
	if (rc == GOVMAP_OK && n) {
		govmap_sort(names, n, sizeof(char *), cmp_str, NULL);
		char *why = unsafe(d->path, 1);
		if (why) {
			govmap_diags_add(diags, GOVMAP_SEV_WARNING, d->path, 0, 0,
					 "plugin-unsafe",
					 "plugins not loaded from this "
					 "directory (%zu): %s",
					 n, why);
			for (size_t i = 0; i < n; i++) {
				char *p = govmap__asprintf("%s/%s.so", d->path,
							   names[i]);
				if (p && !seen_stem(ps, names[i])) {
					remember_refusal(ps, names[i], p, why);
					add_stem(ps, names[i], p);
				}
				free(p);
			}
			free(why);
		} else {
			for (size_t i = 0; i < n && rc != GOVMAP_ENOMEM; i++) {
				char *p = govmap__asprintf("%s/%s.so", d->path,
							   names[i]);
				if (!p) {
					rc = GOVMAP_ENOMEM;
					break;
				}
				const char *w = seen_stem(ps, names[i]);
				if (w) {
					if (add_shadow(ps, p, w) < 0)
						rc = GOVMAP_ENOMEM;
				} else if (add_stem(ps, names[i], p) < 0) {
					rc = GOVMAP_ENOMEM;
				} else if (load_abs(ps, p, names[i], diags) ==
					   GOVMAP_ENOMEM) {
					rc = GOVMAP_ENOMEM;
				}
				free(p);
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int govmap_plugins_discover(govmap_plugins *ps, govmap_diags *diags)
{
	for (size_t i = 0; i < ps->ndirs; i++) {
		if (!ps->dirs[i].exists)
			continue;
		int rc = discover_dir(ps, &ps->dirs[i], diags);
		if (rc != GOVMAP_OK)
			return rc;
	}
	return GOVMAP_OK;
}

/* ------------------------------------------------------------------ */
/* Types, strengths, styles, rules.                                    */

static int in_names(const char **l, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i], s) == 0)
			return 1;
	return 0;
}

static const char **collect(const govmap_plugins *ps, int which)
{
	size_t total = 0, n = 0;
	for (size_t i = 0; i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		if (which == 2) {
			for (size_t j = 0; d->link_types && d->link_types[j].name;
			     j++)
				total++;
		} else {
			const char *const *l =
				which == 0 ? d->body_types : d->board_types;
			for (size_t j = 0; l && l[j]; j++)
				total++;
		}
	}
	const char **out = calloc(total + 1, sizeof(char *));
	if (!out)
		return NULL;
	for (size_t i = 0; i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		if (which == 2) {
			for (size_t j = 0; d->link_types && d->link_types[j].name;
			     j++)
				if (!in_names(out, n, d->link_types[j].name))
					out[n++] = d->link_types[j].name;
		} else {
			const char *const *l =
				which == 0 ? d->body_types : d->board_types;
			for (size_t j = 0; l && l[j]; j++)
				if (!in_names(out, n, l[j]))
					out[n++] = l[j];
		}
	}
	return out;
}

static void rebuild_types(govmap_plugins *ps)
{
	free(ps->body);
	free(ps->board);
	free(ps->link);
	ps->body = collect(ps, 0);
	ps->board = collect(ps, 1);
	ps->link = collect(ps, 2);

	for (size_t i = 0; i < ps->nrules; i++)
		free(ps->rule_ids[i]);
	free(ps->rule_ids);
	free(ps->rules);
	ps->rule_ids = NULL;
	ps->rules = NULL;
	ps->nrules = 0;
	size_t total = 0;
	for (size_t i = 0; i < ps->n; i++)
		total += ps->p[i].nrules;
	if (!total)
		return;
	ps->rules = calloc(total, sizeof(*ps->rules));
	ps->rule_ids = calloc(total, sizeof(char *));
	if (!ps->rules || !ps->rule_ids)
		return;
	for (size_t i = 0; i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		for (size_t j = 0; j < ps->p[i].nrules; j++) {
			char *id = govmap__asprintf("%s/%s", d->name,
						    d->rules[j].id);
			if (!id)
				return;
			ps->rule_ids[ps->nrules] = id;
			govmap_rule_info *r = &ps->rules[ps->nrules++];
			r->id = id;
			r->title = d->rules[j].title;
			r->severity = d->rules[j].severity;
			r->basis = d->rules[j].basis;
			r->category = GOVMAP_CAT_DEFICIT;
			for (size_t k = 0; HAS_FIELD(d, rule_categories) &&
					   d->rule_categories &&
					   d->rule_categories[k].id;
			     k++)
				if (strcmp(d->rule_categories[k].id,
					   d->rules[j].id) == 0 &&
				    (unsigned)d->rule_categories[k].category <=
					    GOVMAP_CAT_DATA)
					r->category =
						d->rule_categories[k].category;
		}
	}
}

void govmap_plugins_types(const govmap_plugins *ps, const char *const **body,
			  const char *const **board, const char *const **link)
{
	int any = ps && ps->n;
	if (body)
		*body = any ? (const char *const *)ps->body : NULL;
	if (board)
		*board = any ? (const char *const *)ps->board : NULL;
	if (link)
		*link = any ? (const char *const *)ps->link : NULL;
}

int govmap_plugins_link_strength(const govmap_plugins *ps, const char *type,
				 double *out)
{
	for (size_t i = 0; ps && type && i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		for (size_t j = 0; d->link_types && d->link_types[j].name; j++)
			if (strcmp(d->link_types[j].name, type) == 0 &&
			    d->link_types[j].strength > 0) {
				*out = d->link_types[j].strength;
				return 1;
			}
	}
	return 0;
}

const char *govmap_plugins_style_fill(const govmap_plugins *ps,
				      const char *type)
{
	for (size_t i = 0; ps && type && i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		for (size_t j = 0; d->styles && d->styles[j].type; j++)
			if (strcmp(d->styles[j].type, type) == 0 &&
			    d->styles[j].fill)
				return d->styles[j].fill;
	}
	return NULL;
}

size_t govmap_plugins_nrules(const govmap_plugins *ps)
{
	return ps ? ps->nrules : 0;
}

const govmap_rule_info *govmap_plugins_rule(const govmap_plugins *ps,
					    size_t i)
{
	return ps && i < ps->nrules ? &ps->rules[i] : NULL;
}

/* ------------------------------------------------------------------ */
/* Checking a registry against the set.                                */

static int listed(const govmap_registry *reg, const char *name)
{
	for (size_t i = 0; i < govmap_registry_nplugins(reg); i++)
		if (strcmp(govmap_registry_plugin(reg, i), name) == 0)
			return 1;
	return 0;
}

/* The accepted plugins declaring `type` for `kind`: returns 1 when some
 * listed plugin declares it, else sets *by to an unlisted one (or NULL). */
static int declared_by_listed(const govmap_plugins *ps,
			      const govmap_registry *reg, govmap_kind kind,
			      const char *type, const char **by)
{
	*by = NULL;
	for (size_t i = 0; i < ps->n; i++) {
		const govmap_plugin *d = ps->p[i].d;
		int has = 0;
		if (kind == GOVMAP_KIND_LINK) {
			for (size_t j = 0; d->link_types && d->link_types[j].name;
			     j++)
				has |= strcmp(d->link_types[j].name, type) == 0;
		} else {
			const char *const *l = kind == GOVMAP_KIND_BODY
						       ? d->body_types
						       : d->board_types;
			for (size_t j = 0; l && l[j]; j++)
				has |= strcmp(l[j], type) == 0;
		}
		if (!has)
			continue;
		if (listed(reg, d->name))
			return 1;
		*by = d->name;
	}
	return 0;
}

static int is_core_type(govmap_kind kind, const char *type)
{
	const char *const *l = kind == GOVMAP_KIND_BODY ? govmap__core_body_types
			       : kind == GOVMAP_KIND_BOARD
				       ? govmap__core_board_types
				       : govmap__core_link_types;
	for (; *l; l++)
		if (strcmp(*l, type) == 0)
			return 1;
	return 0;
}

void govmap_plugins_check_registry(const govmap_plugins *ps,
				   const govmap_registry *reg,
				   const char *manifest_file,
				   govmap_diags *diags)
{
	for (size_t i = 0; i < govmap_registry_nplugins(reg); i++) {
		const char *name = govmap_registry_plugin(reg, i);
		if (govmap_plugins_find(ps, name))
			continue;
		/* Name every directory looked in, and why a file of that
		 * name was refused. */
		size_t cap = 256;
		for (size_t j = 0; j < ps->ndirs; j++)
			cap += strlen(ps->dirs[j].path) +
			       strlen(ps->dirs[j].origin) + 24;
		char *where = malloc(cap);
		if (!where)
			return;
		size_t len = 0;
		where[0] = '\0';
		for (size_t j = 0; j < ps->ndirs; j++)
			len += (size_t)snprintf(where + len, cap - len,
						"%s%s (%s%s)", j ? ", " : "",
						ps->dirs[j].path,
						ps->dirs[j].origin,
						ps->dirs[j].exists ? ""
								   : ", missing");
		const char *reason = NULL, *rpath = NULL;
		for (size_t j = 0; j < ps->nref; j++)
			if (strcmp(ps->ref[j].stem, name) == 0) {
				reason = ps->ref[j].reason;
				rpath = ps->ref[j].path;
				break;
			}
		if (reason)
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, manifest_file,
					 0, 0, "plugin-missing",
					 "the registry needs plugin '%s', "
					 "which is not loaded: %s was refused "
					 "(%s); looked in: %s",
					 name, rpath, reason,
					 ps->ndirs ? where : "no directory");
		else
			govmap_diags_add(diags, GOVMAP_SEV_ERROR, manifest_file,
					 0, 0, "plugin-missing",
					 "the registry needs plugin '%s', "
					 "which was not found: no %s.so in "
					 "%s; build it with 'make' or pass "
					 "--plugin-path DIR",
					 name, name,
					 ps->ndirs ? where : "no directory");
		free(where);
	}

	/* Types only an unlisted plugin declares: one warning per type. */
	size_t n = govmap_registry_count(reg);
	const char **warned = NULL;
	size_t nwarned = 0, capw = 0;
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		const char *by;
		if (!e->type || e->kind == GOVMAP_KIND_CONTRACT ||
		    is_core_type(e->kind, e->type) ||
		    in_names(warned, nwarned, e->type) ||
		    declared_by_listed(ps, reg, e->kind, e->type, &by) || !by)
			continue;
		govmap_diags_at(diags, GOVMAP_SEV_WARNING, e->pos,
				"plugin-unlisted",
				"type '%s' comes from plugin '%s', which the "
				"manifest does not list under 'plugins': its "
				"rules will not run",
				e->type, by);
		if (govmap__grow((void **)&warned, &capw, nwarned,
				 sizeof(char *)) == 0)
			warned[nwarned++] = e->type;
	}
	free(warned);
}

/* ------------------------------------------------------------------ */
/* Running rules.                                                      */

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void child_main(const govmap_plugins *ps, const pentry *pe,
		       const govmap_registry *reg, govmap_date on,
		       size_t start, int fd)
{
	/* A rule must not print: its output would corrupt ours. */
	int dn = open("/dev/null", O_RDWR);
	if (dn >= 0) {
		dup2(dn, STDIN_FILENO);
		dup2(dn, STDOUT_FILENO);
		if (dn > STDERR_FILENO)
			close(dn);
	}
	signal(SIGPIPE, SIG_DFL);
	signal(SIGALRM, SIG_DFL);
	/* Backstop for a rule that spins with SIGKILL blocked somehow: the
	 * parent's wall clock is the real limit. */
	struct rlimit rl;
	rlim_t secs = (rlim_t)ps->timeout * (rlim_t)(pe->nrules - start) + 1;
	rl.rlim_cur = secs;
	rl.rlim_max = secs + 1;
	setrlimit(RLIMIT_CPU, &rl);

	govmap_rule_ctx ctx = {reg, on, pe, 0, fd, 0};
	for (size_t r = start; r < pe->nrules; r++) {
		send_rec(fd, REC_RULE, 0, r, -1, NULL, 0);
		ctx.rule = r;
		ctx.nreported = 0;
		pe->d->rules[r].check(&ctx);
	}
	send_rec(fd, REC_END, 0, 0, -1, NULL, 0);
	_exit(0);
}

static void add_failure(govmap_findings *out, const pentry *pe, size_t r,
			const char *what)
{
	char id[200];
	govmap_pos nopos = {NULL, 0, 0};
	snprintf(id, sizeof id, "%s/%s", pe->d->name, pe->d->rules[r].id);
	govmap_findings_add(out, GOVMAP_SEV_ERROR, id, pe->d->rules[r].basis,
			    -1, nopos, "rule %s %s; its findings may be "
			    "incomplete (plugin %s)",
			    id, what, pe->path);
}

/* Parse complete records in buf[0..*len); keep the rest. */
static void parse_records(char *buf, size_t *len, const pentry *pe,
			  const govmap_registry *reg, govmap_findings *out,
			  long *cur, int *done, double *deadline,
			  unsigned timeout, int *bad)
{
	size_t off = 0;
	size_t nents = govmap_registry_count(reg);
	while (*len - off >= sizeof(rec_hdr)) {
		rec_hdr h;
		memcpy(&h, buf + off, sizeof h);
		if (h.len > MAX_MSG || h.rule >= pe->nrules || h.sev > 2 ||
		    (h.type != REC_RULE && h.type != REC_FINDING &&
		     h.type != REC_END)) {
			*bad = 1;
			*len = 0;
			return;
		}
		if (*len - off < sizeof h + h.len)
			break;
		const char *msg = buf + off + sizeof h;
		if (h.type == REC_RULE) {
			*cur = (long)h.rule;
			*deadline = now_s() + timeout;
		} else if (h.type == REC_END) {
			*done = 1;
		} else {
			char id[200];
			int32_t e = h.entity >= 0 && (size_t)h.entity < nents
					    ? h.entity
					    : -1;
			govmap_pos pos = {NULL, 0, 0};
			if (e >= 0)
				pos = govmap_registry_at(reg, (size_t)e)->pos;
			snprintf(id, sizeof id, "%s/%s", pe->d->name,
				 pe->d->rules[h.rule].id);
			govmap_findings_add(out, (govmap_severity)h.sev, id,
					    pe->d->rules[h.rule].basis, e, pos,
					    "%.*s", (int)h.len, msg);
		}
		off += sizeof h + h.len;
	}
	memmove(buf, buf + off, *len - off);
	*len -= off;
}

/* Run pe's rules from `start`; returns the index to restart from, or
 * pe->nrules when all ran. */
static size_t run_child(const govmap_plugins *ps, const pentry *pe,
			const govmap_registry *reg, govmap_date on,
			size_t start, govmap_findings *out,
			govmap_diags *diags, int *failed)
{
	int fds[2];
	if (pipe(fds) != 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, pe->path, 0, 0,
				 "plugin-run", "cannot run the rules of plugin "
				 "'%s': pipe: %s", pe->d->name, strerror(errno));
		*failed = 1;
		return pe->nrules;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, pe->path, 0, 0,
				 "plugin-run", "cannot run the rules of plugin "
				 "'%s': fork: %s", pe->d->name, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		*failed = 1;
		return pe->nrules;
	}
	if (pid == 0) {
		close(fds[0]);
		child_main(ps, pe, reg, on, start, fds[1]);
		_exit(0);
	}
	close(fds[1]);
	static char buf[1 << 16];
	size_t len = 0;
	long cur = -1;
	int done = 0, timed_out = 0, bad = 0;
	double deadline = now_s() + ps->timeout;
	for (;;) {
		double left = deadline - now_s();
		if (left <= 0) {
			timed_out = 1;
			kill(pid, SIGKILL);
			break;
		}
		struct pollfd pfd = {fds[0], POLLIN, 0};
		int pr = poll(&pfd, 1, (int)(left * 1000) + 1);
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr < 0)
			break;
		if (pr == 0)
			continue; /* the deadline check above fires */
		ssize_t r = read(fds[0], buf + len, sizeof buf - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
		parse_records(buf, &len, pe, reg, out, &cur, &done, &deadline,
			      ps->timeout, &bad);
		if (bad) {
			kill(pid, SIGKILL);
			break;
		}
	}
	close(fds[0]);
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (done && !timed_out && !bad && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0)
		return pe->nrules;
	size_t r = cur >= 0 ? (size_t)cur : start;
	char what[120];
	if (timed_out)
		snprintf(what, sizeof what, "timed out after %u s",
			 ps->timeout);
	else if (bad)
		snprintf(what, sizeof what, "sent malformed data");
	else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGXCPU)
		snprintf(what, sizeof what,
			 "exceeded its CPU time limit (signal %d)",
			 WTERMSIG(st));
	else if (WIFSIGNALED(st))
		snprintf(what, sizeof what, "crashed (signal %d)",
			 WTERMSIG(st));
	else
		snprintf(what, sizeof what, "exited early (status %d)",
			 WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	add_failure(out, pe, r, what);
	return r + 1;
}

int govmap_plugins_run(const govmap_plugins *ps, const govmap_registry *reg,
		       govmap_date on, govmap_findings *out,
		       govmap_diags *diags)
{
	int failed = 0;
	for (size_t i = 0; i < ps->n; i++) {
		const pentry *pe = &ps->p[i];
		if (!listed(reg, pe->d->name))
			continue;
		size_t start = 0;
		while (start < pe->nrules)
			start = run_child(ps, pe, reg, on, start, out, diags,
					  &failed);
	}
	return failed ? GOVMAP_EPLUGIN : GOVMAP_OK;
}
