/*
 * test_site_html.c - checks of the site's one escaping function and of
 * what may become a link or a file name (core/cli/site_html.c), built
 * and run by tests/site/run.sh.  TAP output; exit 1 on a failure.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "site.h"

static int n, failed;

static void check(int ok, const char *what)
{
	printf("%sok %d - ", ok ? "" : "not ", ++n);
	for (const unsigned char *p = (const unsigned char *)what; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			printf("\\x%02x", *p);
		else
			putchar(*p);
	putchar('\n');
	failed += !ok;
}

static void esc_is(const char *in, const char *want)
{
	site_buf b = {0};
	sb_esc(&b, in);
	int ok = b.s && strcmp(b.s, want) == 0;
	char what[300];
	snprintf(what, sizeof what, "sb_esc(%s)", in);
	check(ok, what);
	if (!ok)
		printf("#   got  %s\n#   want %s\n", b.s ? b.s : "(null)", want);
	sb_free(&b);
}

static void json_is(const char *in, const char *want)
{
	site_buf b = {0};
	sb_json(&b, in);
	int ok = b.s && strcmp(b.s, want) == 0;
	char what[300];
	snprintf(what, sizeof what, "sb_json(%s)", in);
	check(ok, what);
	if (!ok)
		printf("#   got  %s\n#   want %s\n", b.s ? b.s : "(null)", want);
	sb_free(&b);
}

static void link_is(const char *url, int linked)
{
	site_buf b = {0};
	sb_ext_link(&b, url, "title");
	int has_href = b.s && strstr(b.s, "href=") != NULL;
	char what[300];
	snprintf(what, sizeof what, "%s %s", url ? url : "(null)",
		 linked ? "becomes a link" : "stays text");
	check(site_url_ok(url) == linked && has_href == linked, what);
	if (b.s && !linked && strchr(b.s, '<') &&
	    strstr(b.s, "<span class=\"refused-url\">") != strchr(b.s, '<'))
		check(0, "a refused URL is shown as escaped text only");
	sb_free(&b);
}

int main(void)
{
	esc_is("plain text", "plain text");
	esc_is("<script>alert(\"x\")</script>",
	       "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
	esc_is("a & b 'c' `d`", "a &amp; b &#39;c&#39; &#96;d&#96;");
	esc_is("&amp; stays visible", "&amp;amp; stays visible");
	esc_is("ctl\x01\x1f\x7f chars\tand\nlines", "ctl chars\tand\nlines");
	esc_is("\" onmouseover=\"alert(1)", "&quot; onmouseover=&quot;alert(1)");
	esc_is("Caerdydd a\xe2\x80\x99r Fro \xc5\xb5", "Caerdydd a\xe2\x80\x99r Fro \xc5\xb5");
	esc_is("", "");

	{
		site_buf b = {0};
		sb_esc_cap(&b, "a body <b>");
		check(b.s && strcmp(b.s, "A body &lt;b&gt;") == 0,
		      "sb_esc_cap capitalises, then escapes");
		sb_free(&b);
		sb_esc_cap(&b, "<x");
		check(b.s && strcmp(b.s, "&lt;x") == 0, "sb_esc_cap(<x)");
		sb_free(&b);
	}
	json_is("a\"b\\c", "\"a\\\"b\\\\c\"");
	json_is("</script><!--", "\"\\u003c/script\\u003e\\u003c!--\"");
	json_is("it's & \n</script>", "\"it's \\u0026 \\u000a\\u003c/script\\u003e\"");

	link_is("https://example.org/a", 1);
	link_is("http://example.org/a?b=1&c='d'", 1);
	link_is("javascript:alert(1)", 0);
	link_is("JAVASCRIPT:alert(1)", 0);
	link_is(" javascript:alert(1)", 0);
	link_is("java\tscript:alert(1)", 0);
	link_is("data:text/html,<script>alert(1)</script>", 0);
	link_is("vbscript:msgbox(1)", 0);
	link_is("HTTPS://example.org/", 0);
	link_is("https:example.org", 0);
	link_is("https:///example.org", 0);
	link_is("//example.org/a", 0);
	link_is("/etc/passwd", 0);
	link_is("https://example.org/\"onmouseover=\"alert(1)", 0);
	link_is("https://example.org/<script>", 0);
	link_is("https://example.org/a b", 0);
	link_is("https://example.org/a\nb", 0);
	link_is("https://", 0);
	link_is("", 0);
	link_is(NULL, 0);
	{
		site_buf b = {0};
		sb_ext_link(&b, "https://example.org/?q='x'&y=1", "t<i>");
		check(b.s && strstr(b.s, "href=\"https://example.org/?q=&#39;x&#39;"
				      "&amp;y=1\"") &&
			      strstr(b.s, ">t&lt;i&gt;</a>"),
		      "a linked URL and its title are escaped");
		sb_free(&b);
		sb_ext_link(&b, "javascript:alert('x')", "<b>t</b>");
		check(b.s && !strstr(b.s, "<a") && !strstr(b.s, "<b>") &&
			      strstr(b.s, "javascript:alert(&#39;x&#39;)"),
		      "a refused URL and its title are shown as escaped text");
		sb_free(&b);
	}

	check(site_id_ok("bnssg-icb"), "kebab id accepted");
	check(!site_id_ok("../etc"), "'../etc' is not an id");
	check(!site_id_ok("a/b"), "'a/b' is not an id");
	check(!site_id_ok("a--b") && !site_id_ok("-a") && !site_id_ok("A"),
	      "ids are lower-case kebab");
	check(!site_id_ok("") && !site_id_ok(NULL), "empty id refused");
	char buf[64];
	check(strcmp(site_file_name(buf, sizeof buf, "england/greater-manchester"),
		     "england.greater-manchester") == 0,
	      "region file names join segments with '.'");
	check(strcmp(site_file_name(buf, sizeof buf, "core/no-chain"),
		     "core.no-chain") == 0,
	      "rule file names join segments with '.'");
	check(site_file_name(buf, sizeof buf, "../x")[0] == '\0' &&
		      site_file_name(buf, sizeof buf, "a//b")[0] == '\0' &&
		      site_file_name(buf, sizeof buf, "/a")[0] == '\0' &&
		      site_file_name(buf, sizeof buf, "a.b")[0] == '\0',
	      "unsafe names give no file name");
	printf("1..%d\n", n);
	return failed ? 1 : 0;
}
