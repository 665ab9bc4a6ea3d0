/*
 * govmap/escape.h - how registry text is escaped for JSON and HTML: one
 * set of rules for every output (the map JSON, the CLI's JSON, the site's
 * pages and search index), so that no output escapes less than another.
 *
 * The functions answer per byte; each writer (a FILE, the site's buffer)
 * loops over its text with them.  UTF-8 passes through byte by byte;
 * only ASCII is ever escaped.
 */
#ifndef GOVMAP_ESCAPE_H
#define GOVMAP_ESCAPE_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The JSON escape of byte `c` inside a string literal, or NULL when the
 * byte is written as it is.  Escaped: `"` and `\` (as \" and \\), every
 * control character and DEL, and `<`, `>` and `&` (as \u00XX, so that a
 * JSON string is also safe inside an HTML page's script element).  `buf`
 * receives the escape when it must be built; the result is borrowed
 * from a static string or from buf.
 */
const char *govmap_json_escape_byte(unsigned char c, char buf[8]);

/** The HTML escape of byte `c` (`&amp;`, `&lt;`, `&gt;`, `&quot;`,
 * `&#39;`, and `&#96;` for the backtick), or NULL when it is written as it is.  Control characters
 * other than tab and newline are not HTML's business: callers drop or
 * show them (the site drops them). */
const char *govmap_html_escape_byte(unsigned char c);

/** Write `s` (NULL: empty) to f as a JSON string literal, quotes
 * included.  Returns 0, or -1 when a write failed. */
int govmap_json_write(FILE *f, const char *s);

#ifdef __cplusplus
}
#endif
#endif
