/*
 * cmd_map.c - `govmap map`: draw the accountability map; with --diff,
 * the change between two revisions marked on it (the entities added,
 * removed and changed, as the library's comparison, compare.h, finds
 * them).  Options and printing only: drawing is graphs/map.c's.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "govmap/map.h"
#include "cli_print.h"
#include "cli_vcs.h"
#include "govmap/compare.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] map [--region R] [--focus ID "
	      "[--depth N]]\n"
	      "              [--appointments]\n"
	      "              [--diff REV1 [REV2]]\n"
	      "              [--national] [--collapse N] [--format "
	      "svg|png|pdf|dot|json]\n"
	      "              [--paper a4|a3] [-o FILE [--force]]\n"
	      "\n"
	      "Draw who answers to whom: voters at the top, each body below "
	      "them coloured\n"
	      "by its democratic deficit (yellow = strong chain to voters, "
	      "dark red = weak\n"
	      "or none), sized by public money, edges styled by link type.\n"
	      "Each footprint is a box with its own electorates at its top; "
	      "three or more\n"
	      "footprints are stacked in a grid.  A footprint below one of "
	      "three or more\n"
	      "segments that has bodies drawn is boxed inside it "
	      "(england/east-of-england/\n"
	      "essex/mid-and-south-essex inside england/east-of-england/"
	      "essex).  A region\n"
	      "plugin's colour for a body type is drawn as the border of its "
	      "node.\n"
	      "\n"
	      "  --region R       only region R and below (e.g. "
	      "england/greater-manchester,\n"
	      "                   or its last part or name when only one "
	      "region has it);\n"
	      "                   a nation's or NHS England region's map "
	      "draws each area\n"
	      "                   below it as one box\n"
	      "  --focus ID       a focus map of one body (an id, name, short "
	      "name or ONS/ODS\n"
	      "                   code): its strongest chain to voters, the "
	      "forums that\n"
	      "                   hold it to account and the bodies it holds "
	      "to account,\n"
	      "                   strongest links first, at most 25 nodes (the "
	      "legend says\n"
	      "                   what was left out); not with --region or "
	      "--national\n"
	      "  --depth N        with --focus: every body within N links "
	      "instead\n"
	      "  --national       the overview: one box per area (its ICB, board "
	      "or trust),\n"
	      "                   grouped by NHS England region and nation, "
	      "no lines\n"
	      "  --appointments   draw every appointment and nomination line "
	      "(by default\n"
	      "                   only those on a body's chain to voters; a "
	      "focus map\n"
	      "                   draws all of its own)\n"
	      "  --collapse N     draw groups of more than N like bodies of "
	      "one footprint\n"
	      "                   as one summary node (default 12; without "
	      "it, a region map\n"
	      "                   wider than a screen, 1,500 pt, summarises "
	      "groups of more\n"
	      "                   than 4, then 2, then 1)\n"
	      "  --format F       svg (default, or from -o's extension), png, "
	      "pdf, dot, json\n"
	      "  --paper a4|a3    a PDF to print: the map on one sheet when "
	      "its smallest\n"
	      "                   text can be 8 pt there, otherwise on as "
	      "many sheets as\n"
	      "                   that takes (at most 48), each headed with "
	      "its grid\n"
	      "                   reference (A1, B1, ...), after a key page "
	      "showing the grid\n"
	      "                   over the whole map; a sheet with nothing "
	      "on it is left out\n"
	      "  --link-base URL  make nodes links to URL + ID + \".html\"\n"
	      "  --diff REV1 [REV2]  draw the change from REV1 to REV2 (default: "
	      "the\n"
	      "                   working tree): added, changed and removed "
	      "bodies marked\n"
	      "  -o, --output FILE  write to FILE (atomically); default "
	      "standard output\n"
	      "                   (-o - too); an existing FILE that is not "
	      "a regular file\n"
	      "                   (a symbolic link, FIFO, device) is refused\n"
	      "  --force          write into such a FILE in place (a link "
	      "followed)\n"
	      "  -h, --help       show this help\n"
	      "\n"
	      "Layout runs in a child process with a time limit; a map too "
	      "big to lay out\n"
	      "fails with a clear message instead of hanging.\n",
	      f);
}

static void free_marks(govmap_map_mark *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)m[i].what);
	free(m);
}

static int add_mark(govmap_map_mark **v, size_t *n, size_t *cap,
		    const govmap_entity *e, govmap_mark_kind kind, char *what)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		govmap_map_mark *p = realloc(*v, nc * sizeof(*p));
		if (!p) {
			free(what);
			return -1;
		}
		*v = p;
		*cap = nc;
	}
	(*v)[(*n)++] = (govmap_map_mark){e->id, e->name, kind, what};
	return 0;
}

/* The entity a link or contract's change is shown on: its `from` or
 * commissioner, looked up in `reg` (NULL if it is not there). */
static const govmap_entity *owner(const govmap_registry *reg,
				  const govmap_entity *e)
{
	const char *id = e->kind == GOVMAP_KIND_LINK       ? e->from.id
			 : e->kind == GOVMAP_KIND_CONTRACT ? e->commissioner.id
							   : e->id;
	return id ? govmap_registry_find(reg, id) : NULL;
}

/* map --diff: load both sides, mark what changed on the newer one. */
static int open_diff(govmap_cli *cli, cli_session *s, cli_session *old,
		     const char *from, const char *to,
		     govmap_map_mark **marks, size_t *nmarks)
{
	size_t cap = 0;
	*marks = NULL;
	*nmarks = 0;
	memset(s, 0, sizeof(*s));
	int rc = cli_side_open(cli, old, from, 0);
	if (rc == EXIT_OK)
		rc = cli_side_open(cli, s, to, 2);
	if (rc != EXIT_OK || old->diags->count[GOVMAP_SEV_ERROR] ||
	    s->diags->count[GOVMAP_SEV_ERROR]) {
		/* a side that failed to open (a revision that is not
		 * there) may have no diagnostics, and the newer side is
		 * not opened when the older one fails */
		if (old->diags)
			cli_print_diags(stderr, old->diags, cli->color);
		if (s->diags)
			cli_print_diags(stderr, s->diags, cli->color);
		if (rc == EXIT_OK)
			cli_err("map: a side of the change has data errors: "
				"fix them first (govmap check)");
		cli_close(s);
		return rc != EXIT_OK ? rc : EXIT_DATA;
	}
	/* the library compares the fields (compare.h) */
	govmap_diff *df;
	govmap_compare_opts co = GOVMAP_COMPARE_OPTS_INIT;
	co.what = GOVMAP_COMPARE_FIELDS;
	if (govmap_diff_sessions(&df, old->gs, s->gs, &co) != GOVMAP_OK) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	size_t n = govmap_registry_count(s->reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(s->reg, i);
		const govmap_entity *o = govmap_registry_find(old->reg, e->id);
		const govmap_entity *at = owner(s->reg, e);
		const govmap_diff_entry *de = govmap_diff_find(df, e->id);
		char *what = NULL;
		govmap_mark_kind kind = GOVMAP_MARK_CHANGED;
		if (!o && de && de->was) {
			/* renamed: a change, not an entity added */
			char how[400];
			govmap_diff_entry_what(how, sizeof how, df, de, 0);
			what = at == e ? cli_asprintf("%s", how)
				       : cli_asprintf("%s '%s': %s",
						      govmap_kind_name(e->kind),
						      e->id, how);
		} else if (!o) {
			if (at == e)
				kind = GOVMAP_MARK_ADDED;
			else
				what = cli_asprintf("%s '%s' added",
							govmap_kind_name(e->kind),
							e->id);
		} else {
			if (!de || !de->nfields)
				continue;
			char keys[400] = "";
			for (size_t k = 0; k < de->nfields; k++)
				snprintf(keys + strlen(keys),
					 sizeof keys - strlen(keys), "%s%s",
					 k ? ", " : "", de->fields[k].key);
			what = at == e ? cli_asprintf("fields %s", keys)
				       : cli_asprintf("%s '%s': %s",
							  govmap_kind_name(e->kind),
							  e->id, keys);
		}
		if (!at) {
			free(what);
			continue;
		}
		/* one mark per entity: later changes join its text */
		size_t k;
		for (k = 0; k < *nmarks; k++)
			if ((*marks)[k].kind != GOVMAP_MARK_REMOVED &&
			    strcmp((*marks)[k].id, at->id) == 0)
				break;
		if (k < *nmarks) {
			char *joined = cli_asprintf(
				"%s; %s", (*marks)[k].what ? (*marks)[k].what : "",
				what ? what : "");
			free((char *)(*marks)[k].what);
			free(what);
			(*marks)[k].what = joined;
			continue;
		}
		if (add_mark(marks, nmarks, &cap, at, kind, what) < 0) {
			govmap_diff_free(df);
			return EXIT_USAGE;
		}
	}
	size_t no = govmap_registry_count(old->reg);
	for (size_t i = 0; i < no; i++) {
		const govmap_entity *o = govmap_registry_at(old->reg, i);
		const govmap_diff_entry *de = govmap_diff_find(df, o->id);
		if ((o->kind != GOVMAP_KIND_BODY &&
		     o->kind != GOVMAP_KIND_BOARD) ||
		    govmap_registry_find(s->reg, o->id) || (de && de->was))
			continue;
		if (add_mark(marks, nmarks, &cap, o, GOVMAP_MARK_REMOVED,
			     NULL) < 0) {
			govmap_diff_free(df);
			return EXIT_USAGE;
		}
	}
	govmap_diff_free(df);
	return EXIT_OK;
}

/* What `map --paper` printed on, said on stderr. */
static void print_note(const cli_print_info *pi, int paper)
{
	char grid[120] = "", blank[48] = "";
	unsigned sheets = pi->cols * pi->rows;
	if (pi->printed < sheets)
		snprintf(blank, sizeof blank, ", %u blank sheet%s left out",
			 sheets - pi->printed,
			 sheets - pi->printed == 1 ? "" : "s");
	if (pi->pages > 1)
		snprintf(grid, sizeof grid,
			 " (%u across, %u down%s, after a key page)", pi->cols,
			 pi->rows, blank);
	cli_note("map printed on %u sheet%s of %s %s%s at %.0f%%, smallest "
		 "text %.1f pt",
		 pi->printed, pi->printed == 1 ? "" : "s",
		 paper == CLI_PAPER_A3 ? "A3" : "A4",
		 pi->landscape ? "landscape" : "portrait", grid,
		 pi->scale * 100, pi->min_pt);
}

int cmd_map(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"focus", required_argument, NULL, 'f'},
		{"depth", required_argument, NULL, 'd'},
		{"national", no_argument, NULL, 'n'},
		{"appointments", no_argument, NULL, 'A'},
		{"collapse", required_argument, NULL, 'c'},
		{"format", required_argument, NULL, 'F'},
		{"link-base", required_argument, NULL, 'l'},
		{"output", required_argument, NULL, 'o'},
		{"diff", required_argument, NULL, 'D'},
		{"force", no_argument, NULL, 'W'},
		{"paper", required_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	govmap_map_opts mo = {0};
	int force = 0, paper = -1;
	const char *output = NULL, *format = NULL, *diff_from = NULL,
		   *diff_to = NULL;
	int c;
	optind = 0;
again:
	while ((c = cli_getopt(argc, argv, "o:h", opts, "map")) != -1) {
		char *end;
		switch (c) {
		case 'r': mo.region = optarg; break;
		case 'f': mo.focus = optarg; break;
		case 'n': mo.national = 1; break;
		case 'A': mo.appointments = 1; break;
		case 'l': mo.link_base = optarg; break;
		case 'F': format = optarg; break;
		case 'o': output = optarg; break;
		case 'W': force = 1; break;
		case 'D': diff_from = optarg; break;
		case 'P':
			paper = cli_paper_parse(optarg);
			if (paper < 0) {
				cli_err("map: --paper takes a4 or a3, not '%s'",
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'd':
		case 'c': {
			unsigned long v = strtoul(optarg, &end, 10);
			if (*end || !*optarg || v < 1 || v > 50) {
				cli_err("map: --%s must be a number from 1 to "
					"50",
					c == 'd' ? "depth" : "collapse");
				return EXIT_USAGE;
			}
			if (c == 'd')
				mo.depth = (unsigned)v;
			else
				mo.collapse = (unsigned)v;
			break;
		}
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (diff_from && !diff_to && optind < argc && argv[optind][0] != '-') {
		diff_to = argv[optind++]; /* map --diff REV1 REV2 [options] */
		goto again;
	}
	if (optind < argc) {
		cli_err("map: unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	/* options another one overrides are refused, not dropped: a map
	 * titled for a region it does not draw misleads its reader */
	if (mo.depth && !mo.focus) {
		cli_err("map: --depth goes with --focus (the bodies within N "
			"links of one body)");
		return EXIT_USAGE;
	}
	if (mo.focus && (mo.national || mo.region)) {
		cli_err("map: --focus draws one body's links wherever they "
			"lead: drop %s",
			mo.national ? "--national" : "--region");
		return EXIT_USAGE;
	}
	int from_ext = !format && output && strrchr(output, '.');
	if (from_ext)
		format = strrchr(output, '.') + 1;
	if (paper >= 0 && !format)
		format = "pdf"; /* --paper prints a PDF */
	int fmt = govmap_map_format_parse(format ? format : "svg");
	if (fmt < 0) {
		cli_err("map: unknown format '%s' (use svg, png, pdf, dot or "
			"json)",
			format);
		return EXIT_USAGE;
	}
	if (paper >= 0 && fmt != GOVMAP_MAP_PDF) {
		char q[512];
		if (from_ext)
			cli_err("map: --paper prints a PDF: write to a .pdf "
				"file, not %s", cli_path(q, sizeof q, output));
		else
			cli_err("map: --paper prints a PDF: drop --format %s",
				format);
		return EXIT_USAGE;
	}
	if ((!output || strcmp(output, "-") == 0) &&
	    (fmt == GOVMAP_MAP_PNG || fmt == GOVMAP_MAP_PDF) &&
	    isatty(STDOUT_FILENO)) {
		cli_err("map: not writing %s to a terminal: use -o FILE",
			format);
		return EXIT_USAGE;
	}
	/* a file that cannot be written, or would land in the registry,
	 * is said before the layout, not after it */
	if (cli_output_dir_ok(cli, "map", output) != EXIT_OK)
		return EXIT_USAGE;
	cli_session s, old = {0};
	govmap_map_mark *marks = NULL;
	const govmap_entity *focus = NULL;
	int rc;
	if (diff_from) {
		rc = open_diff(cli, &s, &old, diff_from, diff_to, &marks,
			       &mo.nmarks);
		mo.marks = marks;
	} else {
		rc = cli_open(cli, &s);
	}
	if (rc == EXIT_OK) /* a .yml file not read, either side once */
		cli_warn_unread(cli, diff_from ? &old : &s,
				diff_from ? &s : NULL);
	/* a focus by id, name or code; a region by its path, or a last
	 * part only one region has, as brief takes it (a region no entity
	 * has lists the near misses: it read as "nothing in force in region
	 * X on this date"); never both */
	char *region = NULL;
	if (rc == EXIT_OK && mo.focus) {
		int32_t fi = -1;
		rc = cli_resolve(s.reg, "map --focus", mo.focus, &fi);
		if (rc == EXIT_OK) {
			focus = govmap_registry_at(s.reg, (size_t)fi);
			mo.focus = focus->id;
		}
	} else if (rc == EXIT_OK && mo.region) {
		rc = cli_resolve_region(s.reg, "map", mo.region, &region);
		mo.region = region;
	}
	if (rc != EXIT_OK) {
		free_marks(marks, mo.nmarks);
		cli_close(&old);
		cli_close(&s);
		return rc;
	}
	/* what the map is of, in words: the area ("North East London", not
	 * its path), and the body a focus map is drawn around (printed, a
	 * focus map named only the registry) */
	char area[256] = "", depth[48] = "";
	if (mo.region)
		govmap_region_title(area, sizeof area, mo.region);
	if (focus && mo.depth)
		snprintf(depth, sizeof depth, " and the bodies within %u link%s",
			 mo.depth, mo.depth == 1 ? "" : "s");
	const char *fname = !focus ? ""
			    : focus->name ? focus->name
					  : focus->id;
	char *what = cli_asprintf("%s%s%s%s%s%s", mo.region ? ", " : "", area,
				  focus ? ", " : "",
				  focus && !mo.depth ? "focus: " : "", fname,
				  depth);
	char *title =
		!what ? NULL
		: diff_from
			? cli_asprintf("govmap: changes from %s to %s: %s%s",
				       diff_from,
				       diff_to ? diff_to : "the working tree",
				       s.title, what)
			: cli_asprintf("govmap: %s%s", s.title, what);
	free(what);
	if (!title) {
		cli_err("out of memory");
		free(region);
		free_marks(marks, mo.nmarks);
		cli_close(&old);
		cli_close(&s);
		return EXIT_USAGE;
	}
	mo.title = title;
	mo.findings = s.findings;
	mo.type_colour = cli_plugin_colour;
	mo.colour_payload = cli->plugins;
	char *data = NULL;
	size_t len = 0;
	govmap_diags d = {0};
	/* printed on sheets: the SVG, laid out on pages here */
	int r = govmap_map_render(&data, &len, s.an, &mo,
				  paper >= 0 ? GOVMAP_MAP_SVG
					     : (govmap_map_format)fmt,
				  &d);
	cli_print_diags(stderr, &d, cli->color);
	if (r == GOVMAP_OK && paper >= 0) {
		char *pdf = NULL, err[300] = "";
		size_t plen = 0;
		cli_print_info pi;
		if (cli_print_map_pdf(&pdf, &plen, &pi, data, len, title,
				      (cli_paper)paper, err, sizeof err) < 0) {
			cli_err("map: %s", err);
			rc = EXIT_USAGE;
		} else {
			rc = cli_write_output(output, pdf, plen, force);
			if (rc == EXIT_OK)
				print_note(&pi, paper);
		}
		free(pdf);
	} else if (r == GOVMAP_OK)
		rc = cli_write_output(output, data, len, force);
	else if (r == GOVMAP_ENOMEM || govmap_diags_nomem(&d)) {
		cli_err("out of memory");
		rc = EXIT_USAGE;
	} else
		rc = r == GOVMAP_ENOTFOUND ? EXIT_USAGE : EXIT_DATA;
	free(data);
	free(region);
	free(title);
	govmap_diags_free(&d);
	free_marks(marks, mo.nmarks);
	cli_close(&old);
	cli_close(&s);
	return rc;
}
