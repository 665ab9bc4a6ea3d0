/*
 * cli_print.h - `govmap map --paper`: a map printed across sheets of A4
 * or A3 at a size its text can be read at (core/cli/cli_pdf.c draws it),
 * and the plan of those sheets without drawing them (the site says how
 * a map prints).  No cairo in this header.
 */
#ifndef GOVMAP_CLI_PRINT_H
#define GOVMAP_CLI_PRINT_H

#include <stddef.h>

typedef enum { CLI_PAPER_A4 = 0, CLI_PAPER_A3 } cli_paper;

/* "a4" or "a3" (any case); -1 for anything else. */
int cli_paper_parse(const char *s);

/* The smallest size text is printed at on a sheet, in points. */
#define CLI_PRINT_MIN_PT 8.0

/* The most sheets a printed map may take: more is refused (say what
 * would make it smaller) rather than printed as a pile of paper. */
#define CLI_PRINT_MAX_SHEETS 48

/* How a printed map was laid out, for the command's note. */
typedef struct {
	unsigned cols, rows; /* sheets across and down (1 x 1: one sheet) */
	int landscape;
	double scale;   /* map points to paper points */
	double min_pt;  /* the map's smallest text, printed (points) */
	unsigned pages; /* in the PDF: the sheets printed, plus the key
			   page when there is more than one sheet */
	unsigned printed; /* sheets printed: cols * rows less those with
			     nothing on them (cli_print_plan: all) */
	double map_w, map_h; /* the map at 100%, in points */
	double map_min_pt;   /* its smallest text at 100% */
} cli_print_info;

/* How the map in `svg` would be printed on `paper` (the sheets may be
 * more than CLI_PRINT_MAX_SHEETS: cli_print_map_pdf refuses those),
 * without drawing it.  0, or -1 when the map's size cannot be read. */
int cli_print_plan(cli_print_info *info, const char *svg, size_t len,
		   cli_paper paper);

/* The map (Graphviz SVG, `svg`, `len` bytes) as a PDF on sheets of
 * `paper`; a sheet with nothing of the map on it is left out (the key
 * page names it).  When it fits on one sheet with its smallest text at
 * CLI_PRINT_MIN_PT or more, one sheet, at 100% or less; otherwise
 * sheets at the scale that prints that text at CLI_PRINT_MIN_PT,
 * overlapping a little, in the orientation that takes fewer, each
 * headed with its grid reference (A1, B1, ... across, rows down) and
 * naming its neighbours, after a first page that shows the whole map
 * with the grid over it.  `title` (plain text, NULL for none) heads
 * every page.  0, or -1 with a reason in err (the map too big for
 * CLI_PRINT_MAX_SHEETS, an SVG librsvg cannot read, out of memory). */
int cli_print_map_pdf(char **out, size_t *outlen, cli_print_info *info,
		      const char *svg, size_t len, const char *title,
		      cli_paper paper, char *err, size_t errsize);

#endif
