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

/* In the child: lay out, render, write to fd, exit. */
static void child(Agraph_t *g, const char *engine, const char *fmt, int fd,
		  int errfd)
{
	struct rlimit cpu = {60, 61};
	setrlimit(RLIMIT_CPU, &cpu);
#ifndef UNDER_ASAN
	/* ASan reserves terabytes of address space; no AS limit there */
	if (!getenv("GOVMAP_NO_RLIMIT_AS")) {
		struct rlimit as = {1UL << 30, 1UL << 30};
		setrlimit(RLIMIT_AS, &as);
	}
#endif
	dup2(errfd, STDERR_FILENO);
	GVC_t *gvc = gvContext();
	char *buf = NULL;
	unsigned int len = 0;
	if (!gvc || gvLayout(gvc, g, engine) != 0) {
		fprintf(stderr, "layout with %s failed\n", engine);
		_exit(3);
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
			_exit(3);
		}
	}
	if (gvRenderData(gvc, g, fmt, &buf, &len) != 0) {
		fprintf(stderr, "rendering %s failed\n", fmt);
		_exit(4);
	}
	int rc = write_all(fd, buf, len) == 0 ? 0 : 5;
	/* no cleanup: _exit returns everything to the system at once */
	_exit(rc);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int layout_in_child(char **out, size_t *len, Agraph_t *g,
			   const char *engine, const char *fmt,
			   unsigned timeout, govmap_diags *diags)
{
	int pout[2], perr[2];
	char *buf = NULL, err[512] = "";
	size_t n = 0, cap = 0, nerr = 0;
	if (pipe(pout) < 0 || pipe(perr) < 0)
		return GOVMAP_EIO;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(pout[0]);
		close(pout[1]);
		close(perr[0]);
		close(perr[1]);
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0, "layout",
				 "cannot start the layout process: %s",
				 strerror(errno));
		return GOVMAP_EIO;
	}
	if (pid == 0) {
		close(pout[0]);
		close(perr[0]);
		child(g, engine, fmt, pout[1], perr[1]);
	}
	close(pout[1]);
	close(perr[1]);
	double deadline = now() + timeout;
	int timed_out = 0, open_out = 1, open_err = 1, rc = GOVMAP_OK;
	while (open_out || open_err) {
		struct pollfd pf[2] = {{pout[0], POLLIN, 0}, {perr[0], POLLIN, 0}};
		double left = deadline - now();
		if (left <= 0) {
			timed_out = 1;
			break;
		}
		int r = poll(pf, 2, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		if (open_out && (pf[0].revents & (POLLIN | POLLHUP))) {
			if (cap - n < 65536) {
				size_t nc = cap ? cap * 2 : 262144;
				char *nb = realloc(buf, nc);
				if (!nb) {
					rc = GOVMAP_ENOMEM;
					break;
				}
				buf = nb;
				cap = nc;
			}
			ssize_t got = read(pout[0], buf + n, cap - n);
			if (got > 0)
				n += (size_t)got;
			else if (got == 0 || errno != EINTR)
				open_out = 0;
		}
		if (open_err && (pf[1].revents & (POLLIN | POLLHUP))) {
			char tmp[512];
			ssize_t got = read(perr[0], tmp, sizeof tmp);
			if (got > 0) {
				size_t k = (size_t)got;
				if (k > sizeof err - 1 - nerr)
					k = sizeof err - 1 - nerr;
				memcpy(err + nerr, tmp, k);
				nerr += k;
				err[nerr] = '\0';
			} else if (got == 0 || errno != EINTR) {
				open_err = 0;
			}
		}
	}
	if (timed_out || rc != GOVMAP_OK)
		kill(pid, SIGKILL);
	close(pout[0]);
	close(perr[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* first line of Graphviz's own message, for the diagnostic */
	char *nl = strchr(err, '\n');
	if (nl)
		*nl = '\0';
	if (timed_out) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "layout-timeout",
				 "layout with %s did not finish within %u s: "
				 "draw a smaller map (--region, --focus ID "
				 "--depth N)",
				 engine, timeout);
		rc = GOVMAP_ELIMIT;
	} else if (rc == GOVMAP_OK && WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "layout-crash",
				 "layout with %s was stopped by signal %d%s%s%s",
				 engine, sig,
				 sig == SIGXCPU ? " (CPU time limit)" : "",
				 err[0] ? ": " : "", err);
		rc = sig == SIGXCPU ? GOVMAP_ELIMIT : GOVMAP_EIO;
	} else if (rc == GOVMAP_OK &&
		   (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, NULL, 0, 0,
				 "layout-failed", "layout with %s failed%s%s",
				 engine, err[0] ? ": " : " ",
				 err[0] ? err : "(out of memory?)");
		rc = GOVMAP_EIO;
	}
	if (rc != GOVMAP_OK) {
		free(buf);
		return rc;
	}
	*out = buf;
	*len = n;
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
	Agraph_t *g = govmap__map_graph(&m, an, &o, NULL);
	size_t nodes = m.nnodes, edges = m.nedges;
	size_t clusters = o.national ? 0 : govmap__map_clusters(&m);
	govmap__map_free(&m);
	if (!g)
		return GOVMAP_ENOMEM;
	if (fmt == GOVMAP_MAP_DOT) {
		FILE *f = open_memstream(out, len);
		if (!f || agwrite(g, f) != 0) {
			if (f)
				fclose(f);
			agclose(g);
			return GOVMAP_ENOMEM;
		}
		fclose(f);
		agclose(g);
		return GOVMAP_OK;
	}
	unsigned max_dot = o.max_dot_nodes ? o.max_dot_nodes : 2000;
	/* dot is superlinear in nodes and worse in clusters: ~900 nodes in
	 * 200 clusters ran out of its 60 s (CONTRIBUTING.md "Limits"); all
	 * of England after the 2026 ICB mergers, 449 nodes in 55 clusters
	 * (nested ones included), takes 3 s */
	const char *engine = nodes <= max_dot && edges <= 5000 &&
					     (clusters <= 64 || nodes <= 300)
				     ? "dot"
				     : "sfdp";
	if (strcmp(engine, "sfdp") == 0) {
		agsafeset(g, "overlap", "prism", "");
		agsafeset(g, "splines", "false", "");
	}
	static const char *const names[] = {"svg", "png", "pdf"};
	rc = layout_in_child(out, len, g, engine, names[fmt],
			     o.timeout_s ? o.timeout_s : 120, diags);
	agclose(g);
	return rc;
}
