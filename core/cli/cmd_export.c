/*
 * cmd_export.c - `govmap export`: the registry as of --on, with its
 * scores, in another tool's format (the writers are the library's,
 * export.h).  This file parses options, picks the output, and writes it
 * atomically; it knows nothing of the formats themselves.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_vcs.h"
#include "govmap/export.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] export --format "
	      "popolo|ftm|graphml|kumu|csv [-o OUT]\n"
	      "\n"
	      "Write the registry as it stood on the --on date (default "
	      "today), with\n"
	      "every body's scores, in a format other tools read.  Unknown "
	      "values stay\n"
	      "unknown (null, an empty field, or left out), never 0.\n"
	      "\n"
	      "  --format F   popolo   Popolo JSON: organizations, areas, "
	      "posts (seats),\n"
	      "                        memberships\n"
	      "               ftm      FollowTheMoney entities, one JSON "
	      "object a line\n"
	      "                        (PublicBody, Organization, Membership, "
	      "Directorship,\n"
	      "                        UnknownLink, Contract, ContractAward)\n"
	      "               graphml  GraphML (Gephi, networkx, yEd): scores "
	      "as node data\n"
	      "               kumu     Kumu's JSON blueprint: elements and "
	      "connections\n"
	      "               csv      five tables in the directory OUT: "
	      "bodies.csv,\n"
	      "                        links.csv, seats.csv, contracts.csv, "
	      "findings.csv\n"
	      "  -o, --output OUT  the file to write (default: standard "
	      "output); for\n"
	      "               csv a directory, created if missing "
	      "(required)\n"
	      "  -h, --help   show this help\n"
	      "\n"
	      "Files are written atomically, never inside the registry.\n",
	      f);
}

static const char *const single[] = {"popolo", "ftm", "graphml", "kumu"};

/* Is the directory `dir` the registry or inside it?  1 yes, 0 no (or
 * no registry at that path), -1 when dir cannot be resolved (errno). */
/* The directory part of a file path, into buf. */
static const char *dir_of(char *buf, size_t size, const char *path)
{
	snprintf(buf, size, "%s", path);
	char *slash = strrchr(buf, '/');
	if (!slash)
		return ".";
	if (slash == buf)
		slash[1] = '\0';
	else
		*slash = '\0';
	return buf;
}

/* Write one format into memory, then to `path` atomically. */
static int write_one(const char *path, govmap_export_format fmt,
		     cli_session *s, const govmap_export_opts *opts)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m) {
		cli_err("export: out of memory");
		return EXIT_USAGE;
	}
	int rc = govmap_export_write(m, fmt, s->an, opts);
	if (fclose(m) != 0 && rc == GOVMAP_OK)
		rc = GOVMAP_ENOMEM;
	if (rc != GOVMAP_OK) {
		cli_err("export: could not write %s (out of memory)",
			govmap_export_format_name(fmt));
		free(buf);
		return EXIT_USAGE;
	}
	rc = cli_write_output(path, buf, len, -1); /* no --force */
	free(buf);
	return rc;
}

int cmd_export(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *format = NULL, *out = NULL;
	int c;
	optind = 1;
	while ((c = cli_getopt(argc, argv, "f:o:h", opts, "export")) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': out = optarg; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_err("export: unexpected argument '%s' (run 'govmap export "
			"--help')", argv[optind]);
		return EXIT_USAGE;
	}
	if (!format) {
		cli_err("export: give --format popolo, ftm, graphml, kumu or "
			"csv (run 'govmap export --help')");
		return EXIT_USAGE;
	}
	int fmt = -1, csv = strcmp(format, "csv") == 0;
	for (size_t k = 0; k < sizeof single / sizeof single[0]; k++)
		if (strcmp(format, single[k]) == 0)
			fmt = (int)k;
	if (fmt < 0 && !csv) {
		cli_err("export: unknown format '%s' (use popolo, ftm, graphml, "
			"kumu or csv)", format);
		return EXIT_USAGE;
	}
	if (csv && (!out || strcmp(out, "-") == 0)) {
		cli_err("export: csv writes five tables: give -o DIR");
		return EXIT_USAGE;
	}
	/* never write into the registry */
	char dirbuf[PATH_MAX];
	const char *dir = NULL;
	if (csv) {
		struct stat st;
		if (stat(out, &st) != 0) {
			if (errno != ENOENT || mkdir(out, 0777) != 0) {
				cli_err("export: cannot create the directory "
					"'%s': %s", out, strerror(errno));
				return EXIT_USAGE;
			}
		} else if (!S_ISDIR(st.st_mode)) {
			cli_err("export: '%s' is not a directory (csv writes "
				"five tables into -o DIR)", out);
			return EXIT_USAGE;
		}
		dir = out;
	} else if (out && strcmp(out, "-") != 0) {
		dir = dir_of(dirbuf, sizeof dirbuf, out);
	}
	int inside = dir ? cli_in_registry(dir, cli->registry) : 0;
	char q[512];
	if (inside < 0) {
		cli_err("export: cannot write %s: %s", cli_path(q, sizeof q, out),
			strerror(errno));
		return EXIT_USAGE;
	}
	if (inside) {
		cli_err("export: refusing to write %s into the registry "
			"directory (a file there would go into the registry's "
			"commits): choose a path outside it",
			cli_path(q, sizeof q, out));
		return EXIT_USAGE;
	}

	cli_session s;
	int rc = cli_open(cli, &s);
	if (rc != EXIT_OK)
		return rc;
	cli_warn_unread(cli, &s, NULL); /* a .yml file not read */
	char generator[64];
	snprintf(generator, sizeof generator, "govmap %s", GOVMAP_VERSION);
	govmap_export_opts eo = {s.title, generator, s.findings};
	if (!csv) {
		rc = write_one(out, (govmap_export_format)fmt, &s, &eo);
	} else {
		for (int t = GOVMAP_EXPORT_CSV_BODIES;
		     t < GOVMAP_EXPORT__COUNT && rc == EXIT_OK; t++) {
			const char *name = govmap_export_csv_file(t);
			size_t n = strlen(out) + strlen(name) + 2;
			char *path = malloc(n);
			if (!path) {
				rc = EXIT_USAGE;
				break;
			}
			snprintf(path, n, "%s/%s", out, name);
			rc = write_one(path, (govmap_export_format)t, &s, &eo);
			free(path);
		}
	}
	cli_close(&s);
	return rc;
}
