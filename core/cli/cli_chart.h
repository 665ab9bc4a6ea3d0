/*
 * cli_chart.h - a small SVG line chart of one value over commits
 * (cli_chart.c), for `govmap history --chart`.
 */
#ifndef GOVMAP_CLI_CHART_H
#define GOVMAP_CLI_CHART_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	int64_t time;        /* seconds since the epoch */
	double value;        /* >= 0 */
	const char *label;   /* short commit id; borrowed */
	const char *summary; /* commit summary; borrowed, escaped on output */
} cli_chart_point;

/* An SVG document charting pts (oldest first): y from 0 to 1 for scores,
 * or from 0 for money (pounds, labelled "£1.2bn"); with no point, the
 * words `empty` (NULL: "no commits") in its place.  Every text is
 * XML-escaped.  *out is malloc'd; returns 0, or -1 on out-of-memory. */
int cli_chart_svg(char **out, size_t *len, const char *title,
		  const char *ylabel, const cli_chart_point *pts, size_t n,
		  int money, const char *empty);

#endif
