/*
 * escape.c - the escaping rules for JSON and HTML (govmap/escape.h).
 */
#include <stdio.h>

#include "govmap/escape.h"

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

int govmap_json_write(FILE *f, const char *s)
{
	char buf[8];
	int bad = fputc('"', f) == EOF;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		const char *e = govmap_json_escape_byte(*p, buf);
		bad |= e ? fputs(e, f) == EOF : fputc(*p, f) == EOF;
	}
	bad |= fputc('"', f) == EOF;
	return bad ? -1 : 0;
}
