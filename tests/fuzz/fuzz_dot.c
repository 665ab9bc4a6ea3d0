/*
 * fuzz_dot.c - libFuzzer target: names from the fuzz input -> a small
 * registry -> govmap_map_render as DOT and as JSON.
 *
 * The input is split at NUL bytes into up to six names: the registry's
 * name (the map title) and the names of an electorate, a parliament, a
 * charity, a board and a seat role.  Each is written into the YAML as a
 * double-quoted scalar (bytes libyaml would refuse become \x or \u
 * escapes, so any byte string reaches the model), then the registry is
 * loaded through the real pipeline (fuzz_common.h) and mapped.  SVG is
 * never rendered here: that forks Graphviz, which the CLI tests cover.
 *
 * Oracles (abort() on failure):
 * - the DOT text parses back with cgraph's agmemread;
 * - in every label and tooltip a backslash only ever starts "\\" or "\n"
 *   (an escString escape of our own): user text never reaches Graphviz's
 *   \N \G \E \T \H \L expansions;
 * - each name, with '&' as "&amp;", control characters dropped and
 *   newlines, returns and tabs as spaces (govmap_dot_escape's contract),
 *   is found in a label
 *   (where the map may have wrapped it at a space);
 * - the JSON is well formed, with no raw control characters and no raw
 *   '<', '>' or '&' in strings (it may be inlined in HTML).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/cgraph.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NNAMES 6
#define MAXNAME 200

typedef struct {
	char *s;
	size_t n, cap;
} sbuf;

static void put(sbuf *b, const char *p, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->n + n + 1) * 2;
		char *s = realloc(b->s, cap);
		if (!s)
			abort();
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->n, p, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void puts_(sbuf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Code point of the UTF-8 sequence at p (len bytes), 0 if invalid. */
static unsigned decode(const unsigned char *p, size_t left, size_t *len)
{
	unsigned c = p[0];
	size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2
			       : c >= 0xE0 && c <= 0xEF	 ? 3
			       : c >= 0xF0 && c <= 0xF4	 ? 4
							 : 0;
	if (!n || n > left)
		return *len = 1, 0;
	unsigned cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 7;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return *len = 1, 0;
		cp = cp << 6 | (p[i] & 0x3Fu);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return *len = 1, 0;
	*len = n;
	return cp;
}

/* libyaml's printable set (reader.c), less the line breaks it would fold
 * inside a quoted scalar (LF, NEL, LS, PS): anything else is escaped. */
static int printable(unsigned cp)
{
	return (cp >= 0x20 && cp <= 0x7E) ||
	       (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029) ||
	       (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) ||
	       (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* Write name bytes as a YAML double-quoted scalar; record in `want` the
 * text the model will hold (UTF-8). */
static void yaml_quote(sbuf *y, sbuf *want, const unsigned char *p,
		       size_t n)
{
	char esc[16];
	puts_(y, "\"");
	for (size_t i = 0; i < n;) {
		size_t len;
		unsigned cp = decode(p + i, n - i, &len);
		if (cp && cp != '"' && cp != '\\' && cp != 0x0A &&
		    printable(cp)) {
			put(y, (const char *)p + i, len);
			put(want, (const char *)p + i, len);
		} else {
			/* a byte (invalid UTF-8) or a code point, escaped;
			 * \xNN means U+00NN */
			unsigned v = cp ? cp : p[i];
			if (v == 0)
				v = 0x01; /* NUL is refused by the loader */
			snprintf(esc, sizeof esc, v < 0x100 ? "\\x%02X"
					     : v < 0x10000 ? "\\u%04X"
							   : "\\U%08X",
				 v);
			puts_(y, esc);
			char u[5];
			size_t k = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4;
			if (k == 1)
				u[0] = (char)v;
			else if (k == 2)
				u[0] = (char)(0xC0 | v >> 6),
				u[1] = (char)(0x80 | (v & 0x3F));
			else if (k == 3)
				u[0] = (char)(0xE0 | v >> 12),
				u[1] = (char)(0x80 | (v >> 6 & 0x3F)),
				u[2] = (char)(0x80 | (v & 0x3F));
			else
				u[0] = (char)(0xF0 | v >> 18),
				u[1] = (char)(0x80 | (v >> 12 & 0x3F)),
				u[2] = (char)(0x80 | (v >> 6 & 0x3F)),
				u[3] = (char)(0x80 | (v & 0x3F));
			put(want, u, k);
		}
		i += len;
	}
	puts_(y, "\"");
}

/* What govmap_dot_escape makes of s, before doubling backslashes: '&'
 * as "&amp;" (Graphviz reads entities in labels), control characters
 * dropped, newlines, returns and tabs as spaces. */
static char *shown(const char *s)
{
	char *o = malloc(5 * strlen(s) + 1), *q = o;
	if (!o)
		abort();
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '&') {
			memcpy(q, "&amp;", 5);
			q += 5;
		} else if (*p == '\n' || *p == '\r' || *p == '\t') {
			*q++ = ' ';
		} else if (p[0] == 0xE2 &&
			   ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
			    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))) {
			p += 2; /* bidi controls are dropped (map.c) */
		} else if (*p >= 0x20 && *p != 0x7f) {
			*q++ = (char)*p;
		}
	}
	*q = '\0';
	return o;
}

/* Undo our escString escapes in an attribute value; abort on any other
 * backslash escape.  "\\n" becomes '\n'; so does "\\l" (a line ended
 * flush left) where `left` allows it: the map's title only. */
static char *unescape(const char *v, int left)
{
	char *o = malloc(strlen(v) + 1), *q = o;
	if (!o)
		abort();
	for (const char *p = v; *p; p++) {
		if (*p != '\\') {
			*q++ = *p;
			continue;
		}
		p++;
		if (*p == '\\')
			*q++ = '\\';
		else if (*p == 'n' || (left && *p == 'l'))
			*q++ = '\n';
		else
			abort(); /* user text reached an escString escape */
	}
	*q = '\0';
	return o;
}

static const char *SRC = "sources:\n  - url: https://example.org/t\n"
			 "    title: t\n    accessed: 2024-05-01\n";

static void check_attr_as(void *obj, const char *attr, sbuf *labels,
			  int left)
{
	char *v = agget(obj, (char *)attr);
	if (!v || aghtmlstr(v))
		return;
	char *u = unescape(v, left);
	if (labels) {
		/* labels are wrapped at spaces: compare with newlines read
		 * as spaces */
		for (char *c = u; *c; c++)
			if (*c == '\n')
				*c = ' ';
		puts_(labels, u);
		puts_(labels, "\n");
	}
	free(u);
}

static void check_attr(void *obj, const char *attr, sbuf *labels)
{
	check_attr_as(obj, attr, labels, 0);
}

static void check_dot(const char *dot, char *const *names, size_t nnames)
{
	Agraph_t *g = agmemread(dot);
	if (!g)
		abort(); /* our DOT does not parse */
	sbuf labels = {0};
	puts_(&labels, "\n");
	check_attr_as(g, "label", &labels, 1); /* the title: lines end \l */
	const char *title = agget(g, "label");
	for (Agraph_t *sg = agfstsubg(g); sg; sg = agnxtsubg(sg)) {
		/* a subgraph with no label of its own reads the title */
		const char *l = agget(sg, "label");
		if (l && title && strcmp(l, title) == 0)
			continue;
		check_attr(sg, "label", &labels);
	}
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
		check_attr(n, "label", &labels);
		check_attr(n, "tooltip", NULL);
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
			check_attr(e, "label", NULL);
			check_attr(e, "tooltip", NULL);
		}
	}
	for (size_t i = 0; i < nnames; i++) {
		char *s = shown(names[i]);
		if (s[0] && !strstr(labels.s, s))
			abort(); /* a name is missing or mangled */
		free(s);
	}
	free(labels.s);
	agclose(g);
}

/* A minimal JSON well-formedness check. */
static const char *json_value(const char *p);

static const char *json_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

static const char *json_string(const char *p)
{
	if (*p++ != '"')
		abort();
	for (; *p != '"'; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == '<' || c == '>' || c == '&')
			abort();
		if (c == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF",
						    p[i]) || !p[i])
						abort();
				p += 4;
			} else if (!*p || !strchr("\"\\/bfnrt", *p)) {
				abort();
			}
		}
	}
	return p + 1;
}

static const char *json_value(const char *p)
{
	p = json_ws(p);
	if (*p == '"')
		return json_string(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		p = json_ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (close == '}') {
				p = json_string(json_ws(p));
				p = json_ws(p);
				if (*p++ != ':')
					abort();
			}
			p = json_ws(json_value(p));
			if (*p == close)
				return p + 1;
			if (*p++ != ',')
				abort();
		}
	}
	if (strncmp(p, "true", 4) == 0)
		return p + 4;
	if (strncmp(p, "false", 5) == 0)
		return p + 5;
	if (strncmp(p, "null", 4) == 0)
		return p + 4;
	char *end;
	strtod(p, &end);
	if (end == p)
		abort();
	return end;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const unsigned char *name[NNAMES];
	size_t nlen[NNAMES], k = 0, start = 0;
	for (size_t i = 0; i <= size && k < NNAMES; i++)
		if (i == size || data[i] == 0) {
			name[k] = data + start;
			nlen[k] = i - start > MAXNAME ? MAXNAME : i - start;
			k++;
			start = i + 1;
		}
	static const char *const dflt[NNAMES] = {"Fuzz", "Voters", "Parl",
						 "Co", "Board", "Role"};
	for (; k < NNAMES; k++) {
		name[k] = (const unsigned char *)dflt[k];
		nlen[k] = strlen(dflt[k]);
	}

	sbuf y[NNAMES] = {{0}}, want[NNAMES] = {{0}};
	for (size_t i = 0; i < NNAMES; i++) {
		yaml_quote(&y[i], &want[i], name[i], nlen[i]);
		if (!want[i].s)
			puts_(&want[i], "");
	}
	sbuf man = {0}, f = {0};
	puts_(&man, "schema: 1\nname: ");
	puts_(&man, y[0].s);
	puts_(&man, "\n");
	char doc[512];
	static const char *const body[] = {
		"test-voters", "electorate", "test-parl", "parliament",
		"test-co", "charity"};
	for (size_t b = 0; b < 3; b++) {
		snprintf(doc, sizeof doc, "kind: body\nid: %s\ntype: %s\n"
					  "region: england/testshire\nname: ",
			 body[2 * b], body[2 * b + 1]);
		puts_(&f, doc);
		puts_(&f, y[1 + b].s);
		puts_(&f, b == 2 ? "\nmoney:\n  - year: 2024/25\n"
				   "    gbp: 1250000\n    kind: budget\n"
				   "    source: https://example.org/t\n"
				 : "\n");
		puts_(&f, SRC);
		puts_(&f, "---\n");
	}
	puts_(&f, "kind: board\nid: test-board\ntype: board\nof: test-co\n"
		  "name: ");
	puts_(&f, y[4].s);
	puts_(&f, "\nseats:\n  - role: ");
	puts_(&f, y[5].s);
	puts_(&f, "\n    count: 3\n    vacant: 1\n    appointed_by: test-parl\n");
	puts_(&f, SRC);
	static const char *const links[] = {
		"test-parl", "test-voters", "elected-by",
		"test-co", "test-parl", "reports-to",
		"test-board", "test-parl", "scrutinised-by"};
	for (size_t l = 0; l < 3; l++) {
		snprintf(doc, sizeof doc,
			 "---\nkind: link\nid: test-link-%zu\nfrom: %s\nto: %s\n"
			 "type: %s\nbasis: statute\npowers: [inform]\n",
			 l, links[3 * l], links[3 * l + 1], links[3 * l + 2]);
		puts_(&f, doc);
		puts_(&f, SRC);
	}

	const char *files[1] = {f.s};
	size_t lens[1] = {f.n};
	govmap_session *sess = fuzz_session(man.s, man.n, files, lens, 1, 0,
					    GOVMAP_STAGE_LOAD);
	const govmap_registry *reg = govmap_session_registry(sess);
	const govmap_diags *ld = govmap_session_diags(sess);
	govmap_analysis *an = NULL;
	govmap_analysis_opts ao = {20240601, NULL, NULL, 0, NULL};
	if (reg && ld->count[GOVMAP_SEV_ERROR] == 0 &&
	    govmap_analyse(&an, reg, &ao) == GOVMAP_OK) {
		govmap_findings fs = {0};
		govmap_core_findings(an, &fs);
		govmap_map_opts mo = {0};
		/* the title as the CLI builds it (cmd_map.c): a bare name
		 * alone, such as "\uFEFF", would be written unquoted by
		 * agwrite and not read back (a cgraph quirk, not ours) */
		char title[512];
		snprintf(title, sizeof title, "govmap: %s, fuzz, on 2024-06-01",
			 govmap_registry_name(reg));
		mo.title = title;
		mo.findings = &fs;
		govmap_diags md = {0};
		char *out = NULL;
		size_t len = 0;
		if (govmap_map_render(&out, &len, an, &mo, GOVMAP_MAP_DOT,
				      &md) == GOVMAP_OK) {
			char *names[NNAMES];
			for (size_t i = 0; i < NNAMES; i++)
				names[i] = want[i].s;
			/* the seat role is drawn only on a ghost node */
			check_dot(out, names, NNAMES);
		}
		free(out);
		out = NULL;
		if (govmap_map_render(&out, &len, an, &mo, GOVMAP_MAP_JSON,
				      &md) == GOVMAP_OK) {
			if (strlen(out) != len)
				abort();
			const char *end = json_ws(json_value(out));
			if (*end)
				abort();
		}
		free(out);
		govmap_diags_free(&md);
		govmap_findings_free(&fs);
		govmap_analysis_free(an);
	}
	govmap_session_free(sess);
	for (size_t i = 0; i < NNAMES; i++) {
		free(y[i].s);
		free(want[i].s);
	}
	free(man.s);
	free(f.s);
	return 0;
}
