/*
 * render.c - laying out and rendering a map with gvc, in a forked child.
 *
 * Graphviz can abort, run out of memory or run for hours on some inputs,
 * and none of that can be stopped from inside the process.  So the child
 * lays out and renders under RLIMIT_CPU and RLIMIT_AS, the parent reads
 * the bytes through a pipe against a wall-clock deadline, and any failure
 * becomes a diagnostic.  Graphs above the dot limit are laid out with sfdp.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <graphviz/gvc.h>

#include "mapimpl.h"
#include "child.h"
#include "util.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static int write_all(int fd, const char *p, size_t n)
{
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

/* PNG pixels at 96 dpi: at most this many (256 MB of bitmap), and no
 * side over MAX_PNG_SIDE. */
#define MAX_PNG_PIXELS 64e6
#define MAX_PNG_SIDE 30000.0

/* gvLayout() writes "bb" with spaces ("%d %d %d %d"); DOT output has
 * commas: read either. */
static int read_bb(const char *bb, double *llx, double *lly, double *urx,
		   double *ury)
{
	return bb && sscanf(bb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", llx, lly, urx,
			    ury) == 4;
}

/* The factor (<= 1) a laid-out map's bounding box "llx,lly,urx,ury" (in
 * points) must be scaled by to fit those limits; 1 if it fits or the box
 * cannot be read (mapimpl.h). */
double govmap__png_scale(const char *bb)
{
	double llx, lly, urx, ury;
	if (!read_bb(bb, &llx, &lly, &urx, &ury))
		return 1;
	double w = (urx - llx) / 72.0 * 96.0, h = (ury - lly) / 72.0 * 96.0;
	if (w <= 0 || h <= 0)
		return 1;
	double s = 1;
	if (w * h > MAX_PNG_PIXELS)
		s = sqrt(MAX_PNG_PIXELS / (w * h));
	if (w * s > MAX_PNG_SIDE)
		s = MAX_PNG_SIDE / w;
	if (h * s > MAX_PNG_SIDE)
		s = MAX_PNG_SIDE / h;
	return s;
}

typedef struct {
	Agraph_t *g;
	const char *engine, *fmt;
	double fit; /* give up (EXIT_TOO_WIDE) on a layout wider than this
		       many points; 0: never */
} layout_job;

/* The child's status for a layout wider than the limit (mapimpl.h), and
 * layout_in_child's result then (not a govmap_status: never returned). */
#define EXIT_TOO_WIDE 7
#define GOVMAP__TOO_WIDE 1

/* Wider than `limit` points (mapimpl.h)? */
static int too_wide(const char *bb, double limit)
{
	double llx, lly, urx, ury;
	if (!read_bb(bb, &llx, &lly, &urx, &ury))
		return 0;
	return urx - llx > limit;
}

/* In the child (child.c runs it with stderr on the err pipe): lay out,
 * render, write to out_fd; the return value is the exit status. */
static int child(void *arg, int fd, int errfd)
{
	const layout_job *j = arg;
	Agraph_t *g = j->g;
	const char *engine = j->engine, *fmt = j->fmt;
	(void)errfd;
	GVC_t *gvc = gvContext();
	char *buf = NULL;
	unsigned int len = 0;
	if (!gvc || gvLayout(gvc, g, engine) != 0) {
		fprintf(stderr, "layout with %s failed\n", engine);
		return 3;
	}
	if (j->fit > 0 && too_wide(agget(g, "bb"), j->fit)) {
		/* the bounding box, for the parent to keep the narrowest */
		const char *bb = agget(g, "bb");
		return write_all(fd, bb, strlen(bb)) == 0 ? EXIT_TOO_WIDE : 5;
	}
	/* A PNG is a bitmap held whole in memory: 4 bytes a pixel, and
	 * cairo refuses a side over 32,767.  Too big a map is laid out
	 * again with `size`, which scales the drawing down (it is read
	 * when the layout starts, so it cannot be set afterwards). */
	double scale = strcmp(fmt, "png") == 0 ? govmap__png_scale(agget(g, "bb"))
					      : 1;
	if (scale < 1) {
		char size[64];
		double llx = 0, lly = 0, urx = 0, ury = 0;
		read_bb(agget(g, "bb"), &llx, &lly, &urx, &ury);
		snprintf(size, sizeof size, "%.2f,%.2f",
			 (urx - llx) / 72.0 * scale, (ury - lly) / 72.0 * scale);
		gvFreeLayout(gvc, g);
		agsafeset(g, "size", size, "");
		if (gvLayout(gvc, g, engine) != 0) {
			fprintf(stderr, "layout with %s failed\n", engine);
			return 3;
		}
	}
	if (gvRenderData(gvc, g, fmt, &buf, &len) != 0) {
		fprintf(stderr, "rendering %s failed\n", fmt);
		return 4;
	}
	/* no cleanup: _exit returns everything to the system at once */
	return write_all(fd, buf, len) == 0 ? 0 : 5;
}

typedef struct {
	char *buf;
	size_t n, cap;
	char err[512];
	size_t nerr;
	int nomem;
} layout_out;

/* In the parent: the rendering on `out`, Graphviz's messages on `err`. */
static int collect(void *arg, int which, const char *p, size_t k,
		   double *deadline)
{
	layout_out *o = arg;
	(void)deadline;
	if (which == 1) {
		if (k > sizeof o->err - 1 - o->nerr)
			k = sizeof o->err - 1 - o->nerr;
		memcpy(o->err + o->nerr, p, k);
		o->nerr += k;
		o->err[o->nerr] = '\0';
		return 0;
	}
	if (o->cap - o->n < k) {
		size_t nc = o->cap ? o->cap : 262144;
		while (nc - o->n < k)
			nc *= 2;
		char *nb = realloc(o->buf, nc);
		if (!nb) {
			o->nomem = 1;
			return -1;
		}
		o->buf = nb;
		o->cap = nc;
	}
	memcpy(o->buf + o->n, p, k);
	o->n += k;
	return 0;
}

static int layout_in_child(char **out, size_t *len, Agraph_t *g,
			   const char *engine, const char *fmt, double fit,
			   double *width, unsigned timeout,
			   govmap_diags *diags)
{
	layout_job job = {g, engine, fmt, fit};
	layout_out o = {0};
	govmap__child_limits lim = {60, 0, timeout, 0, 1};
#ifndef UNDER_ASAN
	/* ASan reserves terabytes of address space; no AS limit there */
	if (!getenv("GOVMAP_NO_RLIMIT_AS"))
		lim.max_bytes = 1UL << 30;
#endif
	govmap__child_result r;
	if (govmap__child_run(child, &job, collect, &o, &lim, &r) < 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "layout",
				 "cannot start the layout process: %s",
				 strerror(r.err));
		return GOVMAP_EIO;
	}
	int rc = o.nomem ? GOVMAP_ENOMEM : GOVMAP_OK;
	/* first line of Graphviz's own message, for the diagnostic */
	char *nl = strchr(o.err, '\n');
	if (nl)
		*nl = '\0';
	if (r.timed_out) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "layout-timeout",
				 "layout with %s did not finish within %u s: "
				 "draw a smaller map (--region, --focus ID "
				 "--depth N)",
				 engine, timeout);
		rc = GOVMAP_ELIMIT;
	} else if (rc == GOVMAP_OK && r.signal) {
		int sig = r.signal;
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "layout-crash",
				 "layout with %s was stopped by signal %d%s%s%s",
				 engine, sig,
				 sig == SIGXCPU ? " (CPU time limit)" : "",
				 o.err[0] ? ": " : "", o.err);
		rc = sig == SIGXCPU ? GOVMAP_ELIMIT : GOVMAP_EIO;
	} else if (rc == GOVMAP_OK && fit > 0 && r.status == EXIT_TOO_WIDE) {
		char bb[128] = "";
		double llx, lly, urx, ury;
		size_t k = o.n < sizeof bb - 1 ? o.n : sizeof bb - 1;
		if (o.buf)
			memcpy(bb, o.buf, k);
		bb[k] = '\0';
		if (width)
			*width = read_bb(bb, &llx, &lly, &urx, &ury)
					 ? urx - llx
					 : HUGE_VAL;
		rc = GOVMAP__TOO_WIDE;
	} else if (rc == GOVMAP_OK && r.status != 0) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "layout-failed", "layout with %s failed%s%s",
				 engine, o.err[0] ? ": " : " ",
				 o.err[0] ? o.err : "(out of memory?)");
		rc = GOVMAP_EIO;
	}
	if (rc != GOVMAP_OK) {
		free(o.buf);
		return rc;
	}
	*out = o.buf;
	*len = o.n;
	return GOVMAP_OK;
}

/* Lay out and render `m` once; GOVMAP__TOO_WIDE when `fit` and the
 * layout is wider than the limit, with its width in *width (points). */
static int render_once(char **out, size_t *len, const govmap__map *m,
		       const govmap_analysis *an, const govmap_map_opts *o,
		       govmap_map_format fmt, int fit, double *width,
		       govmap_diags *diags)
{
	Agraph_t *g = govmap__map_graph(m, an, o, NULL);
	size_t nodes = m->nnodes, edges = m->nedges;
	size_t clusters = o->national ? 0 : govmap__map_clusters(m);
	if (!g)
		return GOVMAP_ENOMEM;
	if (fmt == GOVMAP_MAP_DOT) {
		/* a memory stream grows as it is written: a failed
		 * allocation there shows only as a stream error or a failed
		 * fclose (agwrite does not always report it), and must not
		 * give a cut DOT text as if whole */
		*out = NULL;
		FILE *f = open_memstream(out, len);
		int bad = !f || agwrite(g, f) != 0;
		if (f) {
			bad |= ferror(f) != 0;
			bad |= fclose(f) != 0;
		}
		agclose(g);
		if (bad) {
			free(*out);
			*out = NULL;
			*len = 0;
			return GOVMAP_ENOMEM;
		}
		return GOVMAP_OK;
	}
	unsigned max_dot = o->max_dot_nodes ? o->max_dot_nodes : 2000;
	/* dot is superlinear in nodes and worse in clusters: ~900 nodes in
	 * 200 clusters ran out of its 60 s (CONTRIBUTING.md "Limits"); all
	 * of England after the 2026 ICB mergers, 449 nodes in 55 clusters
	 * (nested ones included), takes 3 s */
	/* the national overview draws no lines: osage packs its boxes in
	 * a grid (map.c) */
	const char *engine = o->national ? "osage"
			     : nodes <= max_dot && edges <= 5000 &&
					     (clusters <= 64 || nodes <= 300)
				     ? "dot"
				     : "sfdp";
	if (strcmp(engine, "sfdp") == 0) {
		agsafeset(g, "overlap", "prism", "");
		agsafeset(g, "splines", "false", "");
	}
	static const char *const names[] = {"svg", "png", "pdf"};
	int rc = layout_in_child(out, len, g, engine, names[fmt],
				 fit && strcmp(engine, "dot") == 0
					 ? (m->focus_map ? GOVMAP__FOCUS_MAX_WIDTH_PT
							 : GOVMAP__MAX_WIDTH_PT)
					 : 0,
				 width,
				 o->timeout_s ? o->timeout_s : 120, diags);
	agclose(g);
	return rc;
}

/* `m` at compaction step `step`: built again when the step summarises
 * like bodies at another threshold (and --collapse was not given). */
static int compact_to(govmap__map *m, const govmap_analysis *an,
		      const govmap_map_opts *o, unsigned step,
		      govmap_diags *diags)
{
	unsigned want = govmap__compact_collapse(step);
	if (!o->collapse && want != govmap__compact_collapse(m->compact)) {
		govmap_map_opts o2 = *o;
		o2.collapse = want;
		govmap__map_free(m);
		int rc = govmap__map_build(m, an, &o2, diags);
		if (rc != GOVMAP_OK)
			return rc;
	}
	m->compact = step;
	return GOVMAP_OK;
}

int govmap_map_render(char **out, size_t *len, const govmap_analysis *an,
		      const govmap_map_opts *opts, govmap_map_format fmt,
		      govmap_diags *diags)
{
	govmap_map_opts o = {0};
	govmap__map m;
	if (opts)
		o = *opts;
	*out = NULL;
	*len = 0;
	int rc = govmap__map_build(&m, an, &o, diags);
	if (rc != GOVMAP_OK) {
		govmap__map_free(&m);
		return rc;
	}
	if (fmt == GOVMAP_MAP_JSON) {
		rc = govmap__map_json(out, len, &m, an, &o);
		govmap__map_free(&m);
		return rc;
	}
	/* A region or national map wider than the limit is laid out
	 * again, folded more tightly and then with like bodies summarised
	 * (mapimpl.h); when no step fits, the narrowest is drawn.  A focus
	 * map has steps of its own (GOVMAP__FOCUS_STEPS: its rows in threes,
	 * then in twos); a map of more than GOVMAP__COMPACT_MAX_NODES is
	 * laid out once. */
	int fit = fmt != GOVMAP_MAP_DOT &&
		  m.nnodes <= GOVMAP__COMPACT_MAX_NODES;
	unsigned steps = m.focus_map ? GOVMAP__FOCUS_STEPS
				     : GOVMAP__COMPACT_STEPS;
	unsigned best = 0;
	double best_w = HUGE_VAL;
	for (;;) {
		double w = HUGE_VAL;
		rc = render_once(out, len, &m, an, &o, fmt, fit, &w, diags);
		if (rc != GOVMAP__TOO_WIDE)
			break;
		if (w < best_w) {
			best_w = w;
			best = m.compact;
		}
		unsigned step = m.compact + 1;
		if (step >= steps) {
			step = best;
			fit = 0;
		}
		rc = compact_to(&m, an, &o, step, diags);
		if (rc != GOVMAP_OK)
			break;
	}
	govmap__map_free(&m);
	return rc;
}
