/*
 * svgsize.c - the size of a rendered map, read from its SVG bytes.
 *
 * Graphviz writes the layout's bounding box (with its margins) as the
 * width and height of the <svg> element, in points.  The brief scales its
 * map by them and the site decides whether a map fits the page by them;
 * this is the one reader of both.  It reads a counted buffer (the bytes
 * govmap_map_render gives are not NUL-terminated) and never past it.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "govmap/map.h"

/* Does [p, end) start with the NUL-terminated s? */
static int starts(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

/* The first occurrence of s in [p, end), or NULL. */
static const char *find(const char *p, const char *end, const char *s)
{
	for (; p < end; p++)
		if (starts(p, end, s))
			return p;
	return NULL;
}

static int space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A length in attribute value [p, end): a decimal number, then "pt",
 * "px" (3/4 pt), "in" (72 pt) or nothing (px); then the closing quote.
 * In points, or -1. */
static double length(const char *p, const char *end, char quote)
{
	double v = 0, scale = 1;
	int digits = 0, dot = 0;
	for (; p < end && ((*p >= '0' && *p <= '9') || (*p == '.' && !dot));
	     p++) {
		if (*p == '.') {
			dot = 1;
			continue;
		}
		digits++;
		if (dot)
			v += (*p - '0') * (scale /= 10);
		else
			v = v * 10 + (*p - '0');
	}
	if (!digits || digits > 12)
		return -1;
	double unit = 0.75;
	if (starts(p, end, "pt"))
		unit = 1, p += 2;
	else if (starts(p, end, "px"))
		p += 2;
	else if (starts(p, end, "in"))
		unit = 72, p += 2;
	if (p >= end || *p != quote)
		return -1;
	v *= unit;
	return isfinite(v) && v > 0 ? v : -1;
}

/* The value of attribute `name` ("width") of the tag [p, end), in
 * points, or -1. */
static double attribute(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);
	char quote = 0;
	for (; p < end; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			quote = *p;
			continue;
		}
		/* p > the tag's start: p[-1] is in the buffer */
		if (space(p[-1]) && (size_t)(end - p) > n + 1 &&
		    memcmp(p, name, n) == 0 && p[n] == '=' &&
		    (p[n + 1] == '"' || p[n + 1] == '\''))
			return length(p + n + 2, end, p[n + 1]);
	}
	return -1;
}

int govmap_map_svg_size(const char *svg, size_t len, double *w, double *h)
{
	if (!svg)
		return -1;
	const char *p = svg, *end = svg + len;
	/* the first element, past the XML declaration, the doctype and
	 * comments (Graphviz's "Title:" comment holds registry text) */
	for (;;) {
		p = memchr(p, '<', (size_t)(end - p));
		if (!p)
			return -1;
		const char *close;
		if (starts(p, end, "<!--"))
			close = find(p + 4, end, "-->");
		else if (starts(p, end, "<?"))
			close = find(p + 2, end, "?>");
		else if (starts(p, end, "<!"))
			close = memchr(p, '>', (size_t)(end - p));
		else
			break;
		if (!close)
			return -1;
		p = close + 1;
	}
	if (!starts(p, end, "<svg") || p + 4 >= end || !space(p[4]))
		return -1;
	/* the tag runs to the first '>' outside quotes */
	const char *q = p + 4, *tag_end = NULL;
	char quote = 0;
	for (; q < end && !tag_end; q++) {
		if (quote)
			quote = *q == quote ? 0 : quote;
		else if (*q == '"' || *q == '\'')
			quote = *q;
		else if (*q == '>')
			tag_end = q;
	}
	if (!tag_end)
		return -1;
	double ww = attribute(p + 4, tag_end, "width");
	double hh = attribute(p + 4, tag_end, "height");
	if (ww < 0 || hh < 0)
		return -1;
	*w = ww;
	*h = hh;
	return 0;
}
