/*
 * site_html.c - the site's HTML buffer and the one function that escapes
 * text for HTML (sb_esc), JSON strings, and the checks that decide what
 * may become a link or a file name.
 *
 * Owns: site_buf, sb_esc, sb_json, site_url_ok, site_id_ok,
 * site_region_ok, site_file_name.  It knows nothing of the registry or of
 * pages, and must not print or touch files.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site.h"
#include "govmap/escape.h"

void sb_free(site_buf *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

static int sb_reserve(site_buf *b, size_t more)
{
	if (b->oom)
		return -1;
	if (b->n + more + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->n + more + 1) {
		if (cap > ((size_t)-1) / 2) {
			b->oom = 1;
			return -1;
		}
		cap *= 2;
	}
	char *s = realloc(b->s, cap);
	if (!s) {
		b->oom = 1;
		return -1;
	}
	b->s = s;
	b->cap = cap;
	return 0;
}

void sb_putn(site_buf *b, const char *p, size_t n)
{
	if (sb_reserve(b, n) < 0)
		return;
	memcpy(b->s + b->n, p, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void sb_put(site_buf *b, const char *markup)
{
	if (markup)
		sb_putn(b, markup, strlen(markup));
}

void sb_putf(site_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || sb_reserve(b, (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

void sb_esc(site_buf *b, const char *text)
{
	if (!text)
		return;
	const char *run = text; /* bytes copied as they are */
	for (const char *p = text;; p++) {
		unsigned char ch = (unsigned char)*p;
		const char *rep = NULL;
		int drop = 0;
		switch (ch) {
		case '\n':
		case '\t': break;
		case '\0': break;
		default:
			rep = govmap_html_escape_byte(ch);
			drop = ch < 0x20 || ch == 0x7f;
			break;
		}
		if (!rep && !drop && ch)
			continue;
		sb_putn(b, run, (size_t)(p - run));
		if (rep)
			sb_put(b, rep);
		if (!ch)
			return;
		run = p + 1;
	}
}

void sb_esc_cap(site_buf *b, const char *text)
{
	if (text && *text >= 'a' && *text <= 'z') {
		char first[2] = {(char)(*text - 'a' + 'A'), '\0'};
		sb_put(b, first);
		text++;
	}
	sb_esc(b, text);
}

void sb_json(site_buf *b, const char *s)
{
	char buf[8];
	sb_put(b, "\"");
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		const char *e = govmap_json_escape_byte(*p, buf);
		if (e)
			sb_put(b, e);
		else
			sb_putn(b, (const char *)p, 1);
	}
	sb_put(b, "\"");
}

int site_url_ok(const char *url)
{
	size_t skip;
	if (!url)
		return 0;
	if (strncmp(url, "https://", 8) == 0)
		skip = 8;
	else if (strncmp(url, "http://", 7) == 0)
		skip = 7;
	else
		return 0;
	/* a host: at least one character that starts no path */
	if (!url[skip] || url[skip] == '/' || url[skip] == '?' ||
	    url[skip] == '#')
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || *p == '`')
			return 0;
	return strlen(url) <= 2048;
}

void sb_ext_link(site_buf *b, const char *url, const char *text)
{
	if (!text || !*text)
		text = url;
	if (site_url_ok(url)) {
		sb_put(b, "<a class=\"ext\" href=\"");
		sb_esc(b, url);
		sb_put(b, "\" rel=\"noopener noreferrer\">");
		sb_esc(b, text);
		sb_put(b, "</a>");
		return;
	}
	sb_esc(b, text);
	if (url && text != url) {
		sb_put(b, " <span class=\"refused-url\">(address not linked: ");
		sb_esc(b, url);
		sb_put(b, ")</span>");
	}
}

int site_id_ok(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n == 0 || n > 128 || id[0] == '-' || id[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = id[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      ch == '-'))
			return 0;
		if (ch == '-' && id[i + 1] == '-')
			return 0;
	}
	return 1;
}

int site_region_ok(const char *region)
{
	size_t n = region ? strlen(region) : 0;
	if (n == 0 || n > 200 || region[0] == '/' || region[n - 1] == '/')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = region[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      ch == '-' || ch == '/'))
			return 0;
		if (ch == '/' && region[i + 1] == '/')
			return 0;
	}
	return 1;
}

const char *site_file_name(char *buf, size_t size, const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (!site_region_ok(name) || n + 1 > size) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	for (size_t i = 0; i <= n; i++)
		buf[i] = name[i] == '/' ? '.' : name[i];
	return buf;
}
