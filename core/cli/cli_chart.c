/*
 * cli_chart.c - a small self-made SVG line chart (no library): one
 * series of values over time, for `govmap history --chart` (a body's
 * deficit, or the registry's total exposure, commit by commit).
 *
 * It owns the layout and the escaping of every piece of text it writes
 * (titles, commit summaries in tooltips are registry or repository text).
 * It writes into memory only; the caller writes the file atomically.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_chart.h"
#include "cli_vcs.h"

#define W 720.0 /* the whole picture */
#define H 360.0
#define L 90.0 /* the plot area's margins */
#define R 30.0
#define T 50.0
#define B 60.0

/* Text for XML: markup characters as entities, control characters
 * dropped; at most `max` characters (UTF-8 sequences kept whole). */
static void xml_text(FILE *f, const char *s, size_t max)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if ((*p & 0xc0) != 0x80 && ++n > max) {
			fputs("\xe2\x80\xa6", f); /* ... */
			return;
		}
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default:
			if (*p >= 0x20 && *p != 0x7f)
				fputc(*p, f);
		}
	}
}

static void value_text(char *buf, size_t size, double v, int money)
{
	if (money)
		govmap_money_format(buf, size, v);
	else
		snprintf(buf, size, "%.3f", v);
}

int cli_chart_svg(char **out, size_t *len, const char *title,
		  const char *ylabel, const cli_chart_point *pts, size_t n,
		  int money, const char *empty)
{
	char *buf = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&buf, &sz);
	*out = NULL;
	*len = 0;
	if (!f)
		return -1;
	/* x by time (by position when all points share one time); y from 0
	 * to 1 for scores, to the largest value (rounded up) for money */
	int64_t t0 = n ? pts[0].time : 0, t1 = n ? pts[n - 1].time : 0;
	double ymax = money ? 0 : 1;
	for (size_t i = 0; i < n; i++) {
		if (pts[i].time < t0)
			t0 = pts[i].time;
		if (pts[i].time > t1)
			t1 = pts[i].time;
		if (money && pts[i].value > ymax)
			ymax = pts[i].value;
	}
	if (money) {
		double step = ymax > 0 ? pow(10, floor(log10(ymax))) : 1;
		ymax = ceil(ymax / step) * step;
		if (ymax <= 0)
			ymax = 1;
	}
	double pw = W - L - R, ph = H - T - B;
	fprintf(f,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
		"height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
		"font-family=\"sans-serif\" font-size=\"12\">\n",
		W, H, W, H);
	fprintf(f, "<title>");
	xml_text(f, title, 200);
	fprintf(f,
		"</title>\n<rect width=\"100%%\" height=\"100%%\" "
		"fill=\"#ffffff\"/>\n<text x=\"%.0f\" y=\"28\" "
		"font-size=\"15\" font-weight=\"bold\">",
		L);
	xml_text(f, title, 90);
	fprintf(f, "</text>\n");
	/* axes, grid and the y labels */
	for (int k = 0; k <= 4; k++) {
		double v = ymax * k / 4, y = T + ph - ph * k / 4;
		char lab[32] = "";
		if (n) /* no point, no scale: never a "£0" for nothing */
			value_text(lab, sizeof lab, v, money);
		fprintf(f,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			"y2=\"%.1f\" stroke=\"%s\"/>\n"
			"<text x=\"%.1f\" y=\"%.1f\" "
			"text-anchor=\"end\">%s</text>\n",
			L, y, L + pw, y, k ? "#e0e0e0" : "#333333", L - 8,
			y + 4, lab);
	}
	fprintf(f,
		"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		"stroke=\"#333333\"/>\n",
		L, T, L, T + ph);
	fprintf(f,
		"<text transform=\"translate(20 %.1f) rotate(-90)\" "
		"text-anchor=\"middle\">",
		T + ph / 2);
	xml_text(f, ylabel, 60);
	fprintf(f, "</text>\n");
	if (!n) {
		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
			L + pw / 2, T + ph / 2);
		xml_text(f, empty ? empty : "no commits", 120);
		fprintf(f, "</text>\n</svg>\n");
		fclose(f);
		*out = buf;
		*len = sz;
		return 0;
	}
	double *xs = malloc(n * sizeof(*xs));
	if (!xs) {
		fclose(f);
		free(buf);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		double fx =
			t1 > t0 ? (double)(pts[i].time - t0) / (double)(t1 - t0)
			: n > 1 ? (double)i / (double)(n - 1)
				: 0.5;
		xs[i] = L + pw * fx;
	}
	/* the first and last dates under the x axis */
	char d0[11], d1[11];
	cli_time_date(d0, t0, 0);
	cli_time_date(d1, t1, 0);
	fprintf(f,
		"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">%s"
		"</text>\n",
		L, T + ph + 20, d0);
	if (t1 > t0)
		fprintf(f,
			"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">"
			"%s</text>\n",
			L + pw, T + ph + 20, d1);
	fprintf(f,
		"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
		"fill=\"#555555\">%zu commit%s</text>\n",
		L + pw / 2, T + ph + 44, n, n == 1 ? "" : "s");
	/* a step line: a value holds until the next commit changes it */
	fprintf(f, "<polyline fill=\"none\" stroke=\"#bd0026\" "
		   "stroke-width=\"2\" points=\"");
	for (size_t i = 0; i < n; i++) {
		double y = T + ph - ph * (pts[i].value / ymax);
		if (i)
			fprintf(f, " %.1f,%.1f", xs[i],
				T + ph - ph * (pts[i - 1].value / ymax));
		fprintf(f, "%s%.1f,%.1f", i ? " " : "", xs[i], y);
	}
	fprintf(f, "\"/>\n");
	for (size_t i = 0; i < n; i++) {
		char v[32], d[11];
		value_text(v, sizeof v, pts[i].value, money);
		cli_time_date(d, pts[i].time, 0);
		fprintf(f,
			"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
			"fill=\"#bd0026\"><title>",
			xs[i], T + ph - ph * (pts[i].value / ymax));
		xml_text(f, pts[i].label, 40);
		fprintf(f, " %s: %s, ", d, v);
		xml_text(f, pts[i].summary, 120);
		fprintf(f, "</title></circle>\n");
	}
	fprintf(f, "</svg>\n");
	free(xs);
	if (fclose(f) != 0) {
		free(buf);
		return -1;
	}
	*out = buf;
	*len = sz;
	return 0;
}
