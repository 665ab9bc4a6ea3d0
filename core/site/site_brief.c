/*
 * site_brief.c - the site's area briefs: regions/<region>.brief.html,
 * one per region with bodies in force, the page `govmap brief --region R`
 * writes (core/cli/cli_brief.c builds it from the library's report API),
 * linked from the region's page.  A page of its own, self-contained and
 * made for printing (two A4 pages), not in the site's layout.  Must not
 * write anything but through site_write().
 */
#include <stdlib.h>
#include <string.h>

#include "cli_brief.h"
#include "site.h"

/* The brief's file name for region r, "" when r has none. */
const char *site_brief_file(char *buf, size_t size, const char *r)
{
	char file[256];
	site_file_name(file, sizeof file, r);
	if (!file[0]) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, size, "%s.brief.html", file);
	return buf;
}

/* The map inline, through the site's allow-list (site_svg.c), as on
 * every page of the site: no <img>, no markup the list does not know. */
static int inline_map(FILE *f, const char *svg, size_t len, void *ctx)
{
	(void)ctx;
	site_buf b = {0};
	if (site_svg_inline(&b, svg, len, NULL, NULL, 0, NULL) < 0 || b.oom) {
		sb_free(&b);
		return -1;
	}
	fwrite(b.s, 1, b.n, f);
	sb_free(&b);
	return 0;
}

int site_write_briefs(site_ctx *c)
{
	int rc = 0;
	for (size_t i = 0; i < c->nregions && !c->failed; i++) {
		const char *r = c->regions[i];
		char file[300], path[320];
		site_totals t;
		site_brief_file(file, sizeof file, r);
		site_totals_of(c, r, &t);
		if (!file[0] || !t.bodies)
			continue;
		cli_brief br;
		govmap_diags d = {0};
		int brc = cli_brief_build(&br, c->s, r, c->cli->plugins, &d);
		char *html = NULL;
		size_t len = 0;
		if (brc == EXIT_OK && cli_brief_html(&html, &len, &br, inline_map, NULL) == 0) {
			site_buf b = {0};
			sb_putn(&b, html, len);
			snprintf(path, sizeof path, "regions/%s", file);
			rc |= site_write(c, path, &b);
		} else {
			/* the region's page links it: say why there is none */
			cli_print_diags(stderr, &d, c->cli->color);
			cli_err("site: no area brief for %s", r);
			c->map_failures++;
			site_buf b = {0};
			sb_put(&b, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n"
				   "<head><meta charset=\"utf-8\"><title>Area "
				   "brief</title></head>\n<body><p>The area "
				   "brief of ");
			sb_esc(&b, r);
			sb_put(&b, " could not be made on this run (see the "
				   "output of govmap site).</p></body></html>\n");
			snprintf(path, sizeof path, "regions/%s", file);
			rc |= site_write(c, path, &b);
		}
		free(html);
		cli_brief_free(&br);
		govmap_diags_free(&d);
	}
	return rc;
}
