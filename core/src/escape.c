/*
 * escape.c - the escaping rules for JSON and HTML (govmap/escape.h).
 */
#include <stdio.h>

#include "govmap/escape.h"
#include "util.h" /* govmap__invisible_control, defined here */

const char *govmap_json_escape_byte(unsigned char c, char buf[8])
{
	if (c == '"')
		return "\\\"";
	if (c == '\\')
		return "\\\\";
	if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&') {
		snprintf(buf, 8, "\\u%04x", c);
		return buf;
	}
	return NULL;
}

const char *govmap_html_escape_byte(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	case '`': return "&#96;";
	default: return NULL;
	}
}

int govmap__invisible_control(unsigned cp)
{
	/* C1 controls (U+0080-U+009F, 0x9B is CSI), the marks and
	 * embeddings, overrides and isolates that reorder what a terminal
	 * shows, and the invisible characters that make two names look
	 * alike (zero-width space, word joiner, BOM, Arabic letter mark),
	 * and the line and paragraph separators (U+2028, U+2029), which
	 * some terminals and editors break a line at, so a message could
	 * seem to end there; ZWJ and ZWNJ (U+200C, U+200D) are left:
	 * scripts need them */
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200B ||
	       cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202A && cp <= 0x202E) || cp == 0x2060 ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

/* The invisible control (C1, bidi, zero-width: govmap__invisible_control)
 * whose 2- or 3-byte UTF-8 sequence starts at p, or 0. */
static unsigned invisible_at(const unsigned char *p)
{
	unsigned cp;
	if (p[0] >= 0xC2 && p[0] <= 0xDF && (p[1] & 0xC0) == 0x80)
		cp = (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
	else if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
		 (p[2] & 0xC0) == 0x80)
		cp = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 |
		     (p[2] & 0x3Fu);
	else
		return 0;
	return govmap__invisible_control(cp) ? cp : 0;
}

int govmap_json_write(FILE *f, const char *s)
{
	char buf[8];
	int bad = fputc('"', f) == EOF;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		/* bidi controls and zero-width characters as \uNNNN, so
		 * that a reader of the JSON sees them (issue 20) */
		unsigned cp = *p >= 0xC2 ? invisible_at(p) : 0;
		if (cp) {
			bad |= fprintf(f, "\\u%04x", cp) < 0;
			p += cp < 0x800 ? 1 : 2;
			continue;
		}
		const char *e = govmap_json_escape_byte(*p, buf);
		bad |= e ? fputs(e, f) == EOF : fputc(*p, f) == EOF;
	}
	bad |= fputc('"', f) == EOF;
	return bad ? -1 : 0;
}
