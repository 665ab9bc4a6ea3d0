/*
 * diag.c - the diagnostics list and calendar dates.
 *
 * Owns govmap_diags storage and date parsing/formatting.  It must not
 * print: the CLI decides how diagnostics are shown.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "govmap/common.h"
#include "util.h"

static const char *const sev_names[] = {"info", "warning", "error"};

const char *govmap_severity_name(govmap_severity sev)
{
	return (unsigned)sev < 3 ? sev_names[sev] : "error";
}

static void diags_vadd(govmap_diags *d, govmap_severity sev, const char *file,
		       uint32_t line, uint32_t col, const char *code,
		       const char *ref, const char *key, const char *fmt,
		       va_list ap)
{
	size_t max = d->max ? d->max : 10000;
	if ((unsigned)sev > GOVMAP_SEV_ERROR)
		sev = GOVMAP_SEV_ERROR;
	d->count[sev]++;
	if (d->n >= max) {
		d->dropped++;
		return;
	}
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		govmap_diag *v = realloc(d->v, cap * sizeof(*v));
		if (!v) {
			d->dropped++;
			d->lost++;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	govmap_diag *g = &d->v[d->n];
	memset(g, 0, sizeof(*g));
	g->sev = sev;
	g->file = file ? strdup(file) : NULL;
	g->line = line;
	g->col = col;
	g->code = strdup(code ? code : "");
	g->msg = govmap__vasprintf(fmt, ap);
	g->ref = ref ? strdup(ref) : NULL;
	g->key = key ? strdup(key) : NULL;
	if (!g->msg || !g->code || (file && !g->file) || (ref && !g->ref) ||
	    (key && !g->key)) {
		govmap_diag_clear(g);
		d->dropped++;
		d->lost++;
		return;
	}
	d->n++;
}

void govmap_diags_add(govmap_diags *d, govmap_severity sev, const char *file,
		      uint32_t line, uint32_t col, const char *code,
		      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, sev, file, line, col, code, NULL, NULL, fmt, ap);
	va_end(ap);
}

void govmap_diags_at(govmap_diags *d, govmap_severity sev, govmap_pos pos,
		     const char *code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, sev, pos.file, pos.line, pos.col, code, NULL, NULL, fmt,
		   ap);
	va_end(ap);
}

void govmap__diags_about(govmap_diags *d, govmap_severity sev,
			 govmap_pos pos, const char *code, const char *ref,
			 const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, sev, pos.file, pos.line, pos.col, code, ref, key, fmt,
		   ap);
	va_end(ap);
}

/* diags_vadd's va_list, for a copy */
static void diags_copy(govmap_diags *d, const govmap_diag *g, ...)
{
	va_list ap;
	va_start(ap, g);
	diags_vadd(d, g->sev, g->file, g->line, g->col, g->code, g->ref,
		   g->key, "%s", ap);
	va_end(ap);
}

void govmap_diags_push(govmap_diags *d, const govmap_diag *g)
{
	if (d && g)
		diags_copy(d, g, g->msg ? g->msg : "");
}

void govmap_diags_append(govmap_diags *d, const govmap_diags *from)
{
	if (!d || !from)
		return;
	for (size_t i = 0; i < from->n; i++)
		govmap_diags_push(d, &from->v[i]);
	for (int sev = 0; sev < 3; sev++) {
		/* those `from` dropped still count */
		size_t kept = 0;
		for (size_t i = 0; i < from->n; i++)
			kept += from->v[i].sev == (govmap_severity)sev;
		d->count[sev] += from->count[sev] - kept;
	}
	d->dropped += from->dropped;
	d->lost += from->lost;
}

static int diag_cmp(const void *a, const void *b, void *ctx)
{
	(void)ctx;
	const govmap_diag *x = a, *y = b;
	int c;
	if (!x->file != !y->file)
		return x->file ? 1 : -1; /* file-less diagnostics first */
	if (x->file && (c = strcmp(x->file, y->file)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->msg, y->msg);
}

void govmap_diags_sort(govmap_diags *d)
{
	govmap_sort(d->v, d->n, sizeof(*d->v), diag_cmp, NULL);
}

int govmap_diags_nomem(const govmap_diags *d)
{
	if (!d)
		return 0;
	if (d->lost)
		return 1;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].code && strcmp(d->v[i].code, "nomem") == 0)
			return 1;
	return 0;
}

void govmap_diags_free(govmap_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		govmap_diag_clear(&d->v[i]);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

void govmap_diag_clear(govmap_diag *g)
{
	if (!g)
		return;
	free(g->file);
	free(g->code);
	free(g->msg);
	free(g->ref);
	free(g->key);
	g->file = g->code = g->msg = g->ref = g->key = NULL;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int govmap_date_parse(govmap_date *out, const char *s)
{
	int v[3] = {0, 0, 0};
	static const int width[3] = {4, 2, 2};
	const char *p = s;
	for (int f = 0; f < 3; f++) {
		for (int i = 0; i < width[f]; i++, p++) {
			if (*p < '0' || *p > '9')
				return GOVMAP_EINVALID;
			v[f] = v[f] * 10 + (*p - '0');
		}
		if (f < 2 && *p++ != '-')
			return GOVMAP_EINVALID;
	}
	if (*p != '\0')
		return GOVMAP_EINVALID;
	if (v[0] < 1800 || v[0] > 2199 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
	    v[2] > days_in_month(v[0], v[1]))
		return GOVMAP_EINVALID;
	*out = v[0] * 10000 + v[1] * 100 + v[2];
	return GOVMAP_OK;
}

int govmap_date_meant(char *iso, size_t size, const char *s)
{
	govmap_date d;
	int y, m, day;
	char sep[2], tail;
	if (iso && size)
		iso[0] = '\0';
	if (!iso || size < 11 || !s)
		return GOVMAP_EINVALID;
	if (govmap_date_parse(&d, s) == GOVMAP_OK) {
		govmap_date_format(iso, d);
		return GOVMAP_OK;
	}
	/* YYYY-MM-DD in form, no real day (2022-02-30, 2024-13-01): a
	 * guess at the day meant would be a guess */
	if (strlen(s) == 10 && strspn(s, "0123456789") == 4 && s[4] == '-' &&
	    strspn(s + 5, "0123456789") == 2 && s[7] == '-' &&
	    strspn(s + 8, "0123456789") == 2)
		return GOVMAP_EINVALID;
	/* a day, month and year as UK people write them (1/7/2022,
	 * 01.07.2022), or an ISO date missing its zeros (2022-7-1) */
	if (((sscanf(s, "%2d%1[/.-]%2d%*1[/.-]%4d%c", &day, sep, &m, &y,
		     &tail) == 4 &&
	      y >= 1000) ||
	     (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &day, &tail) == 3 &&
	      y >= 1000)) &&
	    m >= 1 && m <= 12 && day >= 1 && day <= 31) {
		char buf[16];
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
		if (govmap_date_parse(&d, buf) == GOVMAP_OK) {
			memcpy(iso, buf, 11);
			return GOVMAP_OK;
		}
	}
	return GOVMAP_ENOTFOUND;
}

void govmap_date_format(char *buf, govmap_date d)
{
	/* GOVMAP_DATE_UNKNOWN, or a start unknown but no later than a day
	 * (GOVMAP_DATE_NO_LATER_THAN, model.h) */
	if (d == -1 || d <= -10000101) {
		strcpy(buf, "unknown");
		return;
	}
	if (d <= 0) {
		strcpy(buf, "-");
		return;
	}
	snprintf(buf, 11, "%04d-%02d-%02d", (int)(d / 10000) % 10000,
		 (int)(d / 100 % 100), (int)(d % 100));
}

govmap_date govmap_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return 0;
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

void govmap_fyear_format(char *buf, size_t size, int32_t year)
{
	if (year <= 0)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%d/%02d", (int)year, (int)((year + 1) % 100));
}

int govmap_fyear_contains(int32_t year, govmap_date on)
{
	return year > 0 && on >= (govmap_date)year * 10000 + 401 &&
	       on < (govmap_date)(year + 1) * 10000 + 401;
}

void govmap_money_format(char *buf, size_t size, double v)
{
	if (v < 0)
		snprintf(buf, size, "unknown");
	else if (v >= 1e9)
		snprintf(buf, size, "\xc2\xa3" "%.1fbn", v / 1e9);
	else if (v >= 1e6)
		snprintf(buf, size, "\xc2\xa3" "%.0fm", v / 1e6);
	else if (v >= 1e3)
		snprintf(buf, size, "\xc2\xa3" "%.0fk", v / 1e3);
	else
		snprintf(buf, size, "\xc2\xa3" "%.0f", v);
}
