/*
 * cli_pdf.h - PDF output shared by the area brief and the printed map
 * (cli_print.h): registry text made plain for pango, and a cairo PDF
 * surface writing into memory.  Needs cairo's headers (CLI_PKG_CFLAGS in
 * the Makefile).
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

#endif
