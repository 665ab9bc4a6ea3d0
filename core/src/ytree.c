/*
 * ytree.c - libyaml events to a bounded node tree.
 *
 * Owns the YAML syntax layer: limits on depth, scalar and key length,
 * documents and nodes per file; anchors and aliases refused; duplicate and
 * non-scalar keys rejected.  It knows nothing of the govmap schema; the
 * schema module turns trees into entities.
 */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ytree.h"

void govmap__parse_limits_defaults(govmap_parse_limits *lim)
{
	if (!lim->max_depth)
		lim->max_depth = 64;
	if (!lim->max_scalar)
		lim->max_scalar = 64 * 1024;
	if (!lim->max_key)
		lim->max_key = 1024;
	if (!lim->max_docs_per_file)
		lim->max_docs_per_file = 100;
	if (!lim->max_nodes_per_file)
		lim->max_nodes_per_file = 200000;
	if (!lim->max_entities)
		lim->max_entities = 1000000;
}

/* An open container while its children are being collected. */
typedef struct {
	ynode *node;
	ynode **kids;
	size_t n, cap;
} frame;

typedef struct {
	govmap__arena *arena;
	const char *file;
	const char *data;
	size_t len;
	govmap_diags *diags;
	govmap_parse_limits lim;
	frame *stack;
	size_t depth, stack_cap;
	size_t nodes;
	int failed;
	int cut;                  /* a syntax error stopped the parse ... */
	uint32_t cut_line, cut_col; /* ... there */
	/* the last scalar when it was quoted and ran over more than one line
	 * (q_line 0 otherwise): where a closing quote is missing, the value
	 * runs on to the next quote and the parse breaks after it */
	uint32_t q_line, q_col, q_end_line;
	/* the last scalar when it was a plain mapping value that ran over
	 * more than one line (p_node NULL otherwise), its key and the line
	 * it ended on: a key indented too far below it is read as more of
	 * its value, and the parse breaks at that key's ': ' */
	ynode *p_node;
	const ynode *p_key;
	uint32_t p_end_line;
} builder;

/* Bytes of a UTF-8 BOM at the start of data (libyaml skips it and counts
 * no column for it), else 0. */
static size_t bom_len(const char *data, size_t len)
{
	return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Bytes of the line break at data[i] as libyaml counts them (CR LF, CR,
 * LF, NEL, LS, PS), else 0. */
static size_t break_len(const char *data, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)data + i;
	size_t left = len - i;
	if (u[0] == '\r')
		return left >= 2 && u[1] == '\n' ? 2 : 1;
	if (u[0] == '\n')
		return 1;
	if (left >= 2 && u[0] == 0xC2 && u[1] == 0x85)
		return 2;
	if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0xA8 || u[2] == 0xA9))
		return 3;
	return 0;
}

/* Convert a byte offset into a 1-based line and character column, the way
 * libyaml counts its marks (BOM skipped, CR, CR LF, NEL, LS and PS end
 * lines). */
static void offset_to_pos(const char *data, size_t len, size_t off,
			  uint32_t *line, uint32_t *col)
{
	uint32_t l = 1, c = 1;
	if (off > len)
		off = len;
	for (size_t i = bom_len(data, len); i < off;) {
		size_t br = break_len(data, len, i);
		if (br) {
			l++;
			c = 1;
			i += br;
			continue;
		}
		if (((unsigned char)data[i] & 0xC0) != 0x80)
			c++;
		i++;
	}
	*line = l;
	*col = c;
}

/* The byte offset of a libyaml mark: mark.index counts characters, not
 * bytes, and does not count the BOM. */
static size_t mark_to_offset(const char *data, size_t len, size_t index)
{
	size_t i = bom_len(data, len);
	while (i < len && index) {
		i++;
		while (i < len && ((unsigned char)data[i] & 0xC0) == 0x80)
			i++;
		index--;
	}
	return i;
}

static void err(builder *b, uint32_t line, uint32_t col, const char *code,
		const char *msg)
{
	govmap_diags_add(b->diags, GOVMAP_SEV_ERROR, b->file, line, col, code,
			 "%s", msg);
	b->failed = 1;
}

static int add_child(builder *b, ynode *child)
{
	frame *f = &b->stack[b->depth - 1];
	if (govmap__grow((void **)&f->kids, &f->cap, f->n, sizeof(*f->kids)))
		return -1;
	f->kids[f->n++] = child;
	return 0;
}

static ynode *new_node(builder *b, ynode_type t, const yaml_mark_t *m)
{
	if (++b->nodes > b->lim.max_nodes_per_file) {
		char msg[128];
		snprintf(msg, sizeof msg,
			 "more than %zu YAML nodes in one file",
			 b->lim.max_nodes_per_file);
		err(b, (uint32_t)m->line + 1, (uint32_t)m->column + 1,
		    "limit-nodes", msg);
		return NULL;
	}
	ynode *n = govmap__arena_alloc(b->arena, sizeof(*n));
	if (!n) {
		err(b, 0, 0, "nomem", "out of memory");
		return NULL;
	}
	n->type = t;
	n->line = (uint32_t)m->line + 1;
	n->col = (uint32_t)m->column + 1;
	return n;
}

/* Report key `k`, a repeat of `first`.  The key is user text: quoted
 * (control characters as \xNN, cut to 80 characters). */
static void dup_key(builder *b, const ynode *k, const ynode *first)
{
	char q[128];
	govmap_diags_add(b->diags, GOVMAP_SEV_ERROR, b->file, k->line, k->col,
			 "duplicate-key", "duplicate key '%s' (first at %u:%u)",
			 govmap__quote(q, sizeof q, k->str), first->line,
			 first->col);
	b->failed = 1;
}

/* Check a finished mapping for duplicate keys.  Maps are small (a few
 * dozen keys), so the quadratic scan is cheaper than hashing; beyond 64
 * keys a temporary hash table is used. */
static void check_dup_keys(builder *b, ynode *map)
{
	if (map->n <= 64) {
		for (size_t i = 1; i < map->n; i++) {
			const ynode *k = map->kids[2 * i];
			for (size_t j = 0; j < i; j++) {
				const ynode *p = map->kids[2 * j];
				if (k->len == p->len &&
				    memcmp(k->str, p->str, k->len) == 0) {
					dup_key(b, k, p);
					break;
				}
			}
		}
		return;
	}
	govmap__strmap m;
	if (govmap__strmap_init(&m, map->n) < 0)
		return;
	for (size_t i = 0; i < map->n; i++) {
		const ynode *k = map->kids[2 * i];
		int32_t old;
		if (govmap__strmap_put(&m, k->str, (int32_t)i, &old) == 1) {
			dup_key(b, k, map->kids[2 * (size_t)old]);
		}
	}
	govmap__strmap_free(&m);
}

/* Close the innermost container: move its children into the arena. */
static int close_frame(builder *b, ynode **out)
{
	frame *f = &b->stack[--b->depth];
	ynode *node = f->node;
	if (f->n) {
		node->kids = govmap__arena_alloc(b->arena,
						 f->n * sizeof(*node->kids));
		if (!node->kids)
			return -1;
		memcpy(node->kids, f->kids, f->n * sizeof(*node->kids));
	}
	node->n = node->type == YN_MAP ? f->n / 2 : f->n;
	free(f->kids);
	f->kids = NULL;
	f->n = f->cap = 0;
	if (node->type == YN_MAP)
		check_dup_keys(b, node);
	*out = node;
	return 0;
}

static int open_frame(builder *b, ynode *node, const yaml_mark_t *m)
{
	if (b->depth >= b->lim.max_depth) {
		char msg[96];
		snprintf(msg, sizeof msg, "nesting deeper than %u levels",
			 b->lim.max_depth);
		err(b, (uint32_t)m->line + 1, (uint32_t)m->column + 1,
		    "limit-depth", msg);
		return -1;
	}
	if (b->depth == b->stack_cap) {
		size_t cap = b->stack_cap ? b->stack_cap * 2 : 16;
		frame *s = realloc(b->stack, cap * sizeof(*s));
		if (!s)
			return -1;
		b->stack = s;
		b->stack_cap = cap;
	}
	frame *f = &b->stack[b->depth++];
	f->node = node;
	f->kids = NULL;
	f->n = f->cap = 0;
	return 0;
}

/* Is the next child of the innermost frame a mapping key? */
static int expecting_key(const builder *b)
{
	if (!b->depth)
		return 0;
	const frame *f = &b->stack[b->depth - 1];
	return f->node->type == YN_MAP && f->n % 2 == 0;
}

/* libyaml's problem in plain words, with the fix, into buf (cl:cc is
 * where its context began, c the character the parse stopped at); 0, or
 * -1 where libyaml's own words are all there is. */
static int plain_words(char *buf, size_t size, const char *problem,
		       unsigned cl, unsigned cc, char c)
{
	if (!problem)
		return -1;
	if (strcmp(problem, "mapping values are not allowed in this "
			    "context") == 0)
		snprintf(buf, size,
			 "a ': ' (colon and space) here would start a key "
			 "where none can go: if it belongs to the value, put "
			 "the whole value in double quotes; if this line is a "
			 "key, indent it as far as the keys above it");
	else if (strcmp(problem, "did not find expected key") == 0)
		snprintf(buf, size,
			 "this line does not line up with the keys of the "
			 "mapping that starts at %u:%u: indent it as far as "
			 "the keys above it (or quote the value it belongs "
			 "to)", cl, cc);
	else if (strcmp(problem, "did not find expected '-' indicator") == 0)
		snprintf(buf, size,
			 "this line does not line up with the list that "
			 "starts at %u:%u: indent it as far as the first key "
			 "after its item's '- ', or start a new item with '- '",
			 cl, cc);
	else if (strcmp(problem, "found character that cannot start any "
				 "token") == 0)
		snprintf(buf, size,
			 "a value cannot start with '%c' here (YAML reserves "
			 "it): put the value in double quotes",
			 c > ' ' && c < 0x7f ? c : '?');
	else if (strcmp(problem, "could not find expected ':'") == 0)
		snprintf(buf, size,
			 "this line has no ': ' after its key: write 'key: "
			 "value', or indent the line under the value it "
			 "continues");
	else if (strcmp(problem, "did not find expected ',' or ']'") == 0)
		snprintf(buf, size,
			 "the list in [ ] that starts at %u:%u is not closed: "
			 "add the ']', or separate its items with commas",
			 cl, cc);
	else if (strcmp(problem, "did not find expected ',' or '}'") == 0)
		snprintf(buf, size,
			 "the mapping in { } that starts at %u:%u is not "
			 "closed: add the '}', or separate its entries with "
			 "commas", cl, cc);
	else
		return -1;
	return 0;
}

/* A key indented further than the key above it, whose plain value
 * runs on to it ("region: england/x" then " sources:"): YAML reads the
 * line as more of that value, and breaks at its ': '.  Say so at the
 * key, and mark the value (now holding the key) cut short, so that its
 * check is not a second error (registry.c, check_cut).  1 when said. */
static int indented_key(builder *b, const yaml_parser_t *p, uint32_t line,
			const char *raw)
{
	if (!p->problem || !b->p_node || !b->p_key ||
	    b->p_end_line != line ||
	    strcmp(p->problem, "mapping values are not allowed in this "
			       "context") != 0)
		return 0;
	size_t off = mark_to_offset(b->data, b->len, p->problem_mark.index);
	if (off > b->len)
		return 0;
	/* the line's start: after a line break as libyaml counts them
	 * (LF, CR, NEL, LS, PS: break_len) */
	size_t start = off;
	while (start > 0 && b->data[start - 1] != '\n' &&
	       b->data[start - 1] != '\r' &&
	       !(start >= 2 && break_len(b->data, b->len, start - 2) == 2) &&
	       !(start >= 3 && break_len(b->data, b->len, start - 3) == 3))
		start--;
	size_t indent = 0; /* data is not NUL-terminated */
	while (start + indent < off && b->data[start + indent] == ' ')
		indent++;
	uint32_t col = (uint32_t)indent + 1;
	if (start + indent >= off || col <= b->p_key->col)
		return 0;
	size_t klen = off - (start + indent);
	while (klen && b->data[start + indent + klen - 1] == ' ')
		klen--;
	char key[96], qk[128], qa[128], msg[1536];
	snprintf(key, sizeof key, "%.*s", (int)(klen < 80 ? klen : 80),
		 b->data + start + indent);
	unsigned extra = col - b->p_key->col;
	govmap__quote(qk, sizeof qk, key);
	govmap__quote(qa, sizeof qa, b->p_key->str);
	snprintf(msg, sizeof msg,
		 "'%s' is indented %u space%s more than '%s' above it "
		 "(%u:%u), so YAML reads this line as more of the value of "
		 "'%s': if '%s' is a key, line it up with '%s' (remove %s); "
		 "if the line belongs to the value, put the whole value in "
		 "double quotes [YAML: %s]",
		 qk, extra, extra == 1 ? "" : "s", qa, b->p_key->line,
		 b->p_key->col, qa, qk, qa,
		 extra == 1 ? "the extra space" : "the extra spaces", raw);
	err(b, line, col, "yaml-syntax", msg);
	b->cut_line = line;
	b->cut_col = col;
	b->p_node->cut = true;
	return 1;
}

static void parser_error(builder *b, yaml_parser_t *p)
{
	uint32_t line, col;
	char msg[768];
	if (p->encoding != YAML_ANY_ENCODING &&
	    p->encoding != YAML_UTF8_ENCODING) {
		/* the byte offsets below would count UTF-16 units */
		err(b, 1, 1, "yaml-encoding",
		    "the file is UTF-16: registry files must be UTF-8");
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		/* libyaml leaves the mark at 0:0 for reader errors and gives
		 * only a byte offset; convert it ourselves. */
		offset_to_pos(b->data, b->len, p->problem_offset, &line, &col);
		const char *pr = p->problem ? p->problem : "cannot read input";
		unsigned char at = p->problem_offset < b->len
			? (unsigned char)b->data[p->problem_offset] : 0;
		/* in plain words: what the byte is and what to do */
		if (strstr(pr, "UTF-8"))
			snprintf(msg, sizeof msg,
				 "the file is not UTF-8 here (byte \\x%02X): "
				 "save it as UTF-8 (a file saved as Latin-1 or "
				 "Windows-1252 writes a pound sign or a curly "
				 "quote this way) [YAML: %s (byte %zu)]",
				 at, pr, p->problem_offset);
		else if (strcmp(pr, "control characters are not allowed") == 0)
			snprintf(msg, sizeof msg,
				 "a control character (\\x%02X) that a "
				 "registry file cannot hold: remove it (is the "
				 "file text?) [YAML: %s (byte %zu)]",
				 at, pr, p->problem_offset);
		else
			snprintf(msg, sizeof msg, "%s (byte %zu)", pr,
				 p->problem_offset);
		err(b, line, col, "yaml-encoding", msg);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		err(b, 0, 0, "nomem", "out of memory while parsing");
		return;
	}
	line = (uint32_t)p->problem_mark.line + 1;
	col = (uint32_t)p->problem_mark.column + 1;
	b->cut = 1;
	b->cut_line = line;
	b->cut_col = col;
	size_t off = mark_to_offset(b->data, b->len, p->problem_mark.index);
	if (off < b->len && b->data[off] == '\t') {
		err(b, line, col, "yaml-tab",
		    "a tab is used for indentation: YAML needs spaces");
		return;
	}
	if (p->context &&
	    strcmp(p->context, "while scanning a simple key") == 0 &&
	    p->problem_mark.index - p->context_mark.index > 1024) {
		/* libyaml gives up on a key written without '?' after 1024
		 * characters (the YAML limit) with "could not find expected
		 * ':'"; say what happened */
		line = (uint32_t)p->context_mark.line + 1;
		col = (uint32_t)p->context_mark.column + 1;
		err(b, line, col, "limit-scalar",
		    "key longer than 1024 characters (YAML's limit for a "
		    "key, and govmap's)");
		return;
	}
	unsigned cl = (unsigned)p->context_mark.line + 1,
		 cc = (unsigned)p->context_mark.column + 1;
	char raw[256];
	if (p->context)
		snprintf(raw, sizeof raw, "%s (%s at %u:%u)",
			 p->problem ? p->problem : "syntax error", p->context,
			 cl, cc);
	else
		snprintf(raw, sizeof raw, "%s",
			 p->problem ? p->problem : "syntax error");
	/* a quote left open: the error is where the parse broke, lines
	 * later; the mistake is where the quoted value began */
	if (p->context &&
	    strcmp(p->context, "while scanning a quoted scalar") == 0) {
		snprintf(msg, sizeof msg,
			 "the quoted value that starts here is never closed: "
			 "add the closing quote at the end of the value "
			 "[YAML: %s]", raw);
		err(b, cl, cc, "yaml-syntax", msg);
		return;
	}
	if (b->q_line && line == b->q_end_line) {
		snprintf(msg, sizeof msg,
			 "the quoted value that starts here runs on to line "
			 "%u, where the file breaks at column %u: is its "
			 "closing quote missing? [YAML: %s]",
			 (unsigned)line, (unsigned)col, raw);
		err(b, b->q_line, b->q_col, "yaml-syntax", msg);
		return;
	}
	if (indented_key(b, p, line, raw))
		return;
	char plain[320];
	if (plain_words(plain, sizeof plain, p->problem, cl, cc,
			off < b->len ? b->data[off] : 0) == 0)
	{
		snprintf(msg, sizeof msg, "%s [YAML: %s]", plain, raw);
		/* libyaml finds the key's missing ':' a line late */
		if (p->context && strcmp(p->problem,
					 "could not find expected ':'") == 0) {
			line = cl;
			col = cc;
		}
	} else
		snprintf(msg, sizeof msg, "%s", raw);
	err(b, line, col, "yaml-syntax", msg);
}

/* After a syntax error: close the open collections (a mapping's key
 * without its value left out) into the document cut short, or NULL. */
static ynode *close_cut(builder *b)
{
	ynode *node = NULL;
	while (b->depth) {
		frame *f = &b->stack[b->depth - 1];
		if (node && add_child(b, node) < 0)
			return NULL;
		if (f->node->type == YN_MAP && f->n % 2)
			f->n--; /* a key whose value never came */
		f->node->cut = true;
		if (close_frame(b, &node) < 0)
			return NULL;
	}
	return node;
}

int govmap__ytree_parse(ynode ***docs_out, size_t *ndocs_out,
			govmap__arena *arena, const char *file,
			const char *data, size_t len,
			const govmap_parse_limits *lim, govmap_diags *diags)
{
	return govmap__ytree_parse_cut(docs_out, ndocs_out, NULL, NULL, NULL,
				       arena, file, data, len, lim, diags);
}

int govmap__ytree_parse_cut(ynode ***docs_out, size_t *ndocs_out,
			    ynode **cut, uint32_t *cut_line,
			    uint32_t *cut_col, govmap__arena *arena,
			    const char *file, const char *data, size_t len,
			    const govmap_parse_limits *lim, govmap_diags *diags)
{
	builder b = {0};
	yaml_parser_t p;
	yaml_event_t ev;
	ynode **docs = NULL;
	size_t ndocs = 0, capdocs = 0;
	int done = 0;

	b.arena = arena;
	b.file = file;
	b.data = data;
	b.len = len;
	b.diags = diags;
	b.lim = *lim;
	govmap__parse_limits_defaults(&b.lim);
	*docs_out = NULL;
	*ndocs_out = 0;

	if (!yaml_parser_initialize(&p)) {
		err(&b, 0, 0, "nomem", "cannot initialise the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);

	while (!done && !b.failed) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(&b, &p);
			break;
		}
		const yaml_mark_t *m = &ev.start_mark;
		ynode *node = NULL;
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
			/* libyaml decodes UTF-16 too; positions, byte offsets
			 * and Git diffs all assume UTF-8, so refuse it. */
			if (ev.data.stream_start.encoding !=
			    YAML_UTF8_ENCODING)
				err(&b, 1, 1, "yaml-encoding",
				    "the file is UTF-16: registry files must "
				    "be UTF-8");
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (ndocs >= b.lim.max_docs_per_file) {
				char msg[96];
				snprintf(msg, sizeof msg,
					 "more than %zu documents in one file",
					 b.lim.max_docs_per_file);
				err(&b, (uint32_t)m->line + 1,
				    (uint32_t)m->column + 1, "limit-documents",
				    msg);
			}
			break;
		case YAML_ALIAS_EVENT:
			err(&b, (uint32_t)m->line + 1, (uint32_t)m->column + 1,
			    "yaml-alias",
			    "aliases (*name) are not allowed in the registry: "
			    "write the value out in full");
			break;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			const yaml_char_t *anchor =
				ev.type == YAML_SCALAR_EVENT
					? ev.data.scalar.anchor
				: ev.type == YAML_SEQUENCE_START_EVENT
					? ev.data.sequence_start.anchor
					: ev.data.mapping_start.anchor;
			if (anchor) {
				err(&b, (uint32_t)m->line + 1,
				    (uint32_t)m->column + 1, "yaml-anchor",
				    "anchors (&name) are not allowed in the "
				    "registry: write the value out in full");
				break;
			}
			int is_key = expecting_key(&b);
			if (ev.type == YAML_SCALAR_EVENT) {
				size_t sl = ev.data.scalar.length;
				size_t max = is_key ? b.lim.max_key
						    : b.lim.max_scalar;
				if (sl > max) {
					char msg[128];
					snprintf(msg, sizeof msg,
						 "%s of %zu bytes is longer "
						 "than the limit of %zu",
						 is_key ? "key" : "scalar", sl,
						 max);
					err(&b, (uint32_t)m->line + 1,
					    (uint32_t)m->column + 1,
					    "limit-scalar", msg);
					break;
				}
				if (memchr(ev.data.scalar.value, '\0', sl)) {
					err(&b, (uint32_t)m->line + 1,
					    (uint32_t)m->column + 1,
					    "yaml-nul",
					    is_key ? "NUL character in a key"
						   : "NUL character in a value");
					break;
				}
				node = new_node(&b, YN_SCALAR, m);
				if (!node)
					break;
				node->str = govmap__arena_strndup(
					arena, (const char *)ev.data.scalar.value,
					sl);
				node->len = sl;
				node->plain = ev.data.scalar.style ==
					      YAML_PLAIN_SCALAR_STYLE;
				b.q_line = 0;
				b.p_node = NULL;
				if (!is_key && node->plain &&
				    ev.end_mark.line > m->line && b.depth &&
				    b.stack[b.depth - 1].node->type == YN_MAP &&
				    b.stack[b.depth - 1].n) {
					const frame *f = &b.stack[b.depth - 1];
					b.p_node = node;
					b.p_key = f->kids[f->n - 1];
					b.p_end_line =
						(uint32_t)ev.end_mark.line + 1;
				}
				if ((ev.data.scalar.style ==
					     YAML_SINGLE_QUOTED_SCALAR_STYLE ||
				     ev.data.scalar.style ==
					     YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
				    ev.end_mark.line > m->line) {
					b.q_line = (uint32_t)m->line + 1;
					b.q_col = (uint32_t)m->column + 1;
					b.q_end_line =
						(uint32_t)ev.end_mark.line + 1;
				}
				if (!node->str) {
					err(&b, 0, 0, "nomem", "out of memory");
					break;
				}
			} else {
				if (is_key) {
					err(&b, (uint32_t)m->line + 1,
					    (uint32_t)m->column + 1,
					    "yaml-complex-key",
					    "a mapping key must be a plain "
					    "value, not a list or mapping");
					break;
				}
				node = new_node(&b,
						ev.type == YAML_MAPPING_START_EVENT
							? YN_MAP
							: YN_SEQ,
						m);
				if (!node || open_frame(&b, node, m) < 0) {
					if (!b.failed)
						err(&b, 0, 0, "nomem",
						    "out of memory");
					break;
				}
				node = NULL; /* added when it closes */
			}
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (close_frame(&b, &node) < 0)
				err(&b, 0, 0, "nomem", "out of memory");
			break;
		default:
			break;
		}
		if (node && !b.failed) {
			if (b.depth) {
				if (add_child(&b, node) < 0)
					err(&b, 0, 0, "nomem", "out of memory");
			} else {
				if (govmap__grow((void **)&docs, &capdocs,
						 ndocs, sizeof(*docs)) < 0)
					err(&b, 0, 0, "nomem", "out of memory");
				else
					docs[ndocs++] = node;
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	if (cut) {
		*cut = NULL;
		/* the parse stops at its first error, so b.cut means the
		 * syntax error was the only one */
		if (b.cut && b.depth) {
			*cut = close_cut(&b);
			*cut_line = b.cut_line;
			*cut_col = b.cut_col;
		}
	}
	while (b.depth) {
		frame *f = &b.stack[--b.depth];
		free(f->kids);
	}
	free(b.stack);
	if (ndocs) {
		*docs_out = govmap__arena_alloc(arena, ndocs * sizeof(*docs));
		if (*docs_out) {
			memcpy(*docs_out, docs, ndocs * sizeof(*docs));
			*ndocs_out = ndocs;
		}
	}
	free(docs);
	return b.failed ? -1 : 0;
}

const ynode *govmap__ymap_get(const ynode *map, const char *key)
{
	if (!map || map->type != YN_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->kids[2 * i]->str, key) == 0)
			return map->kids[2 * i + 1];
	return NULL;
}
