/*
 * main.c - the govmap command-line tool: global options and the command
 * table.  Each command lives in cmd_<name>.c and returns an exit code.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "govmap/plugin.h"
#include "govmap/schema.h"

static int cmd_help(govmap_cli *cli, int argc, char **argv);
static int cmd_version(govmap_cli *cli, int argc, char **argv);

/* Sorted by name; `govmap help` prints it in this order. */
static const govmap_command commands[] = {
	{"blame", cmd_blame, "the commit that last changed each field of an "
			     "entity"},
	{"brief", cmd_brief, "the area brief for committee papers: two A4 "
			     "pages, HTML or PDF"},
	{"check", cmd_check, "validate the registry and print diagnostics"},
	{"complete", cmd_complete, NULL}, /* hidden: shell completion */
	{"diff", cmd_diff, "compare two revisions: entities, scores, "
			   "findings"},
	{"explain", cmd_explain, "show why a body scores as it does, link by "
				 "link"},
	{"export", cmd_export, "the registry and scores as Popolo, "
			       "FollowTheMoney, GraphML, Kumu, CSV"},
	{"help", cmd_help, "show help for govmap or for one command"},
	{"history", cmd_history, "the commits that changed the registry or "
				 "one body, with scores"},
	{"hook", cmd_hook, "install a Git pre-commit hook that checks the "
			   "staged registry"},
	{"map", cmd_map, "draw the accountability map (svg, png, pdf, dot, "
			 "json)"},
	{"new", cmd_new, "write a skeleton file for a new body, board, "
			 "contract or link"},
	{"plugins", cmd_plugins, "list the loaded region plugins and any "
				 "that failed to load"},
	{"rename", cmd_rename, "give an entity a new id, and every "
			       "reference to it"},
	{"report", cmd_report, "rank bodies by exposure and list findings"},
	{"rules", cmd_rules, "list every rule, core and plugin, with its "
			     "legal basis"},
	{"site", cmd_site, "write a static web site for scrutiny "
			   "committees"},
	{"stats", cmd_stats, "count entities per kind, type and region; "
			     "sourcing"},
	{"version", cmd_version, "print the version"},
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] COMMAND [args]\n"
	      "\n"
	      "govmap maps who answers to whom in UK health and care, and "
	      "where the\n"
	      "democratic deficit lies.\n"
	      "\n"
	      "Global options:\n"
	      "  -r, --registry PATH  the registry directory (default "
	      "./registry when\n"
	      "                       present, else $GOVMAP_REGISTRY)\n"
	      "      --rev REV        read the registry as committed at "
	      "Git revision REV\n"
	      "                       (no checkout; HEAD~1, a branch, a "
	      "commit id)\n"
	      "      --staged         read the registry as staged in Git's "
	      "index (what\n"
	      "                       the next commit would hold; the "
	      "pre-commit hook)\n"
	      "      --on DATE        the registry as it stood on DATE "
	      "(YYYY-MM-DD;\n"
	      "                       default today)\n"
	      "      --nearest-year   where a body has no money figure for "
	      "the financial\n"
	      "                       year of the date, use its nearest "
	      "year's (and say so)\n"
	      "      --plugin-path DIR  look for plugins in DIR first\n"
	      "  -h, --help           show this help\n"
	      "  -V, --version        print the version\n"
	      "\n"
	      "Commands:\n",
	      f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].summary)
			fprintf(f, "  %-10s %s\n", commands[i].name,
				commands[i].summary);
	fputs("\nRun 'govmap COMMAND --help' for a command's options.\n", f);
}

static const govmap_command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int cmd_help(govmap_cli *cli, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	const govmap_command *c = find_command(argv[1]);
	if (!c) {
		cli_err("help: unknown command '%s'", argv[1]);
		return EXIT_USAGE;
	}
	char *args[] = {argv[1], "--help", NULL};
	return c->fn(cli, 2, args);
}

static int cmd_version(govmap_cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cli_wants_help(argc, argv)) {
		puts("usage: govmap version\n\nPrint govmap's version, the registry "
		     "schema version it reads\n(govmap.yaml's 'schema') and "
		     "the plugin ABI version it loads.");
		return EXIT_OK;
	}
	if (argc > 1) {
		cli_err("version: unexpected argument '%s' (run 'govmap "
			"version --help')",
			argv[1]);
		return EXIT_USAGE;
	}
	printf("govmap %s\nregistry schema %u\nplugin ABI %u\n", GOVMAP_VERSION,
	       (unsigned)GOVMAP_SCHEMA_VERSION,
	       (unsigned)GOVMAP_PLUGIN_ABI_VERSION);
	return EXIT_OK;
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* No -r, no ./registry, no $GOVMAP_REGISTRY: the registry a campaigner
 * working in one of its folders (or in its repository) is in, for a
 * note beside the error ("-r ../.."): the nearest directory above that
 * holds govmap.yaml, or a registry/ with one.  Nothing is read from it
 * unless asked. */
static void find_registry_above(void)
{
	static char hint[3 * 16 + 16];
	struct stat st;
	char path[sizeof hint + 32]; /* hint, "/", "registry/govmap.yaml" */
	for (int up = 0; up < 16; up++) {
		size_t n = 0;
		for (int k = 0; k < up; k++)
			n += (size_t)snprintf(hint + n, sizeof hint - n, "%s..",
					      k ? "/" : "");
		hint[n] = '\0';
		snprintf(path, sizeof path, "%s%sgovmap.yaml", hint,
			 up ? "/" : "");
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (!up)
				strcpy(hint, ".");
			cli_registry_hint(hint);
			return;
		}
		snprintf(path, sizeof path, "%s%sregistry/govmap.yaml", hint,
			 up ? "/" : "");
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			snprintf(hint + n, sizeof hint - n, "%sregistry",
				 up ? "/" : "");
			cli_registry_hint(hint);
			return;
		}
	}
}

/* What coreutils' close_stdout does: a command whose output could not
 * all be written (a full disk, /dev/full, a closed descriptor) exits 2
 * with a message, whatever it returned.  Every write to stdout sets its
 * error flag, so one check here covers every printf of every command. */
static int close_stdout(int rc)
{
	int err = ferror(stdout) != 0;
	int e = cli_stdout_errno;
	if (fflush(stdout) != 0) {
		err = 1;
		e = e ? e : errno;
	}
	if (fclose(stdout) != 0 && errno != EBADF && !err) {
		err = 1;
		e = errno;
	}
	if (!err)
		return rc;
	if (e)
		cli_err("cannot write to standard output: %s", strerror(e));
	else
		cli_err("cannot write to standard output");
	return EXIT_USAGE;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
	return close_stdout(run(argc, argv));
}

static int run(int argc, char **argv)
{
	static const struct option opts[] = {
		{"registry", required_argument, NULL, 'r'},
		{"rev", required_argument, NULL, 'R'},
		{"staged", no_argument, NULL, 'S'},
		{"on", required_argument, NULL, 'O'},
		{"plugin-path", required_argument, NULL, 'P'},
		{"nearest-year", no_argument, NULL, 'N'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}};
	govmap_cli cli = {0};
	int c;
	while ((c = cli_getopt(argc, argv, "r:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'r': cli.registry = optarg; break;
		case 'R': cli.rev = optarg; break;
		case 'S': cli.staged = 1; break;
		case 'O':
			if (cli_date_arg(&cli.on, "--on", optarg) != EXIT_OK)
				return EXIT_USAGE;
			cli.on_given = 1;
			break;
		case 'P': cli.plugin_path = optarg; break;
		case 'N': cli.nearest_year = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		case 'V': return cmd_version(&cli, 1, argv);
		default: return EXIT_USAGE;
		}
	}
	if (cli.rev && cli.staged) {
		cli_err("--rev and --staged name two different registries: "
			"give one");
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const govmap_command *cmd = find_command(argv[optind]);
	if (!cmd) {
		cli_err("unknown command '%s' (run 'govmap help')",
			argv[optind]);
		return EXIT_USAGE;
	}
	if (!cli.on)
		cli.on = govmap_date_today();
	if (!cli.registry) {
		const char *env = getenv("GOVMAP_REGISTRY");
		if (is_dir("registry"))
			cli.registry = "registry";
		else if (env && *env)
			cli.registry = env;
		else {
			cli.registry = "registry"; /* reported when used */
			find_registry_above();
		}
	}
	/* colour only on a terminal, never with NO_COLOR set to anything
	 * (https://no-color.org) or on a dumb terminal */
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	cli.color = isatty(STDERR_FILENO) && !(nc && *nc) &&
		    !(term && strcmp(term, "dumb") == 0);
	if (cmd->fn == cmd_complete && argc - optind >= 2 &&
	    strcmp(argv[optind + 1], "commands") == 0) {
		for (size_t i = 0; i < NCOMMANDS; i++)
			if (commands[i].summary)
				puts(commands[i].name);
		return EXIT_OK;
	}
	int rc = cmd->fn(&cli, argc - optind, argv + optind);
	govmap_parse_cache_free(cli.cache); /* after every session */
	cli_plugins_free(&cli);
	return rc;
}
