/*
 * schema.c - the registry schema: YAML trees to typed entities.
 *
 * Owns the list of keys each kind accepts, their types and which are
 * required, and the conversion of scalar text into dates, money, enums,
 * booleans, codes and references (unresolved: ids only).  It reports
 * type errors at the value's position and unknown keys with a "did you
 * mean".  It must not look across entities: ids, references and periods
 * between entities are validate.c's job.
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govmap/schema.h"
#include "registry_impl.h"

/* Field types. */
typedef enum {
	F_KIND, F_ID, F_TEXT, F_NAME, F_REGION, F_DATE, F_MONEY, F_BOOL,
	F_REF, F_REFLIST, F_STRLIST, F_SOURCES, F_CODES, F_SUPPRESS, F_VALID,
	F_SEATS, F_FORUM, F_BASIS, F_POWERS, F_FYEAR, F_MONEYS, F_GONE
} ftype;

#define K_BODY (1u << GOVMAP_KIND_BODY)
#define K_BOARD (1u << GOVMAP_KIND_BOARD)
#define K_CONTRACT (1u << GOVMAP_KIND_CONTRACT)
#define K_LINK (1u << GOVMAP_KIND_LINK)
#define K_ALL (K_BODY | K_BOARD | K_CONTRACT | K_LINK)

typedef struct {
	const char *key;
	unsigned kinds;    /* where the key is allowed */
	unsigned required; /* where it is required */
	ftype type;
	size_t off;        /* offset in govmap_entity */
	size_t off_n;      /* offset of the count for arrays */
} field;

#define OFF(f) offsetof(govmap_entity, f)
/* Sorted by name within the kind tables' meaning; order is the order of
 * "did you mean" candidates only. */
static const field fields[] = {
	{"kind", K_ALL, K_ALL, F_KIND, 0, 0},
	{"id", K_ALL, K_ALL, F_ID, OFF(id), 0},
	{"name", K_ALL, K_BODY | K_BOARD | K_CONTRACT, F_NAME, OFF(name), 0},
	{"type", K_ALL, K_BODY | K_LINK, F_ID, OFF(type), 0},
	{"region", K_ALL, K_BODY, F_REGION, OFF(region), 0},
	{"notes", K_ALL, 0, F_TEXT, OFF(notes), 0},
	{"sources", K_ALL, K_ALL, F_SOURCES, OFF(sources), OFF(nsources)},
	{"valid", K_ALL, 0, F_VALID, OFF(valid), 0},
	{"codes", K_ALL, 0, F_CODES, OFF(codes), OFF(ncodes)},
	{"suppress", K_ALL, 0, F_SUPPRESS, OFF(suppress), OFF(nsuppress)},
	{"statutory_basis", K_BODY | K_BOARD, 0, F_TEXT, OFF(statutory_basis), 0},
	{"legal_form", K_BODY, 0, F_TEXT, OFF(legal_form), 0},
	{"money", K_BODY | K_BOARD | K_CONTRACT, 0, F_MONEYS, OFF(money),
	 OFF(nmoney)},
	/* keys of an older schema: read only to say what replaced them */
	{"spend_gbp", K_BODY | K_BOARD, 0, F_GONE, 0, 0},
	{"spend_year", K_BODY | K_BOARD, 0, F_GONE, 0, 0},
	{"meets_in_public", K_BODY | K_BOARD, 0, F_BOOL, OFF(meets_in_public), 0},
	{"publishes_papers", K_BODY | K_BOARD, 0, F_BOOL, OFF(publishes_papers), 0},
	{"replaces", K_BODY | K_BOARD, 0, F_REF, OFF(replaces), 0},
	{"succeeded_by", K_BODY | K_BOARD, 0, F_REF, OFF(succeeded_by), 0},
	{"of", K_BOARD, 0, F_REF, OFF(of), 0},
	{"joint", K_BOARD, 0, F_REFLIST, OFF(joint), OFF(njoint)},
	{"seats", K_BOARD, 0, F_SEATS, OFF(seats), OFF(nseats)},
	{"decides", K_BOARD, 0, F_STRLIST, OFF(decides), OFF(ndecides)},
	{"commissioner", K_CONTRACT, K_CONTRACT, F_REF, OFF(commissioner), 0},
	{"provider", K_CONTRACT, K_CONTRACT, F_REF, OFF(provider), 0},
	{"value_gbp", K_CONTRACT, 0, F_MONEY, OFF(value_gbp), 0},
	{"start", K_CONTRACT, 0, F_DATE, OFF(start), 0},
	{"end", K_CONTRACT, 0, F_DATE, OFF(end), 0},
	{"tendered", K_CONTRACT, 0, F_BOOL, OFF(tendered), 0},
	{"published", K_CONTRACT, 0, F_BOOL, OFF(published), 0},
	{"services", K_CONTRACT, 0, F_STRLIST, OFF(services), OFF(nservices)},
	{"from", K_LINK, K_LINK, F_REF, OFF(from), 0},
	{"to", K_LINK, K_LINK, F_REF, OFF(to), 0},
	{"forum", K_LINK, 0, F_FORUM, OFF(forum), 0},
	{"basis", K_LINK, K_LINK, F_BASIS, OFF(basis), 0},
	{"powers", K_LINK, 0, F_POWERS, OFF(powers), 0},
};
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

static const char *const kind_names[] = {"body", "board", "contract", "link"};
static const char *const forum_names[] = {
	"", "political", "legal", "administrative", "professional", "social"};
static const char *const basis_names[] = {
	"", "statute", "regulation", "contract", "guidance", "voluntary",
	"none"};
static const char *const power_names[] = {"inform", "question", "sanction"};
static const char *const fill_names[] = {
	"", "elected", "appointed", "nominated", "ex officio", "unstated"};

const char *govmap_kind_name(govmap_kind k)
{
	return (unsigned)k < GOVMAP_KIND__COUNT ? kind_names[k] : "?";
}
const char *govmap_forum_name(govmap_forum f)
{
	return (unsigned)f <= GOVMAP_FORUM_SOCIAL ? forum_names[f] : "?";
}
const char *govmap_basis_name(govmap_basis b)
{
	return (unsigned)b <= GOVMAP_BASIS_NONE ? basis_names[b] : "?";
}
const char *govmap_fill_name(govmap_fill f)
{
	return (unsigned)f <= GOVMAP_FILL_UNSTATED ? fill_names[f] : "?";
}

const char *govmap_entity_code(const govmap_entity *e, const char *scheme)
{
	for (size_t i = 0; i < e->ncodes; i++)
		if (strcmp(e->codes[i].scheme, scheme) == 0)
			return e->codes[i].value;
	return NULL;
}

/* Conversion context for one entity. */
typedef struct {
	govmap__arena *arena;
	const char *file;
	govmap_diags *diags;
	int errors;
} ctx;

static govmap_pos pos_of(const ctx *c, const ynode *n)
{
	govmap_pos p = {c->file, n->line, n->col};
	return p;
}

static void verr(ctx *c, const ynode *n, const char *code, const char *fmt,
		 ...) __attribute__((format(printf, 4, 5)));
/* An error at n; `key`, when not NULL, is the key the value is in, for
 * the diagnostic's `key` field (common.h). */
static void vmsg(ctx *c, const ynode *n, const char *code, const char *key,
		 const char *fmt, va_list ap)
{
	char *m = govmap__vasprintf(fmt, ap);
	govmap__diags_about(c->diags, GOVMAP_SEV_ERROR, pos_of(c, n), code,
			    NULL, key,
			    "%s", m ? m : "error");
	free(m);
	c->errors++;
}

static void verr(ctx *c, const ynode *n, const char *code, const char *fmt,
		 ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(c, n, code, NULL, fmt, ap);
	va_end(ap);
}

static void verr_key(ctx *c, const ynode *n, const char *code,
		     const char *key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void verr_key(ctx *c, const ynode *n, const char *code,
		     const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(c, n, code, key, fmt, ap);
	va_end(ap);
}

static const char *describe(const ynode *n)
{
	return n->type == YN_MAP ? "a mapping"
	       : n->type == YN_SEQ ? "a list"
				   : "a value";
}

static int is_null(const ynode *n)
{
	return n->type == YN_SCALAR && n->plain &&
	       (n->len == 0 || strcmp(n->str, "~") == 0 ||
		strcmp(n->str, "null") == 0);
}

static int want_scalar(ctx *c, const ynode *n, const char *key,
		       const char *what)
{
	if (n->type == YN_SCALAR)
		return 1;
	verr(c, n, "type", "'%s' must be %s, not %s", key, what, describe(n));
	return 0;
}

/* Out of memory while converting node n: an error (the entity is
 * dropped, the load fails as out of memory). */
static void nomem(ctx *c, const ynode *n)
{
	verr(c, n, "nomem", "out of memory");
}

/* A copy of s in the arena, or NULL (and a "nomem" error at n). */
static char *dup(ctx *c, const ynode *n, const char *s)
{
	char *d = govmap__arena_strdup(c->arena, s);
	if (!d)
		nomem(c, n);
	return d;
}

int govmap__id_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 128 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      ch == '-'))
			return 0;
		if (ch == '-' && s[i + 1] == '-')
			return 0;
	}
	return 1;
}

static int region_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 200 || s[0] == '/' || s[n - 1] == '/')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      ch == '-' || ch == '/'))
			return 0;
		if (ch == '/' && s[i + 1] == '/')
			return 0;
	}
	return 1;
}

static int conv_id(ctx *c, const ynode *n, const char *key, char **out)
{
	char q[128];
	if (!want_scalar(c, n, key, "an id"))
		return -1;
	if (!govmap__id_valid(n->str)) {
		verr(c, n, "id-syntax",
		     "'%s' is not a valid %s: use lower-case letters, digits "
		     "and single hyphens, at most 128 characters",
		     govmap__quote(q, sizeof q, n->str),
		     strcmp(key, "type") == 0 ? "type name" : "id");
		return -1;
	}
	*out = dup(c, n, n->str);
	return *out ? 0 : -1;
}

/* Text of any field: no bidi control (embedding, override, isolate,
 * mark) and no zero-width space, word joiner or BOM, which reorder or
 * hide what a reader sees (a name that looks like another's, a reversed
 * URL); a name in a right-to-left script may hold the marks it needs. */
static int conv_text_as(ctx *c, const ynode *n, const char *key, char **out,
			int name)
{
	if (!want_scalar(c, n, key, "text"))
		return -1;
	unsigned cp = govmap__text_invisible(n->str, name);
	if (cp) {
		char q[128];
		verr(c, n, "invisible-char",
		     "'%s' holds U+%04X, an invisible character that can "
		     "reorder or disguise text: remove it ('%s')",
		     key, cp, govmap__quote(q, sizeof q, n->str));
		*out = NULL;
		return -1;
	}
	/* free text may hold tabs and line breaks; any other control
	 * character (an escape sequence, a bell) has no place in a record:
	 * every output escapes it, and check says so (names are refused
	 * them outright: conv_name) */
	if (!name)
		for (const unsigned char *p = (const unsigned char *)n->str; *p;
		     p++)
			if ((*p < 0x20 && *p != '\t' && *p != '\n' &&
			     *p != '\r') ||
			    *p == 0x7f) {
				char q[128];
				govmap_diags_add(
					c->diags, GOVMAP_SEV_WARNING, c->file,
					n->line, n->col, "control-char",
					"'%s' holds a control character "
					"(\\x%02X): every output escapes it, "
					"but it has no place in the record: "
					"remove it ('%s')",
					key, *p, govmap__quote(q, sizeof q, n->str));
				break;
			}
	*out = dup(c, n, n->str);
	return *out ? 0 : -1;
}

static int conv_text(ctx *c, const ynode *n, const char *key, char **out)
{
	return conv_text_as(c, n, key, out, 0);
}

#define NAME_MAX_CHARS 300 /* registry/README.md, "Value formats" */

static int conv_name(ctx *c, const ynode *n, const char *key, char **out)
{
	if (conv_text_as(c, n, key, out, 1) < 0)
		return -1;
	if (!**out || strspn(*out, " \t") == strlen(*out)) {
		verr(c, n, "empty", "'%s' must not be empty", key);
		return -1;
	}
	/* names, titles, roles and reasons are one line of text: they are
	 * echoed into messages, maps and pages, where a newline or an
	 * escape could forge a diagnostic or drive a terminal */
	for (const unsigned char *p = (const unsigned char *)*out; *p; p++)
		if (*p < 0x20 || *p == 0x7f) {
			char q[128];
			verr(c, n, "control-char",
			     "'%s' holds a control character (\\x%02X): "
			     "write it on one line, as plain text ('%s')",
			     key, *p, govmap__quote(q, sizeof q, *out));
			*out = NULL;
			return -1;
		}
	/* a name is a label: maps, reports and pages print it whole.  The
	 * longest in the registry is 228 characters (a contract named by its
	 * award notice's title), the longest body's 117; a name past
	 * NAME_MAX_CHARS is a paragraph pasted into the wrong key */
	if (strcmp(key, "name") == 0) {
		size_t chars = 0;
		for (const unsigned char *p = (const unsigned char *)*out; *p;
		     p++)
			chars += (*p & 0xC0) != 0x80;
		if (chars > NAME_MAX_CHARS) {
			char q[128];
			verr(c, n, "name-length",
			     "'name' is %zu characters long, over the limit "
			     "of %d: give the official name only, and put "
			     "the rest in 'notes' ('%s')",
			     chars, NAME_MAX_CHARS,
			     govmap__quote(q, sizeof q, *out));
			*out = NULL;
			return -1;
		}
	}
	return 0;
}

static int conv_date(ctx *c, const ynode *n, const char *key,
		     govmap_date *out)
{
	char q[128];
	if (!want_scalar(c, n, key, "a date (YYYY-MM-DD)"))
		return -1;
	if (govmap_date_parse(out, n->str) != GOVMAP_OK) {
		char iso[16];
		int meant = govmap_date_meant(iso, sizeof iso, n->str);
		/* the key in the diagnostic's `key`: validate.c's
		 * from_misspelt() reads it there, not in the words */
		if (meant == GOVMAP_EINVALID)
			verr_key(c, n, "date", key,
				 "'%s' in '%s' is not a real calendar date "
				 "(1800-01-01 to 2199-12-31)",
				 govmap__quote(q, sizeof q, n->str), key);
		else
			verr_key(c, n, "date", key,
				 "'%s' in '%s' is not a date: write "
				 "YYYY-MM-DD%s%s%s%s",
				 govmap__quote(q, sizeof q, n->str), key,
				 strncmp(key, "valid.", 6) == 0
					 ? " (or unknown, with notes saying "
					   "what is known)"
					 : "",
				 meant == GOVMAP_OK ? " (did you mean " : "",
				 meant == GOVMAP_OK ? iso : "",
				 meant == GOVMAP_OK ? "?)" : "");
		return -1;
	}
	return 0;
}

/* Digits in groups of three after the first, as 1_250_000 (a separator
 * elsewhere, as in 1,5, is not a thousands separator). */
static int thousands(const char *s)
{
	const char *u = strchr(s, '_');
	if (!u)
		return 1;
	if (u == s || u - s > 3)
		return 0;
	for (s = u; *s; s += 4)
		if (s[0] != '_' || strspn(s + 1, "0123456789") < 3 ||
		    (s[4] && s[4] != '_'))
			return 0;
	return 1;
}

#define MONEY_MAX 10000000000000LL /* £10 trillion: far above any budget */

static int conv_money(ctx *c, const ynode *n, const char *key, int64_t *out)
{
	char q[128];
	if (!want_scalar(c, n, key, "a whole number of pounds"))
		return -1;
	int64_t v = 0;
	size_t digits = 0;
	const char *s = n->str;
	if (!n->plain)
		goto bad;
	for (; *s; s++) {
		if (*s == '_' && digits)
			continue;
		if (*s < '0' || *s > '9')
			goto bad;
		if (v > MONEY_MAX / 10) {
			v = MONEY_MAX + 1;
			break;
		}
		v = v * 10 + (*s - '0');
		digits++;
	}
	if (!digits)
		goto bad;
	if (v > MONEY_MAX) {
		verr(c, n, "money-range",
		     "'%s' = %s is out of range (0 to 10,000,000,000,000 pounds)",
		     key, govmap__quote(q, sizeof q, n->str));
		return -1;
	}
	*out = v;
	return 0;
bad:;
	/* the mistakes people make: a pound sign, thousands separators,
	 * a minus; the figure as it should be written when only those
	 * stand in the way */
	const char *why = "";
	char fix[96] = "";
	s = n->str;
	int neg = *s == '-';
	s += neg;
	if (!strncmp(s, "\xC2\xA3", 2))
		s += 2;
	size_t k = 0, nd = 0;
	for (; *s && k + 2 < sizeof fix; s++)
		if (*s >= '0' && *s <= '9')
			fix[k++] = *s, nd++;
		else if ((*s == ',' || *s == '_') && nd)
			fix[k++] = '_';
		else
			break;
	fix[k] = '\0';
	if (!n->plain && n->len && strspn(n->str, "0123456789_") == n->len)
		why = " (write it without quotes)";
	else if (neg && nd)
		why = ": money is never below 0 (record a cut as the "
		      "lower figure of its own year)";
	else if (*s || !nd || !thousands(fix))
		fix[0] = '\0';
	int suggest = !*why && fix[0] && strcmp(fix, n->str) != 0;
	verr(c, n, "money",
	     "'%s' must be a whole number of pounds such as 1250000000 or "
	     "1_250_000_000, not '%s'%s%s%s%s",
	     key, govmap__quote(q, sizeof q, n->str), why,
	     suggest ? " (did you mean " : "", suggest ? fix : "",
	     suggest ? "?)" : "");
	return -1;
}

/* A UK financial year, April to March: "2025/26" (YAML reads it as text;
 * quoting it is fine).  Stored as its first calendar year. */
static int conv_fyear(ctx *c, const ynode *n, const char *key, int32_t *out)
{
	char q[128];
	if (!want_scalar(c, n, key, "a financial year such as 2025/26"))
		return -1;
	const char *s = n->str;
	int ok = n->len == 7 && s[4] == '/';
	for (size_t k = 0; ok && k < 7; k++)
		ok = k == 4 || isdigit((unsigned char)s[k]);
	int y = ok ? (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
			     (s[2] - '0') * 10 + (s[3] - '0')
		   : 0;
	int next = ok ? (s[5] - '0') * 10 + (s[6] - '0') : -1;
	if (!ok || y < 1900 || y > 2199 || next != (y + 1) % 100) {
		verr(c, n, "financial-year",
		     "'%s' must be a financial year such as 2025/26 (April "
		     "2025 to March 2026), not '%s'",
		     key, govmap__quote(q, sizeof q, n->str));
		return -1;
	}
	*out = y;
	return 0;
}

static int conv_bool(ctx *c, const ynode *n, const char *key,
		     govmap_tristate *out)
{
	char q[128];
	if (!want_scalar(c, n, key, "true or false"))
		return -1;
	if (n->plain && strcmp(n->str, "true") == 0)
		*out = GOVMAP_YES;
	else if (n->plain && strcmp(n->str, "false") == 0)
		*out = GOVMAP_NO;
	else if (!n->plain && (strcmp(n->str, "true") == 0 ||
				strcmp(n->str, "false") == 0)) {
		verr(c, n, "bool",
		     "'%s' must be true or false without quotes (quoted, '%s' "
		     "is text)",
		     key, n->str);
		return -1;
	} else {
		verr(c, n, "bool", "'%s' must be true or false, not '%s'", key,
		     govmap__quote(q, sizeof q, n->str));
		return -1;
	}
	return 0;
}

static int conv_enum(ctx *c, const ynode *n, const char *key,
		     const char *const *names, size_t count, int *out)
{
	char q[128];
	if (!want_scalar(c, n, key, "one of its allowed values"))
		return -1;
	for (size_t i = 1; i < count; i++)
		if (strcmp(n->str, names[i]) == 0) {
			*out = (int)i;
			return 0;
		}
	const char *near = govmap__did_you_mean(n->str, names + 1, count - 1);
	char list[256] = "";
	for (size_t i = 1; i < count; i++) {
		strcat(list, names[i]);
		if (i + 1 < count)
			strcat(list, ", ");
	}
	if (near)
		verr(c, n, "enum",
		     "'%s' is not a valid %s (did you mean '%s'?)",
		     govmap__quote(q, sizeof q, n->str), key, near);
	else
		verr(c, n, "enum", "'%s' is not a valid %s: use one of %s",
		     govmap__quote(q, sizeof q, n->str), key, list);
	return -1;
}

static int conv_ref(ctx *c, const ynode *n, const char *key, govmap_ref *r)
{
	r->target = -1;
	if (conv_id(c, n, key, &r->id) < 0) {
		r->id = NULL;
		return -1;
	}
	r->pos = pos_of(c, n);
	return 0;
}

/* An array of n items in the arena for node `at`; NULL when n is 0, or
 * (with a "nomem" error) when memory runs out: the caller checks
 * ARRAY_LOST. */
static void *arena_array(ctx *c, const ynode *at, size_t n, size_t sz)
{
	void *v = n ? govmap__arena_alloc(c->arena, n * sz) : NULL;
	if (n && !v)
		nomem(c, at);
	return v;
}
#define ARRAY_LOST(v, n) (!(v) && (n))

static int want_seq(ctx *c, const ynode *n, const char *key)
{
	if (n->type == YN_SEQ)
		return 1;
	verr(c, n, "type", "'%s' must be a list, not %s", key, describe(n));
	return 0;
}

static int want_map(ctx *c, const ynode *n, const char *key)
{
	if (n->type == YN_MAP)
		return 1;
	verr(c, n, "type", "'%s' must be a mapping, not %s", key, describe(n));
	return 0;
}

/* Report keys of `map` that are not in `allowed`, with "did you mean". */
static void check_keys(ctx *c, const ynode *map, const char *where,
		       const char *const *allowed, size_t nallowed)
{
	char q[128];
	for (size_t i = 0; i < map->n; i++) {
		const ynode *k = map->kids[2 * i];
		size_t j;
		for (j = 0; j < nallowed; j++)
			if (strcmp(k->str, allowed[j]) == 0)
				break;
		if (j < nallowed)
			continue;
		const char *near = govmap__did_you_mean(k->str, allowed,
							nallowed);
		if (near)
			verr(c, k, "unknown-key",
			     "unknown key '%s' in %s (did you mean '%s'?)",
			     govmap__quote(q, sizeof q, k->str), where, near);
		else
			verr(c, k, "unknown-key", "unknown key '%s' in %s",
			     govmap__quote(q, sizeof q, k->str), where);
	}
}

static void require(ctx *c, const ynode *map, const char *key,
		    const char *where)
{
	const ynode *v = govmap__ymap_get(map, key);
	if (!v || is_null(v))
		verr(c, v ? v : map, "missing-key", "%s is missing '%s'",
		     where, key);
}

/* `from_no_later_than: D` beside `from: unknown` (model.h,
 * GOVMAP_DATE_NO_LATER_THAN): a real date, not after `to`, warned when
 * after today; an error beside an exact `from` or without `from`. */
static int conv_bound(ctx *c, const ynode *nl, const ynode *f,
		      govmap_period *p)
{
	govmap_date d;
	char a[11], b[11];
	if (conv_date(c, nl, "valid.from_no_later_than", &d) < 0)
		return -1;
	govmap_date_format(a, d);
	if (p->from != GOVMAP_DATE_UNKNOWN) {
		govmap_date_format(b, p->from);
		verr(c, nl, "bound-exact",
		     f && !is_null(f)
			     ? "valid.from_no_later_than (%s) is only for a "
			       "start the sources do not give, but valid.from "
			       "is %s: keep the exact date and remove the "
			       "bound, or write 'from: unknown' if no source "
			       "gives that day"
			     : "valid.from_no_later_than (%s) needs 'from: "
			       "unknown' beside it: it bounds a start the "
			       "sources do not give%s",
		     a, f && !is_null(f) ? b : "");
		return -1;
	}
	if (p->to > 0 && d > p->to) {
		govmap_date_format(b, p->to);
		verr(c, nl, "valid-order",
		     "valid.from_no_later_than (%s) is after valid.to (%s): "
		     "give the latest day a source shows it existing, "
		     "which is before its end",
		     a, b);
		return -1;
	}
	if (d > govmap_date_today())
		govmap_diags_add(c->diags, GOVMAP_SEV_WARNING, c->file,
				 nl->line, nl->col, "bound-future",
				 "valid.from_no_later_than is %s, after today: "
				 "a start no later than a future day says "
				 "nothing yet (a typo?)",
				 a);
	p->from = GOVMAP_DATE_NO_LATER_THAN(d);
	return 0;
}

static int conv_valid(ctx *c, const ynode *n, const char *key,
		      govmap_period *p)
{
	static const char *const keys[] = {"from", "to",
					   "from_no_later_than"};
	if (!want_map(c, n, key))
		return -1;
	check_keys(c, n, "'valid'", keys, 3);
	const ynode *f = govmap__ymap_get(n, "from");
	const ynode *t = govmap__ymap_get(n, "to");
	const ynode *nl = govmap__ymap_get(n, "from_no_later_than");
	int bad = 0;
	/* `unknown`: the date is not known (the entity's notes say why) */
	if (f && f->type == YN_SCALAR && f->plain && !strcmp(f->str, "unknown"))
		p->from = GOVMAP_DATE_UNKNOWN;
	else if (f && !is_null(f))
		bad |= conv_date(c, f, "valid.from", &p->from);
	if (t && t->type == YN_SCALAR && t->plain && !strcmp(t->str, "unknown"))
		p->to = GOVMAP_DATE_UNKNOWN;
	else if (t && !is_null(t))
		bad |= conv_date(c, t, "valid.to", &p->to);
	if (!bad && p->from > 0 && p->to > 0 && p->from > p->to) {
		char a[11], b[11];
		govmap_date_format(a, p->from);
		govmap_date_format(b, p->to);
		verr(c, t, "valid-order",
		     "valid.to (%s) is before valid.from (%s)", b, a);
		return -1;
	}
	if (nl && !is_null(nl))
		bad |= conv_bound(c, nl, f, p);
	return bad ? -1 : 0;
}

/* The host of an http(s) URL is ASCII (an IDN written in punycode,
 * xn--...): a host in Unicode can look like another (a Cyrillic 'а' in
 * nhs.uk) and becomes a live link on the site. */
static int url_host_ascii(const char *s)
{
	const char *h = strstr(s, "://");
	if (!h)
		return 1;
	for (h += 3; *h && *h != '/' && *h != '?' && *h != '#'; h++)
		if ((unsigned char)*h >= 0x80)
			return 0;
	return 1;
}

static int url_ok(const char *s)
{
	if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || *s == '"' || *s == '<' ||
		    *s == '>' || *s == '\\' || *s == 0x7f)
			return 0;
	return 1;
}

static int conv_sources(ctx *c, const ynode *n, govmap_entity *e)
{
	static const char *const keys[] = {"url", "title", "accessed", "notes"};
	char q[128];
	if (!want_seq(c, n, "sources"))
		return -1;
	if (n->n == 0) {
		verr(c, n, "no-source",
		     "'sources' is empty: cite at least one source (url, "
		     "title, accessed)");
		return -1;
	}
	e->sources = arena_array(c, n, n->n, sizeof(*e->sources));
	if (ARRAY_LOST(e->sources, n->n))
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		const ynode *s = n->kids[i];
		if (!want_map(c, s, "a source"))
			continue;
		check_keys(c, s, "a source", keys, 4);
		require(c, s, "url", "source");
		require(c, s, "title", "source");
		require(c, s, "accessed", "source");
		govmap_source *src = &e->sources[e->nsources++];
		src->pos = pos_of(c, s);
		const ynode *v;
		if ((v = govmap__ymap_get(s, "url")) && !is_null(v) &&
		    conv_text(c, v, "url", &src->url) == 0 && !url_ok(src->url))
			verr(c, v, "url",
			     "'%s' is not a usable source URL: it must start "
			     "with https:// or http:// and contain no spaces, "
			     "quotes or angle brackets",
			     govmap__quote(q, sizeof q, src->url));
		else if (v && src->url && !url_host_ascii(src->url))
			verr(c, v, "url-host",
			     "'%s': the host name is not ASCII: write an "
			     "internationalised name in punycode (xn--...), so "
			     "that no look-alike letter can pass for another",
			     govmap__quote(q, sizeof q, src->url));
		if ((v = govmap__ymap_get(s, "title")) && !is_null(v))
			conv_name(c, v, "title", &src->title);
		if ((v = govmap__ymap_get(s, "accessed")) && !is_null(v) &&
		    conv_date(c, v, "accessed", &src->accessed) == 0 &&
		    src->accessed > govmap_date_today()) {
			char d[11];
			govmap_date_format(d, src->accessed);
			govmap_diags_add(c->diags, GOVMAP_SEV_WARNING, c->file,
					 v->line, v->col, "accessed-future",
					 "'accessed' is %s, after today: the "
					 "day the source was read cannot be in "
					 "the future (a typo?)",
					 d);
		}
	}
	return 0;
}

static int code_ok(const char *scheme, const char *v)
{
	size_t n = strlen(v);
	if (strcmp(scheme, "ons") == 0) {
		/* GSS codes: a letter then eight digits (E54000057) */
		if (n != 9 || !strchr("EWSNK", v[0]))
			return 0;
		for (size_t i = 1; i < 9; i++)
			if (!isdigit((unsigned char)v[i]))
				return 0;
		return 1;
	}
	if (strcmp(scheme, "ods") == 0) {
		if (n < 3 || n > 6)
			return 0;
		for (size_t i = 0; i < n; i++)
			if (!isupper((unsigned char)v[i]) &&
			    !isdigit((unsigned char)v[i]))
				return 0;
		return 1;
	}
	if (n == 0 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x21)
			return 0;
	return 1;
}

static int conv_codes(ctx *c, const ynode *n, govmap_entity *e)
{
	char q[128];
	if (!want_map(c, n, "codes"))
		return -1;
	e->codes = arena_array(c, n, n->n, sizeof(*e->codes));
	if (ARRAY_LOST(e->codes, n->n))
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		const ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		if (!govmap__id_valid(k->str)) {
			verr(c, k, "code-scheme",
			     "'%s' is not a code scheme name (use ons, ods or "
			     "another lower-case name)",
			     govmap__quote(q, sizeof q, k->str));
			continue;
		}
		if (!want_scalar(c, v, k->str, "a code"))
			continue;
		if (!code_ok(k->str, v->str)) {
			verr(c, v, "code",
			     "'%s' is not a valid %s code%s",
			     govmap__quote(q, sizeof q, v->str), k->str,
			     strcmp(k->str, "ons") == 0
				     ? " (a GSS code: a letter and 8 digits, "
				       "such as E54000057)"
			     : strcmp(k->str, "ods") == 0
				     ? " (3 to 6 upper-case letters and "
				       "digits, such as QOP)"
				     : "");
			continue;
		}
		char *scheme = dup(c, k, k->str), *value = dup(c, v, v->str);
		if (!scheme || !value)
			return -1;
		govmap_code *cd = &e->codes[e->ncodes++];
		cd->scheme = scheme;
		cd->value = value;
		cd->pos = pos_of(c, v);
	}
	return 0;
}

static int conv_suppress(ctx *c, const ynode *n, govmap_entity *e)
{
	static const char *const keys[] = {"rule", "reason"};
	char q[128];
	if (!want_seq(c, n, "suppress"))
		return -1;
	e->suppress = arena_array(c, n, n->n, sizeof(*e->suppress));
	if (ARRAY_LOST(e->suppress, n->n))
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		const ynode *s = n->kids[i];
		if (!want_map(c, s, "a suppression"))
			continue;
		check_keys(c, s, "a suppression", keys, 2);
		require(c, s, "rule", "suppression");
		if (!govmap__ymap_get(s, "reason") ||
		    is_null(govmap__ymap_get(s, "reason")))
			verr(c, s, "missing-key",
			     "suppression is missing 'reason': say why the "
			     "exception was accepted");
		govmap_suppression *sp = &e->suppress[e->nsuppress++];
		sp->pos = pos_of(c, s);
		const ynode *v;
		if ((v = govmap__ymap_get(s, "rule")) && !is_null(v) &&
		    conv_text(c, v, "rule", &sp->rule) == 0) {
			/* rule ids are "scope/name" in kebab case */
			const char *slash = strchr(sp->rule, '/');
			char scope[130] = "";
			if (slash && (size_t)(slash - sp->rule) < sizeof scope)
				memcpy(scope, sp->rule,
				       (size_t)(slash - sp->rule));
			if (!slash || !govmap__id_valid(scope) ||
			    !govmap__id_valid(slash + 1))
				verr(c, v, "rule-id",
				     "'%s' is not a rule id: write "
				     "scope/name, such as core/no-sanction",
				     govmap__quote(q, sizeof q, sp->rule));
		}
		if ((v = govmap__ymap_get(s, "reason")) && !is_null(v))
			conv_name(c, v, "reason", &sp->reason);
	}
	return 0;
}

static int conv_strlist(ctx *c, const ynode *n, const char *key,
			char ***out, size_t *nout)
{
	if (!want_seq(c, n, key))
		return -1;
	*out = arena_array(c, n, n->n, sizeof(**out));
	if (ARRAY_LOST(*out, n->n))
		return -1;
	for (size_t i = 0; i < n->n; i++)
		if (conv_name(c, n->kids[i], key, &(*out)[*nout]) == 0)
			(*nout)++;
	return 0;
}

static int conv_reflist(ctx *c, const ynode *n, const char *key,
			govmap_ref **out, size_t *nout)
{
	if (!want_seq(c, n, key))
		return -1;
	*out = arena_array(c, n, n->n, sizeof(**out));
	if (ARRAY_LOST(*out, n->n))
		return -1;
	for (size_t i = 0; i < n->n; i++)
		if (conv_ref(c, n->kids[i], key, &(*out)[*nout]) == 0)
			(*nout)++;
	return 0;
}

static int conv_powers(ctx *c, const ynode *n, unsigned *out)
{
	if (!want_seq(c, n, "powers"))
		return -1;
	*out = 0;
	for (size_t i = 0; i < n->n; i++) {
		int v;
		if (conv_enum(c, n->kids[i], "power",
			      (const char *const[]){"", "inform", "question",
						    "sanction"},
			      4, &v) < 0)
			continue;
		unsigned bit = 1u << (v - 1);
		if (*out & bit)
			verr(c, n->kids[i], "duplicate-power",
			     "power '%s' is listed twice", power_names[v - 1]);
		*out |= bit;
	}
	return 0;
}

static int unknown_date(govmap_period p)
{
	return GOVMAP_DATE_IS_UNKNOWN(p.from) || GOVMAP_DATE_IS_UNKNOWN(p.to);
}

/* `money:`: one entry per financial year and kind, each citing one of
 * the entity's sources by its url. */
static int conv_moneys(ctx *c, const ynode *n, govmap_entity *e)
{
	static const char *const keys[] = {"year", "gbp", "kind", "source",
					   "notes"};
	char q[128];
	if (!want_seq(c, n, "money"))
		return -1;
	size_t nk;
	const char *const *kn = govmap__money_kind_names(&nk);
	e->money = arena_array(c, n, n->n, sizeof(*e->money));
	if (ARRAY_LOST(e->money, n->n))
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		const ynode *s = n->kids[i], *v;
		if (!want_map(c, s, "a money entry"))
			continue;
		check_keys(c, s, "a money entry", keys, 5);
		require(c, s, "year", "money entry");
		require(c, s, "gbp", "money entry");
		require(c, s, "kind", "money entry");
		require(c, s, "source", "money entry");
		govmap_money m = {0, -1, GOVMAP_MONEY_UNSET, NULL, NULL,
				  pos_of(c, s)};
		int bad = 0;
		if ((v = govmap__ymap_get(s, "year")) && !is_null(v))
			bad |= conv_fyear(c, v, "year", &m.year);
		else
			bad = 1;
		if ((v = govmap__ymap_get(s, "gbp")) && !is_null(v))
			bad |= conv_money(c, v, "gbp", &m.gbp);
		else
			bad = 1;
		if ((v = govmap__ymap_get(s, "kind")) && !is_null(v)) {
			int x;
			if (conv_enum(c, v, "money kind", kn, nk, &x) == 0) {
				m.kind = (govmap_money_kind)x;
				int contract = e->kind == GOVMAP_KIND_CONTRACT;
				if ((m.kind == GOVMAP_MONEY_CONTRACT_VALUE) !=
				    contract) {
					verr(c, v, "money-kind",
					     contract
						     ? "a contract's money is "
						       "of kind contract-value, "
						       "not '%s'"
						     : "'%s' is for contracts: "
						       "a %s's money is an "
						       "allocation, a budget or "
						       "an outturn",
					     kn[x], kind_names[e->kind]);
					bad = 1;
				}
			} else
				bad = 1;
		} else
			bad = 1;
		if ((v = govmap__ymap_get(s, "source")) && !is_null(v) &&
		    want_scalar(c, v, "source", "the url of one of the "
						"entity's sources")) {
			for (size_t k = 0; k < e->nsources && !m.source; k++)
				if (e->sources[k].url &&
				    strcmp(e->sources[k].url, v->str) == 0)
					m.source = e->sources[k].url;
			if (!m.source) {
				verr(c, v, "money-source",
				     "money source '%s' is not the url of any "
				     "of this %s's sources: cite the source "
				     "under 'sources' and give its url here",
				     govmap__quote(q, sizeof q, v->str),
				     kind_names[e->kind]);
				bad = 1;
			}
		} else
			bad = 1;
		if ((v = govmap__ymap_get(s, "notes")) && !is_null(v))
			conv_text(c, v, "notes", &m.notes);
		if (bad)
			continue;
		for (size_t k = 0; k < e->nmoney; k++)
			if (e->money[k].year == m.year &&
			    e->money[k].kind == m.kind) {
				char fy[16];
				govmap_fyear_format(fy, sizeof fy, m.year);
				verr(c, s, "duplicate-money",
				     "two money entries for %s of kind %s "
				     "(the first at line %u): give one figure "
				     "per year and kind",
				     fy, kn[m.kind], e->money[k].pos.line);
				bad = 1;
				break;
			}
		if (!bad)
			e->money[e->nmoney++] = m;
	}
	return 0;
}

/* The keys of an older schema: an error that shows the new form,
 * filled in with the old values where they parse. */
static void gone_key(ctx *c, const ynode *doc, const ynode *v,
		     const char *key)
{
	const ynode *g = govmap__ymap_get(doc, "spend_gbp");
	const ynode *y = govmap__ymap_get(doc, "spend_year");
	char gq[64] = "<whole pounds>", yq[64] = "<such as 2024/25>";
	if (g && strcmp(key, "spend_year") == 0) {
		c->errors++; /* reported once, at spend_gbp */
		return;
	}
	if (g && g->type == YN_SCALAR && g->len &&
	    strspn(g->str, "0123456789_") == g->len && g->len < 40)
		snprintf(gq, sizeof gq, "%s", g->str);
	if (y && y->type == YN_SCALAR && y->len == 7 &&
	    strspn(y->str, "0123456789/") == 7)
		snprintf(yq, sizeof yq, "%s", y->str);
	verr(c, v, "old-money",
	     "'%s' is no longer read: public money is a series, one entry "
	     "per financial year and kind; write 'money: [{year: %s, gbp: "
	     "%s, kind: allocation|budget|outturn, source: <the url of one "
	     "of this entity's sources>}]'",
	     key, yq, gq);
}

static const char *const seat_keys[] = {
	"role", "count", "elected_by", "appointed_by", "nominated_by",
	"approved_by", "ex_officio", "fill_unstated", "elected_member",
	"voting", "vacant", "valid", "notes", "post", "vacant_since"};
#define NSEAT_KEYS (sizeof(seat_keys) / sizeof(seat_keys[0]))

static int conv_count(ctx *c, const ynode *n, const char *key, uint32_t *out,
		      uint32_t min)
{
	char q[128];
	if (!want_scalar(c, n, key, "a whole number"))
		return -1;
	char *end;
	errno = 0;
	unsigned long v = strtoul(n->str, &end, 10);
	if (!n->plain || !isdigit((unsigned char)n->str[0]) || *end ||
	    errno || v < min || v > 1000) {
		verr(c, n, "count",
		     "'%s' must be a whole number from %u to 1000, not '%s'",
		     key, min, govmap__quote(q, sizeof q, n->str));
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

static int conv_seats(ctx *c, const ynode *n, govmap_entity *e)
{
	if (!want_seq(c, n, "seats"))
		return -1;
	e->seats = arena_array(c, n, n->n, sizeof(*e->seats));
	if (ARRAY_LOST(e->seats, n->n))
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		const ynode *s = n->kids[i], *v;
		if (!want_map(c, s, "a seat"))
			continue;
		check_keys(c, s, "a seat", seat_keys, NSEAT_KEYS);
		require(c, s, "role", "seat");
		govmap_seat *st = &e->seats[e->nseats++];
		st->pos = pos_of(c, s);
		st->count = 1;
		st->by.target = st->approved_by.target = -1;
		st->elected_member = st->voting = GOVMAP_UNKNOWN;
		if ((v = govmap__ymap_get(s, "role")) && !is_null(v))
			conv_name(c, v, "role", &st->role);
		if ((v = govmap__ymap_get(s, "count")))
			conv_count(c, v, "count", &st->count, 1);
		if ((v = govmap__ymap_get(s, "vacant")))
			conv_count(c, v, "vacant", &st->vacant, 0);
		if ((v = govmap__ymap_get(s, "elected_member")))
			conv_bool(c, v, "elected_member", &st->elected_member);
		if ((v = govmap__ymap_get(s, "voting")))
			conv_bool(c, v, "voting", &st->voting);
		if ((v = govmap__ymap_get(s, "valid")))
			conv_valid(c, v, "valid", &st->valid);
		if ((v = govmap__ymap_get(s, "notes")))
			conv_text(c, v, "notes", &st->notes);
		if ((v = govmap__ymap_get(s, "post"))) {
			size_t np;
			const char *const *pn = govmap__post_names(&np);
			int x;
			if (conv_enum(c, v, "post", pn, np, &x) == 0)
				st->post = (govmap_post)x;
		}
		if (unknown_date(st->valid) && !st->notes)
			verr(c, govmap__ymap_get(s, "valid"), "unknown-date",
			     "seat '%s' has a date 'unknown' but no notes: say "
			     "why the date is not known and what is known",
			     st->role ? st->role : "?");
		if ((v = govmap__ymap_get(s, "approved_by")))
			conv_ref(c, v, "approved_by", &st->approved_by);
		/* exactly one way of filling the seat; the last two are
		 * flags ("ex_officio: true", "fill_unstated: true") */
		static const char *const how[] = {
			"elected_by", "appointed_by", "nominated_by",
			"ex_officio", "fill_unstated"};
		static const govmap_fill fill[] = {
			GOVMAP_FILL_ELECTED, GOVMAP_FILL_APPOINTED,
			GOVMAP_FILL_NOMINATED, GOVMAP_FILL_EX_OFFICIO,
			GOVMAP_FILL_UNSTATED};
		const char *first = NULL;
		int flag_ok = 1;
		for (size_t h = 0; h < sizeof how / sizeof how[0]; h++) {
			if (!(v = govmap__ymap_get(s, how[h])))
				continue;
			if (first) {
				verr(c, v, "seat-fill",
				     "a seat is filled one way: '%s' and '%s' "
				     "are both given",
				     first, how[h]);
				continue;
			}
			first = how[h];
			st->fill = fill[h];
			if (h >= 3) {
				govmap_tristate t = GOVMAP_UNKNOWN;
				flag_ok = conv_bool(c, v, how[h], &t) == 0;
				if (flag_ok && t != GOVMAP_YES) {
					/* "ex_officio: false" fills nothing */
					st->fill = GOVMAP_FILL_UNSET;
					first = NULL;
				}
			} else {
				conv_ref(c, v, how[h], &st->by);
			}
		}
		if (!first)
			verr(c, s, "seat-fill",
			     "seat '%s' does not say how it is filled: give "
			     "elected_by, appointed_by, nominated_by, "
			     "ex_officio: true, or fill_unstated: true where "
			     "the source does not say",
			     st->role ? st->role : "?");
		else if (st->fill == GOVMAP_FILL_UNSTATED && flag_ok &&
			 !st->notes)
			verr(c, govmap__ymap_get(s, "fill_unstated"),
			     "seat-fill",
			     "seat '%s' has fill_unstated: true but no notes: "
			     "say which source creates the seat and what it "
			     "leaves unsaid",
			     st->role ? st->role : "?");
		if (st->vacant > st->count)
			verr(c, govmap__ymap_get(s, "vacant"), "vacant",
			     "seat '%s' has %u vacancies but only %u seats",
			     st->role ? st->role : "?", st->vacant, st->count);
		if ((v = govmap__ymap_get(s, "vacant_since")) &&
		    conv_date(c, v, "vacant_since", &st->vacant_since) == 0 &&
		    !st->vacant)
			verr(c, v, "vacant",
			     "seat '%s' has vacant_since but no vacancy: give "
			     "'vacant: N' (how many of its seats are vacant)",
			     st->role ? st->role : "?");
	}
	return 0;
}

static size_t field_index(const char *key)
{
	for (size_t i = 0; i < NFIELDS; i++)
		if (fields[i].key[0] == key[0] && strcmp(fields[i].key, key) == 0)
			return i;
	return NFIELDS;
}

/* The keys a kind accepts, into `out` (NFIELDS entries): the "did you
 * mean" candidates.  Built on demand: loader threads share no state. */
static size_t kind_keys(govmap_kind k, const char **out)
{
	size_t n = 0;
	for (size_t i = 0; i < NFIELDS; i++)
		if ((fields[i].kinds & (1u << k)) && fields[i].type != F_GONE)
			out[n++] = fields[i].key;
	return n;
}

void govmap__schema_entity(govmap__entbuf *reg, const ynode *doc,
			   const char *file, const govmap_parse_limits *lim,
			   govmap_diags *diags)
{
	ctx c = {reg->arena, file, diags, 0};
	char q[128];
	if (is_null(doc))
		return; /* an empty document, e.g. a trailing '---' */
	if (doc->type != YN_MAP) {
		verr(&c, doc, "document",
		     "a registry document must be a mapping with 'kind' and "
		     "'id', not %s",
		     describe(doc));
		return;
	}
	const ynode *kn = govmap__ymap_get(doc, "kind");
	int kind;
	if (!kn) {
		verr(&c, doc, "missing-key",
		     "entity is missing 'kind' (body, board, contract or "
		     "link)");
		return;
	}
	if (conv_enum(&c, kn, "kind",
		      (const char *const[]){"", "body", "board", "contract",
					    "link"},
		      5, &kind) < 0)
		return;
	kind -= 1;
	if (reg->n - reg->base >= lim->max_entities) {
		verr(&c, doc, "limit-entities",
		     "more than %zu entities in the registry",
		     lim->max_entities);
		return;
	}
	if (govmap__grow((void **)&reg->ents, &reg->cap, reg->n,
			 sizeof(*reg->ents)) < 0) {
		verr(&c, doc, "nomem", "out of memory");
		return;
	}
	govmap_entity *e = &reg->ents[reg->n];
	memset(e, 0, sizeof(*e));
	e->kind = (govmap_kind)kind;
	e->pos = e->type_pos = pos_of(&c, doc);
	e->value_gbp = -1;
	e->meets_in_public = e->publishes_papers = GOVMAP_UNKNOWN;
	e->tendered = e->published = GOVMAP_UNKNOWN;
	govmap_ref *refs[] = {&e->replaces, &e->succeeded_by, &e->of,
			      &e->commissioner, &e->provider, &e->from, &e->to};
	for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
		refs[i]->target = -1;

	/* one pass over the document's keys: each to its field, or an
	 * unknown-key error */
	const ynode *vals[NFIELDS] = {0};
	/* the fields an unknown key was taken for ("did you mean"): a
	 * required one of them is not reported missing as well, at the
	 * document's start, when the error at the misspelt key says it */
	unsigned char meant[NFIELDS] = {0};
	for (size_t k = 0; k < doc->n; k++) {
		const ynode *key = doc->kids[2 * k];
		size_t i = field_index(key->str);
		if (i < NFIELDS && (fields[i].kinds & (1u << kind))) {
			vals[i] = doc->kids[2 * k + 1];
			continue;
		}
		const char *allowed[NFIELDS];
		size_t nallowed = kind_keys(e->kind, allowed);
		const char *near = govmap__did_you_mean(key->str, allowed,
							nallowed);
		if (near && field_index(near) < NFIELDS)
			meant[field_index(near)] = 1;
		if (near)
			verr(&c, key, "unknown-key",
			     "unknown key '%s' in a %s (did you mean '%s'?)",
			     govmap__quote(q, sizeof q, key->str),
			     kind_names[kind], near);
		else
			verr(&c, key, "unknown-key", "unknown key '%s' in a %s",
			     govmap__quote(q, sizeof q, key->str),
			     kind_names[kind]);
	}

	for (size_t i = 0; i < NFIELDS; i++) {
		const field *f = &fields[i];
		if (!(f->kinds & (1u << kind)) || f->type == F_KIND)
			continue;
		const ynode *v = vals[i];
		if (!v || is_null(v)) {
			if ((f->required & (1u << kind)) && !(!v && meant[i])) {
				if (f->type == F_SOURCES)
					verr(&c, v ? v : doc, "no-source",
					     "%s has no 'sources': every entry "
					     "must cite a source (url, title, "
					     "accessed)",
					     kind_names[kind]);
				else
					verr(&c, v ? v : doc, "missing-key",
					     "%s is missing '%s'",
					     kind_names[kind], f->key);
			}
			continue;
		}
		char *base = (char *)e;
		void *dst = base + f->off;
		switch (f->type) {
		case F_ID:
			if (conv_id(&c, v, f->key, dst) == 0 &&
			    strcmp(f->key, "id") == 0)
				e->id_pos = pos_of(&c, v);
			else if (strcmp(f->key, "type") == 0)
				e->type_pos = pos_of(&c, v);
			break;
		case F_TEXT: conv_text(&c, v, f->key, dst); break;
		case F_NAME: conv_name(&c, v, f->key, dst); break;
		case F_REGION:
			if (conv_text(&c, v, f->key, dst) == 0 &&
			    !region_valid(*(char **)dst)) {
				verr(&c, v, "region",
				     "'%s' is not a region path: write "
				     "lower-case names separated by '/', such "
				     "as england/greater-manchester",
				     govmap__quote(q, sizeof q, v->str));
				*(char **)dst = NULL;
			}
			break;
		case F_DATE: conv_date(&c, v, f->key, dst); break;
		case F_MONEY: conv_money(&c, v, f->key, dst); break;
		case F_BOOL: conv_bool(&c, v, f->key, dst); break;
		case F_REF: conv_ref(&c, v, f->key, dst); break;
		case F_REFLIST:
			conv_reflist(&c, v, f->key, dst,
				     (size_t *)(base + f->off_n));
			break;
		case F_STRLIST:
			conv_strlist(&c, v, f->key, dst,
				     (size_t *)(base + f->off_n));
			break;
		case F_SOURCES: conv_sources(&c, v, e); break;
		case F_CODES: conv_codes(&c, v, e); break;
		case F_SUPPRESS: conv_suppress(&c, v, e); break;
		case F_VALID: conv_valid(&c, v, f->key, dst); break;
		case F_SEATS: conv_seats(&c, v, e); break;
		case F_FORUM: {
			int x;
			if (conv_enum(&c, v, "forum", forum_names, 6, &x) == 0)
				e->forum = (govmap_forum)x;
			break;
		}
		case F_BASIS: {
			int x;
			if (conv_enum(&c, v, "basis", basis_names, 7, &x) == 0)
				e->basis = (govmap_basis)x;
			break;
		}
		case F_POWERS: conv_powers(&c, v, &e->powers); break;
		case F_FYEAR: conv_fyear(&c, v, f->key, dst); break;
		case F_MONEYS: conv_moneys(&c, v, e); break;
		case F_GONE: gone_key(&c, doc, v, f->key); break;
		case F_KIND: break;
		}
	}
	if (e->kind == GOVMAP_KIND_BOARD && !e->of.id && !e->njoint &&
	    !govmap__ymap_get(doc, "of") && !govmap__ymap_get(doc, "joint"))
		verr(&c, doc, "missing-key",
		     "board must say whose it is: give 'of' (one body) or "
		     "'joint' (several)");
	if (e->kind == GOVMAP_KIND_BOARD && govmap__ymap_get(doc, "of") &&
	    govmap__ymap_get(doc, "joint"))
		verr(&c, govmap__ymap_get(doc, "joint"), "board-owner",
		     "board has both 'of' and 'joint': use one");
	if (unknown_date(e->valid) && !e->notes)
		verr(&c, govmap__ymap_get(doc, "valid"), "unknown-date",
		     "%s '%s' has a date 'unknown' but no notes: say why the "
		     "date is not known and what is known",
		     kind_names[kind], e->id ? e->id : "?");
	if (e->kind == GOVMAP_KIND_CONTRACT && e->start && e->end &&
	    e->start > e->end)
		verr(&c, govmap__ymap_get(doc, "end"), "valid-order",
		     "contract 'end' is before 'start'");
	/* An entity without an id cannot be referenced or indexed; keep
	 * the errors, drop the entity. */
	if (e->id)
		reg->n++;
}

void govmap__schema_file(govmap__entbuf *out, ynode *const *docs,
			 size_t ndocs, size_t errors_before, const char *file,
			 const govmap_parse_limits *lim, govmap_diags *diags)
{
	int any = 0;
	for (size_t d = 0; d < ndocs; d++) {
		any |= !is_null(docs[d]);
		govmap__schema_entity(out, docs[d], file, lim, diags);
	}
	/* a file emptied by mistake (a bad merge, an editor's crash) would
	 * take its entity out of the registry without a word */
	if (!any && diags->count[GOVMAP_SEV_ERROR] == errors_before)
		govmap_diags_add(diags, GOVMAP_SEV_ERROR, file, 1, 1,
				 "empty-file",
				 "the file holds no entry (it is empty, or "
				 "only comments and '---'): write the entry "
				 "in it, or delete the file (git rm) to "
				 "remove one");
}

int govmap__schema_manifest(govmap_registry *reg, const ynode *doc,
			    const char *file, govmap_load_opts *opts,
			    govmap_diags *diags)
{
	static const char *const keys[] = {"schema", "name", "description",
					   "plugins", "limits", "weights"};
	static const char *const limit_keys[] = {
		"max_file_bytes", "max_total_bytes", "max_files",
		"max_depth", "max_entities"};
	ctx c = {&reg->arena, file, diags, 0};
	if (doc->type != YN_MAP) {
		verr(&c, doc, "manifest",
		     "govmap.yaml must be a mapping with 'schema' and 'name'");
		return -1;
	}
	check_keys(&c, doc, "the manifest", keys, 6);
	require(&c, doc, "schema", "the manifest");
	require(&c, doc, "name", "the manifest");
	const ynode *v;
	if ((v = govmap__ymap_get(doc, "schema")) && !is_null(v)) {
		uint32_t s = 0;
		if (conv_count(&c, v, "schema", &s, 1) == 0 &&
		    s != GOVMAP_SCHEMA_VERSION)
			verr(&c, v, "schema",
			     "schema version %u is not supported by this "
			     "govmap (it reads version %u)",
			     s, GOVMAP_SCHEMA_VERSION);
		reg->schema = s;
	}
	if ((v = govmap__ymap_get(doc, "name")) && !is_null(v))
		conv_name(&c, v, "name", &reg->name);
	if ((v = govmap__ymap_get(doc, "plugins")) && want_seq(&c, v, "plugins")) {
		reg->plugins = arena_array(&c, v, v->n, sizeof(char *));
		for (size_t i = 0; reg->plugins && i < v->n; i++)
			if (conv_id(&c, v->kids[i], "plugin name",
				    &reg->plugins[reg->nplugins]) == 0)
				reg->nplugins++;
	}
	if ((v = govmap__ymap_get(doc, "weights")) &&
	    want_map(&c, v, "weights")) {
		/* multipliers of the documented weight groups, for a
		 * registry whose maintainers argue for others; every output
		 * then says it uses non-default weights */
		static const char *const wkeys[] = {"basis", "powers", "type",
						    "fill", "step", "chain"};
		check_keys(&c, v, "'weights'", wkeys, 6);
		govmap_variant *w = &reg->weights;
		*w = (govmap_variant){"weights set in govmap.yaml", 1, 1, 1,
				      1, 1, false};
		double *dst[] = {&w->basis, &w->powers, &w->type, &w->fill,
				 &w->hop};
		for (size_t i = 0; i < 5; i++) {
			const ynode *x = govmap__ymap_get(v, wkeys[i]);
			if (!x || !want_scalar(&c, x, wkeys[i], "a number"))
				continue;
			char *end;
			double d = strtod(x->str, &end);
			if (!x->plain || *end || !x->len || !(d > 0) || d > 4)
				verr(&c, x, "weights",
				     "'weights.%s' must be a number above 0 and "
				     "at most 4 (a multiplier of the documented "
				     "weights, 1 = as documented), not '%s'",
				     wkeys[i], x->str);
			else
				*dst[i] = d;
		}
		const ynode *x = govmap__ymap_get(v, "chain");
		if (x && want_scalar(&c, x, "chain", "product or weakest-link")) {
			if (strcmp(x->str, "weakest-link") == 0)
				w->weakest_link = true;
			else if (strcmp(x->str, "product") != 0)
				verr(&c, x, "weights",
				     "'weights.chain' must be product or "
				     "weakest-link, not '%s'",
				     x->str);
		}
		reg->custom_weights = 1;
	}
	if ((v = govmap__ymap_get(doc, "limits")) && want_map(&c, v, "limits")) {
		check_keys(&c, v, "'limits'", limit_keys, 5);
		/* Limits may be raised for very large registries, never
		 * removed: each has a ceiling. */
		static const struct {
			const char *key;
			unsigned long long max;
		} ceil[] = {{"max_file_bytes", 64ULL << 20},
			    {"max_total_bytes", 4ULL << 30},
			    {"max_files", 2000000},
			    {"max_depth", 256},
			    {"max_entities", 10000000}};
		for (size_t i = 0; i < 5; i++) {
			const ynode *x = govmap__ymap_get(v, ceil[i].key);
			if (!x || !want_scalar(&c, x, ceil[i].key, "a number"))
				continue;
			char *end;
			errno = 0;
			unsigned long long n = strtoull(x->str, &end, 10);
			if (*end || errno || !isdigit((unsigned char)x->str[0]) ||
			    n == 0 || n > ceil[i].max) {
				verr(&c, x, "limit",
				     "'%s' must be a whole number from 1 to "
				     "%llu",
				     ceil[i].key, ceil[i].max);
				continue;
			}
			switch (i) {
			case 0: opts->src.max_file_bytes = n; break;
			case 1: opts->src.max_total_bytes = n; break;
			case 2: opts->src.max_files = n; break;
			case 3: opts->parse.max_depth = (unsigned)n; break;
			case 4: opts->parse.max_entities = n; break;
			}
		}
	}
	return c.errors ? -1 : 0;
}

/* Read-only views of the tables above for schema_info.c (the public
 * govmap/schema.h): the field list is defined here, once. */
#include "schema_info.h"

static const char *const ftype_names[] = {
	"kind", "id", "text", "name", "region", "date", "money", "bool",
	"ref", "ref-list", "text-list", "sources", "codes", "suppress",
	"period", "seats", "forum", "basis", "powers", "financial-year",
	"money-series", "removed"};
_Static_assert(sizeof(ftype_names) / sizeof(ftype_names[0]) ==
		       F_GONE + 1,
	       "one name per field type");

int govmap__schema_field(size_t i, govmap__field_view *out)
{
	if (i >= NFIELDS)
		return 0;
	out->key = fields[i].key;
	out->kinds = fields[i].kinds;
	out->required = fields[i].required;
	out->type = ftype_names[fields[i].type];
	out->off = fields[i].off;
	out->off_n = fields[i].off_n;
	return 1;
}

const char *govmap__schema_seat_key(size_t i)
{
	return i < NSEAT_KEYS ? seat_keys[i] : NULL;
}

int govmap__region_valid(const char *s)
{
	return region_valid(s);
}
