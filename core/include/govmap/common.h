/*
 * govmap/common.h - status codes, source positions and diagnostics.
 *
 * Every module reports problems as values: a function returns GOVMAP_OK or
 * a negative govmap_status, and data problems go into a govmap_diags list
 * with a file:line:col position (1-based, column in characters).  Nothing
 * in the library prints or exits; the CLI prints the list gcc-style.
 */
#ifndef GOVMAP_COMMON_H
#define GOVMAP_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes: 0 is success, the rest are negative. */
typedef enum {
	GOVMAP_OK = 0,
	GOVMAP_ENOTFOUND = -1, /**< a file, revision, id or plugin is missing */
	GOVMAP_EINVALID = -2,  /**< invalid data or arguments */
	GOVMAP_EIO = -3,       /**< a read or write failed */
	GOVMAP_ENOMEM = -4,    /**< out of memory */
	GOVMAP_EPLUGIN = -5,   /**< a plugin could not be loaded or failed */
	GOVMAP_ELIMIT = -6     /**< a hard limit was exceeded */
} govmap_status;

/** A calendar date as yyyymmdd (20220701); 0 means "not given". */
typedef int32_t govmap_date;

/** A place in a registry file.  Borrowed: file points into the registry's
 * string storage and lives as long as the registry. */
typedef struct {
	const char *file; /**< display path, "REV:path" for Git sources */
	uint32_t line;    /**< 1-based; 0 when the whole file is meant */
	uint32_t col;     /**< 1-based, in characters */
} govmap_pos;

typedef enum {
	GOVMAP_SEV_INFO = 0,
	GOVMAP_SEV_WARNING = 1,
	GOVMAP_SEV_ERROR = 2
} govmap_severity;

/** One diagnostic.  All strings are owned by the govmap_diags list: freed
 * by govmap_diags_free() (one entry's by govmap_diag_clear()), copied by
 * govmap_diags_push() and govmap_diags_append().  New fields are added at
 * the end only; a program that builds a govmap_diag itself zero-fills it,
 * so a field it does not know is NULL.  Read `ref` and `key`, never the
 * message's words: the message is for people and may be reworded. */
typedef struct {
	govmap_severity sev;
	char *file;   /**< NULL for diagnostics without a file */
	uint32_t line, col;
	char *code;   /**< stable short code, e.g. "unknown-key" */
	char *msg;    /**< plain-English message, no trailing newline */
	char *ref;    /**< the id a reference error names, as written:
			   "unknown-ref" (the id that does not exist: "x" in
			   "'to' names 'x', which does not exist"),
			   "ref-kind", "self-ref", "duplicate-ref"; NULL for
			   every other diagnostic */
	char *key;    /**< the key a value error is in: "date", the key
			   whose value is not a date ("valid.from"); NULL
			   for every other diagnostic */
} govmap_diag;

/** A growable list of diagnostics.  Zero-initialise, free with
 * govmap_diags_free(). */
typedef struct {
	govmap_diag *v;
	size_t n, cap;
	size_t count[3]; /**< per severity */
	size_t max;      /**< stop recording after this many (0 = 10000) */
	size_t dropped;  /**< how many were not recorded because of max */
	size_t lost;     /**< of those, how many for want of memory: a
			      list that lost any is not the whole story */
} govmap_diags;

/** Add a diagnostic; file may be NULL.  printf-style.  Never fails
 * visibly: on out-of-memory the entry is counted in `dropped`. */
void govmap_diags_add(govmap_diags *d, govmap_severity sev,
		      const char *file, uint32_t line, uint32_t col,
		      const char *code, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/** Same, at a position. */
void govmap_diags_at(govmap_diags *d, govmap_severity sev, govmap_pos pos,
		     const char *code, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/** Add a copy of `g`, every field of it (`ref` and `key` too), as
 * govmap_diags_add() adds: on out-of-memory it is counted in `dropped`
 * and `lost`.  `g` stays the caller's; its file, code and msg may be
 * NULL (then NULL, "" and ""). */
void govmap_diags_push(govmap_diags *d, const govmap_diag *g);
/** Copy every diagnostic of `from` into `d` (counts included); `from`
 * is left as it is.  Either may be NULL (nothing happens). */
void govmap_diags_append(govmap_diags *d, const govmap_diags *from);
/** Sort by file, line, column, then message: deterministic output. */
void govmap_diags_sort(govmap_diags *d);

/** Free the entries (not the struct itself).  Accepts NULL. */
void govmap_diags_free(govmap_diags *d);
/** Free one entry's strings and set them to NULL, for a program that
 * drops entries from a list itself (`check --quiet`).  Accepts NULL. */
void govmap_diag_clear(govmap_diag *g);
/** Did what reported into `d` run out of memory: a "nomem" diagnostic,
 * or one lost for want of memory?  Then its results are not the whole
 * story.  0 for NULL. */
int govmap_diags_nomem(const govmap_diags *d);

/** "error", "warning" or "info". */
const char *govmap_severity_name(govmap_severity sev);

/** Parse "YYYY-MM-DD" into *out; only real calendar dates between
 * 1800-01-01 and 2199-12-31.  Returns GOVMAP_OK or GOVMAP_EINVALID. */
int govmap_date_parse(govmap_date *out, const char *s);

/** The date `s` means, as YYYY-MM-DD in iso (size >= 11), for a
 * "did you mean": a day, month and year as people in the UK write them
 * ("1/7/2022", "01.07.2022", "1-7-2022") or YYYY-MM-DD missing its
 * zeros ("2022-7-1") -> "2022-07-01".  Returns GOVMAP_OK with iso set
 * (s itself when govmap_date_parse accepts it); GOVMAP_EINVALID when s
 * is written YYYY-MM-DD but names no real day ("2022-02-30",
 * "2024-13-01": nothing is suggested) or iso is too small;
 * GOVMAP_ENOTFOUND when s is no date written another way.  iso is ""
 * unless GOVMAP_OK.  `check` (a date in the registry) and the command
 * line (--on, --since, --until) word their errors by it. */
int govmap_date_meant(char *iso, size_t size, const char *s);

/** Format a date as YYYY-MM-DD into buf (at least 11 bytes): "-" for 0,
 * "unknown" for -1 (GOVMAP_DATE_UNKNOWN, model.h) and for a start unknown
 * but bounded (GOVMAP_DATE_NO_LATER_THAN; its bound is
 * GOVMAP_DATE_BOUND(d), and govmap_period_words says both). */
void govmap_date_format(char *buf, govmap_date d);

/** Today's date in UTC. */
govmap_date govmap_date_today(void);

/** Format pounds for people: "£1.2bn", "£450m", "£12k", "£950".
 * buf needs 24 bytes.  Negative (unknown) prints "unknown". */
void govmap_money_format(char *buf, size_t size, double gbp);

/** A financial year by its first calendar year: 2025 -> "2025/26".
 * buf needs 8 bytes; 0 (not stated) prints "". */
void govmap_fyear_format(char *buf, size_t size, int32_t year);

/** Does `on` fall in financial year `year` (1 April to 31 March)? */
int govmap_fyear_contains(int32_t year, govmap_date on);

/** Untrusted text (a path, a registry string) made safe to print to a
 * terminal or put in a machine format: control characters, newlines and
 * bytes that are not UTF-8 as \\xNN, C1 controls, bidi marks,
 * embeddings, overrides and isolates and the invisible zero-width
 * characters as \\uNNNN; cut with "..." only when it does not fit.
 * Writes into buf (size >= 8), returns buf. */
char *govmap_text_escape(char *buf, size_t size, const char *s);

/** A comparator with a context pointer (govmap_sort). */
typedef int (*govmap_cmp_fn)(const void *a, const void *b, void *ctx);

/**
 * Sort `n` elements of `size` bytes at `base` with `cmp`, which gets
 * `ctx` as its third argument (no file-static context: reentrant).
 * Stable: equal elements keep their order.  Accepts n == 0 and a NULL
 * base.  Never fails: a merge sort with a scratch buffer, or an
 * insertion sort (still stable) when the buffer cannot be allocated.
 */
void govmap_sort(void *base, size_t n, size_t size, govmap_cmp_fn cmp,
		 void *ctx);

#ifdef __cplusplus
}
#endif
#endif
