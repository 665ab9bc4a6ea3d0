/*
 * cli_pdf.c - PDF output shared by the area brief (cli_brief.c) and the
 * printed map (`govmap map --paper`): registry text made plain for
 * pango, a cairo stream into memory, and the map printed across sheets.
 *
 * Graphviz pages only PostScript, so the printed map is drawn here:
 * librsvg draws the map's SVG on a cairo PDF surface once per sheet,
 * clipped to that sheet's part of the map (Debian's cairo, pango and
 * librsvg, which Graphviz pulls in and the brief already uses).  Must
 * not print or write files.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "cli.h"
#include "cli_pdf.h"
#include "cli_print.h"
#include "govmap/map.h"

char *cli_plain(const char *s)
{
	if (!s)
		s = "";
	size_t n = strlen(s);
	char *o = malloc(n + 1), *p = o;
	if (!o)
		return NULL;
	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t len = u[0] < 0x80 ? 1 : (u[0] & 0xe0) == 0xc0 ? 2
					       : (u[0] & 0xf0) == 0xe0 ? 3
					       : (u[0] & 0xf8) == 0xf0 ? 4
								       : 0;
		int ok = len && i + len <= n;
		for (size_t k = 1; ok && k < len; k++)
			ok = (u[k] & 0xc0) == 0x80;
		if (!ok) {
			*p++ = '?';
			i++;
			continue;
		}
		if (len == 1 && (u[0] < 0x20 || u[0] == 0x7f)) {
			*p++ = u[0] == '\n' || u[0] == '\t' ? ' ' : '?';
			i++;
			continue;
		}
		if (len == 2 && u[0] == 0xc2 && u[1] < 0xa0) { /* C1 */
			*p++ = '?';
			i += 2;
			continue;
		}
		if (len == 3 && u[0] == 0xe2 &&
		    ((u[1] == 0x80 && (u[2] == 0x8e || u[2] == 0x8f ||
				       (u[2] >= 0xaa && u[2] <= 0xae))) ||
		     (u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9))) {
			*p++ = '?'; /* LRM, RLM, LRE..RLO, LRI..PDI */
			i += 3;
			continue;
		}
		memcpy(p, u, len);
		p += len;
		i += len;
	}
	*p = '\0';
	return o;
}

static cairo_status_t sink_write(void *closure, const unsigned char *data,
				 unsigned int length)
{
	cli_pdf_sink *s = closure;
	if (s->cap - s->n < length) {
		size_t nc = s->cap ? s->cap : 65536;
		while (nc - s->n < length)
			nc *= 2;
		char *nb = realloc(s->buf, nc);
		if (!nb) {
			s->nomem = 1;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		s->buf = nb;
		s->cap = nc;
	}
	memcpy(s->buf + s->n, data, length);
	s->n += length;
	return CAIRO_STATUS_SUCCESS;
}

cairo_t *cli_pdf_begin(cli_pdf_sink *sink, double w, double h,
		       const char *title)
{
	cairo_surface_t *surf =
		cairo_pdf_surface_create_for_stream(sink_write, sink, w, h);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
				       "govmap " GOVMAP_VERSION);
	cairo_t *cr = cairo_create(surf);
	cairo_surface_destroy(surf); /* the context holds it */
	return cr;
}

int cli_pdf_end(cairo_t *cr, cli_pdf_sink *sink, int rc, char **out,
		size_t *len, char *err, size_t errsize)
{
	cairo_surface_t *surf = cairo_surface_reference(cairo_get_target(cr));
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	cairo_status_t st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (rc == 0 && (st != CAIRO_STATUS_SUCCESS || sink->nomem)) {
		snprintf(err, errsize, "%s",
			 sink->nomem ? "out of memory"
				     : cairo_status_to_string(st));
		rc = -1;
	}
	if (rc != 0) {
		free(sink->buf);
		return -1;
	}
	*out = sink->buf;
	*len = sink->n;
	return 0;
}

int cli_paper_parse(const char *s)
{
	if (s && strcasecmp(s, "a4") == 0)
		return CLI_PAPER_A4;
	if (s && strcasecmp(s, "a3") == 0)
		return CLI_PAPER_A3;
	return -1;
}

/* ---- the printed map ---- */

/* A sheet, in points: the margin (inside most printers' reach), the
 * header (title, grid reference) and the footer (where the sheet sits,
 * its neighbours), and the strip neighbouring sheets share. */
#define P_MARGIN 28.0
#define P_HEAD 28.0
#define P_FOOT 24.0
#define P_OVERLAP 17.0 /* 6 mm */
/* the key page's text above its picture of the grid */
#define P_KEY_TEXT 64.0

/* The smallest font-size="N" in the SVG (Graphviz writes every text's
 * size that way), or 10 (Graphviz's default for a node) when none. */
static double smallest_font(const char *svg, size_t len)
{
	static const char key[] = "font-size=\"";
	double min = 0;
	const char *p = svg, *end = svg + len;
	while (p < end) {
		const char *q = memchr(p, 'f', (size_t)(end - p));
		if (!q || (size_t)(end - q) < sizeof key)
			break;
		p = q + 1;
		if (memcmp(q, key, sizeof key - 1) != 0)
			continue;
		char num[32];
		size_t k = 0;
		for (q += sizeof key - 1;
		     q < end && k + 1 < sizeof num && *q != '"'; q++)
			num[k++] = *q;
		num[k] = '\0';
		char *e;
		double v = strtod(num, &e);
		if (e != num && v > 0 && (min == 0 || v < min))
			min = v;
	}
	return min > 0 ? min : 10.0;
}

/* A column's letters: 0 -> A, 25 -> Z, 26 -> AA. */
static void col_name(char *buf, size_t size, unsigned c)
{
	char t[8];
	size_t k = 0;
	for (unsigned v = c + 1; v && k < sizeof t; v = (v - 1) / 26)
		t[k++] = (char)('A' + (v - 1) % 26);
	size_t o = 0;
	while (k && o + 1 < size)
		buf[o++] = t[--k];
	buf[o] = '\0';
}

static void sheet_name(char *buf, size_t size, unsigned c, unsigned r)
{
	char col[8];
	col_name(col, sizeof col, c);
	snprintf(buf, size, "%s%u", col, r + 1);
}

typedef struct {
	cairo_t *cr;
	PangoLayout *lay;
} pen;

/* `text` in `size` pt at (x, y), at most `w` wide (ellipsized), aligned
 * left (0), right (1) or centred (2); grey 0 (black) to 1 (white).
 * Returns the height drawn. */
static double put(pen *p, const char *text, double x, double y, double w,
		  double size, int bold, double grey, int align, int wrap)
{
	PangoFontDescription *fd =
		pango_font_description_from_string("DejaVu Sans");
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD
						   : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(p->lay, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(p->lay, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(p->lay, PANGO_WRAP_WORD_CHAR);
	/* cut in the middle: a title ends with the area it is of */
	pango_layout_set_ellipsize(p->lay, wrap ? PANGO_ELLIPSIZE_NONE
						: PANGO_ELLIPSIZE_MIDDLE);
	pango_layout_set_alignment(p->lay, align == 1	? PANGO_ALIGN_RIGHT
					   : align == 2 ? PANGO_ALIGN_CENTER
							: PANGO_ALIGN_LEFT);
	pango_layout_set_text(p->lay, text, -1);
	int lw, lh;
	pango_layout_get_size(p->lay, &lw, &lh);
	cairo_move_to(p->cr, x, y);
	cairo_set_source_rgb(p->cr, grey, grey, grey);
	pango_cairo_show_layout(p->cr, p->lay);
	return (double)lh / PANGO_SCALE;
}

/* The layout for one orientation: sheets across and down, and scale. */
typedef struct {
	double pw, ph;	/* the sheet */
	double cw, ch;	/* its map area */
	unsigned cols, rows;
	double scale;
} plan;

static plan plan_for(double pw, double ph, double w, double h, double need)
{
	plan p = {pw, ph, pw - 2 * P_MARGIN,
		  ph - 2 * P_MARGIN - P_HEAD - P_FOOT, 1, 1, 1};
	double fit = fmin(p.cw / w, p.ch / h);
	if (fit >= need) {
		p.scale = fmin(fit, 1.0);
		return p;
	}
	p.scale = need;
	double sw = w * need, sh = h * need;
	p.cols = (unsigned)ceil((sw - P_OVERLAP) / (p.cw - P_OVERLAP));
	p.rows = (unsigned)ceil((sh - P_OVERLAP) / (p.ch - P_OVERLAP));
	if (p.cols < 1)
		p.cols = 1;
	if (p.rows < 1)
		p.rows = 1;
	/* as large as those sheets allow, up to 100%: text larger than it
	 * must be, and no sheet left with a sliver of the map */
	double grow = fmin((p.cols * (p.cw - P_OVERLAP) + P_OVERLAP) / w,
			   (p.rows * (p.ch - P_OVERLAP) + P_OVERLAP) / h);
	if (grow > p.scale)
		p.scale = fmin(grow, 1.0);
	return p;
}

/* Draw the map on the current page: the map's point (0, 0) at (x, y),
 * `s` paper points a map point, clipped to the rectangle given. */
static int draw_map(cairo_t *cr, RsvgHandle *h, double w, double hh,
		    double x, double y, double s, double clip_x,
		    double clip_y, double clip_w, double clip_h, char *err,
		    size_t errsize)
{
	cairo_save(cr);
	cairo_rectangle(cr, clip_x, clip_y, clip_w, clip_h);
	cairo_clip(cr);
	RsvgRectangle vp = {x, y, w * s, hh * s};
	GError *ge = NULL;
	int ok = rsvg_handle_render_document(h, cr, &vp, &ge);
	if (!ok) {
		snprintf(err, errsize, "cannot draw the map: %s",
			 ge ? ge->message : "?");
		if (ge)
			g_error_free(ge);
	}
	cairo_restore(cr);
	return ok ? 0 : -1;
}

/* The page's title (or NULL: a map on one sheet shows its own) at the
 * top left and `ref` (a grid reference, or NULL) at the top right;
 * `foot` and "page N of M" at the bottom. */
static void frame(pen *p, const plan *pl, const char *title, const char *ref,
		  const char *foot, unsigned page, unsigned pages)
{
	double w = pl->pw - 2 * P_MARGIN, refw = ref ? 90 : 0;
	if (title)
		put(p, title, P_MARGIN, P_MARGIN, w - refw, 10, 1, 0.07, 0, 0);
	if (ref)
		put(p, ref, pl->pw - P_MARGIN - refw, P_MARGIN - 3, refw, 16,
		    1, 0.07, 1, 0);
	char pg[48];
	snprintf(pg, sizeof pg, "page %u of %u", page, pages);
	double fy = pl->ph - P_MARGIN - P_FOOT + 8;
	put(p, foot, P_MARGIN, fy, w - 70, 8.5, 0, 0.25, 0, 1);
	put(p, pg, pl->pw - P_MARGIN - 70, fy, 70, 8.5, 0, 0.25, 1, 0);
}

/* The first page of a map on several sheets: the whole map, the grid of
 * sheets over it, each cell named as its sheet is. */
static int key_page(pen *p, const plan *pl, RsvgHandle *h, double w,
		    double hh, double minf, const unsigned char *used,
		    const char *title, const char *paper, unsigned pages,
		    char *err, size_t errsize)
{
	unsigned sheets = pl->cols * pl->rows, printed = pages - 1;
	/* the blank sheets, named: "; D1 and D5 have nothing on them and
	 * are left out" */
	char blank[400] = "";
	size_t bn = 0;
	unsigned nblank = sheets - printed, k = 0;
	for (unsigned i = 0; i < sheets && bn + 40 < sizeof blank; i++)
		if (!used[i]) {
			char ref[16];
			sheet_name(ref, sizeof ref, i % pl->cols, i / pl->cols);
			k++;
			bn += (size_t)snprintf(
				blank + bn, sizeof blank - bn, "%s%s",
				k == 1 ? "; " : k == nblank ? " and " : ", ", ref);
		}
	if (nblank)
		snprintf(blank + bn, sizeof blank - bn, " %s",
			 nblank == 1 ? "has nothing on it and is left out"
				     : "have nothing on them and are left out");
	char *text = cli_asprintf(
		"This map is printed on %u sheets of %s (a grid %u across, %u "
		"down%s) at %.0f%% of its size, so that its smallest text is "
		"%.1f pt. The grid below shows which part of the map each "
		"sheet holds; each sheet is headed with its reference (A1 is "
		"the top left). Neighbouring sheets share a strip %.0f mm "
		"wide, marked on each by a dashed line: lay the sheets so that "
		"the lines meet.",
		printed, paper, pl->cols, pl->rows, blank, pl->scale * 100,
		minf * pl->scale, P_OVERLAP * 25.4 / 72);
	if (!text) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	double tx = P_MARGIN, ty = P_MARGIN + P_HEAD;
	double tw = pl->pw - 2 * P_MARGIN;
	put(p, text, tx, ty, tw, 9, 0, 0.07, 0, 1);
	free(text);
	/* the whole map under the text, the grid over it */
	double ay = ty + P_KEY_TEXT, ah = pl->ch - P_KEY_TEXT;
	double s = fmin(tw / w, ah / hh);
	double x0 = tx + (tw - w * s) / 2, y0 = ay;
	if (draw_map(p->cr, h, w, hh, x0, y0, s, tx, ay, tw, ah, err,
		     errsize) < 0)
		return -1;
	cairo_t *cr = p->cr;
	double stepx = (pl->cw - P_OVERLAP) / pl->scale,
	       stepy = (pl->ch - P_OVERLAP) / pl->scale;
	cairo_set_line_width(cr, 1.2);
	for (unsigned r = 0; r < pl->rows; r++)
		for (unsigned c = 0; c < pl->cols; c++) {
			double mx = c * stepx, my = r * stepy;
			double mw = fmin(stepx, w - mx), mh = fmin(stepy, hh - my);
			if (c == pl->cols - 1)
				mw = w - mx;
			if (r == pl->rows - 1)
				mh = hh - my;
			double gx = x0 + mx * s, gy = y0 + my * s;
			cairo_set_source_rgba(cr, 0.1, 0.25, 0.6, 0.9);
			cairo_rectangle(cr, gx, gy, mw * s, mh * s);
			cairo_stroke(cr);
			char ref[24];
			int is_used = used[r * pl->cols + c];
			sheet_name(ref, sizeof ref, c, r);
			/* the reference on a white patch, readable over the
			 * map's colours; a blank sheet's in grey */
			double lw = 34, lh = 20;
			cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
			cairo_rectangle(cr, gx + 3, gy + 3, lw, lh);
			cairo_fill(cr);
			put(p, ref, gx + 3, gy + 4, lw, 13, 1,
			    is_used ? 0.1 : 0.6, 2, 0);
			if (!is_used)
				put(p, "blank", gx + 3, gy + 4 + lh, lw + 20, 8,
				    0, 0.45, 0, 0);
		}
	char foot[160];
	snprintf(foot, sizeof foot,
		 "Key to the %u sheets that follow (pages 2 to %u).", printed,
		 pages);
	frame(p, pl, title, NULL, foot, 1, pages);
	return 0;
}

/* Is the sheet at column c, row r printed (in the grid, not blank)? */
static int printed_at(const plan *pl, const unsigned char *used, int c,
		      int r)
{
	return c >= 0 && r >= 0 && c < (int)pl->cols && r < (int)pl->rows &&
	       used[r * (int)pl->cols + c];
}

/* A sheet's own marks: a dashed line where each printed neighbour's
 * strip begins, and the edge of its map area. */
static void sheet_marks(cairo_t *cr, const plan *pl,
			const unsigned char *used, int c, int r)
{
	double cx = P_MARGIN, cy = P_MARGIN + P_HEAD;
	double dash[] = {4, 3};
	cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
	cairo_set_line_width(cr, 0.6);
	cairo_set_dash(cr, dash, 2, 0);
	if (printed_at(pl, used, c - 1, r)) {
		cairo_move_to(cr, cx + P_OVERLAP, cy);
		cairo_line_to(cr, cx + P_OVERLAP, cy + pl->ch);
	}
	if (printed_at(pl, used, c + 1, r)) {
		cairo_move_to(cr, cx + pl->cw - P_OVERLAP, cy);
		cairo_line_to(cr, cx + pl->cw - P_OVERLAP, cy + pl->ch);
	}
	if (printed_at(pl, used, c, r - 1)) {
		cairo_move_to(cr, cx, cy + P_OVERLAP);
		cairo_line_to(cr, cx + pl->cw, cy + P_OVERLAP);
	}
	if (printed_at(pl, used, c, r + 1)) {
		cairo_move_to(cr, cx, cy + pl->ch - P_OVERLAP);
		cairo_line_to(cr, cx + pl->cw, cy + pl->ch - P_OVERLAP);
	}
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
	cairo_set_line_width(cr, 0.5);
	cairo_rectangle(cr, cx, cy, pl->cw, pl->ch);
	cairo_stroke(cr);
}

/* A sheet's footer: "Sheet B1 (a grid 3 across, 2 down; the key is
 * page 1). Joins A1 on the left, C1 on the right, B2 below." (printed
 * neighbours only). */
static void sheet_footer(char *foot, size_t size, const plan *pl,
			 const unsigned char *used, unsigned printed, int c,
			 int r)
{
	static const char *const side[] = {"on the left", "on the right",
					   "above", "below"};
	const int nb[4][2] = {{c - 1, r}, {c + 1, r}, {c, r - 1}, {c, r + 1}};
	unsigned sheets = pl->cols * pl->rows;
	char ref[16], of[48] = "";
	sheet_name(ref, sizeof ref, (unsigned)c, (unsigned)r);
	if (printed < sheets)
		snprintf(of, sizeof of, ", %u of its %u sheets printed",
			 printed, sheets);
	size_t n = (size_t)snprintf(foot, size,
				    "Sheet %s (a grid %u across, %u down%s; "
				    "the key is page 1).",
				    ref, pl->cols, pl->rows, of);
	const char *sep = " Joins ";
	for (int k = 0; k < 4 && n < size; k++) {
		if (!printed_at(pl, used, nb[k][0], nb[k][1]))
			continue; /* none, or blank */
		char nref[16];
		sheet_name(nref, sizeof nref, (unsigned)nb[k][0],
			   (unsigned)nb[k][1]);
		n += (size_t)snprintf(foot + n, size - n, "%s%s %s", sep, nref,
				      side[k]);
		sep = ", ";
	}
	if (n + 1 < size && sep[0] == ',')
		snprintf(foot + n, size - n, ".");
}

/* Which sheets have something on them: the map drawn once, small (about
 * 1/8 of its size, at most 2,000 pixels a side), and each sheet's part
 * of it looked at for a pixel that is not white (a line, a box, a
 * word).  used[r * cols + c] is set for those; -1 when it cannot tell
 * (then every sheet is printed). */
static int find_used(unsigned char *used, const plan *pl, RsvgHandle *h,
		     double w, double hh)
{
	double rs = fmin(0.125, 2000.0 / fmax(w, hh));
	int iw = (int)ceil(w * rs), ih = (int)ceil(hh * rs);
	cairo_surface_t *img =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, iw, ih);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(img);
		return -1;
	}
	cairo_t *cr = cairo_create(img);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	RsvgRectangle vp = {0, 0, w * rs, hh * rs};
	int ok = rsvg_handle_render_document(h, cr, &vp, NULL);
	cairo_destroy(cr);
	cairo_surface_flush(img);
	if (!ok) {
		cairo_surface_destroy(img);
		return -1;
	}
	const unsigned char *px = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	double stepx = (pl->cw - P_OVERLAP) / pl->scale,
	       stepy = (pl->ch - P_OVERLAP) / pl->scale;
	double tw = pl->cw / pl->scale, th = pl->ch / pl->scale;
	for (unsigned r = 0; r < pl->rows; r++)
		for (unsigned c = 0; c < pl->cols; c++) {
			int x0 = (int)floor(c * stepx * rs),
			    x1 = (int)ceil((c * stepx + tw) * rs),
			    y0 = (int)floor(r * stepy * rs),
			    y1 = (int)ceil((r * stepy + th) * rs);
			if (x1 > iw)
				x1 = iw;
			if (y1 > ih)
				y1 = ih;
			int any = 0;
			for (int y = y0; y < y1 && !any; y++) {
				const uint32_t *row =
					(const uint32_t *)(px + (size_t)y * (size_t)stride);
				for (int x = x0; x < x1 && !any; x++) {
					uint32_t v = row[x];
					any = ((v >> 16) & 0xff) < 250 ||
					      ((v >> 8) & 0xff) < 250 ||
					      (v & 0xff) < 250;
				}
			}
			used[r * pl->cols + c] = (unsigned char)any;
		}
	cairo_surface_destroy(img);
	return 0;
}

/* The sheets for the map in `svg` on `paper`: the plan, the map's size
 * and its smallest text (*minf), and the info for the caller.  -1 when
 * the map's size cannot be read. */
static int choose(plan *pl, double *w, double *hh, double *minf,
		  cli_print_info *info, const char *svg, size_t len,
		  cli_paper paper)
{
	if (govmap_map_svg_size(svg, len, w, hh) < 0 || *w <= 0 || *hh <= 0)
		return -1;
	*minf = smallest_font(svg, len);
	double need = fmin(1.0, CLI_PRINT_MIN_PT / *minf);
	double a = paper == CLI_PAPER_A3 ? 841.89 : 595.276,
	       b = paper == CLI_PAPER_A3 ? 1190.55 : 841.89;
	plan port = plan_for(a, b, *w, *hh, need),
	     land = plan_for(b, a, *w, *hh, need);
	unsigned np = port.cols * port.rows, nl = land.cols * land.rows;
	/* fewer sheets; on one sheet each, the larger print */
	int use_land =
		nl < np || (nl == np && nl == 1 && land.scale > port.scale);
	*pl = use_land ? land : port;
	unsigned sheets = pl->cols * pl->rows;
	*info = (cli_print_info){pl->cols,
				 pl->rows,
				 use_land,
				 pl->scale,
				 *minf * pl->scale,
				 sheets > 1 ? sheets + 1 : 1,
				 sheets,
				 *w,
				 *hh,
				 *minf};
	return 0;
}

int cli_print_plan(cli_print_info *info, const char *svg, size_t len,
		   cli_paper paper)
{
	plan pl;
	double w, hh, minf;
	return choose(&pl, &w, &hh, &minf, info, svg, len, paper);
}

int cli_print_map_pdf(char **out, size_t *outlen, cli_print_info *info,
		      const char *svg, size_t len, const char *title,
		      cli_paper paper, char *err, size_t errsize)
{
	*out = NULL;
	*outlen = 0;
	plan pl;
	double w, hh, minf;
	cli_print_info pi;
	if (choose(&pl, &w, &hh, &minf, &pi, svg, len, paper) < 0) {
		snprintf(err, errsize, "cannot read the map's size");
		return -1;
	}
	const char *pname = paper == CLI_PAPER_A3 ? "A3" : "A4";
	unsigned sheets = pl.cols * pl.rows;
	if (sheets > CLI_PRINT_MAX_SHEETS) {
		snprintf(err, errsize,
			 "the map would take %u sheets of %s with its "
			 "smallest text at %.0f pt, more than %u: print it on "
			 "%s, draw less of it (--national, --region, --focus, "
			 "--collapse) or keep the SVG",
			 sheets, pname, CLI_PRINT_MIN_PT, CLI_PRINT_MAX_SHEETS,
			 paper == CLI_PAPER_A4 ? "A3 (--paper a3)"
					       : "larger paper");
		return -1;
	}
	char *ptitle = cli_plain(title);
	if (!ptitle) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	GError *ge = NULL;
	RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg, len,
						  &ge);
	if (!h) {
		snprintf(err, errsize, "cannot read the map: %s",
			 ge ? ge->message : "?");
		if (ge)
			g_error_free(ge);
		free(ptitle);
		return -1;
	}
	rsvg_handle_set_dpi(h, 72); /* points on a PDF surface */
	/* sheets with nothing on them are left out (a tall map's empty
	 * corners) */
	unsigned char *used = calloc(sheets, 1);
	if (!used) {
		g_object_unref(h);
		free(ptitle);
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	unsigned printed = 0;
	if (sheets == 1 || find_used(used, &pl, h, w, hh) < 0)
		memset(used, 1, sheets);
	for (unsigned i = 0; i < sheets; i++)
		printed += used[i];
	if (!printed) { /* a blank map: print it anyway */
		memset(used, 1, sheets);
		printed = sheets;
	}
	unsigned pages = sheets > 1 ? printed + 1 : 1;
	pi.printed = printed;
	pi.pages = pages;
	if (info)
		*info = pi;

	cli_pdf_sink sink = {0};
	cairo_t *cr = cli_pdf_begin(&sink, pl.pw, pl.ph, ptitle);
	pen p = {cr, pango_cairo_create_layout(cr)};
	int rc = 0;
	unsigned page = 1;
	if (sheets > 1) {
		rc = key_page(&p, &pl, h, w, hh, minf, used, ptitle, pname,
			      pages, err, errsize);
		cairo_show_page(cr);
		page++;
	}
	double cx = P_MARGIN, cy = P_MARGIN + P_HEAD;
	double stepx = (pl.cw - P_OVERLAP) / pl.scale,
	       stepy = (pl.ch - P_OVERLAP) / pl.scale;
	/* one sheet: the map centred across it */
	double x_in = sheets == 1 ? (pl.cw - w * pl.scale) / 2 : 0;
	for (unsigned r = 0; r < pl.rows && rc == 0; r++)
		for (unsigned c = 0; c < pl.cols && rc == 0; c++) {
			if (!used[r * pl.cols + c])
				continue;
			rc = draw_map(cr, h, w, hh,
				      cx + x_in - c * stepx * pl.scale,
				      cy - r * stepy * pl.scale, pl.scale, cx,
				      cy, pl.cw, pl.ch, err, errsize);
			sheet_marks(cr, &pl, used, (int)c, (int)r);
			char foot[400];
			if (sheets == 1) {
				snprintf(foot, sizeof foot,
					 "Printed at %.0f%% of its size: its "
					 "smallest text is %.1f pt.",
					 pl.scale * 100, minf * pl.scale);
				frame(&p, &pl, NULL, NULL, foot, page, pages);
			} else {
				char ref[16];
				sheet_name(ref, sizeof ref, c, r);
				sheet_footer(foot, sizeof foot, &pl, used,
					     printed, (int)c, (int)r);
				frame(&p, &pl, ptitle, ref, foot, page, pages);
			}
			cairo_show_page(cr);
			page++;
		}
	g_object_unref(p.lay);
	g_object_unref(h);
	free(used);
	free(ptitle);
	return cli_pdf_end(cr, &sink, rc, out, outlen, err, errsize);
}
