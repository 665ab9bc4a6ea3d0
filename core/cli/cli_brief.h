/*
 * cli_brief.h - the area brief (`govmap brief`, and a page per region on
 * the site): at most two A4 pages for committee papers.  Built once as a
 * list of plain-text blocks from the library's report API (report.h),
 * then written as HTML or as PDF (cairo, pango, librsvg).
 */
#ifndef GOVMAP_CLI_BRIEF_H
#define GOVMAP_CLI_BRIEF_H

#include <stddef.h>
#include <stdio.h>

#include "cli.h"

typedef enum {
	BRIEF_TITLE = 0, /* the heading */
	BRIEF_META,      /* registry, date, region path */
	BRIEF_H2,        /* a section heading */
	BRIEF_P,         /* a paragraph */
	BRIEF_ITEM,      /* a numbered deficit: lead in bold, then text */
	BRIEF_BULLET,    /* a question */
	BRIEF_NOTE,      /* small print (still 8 pt or more) */
	BRIEF_MAP,       /* the map, then its key (text) */
	BRIEF_PAGE       /* the second page starts here */
} cli_brief_kind;

/* One block.  Text is plain UTF-8 (registry text with control and bidi
 * characters replaced); each writer escapes it for its format. */
typedef struct {
	cli_brief_kind kind;
	char *lead; /* bold start, or NULL */
	char *text; /* or NULL */
	char *url;  /* an http(s) source to link, or NULL */
} cli_brief_block;

typedef struct {
	cli_brief_block *v;
	size_t n, cap;
	char *title;     /* "Area brief: South Yorkshire" (plain) */
	char *svg;       /* the map, Graphviz SVG; NULL when none */
	size_t svglen;
	double map_w, map_h; /* its size in points */
	double map_scale;    /* the scale it prints at on A4 (<= 1) */
	size_t map_bodies;   /* how many of the largest deficits it draws */
} cli_brief;

/* The smallest scale the map is printed at: its smallest text (10 pt,
 * govmap_map_opts.only) stays at 8 pt or more on paper. */
#define CLI_BRIEF_MIN_SCALE 0.8

/* Build the brief of `region` (a path the registry has) from an open
 * session.  Returns EXIT_OK, EXIT_USAGE (out of memory: a message is
 * printed) or EXIT_DATA (the map could not be laid out; diagnostics in
 * `diags`). */
int cli_brief_build(cli_brief *b, const cli_session *s, const char *region,
		    struct govmap_plugins *plugins, govmap_diags *diags);
void cli_brief_free(cli_brief *b);

/* Writes the map's SVG (svg, len) into an HTML page as the caller wants
 * it (the site inlines it through its allow-list); 0, or -1 to leave the
 * map out. */
typedef int (*cli_brief_map_fn)(FILE *f, const char *svg, size_t len,
				void *ctx);

/* The brief as one self-contained HTML page (no network; print CSS for
 * two A4 pages).  The map is an <img> of the SVG as a data: URL, or what
 * `map_fn` (may be NULL) writes.  malloc'd; -1 on out-of-memory. */
int cli_brief_html(char **out, size_t *len, const cli_brief *b,
		   cli_brief_map_fn map_fn, void *ctx);

/* The brief as PDF, two A4 pages at most.  malloc'd; -1 with a reason in
 * err on failure. */
int cli_brief_pdf(char **out, size_t *len, const cli_brief *b, char *err,
		  size_t errsize);

#endif
