/*
 * cli_pdf.h - PDF output shared by the area brief and the printed map:
 * registry text made plain for pango, a cairo stream into memory, and
 * `govmap map --paper`, a map printed across sheets of A4 or A3 at a
 * size its text can be read at.
 */
#ifndef GOVMAP_CLI_PDF_H
#define GOVMAP_CLI_PDF_H

#include <stddef.h>

#include <cairo.h>

/* Registry text made plain: control characters and Unicode bidi
 * controls (which could reorder what a reader sees) become '?', a line
 * break or tab a space; bytes that are not UTF-8 become '?'.  NULL
 * reads as "".  malloc'd; NULL on out-of-memory. */
char *cli_plain(const char *s);

/* A PDF written into memory: cli_pdf_begin gives a cairo context on a
 * PDF surface of w x h points (the document's title `title`, plain
 * text) writing into a zeroed sink; cli_pdf_end finishes it, frees the
 * context and surface and, when `rc` is 0 and all went well, hands the
 * bytes over (*out malloc'd, the caller's); else frees them and returns
 * -1 with a reason in err (unless rc already said one). */
typedef struct {
	char *buf;
	size_t n, cap;
	int nomem;
} cli_pdf_sink;
cairo_t *cli_pdf_begin(cli_pdf_sink *sink, double w, double h,
		       const char *title);
int cli_pdf_end(cairo_t *cr, cli_pdf_sink *sink, int rc, char **out,
		size_t *len, char *err, size_t errsize);

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
	unsigned pages; /* in the PDF: the sheets, plus the key page when
			   there is more than one sheet */
} cli_print_info;

/* The map (Graphviz SVG, `svg`, `len` bytes) as a PDF on sheets of
 * `paper`.  When it fits on one sheet with its smallest text at
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
