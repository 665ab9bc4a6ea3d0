/*
 * cmd_hook.c - `govmap hook install [--force]`: a Git pre-commit hook that
 * checks the registry as staged (`govmap --staged check`), so a commit
 * with a broken registry file stops with file:line:col messages.
 *
 * It writes one file, the repository's pre-commit hook, and never
 * replaces an existing one unless --force is given: the hook is written
 * to a new temporary file (O_CREAT|O_EXCL) and then linked into place,
 * which fails if a hook exists; with --force it is renamed over it.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_vcs.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] hook install [--force]\n"
	      "\n"
	      "Install a Git pre-commit hook in the repository that holds the "
	      "registry.\n"
	      "Before each commit it runs 'govmap --staged check --quiet' on "
	      "the\n"
	      "registry as staged (Git's index, not the working tree) and "
	      "stops the\n"
	      "commit when it has errors, naming each FILE:LINE:COL.  Skip it "
	      "once with\n"
	      "'git commit --no-verify'.  A file whose staged copy differs "
	      "from the\n"
	      "working tree is named in a note (the staged copy is what is "
	      "checked and\n"
	      "committed).  An existing pre-commit hook is never replaced\n"
	      "unless --force is given.\n"
	      "\n"
	      "  --force      replace an existing pre-commit hook\n"
	      "  -h, --help   show this help\n",
	      f);
}

/* s in single quotes for sh: ' becomes '\''. */
static void sh_quote(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	}
	fputc('\'', f);
}

/* The hook script.  malloc'd; NULL on out-of-memory. */
static char *script(const char *govmap, const char *registry,
		    const char *plugin_path, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		return NULL;
	fputs("#!/bin/sh\n"
	      "# Git pre-commit hook written by 'govmap hook install'.\n"
	      "# Checks the registry as staged for this commit (the index, "
	      "not the\n"
	      "# working tree) and stops the commit if it has errors.  Skip "
	      "once with\n"
	      "# 'git commit --no-verify'; replace with 'govmap hook install "
	      "--force'.\n"
	      "# Set GOVMAP to use another govmap binary.\n"
	      "GOVMAP=${GOVMAP:-",
	      f);
	sh_quote(f, govmap);
	fputs("}\nexec \"$GOVMAP\" -r ", f);
	sh_quote(f, registry);
	if (plugin_path) {
		fputs(" --plugin-path ", f);
		sh_quote(f, plugin_path);
	}
	fputs(" --staged check --quiet\n", f);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

int cmd_hook(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {{"force", no_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	int force = 0, c, nops = 0;
	char *operand, *action = NULL;
	optind = 0;
	while ((c = cli_getopt_mixed(argc, argv, "h", opts, "hook",
				     &operand)) != -1) {
		switch (c) {
		case 1:
			action = operand;
			nops++;
			break;
		case 'f': force = 1; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (nops != 1 || strcmp(action, "install") != 0) {
		cli_err("hook: the one action is 'install' (run 'govmap hook "
			"--help')");
		return EXIT_USAGE;
	}
	if (cli->rev || cli->staged) {
		cli_err("hook: --rev and --staged do not apply: the hook "
			"always checks what is staged");
		return EXIT_USAGE;
	}

	govmap_diags diags = {0};
	char *hooks, *rel;
	if (cli_need_registry_dir(cli) != EXIT_OK)
		return EXIT_USAGE;
	if (govmap_repo_paths(&hooks, &rel, cli->registry, &diags) !=
	    GOVMAP_OK) {
		cli_print_diags(stderr, &diags, cli->color);
		govmap_diags_free(&diags);
		return EXIT_USAGE;
	}
	govmap_diags_free(&diags);

	/* this very binary, by absolute path; plugins likewise */
	char self[PATH_MAX], plugins[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0)
		self[n] = '\0';
	else
		snprintf(self, sizeof self, "govmap"); /* from $PATH */
	const char *pp = NULL;
	if (cli->plugin_path)
		pp = realpath(cli->plugin_path, plugins) ? plugins
							 : cli->plugin_path;

	int rc = EXIT_USAGE;
	char *path = NULL, *text = NULL;
	size_t len = 0;
	if (mkdir(hooks, 0755) != 0 && errno != EEXIST) {
		cli_err("hook: cannot create %s: %s", hooks, strerror(errno));
		goto done;
	}
	if (!(path = malloc(strlen(hooks) + 16)) ||
	    !(text = script(self, rel[0] ? rel : ".", pp, &len))) {
		cli_err("out of memory");
		goto done;
	}
	size_t hl = strlen(hooks);
	while (hl > 1 && hooks[hl - 1] == '/')
		hooks[--hl] = '\0';
	sprintf(path, "%s/pre-commit", hooks);
	int err = cli_write_new(path, text, len, 0755, force);
	if (err == EEXIST) {
		cli_err("hook: %s exists already: govmap never replaces a "
			"hook; add the line\n  govmap -r %s --staged check "
			"--quiet || exit 1\nto it yourself, or run 'govmap "
			"hook install --force' to replace it",
			path, rel[0] ? rel : ".");
		goto done;
	}
	if (err) {
		cli_err("hook: cannot write %s: %s", path, strerror(err));
		goto done;
	}
	printf("installed %s: before each commit it runs\n"
	       "  %s -r %s --staged check --quiet\n",
	       path, self, rel[0] ? rel : ".");
	rc = EXIT_OK;
done:
	free(text);
	free(path);
	free(hooks);
	free(rel);
	return rc;
}
