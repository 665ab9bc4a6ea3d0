/*
 * plugin_run.c - running the rules of the plugins a registry names: a forked
 * child per plugin (isolation: a rule that crashes or hangs becomes an
 * error finding and the other rules still run), a wall-clock limit per
 * rule enforced by the parent with poll(), RLIMIT_CPU as a backstop,
 * findings serialised over a pipe in the wire format of plugin_impl.h.
 * Never prints, never exits (except in the child, with _exit).
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

#include "registry_impl.h"
#include "util.h"

#include "plugin_impl.h"
#include "child.h"

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

void govmap__plugin_send(int fd, uint8_t type, uint8_t sev, size_t rule,
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


/* ------------------------------------------------------------------ */
/* Running rules.                                                      */

typedef struct {
	const govmap_plugins *ps;
	const pentry *pe;
	const govmap_registry *reg;
	const govmap_analysis *an;
	const govmap__pindex *ix;
	govmap_date on;
	size_t start;
} rule_job;

/* In the child (stdin and stdout on /dev/null: a rule must not print,
 * its output would corrupt ours): run the rules from `start`, sending a
 * record as each begins, then the end record. */
static int child_main(void *arg, int fd, int errfd)
{
	const rule_job *j = arg;
	(void)errfd;
	govmap_rule_ctx ctx = {j->reg, j->on, j->pe, 0, fd, 0, j->an, j->ix};
	for (size_t r = j->start; r < j->pe->nrules; r++) {
		govmap__plugin_send(fd, REC_RULE, 0, r, -1, NULL, 0);
		ctx.rule = r;
		ctx.nreported = 0;
		govmap__rule_at(j->pe, r)->check(&ctx);
	}
	govmap__plugin_send(fd, REC_END, 0, 0, -1, NULL, 0);
	return 0;
}

static void add_failure(govmap_findings *out, const pentry *pe, size_t r,
			const char *what)
{
	char id[200], path[4 * PATH_MAX + 8];
	govmap_pos nopos = {NULL, 0, 0};
	const govmap_plugin_rule *rule = govmap__rule_at(pe, r);
	snprintf(id, sizeof id, "%s/%s", pe->d->name, rule->id);
	govmap_findings_add(out, GOVMAP_SEV_ERROR, id, rule->basis, -1, nopos,
			    "rule %s %s; its findings may be incomplete "
			    "(plugin %s)",
			    id, what,
			    govmap_text_escape(path, sizeof path, pe->path));
}

/* The parent's side of one child: records are parsed as they arrive. */
typedef struct {
	const pentry *pe;
	const govmap_registry *reg;
	govmap_findings *out;
	unsigned timeout;
	char buf[(1 << 16) + sizeof(rec_hdr) + MAX_MSG + 1];
	size_t len;
	long cur;
	int done, bad;
	/* what the rules wrote to standard error, a line at a time (the
	 * two pipes are read in turn, so a line cannot be pinned on one
	 * rule: it is the plugin's) */
	govmap_diags *diags;
	char errline[200];
	size_t errlen;
	unsigned errlines;
} rule_reader;

/* The first ERR_LINES lines a plugin's rules write to standard error
 * become warnings, escaped: they would have reached the terminal as they
 * were. */
#define ERR_LINES 5
static void stderr_line(rule_reader *r)
{
	if (!r->errlen)
		return;
	r->errline[r->errlen] = '\0';
	r->errlen = 0;
	if (++r->errlines > ERR_LINES)
		return;
	char shown[4 * sizeof r->errline + 8];
	govmap_diags_add(r->diags, GOVMAP_SEV_WARNING, r->pe->path, 0, 0,
			 "plugin-stderr", "plugin '%s' wrote to standard "
			 "error, which a rule must not do (govmap/plugin.h): "
			 "%s",
			 r->pe->d->name,
			 govmap_text_escape(shown, sizeof shown, r->errline));
}

/* Parse complete records in r->buf[0..len); keep the rest. */
static void parse_records(rule_reader *r, double *deadline)
{
	size_t off = 0;
	size_t nents = govmap_registry_count(r->reg);
	const pentry *pe = r->pe;
	while (r->len - off >= sizeof(rec_hdr)) {
		rec_hdr h;
		memcpy(&h, r->buf + off, sizeof h);
		if (h.len > MAX_MSG || h.rule >= pe->nrules || h.sev > 2 ||
		    (h.type != REC_RULE && h.type != REC_FINDING &&
		     h.type != REC_END)) {
			r->bad = 1;
			r->len = 0;
			return;
		}
		if (r->len - off < sizeof h + h.len)
			break;
		const char *msg = r->buf + off + sizeof h;
		if (h.type == REC_RULE) {
			r->cur = (long)h.rule;
			*deadline = govmap__now() + r->timeout;
		} else if (h.type == REC_END) {
			r->done = 1;
		} else {
			char id[200];
			int32_t e = h.entity >= 0 && (size_t)h.entity < nents
					    ? h.entity
					    : -1;
			govmap_pos pos = {NULL, 0, 0};
			if (e >= 0)
				pos = govmap_registry_at(r->reg, (size_t)e)->pos;
			const govmap_plugin_rule *rule =
				govmap__rule_at(pe, h.rule);
			snprintf(id, sizeof id, "%s/%s", pe->d->name, rule->id);
			/* the plugin's text, escaped once for every output:
			 * a control character or a byte that is not UTF-8
			 * shows as \xNN, so one finding is one line and
			 * nothing reaches a terminal as a command */
			char raw[MAX_MSG + 1], shown[4 * MAX_MSG + 8];
			memcpy(raw, msg, h.len);
			raw[h.len] = '\0';
			govmap_findings_add(r->out, (govmap_severity)h.sev, id,
					    rule->basis, e, pos, "%s",
					    govmap_text_escape(shown,
							       sizeof shown,
							       raw));
		}
		off += sizeof h + h.len;
	}
	memmove(r->buf, r->buf + off, r->len - off);
	r->len -= off;
}

static int on_records(void *arg, int which, const char *p, size_t k,
		      double *deadline)
{
	rule_reader *r = arg;
	if (which != 0) {
		for (size_t i = 0; i < k; i++) {
			if (p[i] != '\n')
				r->errline[r->errlen++] = p[i] ? p[i] : ' ';
			if (p[i] == '\n' ||
			    r->errlen == sizeof r->errline - 1)
				stderr_line(r);
		}
		return 0;
	}
	if (k > sizeof r->buf - r->len) {
		r->bad = 1; /* cannot happen: records are at most 1 KB */
		return -1;
	}
	memcpy(r->buf + r->len, p, k);
	r->len += k;
	parse_records(r, deadline);
	return r->bad ? -1 : 0;
}

/* Run pe's rules from `start`; returns the index to restart from, or
 * pe->nrules when all ran. */
static size_t run_child(const govmap_plugins *ps, const pentry *pe,
			const govmap_registry *reg,
			const govmap_analysis *an, const govmap__pindex *ix,
			govmap_date on,
			size_t start, govmap_findings *out,
			govmap_diags *diags, int *failed)
{
	rule_job job = {ps, pe, reg, an, ix, on, start};
	rule_reader *rd = calloc(1, sizeof(*rd));
	if (!rd) {
		*failed = 1;
		return pe->nrules;
	}
	rd->pe = pe;
	rd->reg = reg;
	rd->out = out;
	rd->timeout = ps->timeout;
	rd->cur = -1;
	rd->diags = diags;
	/* Backstop for a rule that spins with SIGKILL blocked somehow: the
	 * parent's wall clock is the real limit. */
	govmap__child_limits lim = {
		ps->timeout * (unsigned)(pe->nrules - start) + 1, 0,
		ps->timeout, 1, 1};
	govmap__child_result res;
	if (govmap__child_run(child_main, &job, on_records, rd, &lim, &res) <
	    0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, pe->path, 0, 0,
				 "plugin-run", "cannot run the rules of plugin "
				 "'%s': %s", pe->d->name, strerror(res.err));
		free(rd);
		*failed = 1;
		return pe->nrules;
	}
	stderr_line(rd);
	if (rd->errlines > ERR_LINES)
		govmap_diags_add(diags, GOVMAP_SEV_WARNING, pe->path, 0, 0,
				 "plugin-stderr", "plugin '%s' wrote %u more "
				 "lines to standard error, not shown",
				 pe->d->name, rd->errlines - ERR_LINES);
	int done = rd->done, bad = rd->bad;
	long cur = rd->cur;
	free(rd);
	if (done && !res.timed_out && !bad && res.status == 0)
		return pe->nrules;
	size_t r = cur >= 0 ? (size_t)cur : start;
	char what[120];
	if (res.timed_out)
		snprintf(what, sizeof what, "timed out after %u s",
			 ps->timeout);
	else if (bad)
		snprintf(what, sizeof what, "sent malformed data");
	else if (res.signal == SIGXCPU)
		snprintf(what, sizeof what,
			 "exceeded its CPU time limit (signal %d)",
			 res.signal);
	else if (res.signal)
		snprintf(what, sizeof what, "crashed (signal %d)", res.signal);
	else
		snprintf(what, sizeof what, "exited early (status %d)",
			 res.status);
	add_failure(out, pe, r, what);
	return r + 1;
}

static int run_all(const govmap_plugins *ps, const govmap_registry *reg,
		   const govmap_analysis *an, govmap_date on,
		   govmap_findings *out, govmap_diags *diags)
{
	int failed = 0, any = 0;
	for (size_t i = 0; i < ps->n && !any; i++)
		any = govmap__plugin_listed(reg, ps->p[i].d->name) &&
		      ps->p[i].nrules;
	if (!any)
		return GOVMAP_OK;
	govmap__pindex ix;
	if (govmap__pindex_build(&ix, reg) < 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "plugin-run", "out of memory indexing the "
				 "registry for the plugins' rules");
		return GOVMAP_ENOMEM;
	}
	for (size_t i = 0; i < ps->n; i++) {
		const pentry *pe = &ps->p[i];
		if (!govmap__plugin_listed(reg, pe->d->name))
			continue;
		size_t start = 0;
		while (start < pe->nrules)
			start = run_child(ps, pe, reg, an, &ix, on, start, out,
					  diags, &failed);
	}
	govmap__pindex_free(&ix);
	return failed ? GOVMAP_EPLUGIN : GOVMAP_OK;
}

int govmap_plugins_run(const govmap_plugins *ps, const govmap_registry *reg,
		       govmap_date on, govmap_findings *out,
		       govmap_diags *diags)
{
	return run_all(ps, reg, NULL, on, out, diags);
}

int govmap_plugins_run_analysed(const govmap_plugins *ps,
				const govmap_analysis *an,
				govmap_findings *out, govmap_diags *diags)
{
	return run_all(ps, govmap_analysis_registry(an), an,
		       govmap_analysis_date(an), out, diags);
}
