/*
 * cmd_blame.c - `govmap blame ID`: for each top-level field of an entity,
 * and for each seat of a board on its own line, the commit, author and
 * date that last changed it.
 *
 * It walks the commits that changed the registry (vcs.h), newest first,
 * takes the entity at each (govmap_history_entity: its file's blobs,
 * followed through renames and moves between files, each parsed once;
 * no registry is loaded or analysed, except at a commit whose blobs
 * cannot be judged alone) and compares each field's canonical text
 * (govmap_field_text, compare.h) with today's: a field is blamed on the
 * oldest commit of the unbroken run, from the newest, that holds its
 * present value; a seat, on the oldest that holds a seat with its
 * present text.  History is followed in commit-time order, not merge
 * by merge.  An entity renamed (the diff of the commit that removed its
 * id and the next newer pairs it, compare.h) is followed under its old
 * id.  Nothing is written.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_vcs.h"

#define MAXKEYS 48

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] blame ID [--since DATE] "
	      "[--until DATE]\n"
	      "                                    [--max-count N]\n"
	      "\n"
	      "For each top-level field of an entity (name, type, powers, "
	      "...), and for\n"
	      "each seat of a board on a line of its own (the seat's text "
	      "below it),\n"
	      "show the commit, author and date that last changed it, "
	      "walking the\n"
	      "commits that changed the registry from HEAD (or --rev).  "
	      "Without --rev\n"
	      "the fields are those of the working tree (the index with "
	      "--staged):\n"
	      "a field changed since the last commit is 'not committed "
	      "yet'.  The\n"
	      "entity is followed through renames of its file and moves "
	      "between files.\n"
	      "\n"
	      "  --since DATE    only commits made on or after DATE "
	      "(YYYY-MM-DD)\n"
	      "  --until DATE    only commits made on or before DATE\n"
	      "  --max-count N   at most N commits, the newest (--max N "
	      "is the same)\n"
	      "  -h, --help      show this help\n"
	      "\n"
	      "With these, a field whose value is older than the oldest "
	      "commit walked\n"
	      "is blamed on that commit, marked '^' (as git blame marks a "
	      "boundary).\n"
	      "On a terminal, a progress line (commits done of the total, "
	      "and the rate)\n"
	      "is shown on standard error; nothing when it is not a "
	      "terminal.\n",
	      f);
}

typedef struct {
	const char *key;	/* the schema's */
	char label[32];		/* "seat 2" for one seat, else the key */
	int item;		/* one item of a list field (a seat) */
	char *now;		/* the value being blamed */
	const govmap_commit *c; /* the commit blamed so far, NULL: none yet */
	int done;
} blamed;

/* The value of field `key` of entity e (*out NULL when the entity or
 * the field is absent): 0, or -1 on out-of-memory. */
static int value_of(char **out, const govmap_entity *e, const char *key)
{
	*out = NULL;
	return e ? govmap_field_text(out, e, key) : 0;
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Does entity e hold the item `now` in its list field `key`?  1 yes, 0
 * no (or no entity), -1 out of memory. */
static int has_item(const govmap_entity *e, const char *key, const char *now)
{
	char **v;
	size_t n;
	if (!e)
		return 0;
	int rc = govmap_entity_field(&v, &n, e, key);
	if (rc == GOVMAP_ENOTFOUND)
		return 0;
	if (rc != GOVMAP_OK)
		return -1;
	int found = 0;
	for (size_t k = 0; k < n && !found; k++)
		found = strcmp(v[k], now) == 0;
	govmap_strings_free(v, n);
	return found;
}

/* Entity `id` at commit cm: its version when that can be judged alone,
 * else found in the commit's registry, loaded into *s (close it).
 * EXIT_OK, or an exit code after printing why the commit cannot be
 * read. */
static int entity_at(govmap_cli *cli, const govmap_entity_version *ver,
		     const govmap_commit *cm, const char *id, cli_session *s,
		     const govmap_entity **ent)
{
	*ent = NULL;
	memset(s, 0, sizeof(*s));
	if (ver->exact) {
		*ent = ver->entity;
		return EXIT_OK;
	}
	if (!cm->tree[0])
		return EXIT_OK;
	/* a blob not to be judged alone: load the commit */
	int rc = cli_side_open(cli, s, cm->id, 0);
	if (rc != EXIT_OK) {
		cli_print_diags(stderr, s->diags, cli->color);
		cli_close(s);
		return rc;
	}
	*ent = govmap_registry_find(s->reg, id);
	return EXIT_OK;
}

/* The entity `id` of commit k - 1 is absent at the older commit k: was
 * it renamed at k - 1 (the diff of the two pairs it with an id of commit
 * k, compare.h)?  Its id at commit k, and its file there in *file (both
 * malloc'd), else NULL. */
static char *renamed_at(govmap_cli *cli, const govmap_history *h, size_t k,
			const char *id, char **file)
{
	cli_session a, b;
	char *old = NULL;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	*file = NULL;
	govmap_diff *d = NULL;
	govmap_compare_opts co = GOVMAP_COMPARE_OPTS_INIT;
	co.what = GOVMAP_COMPARE_FIELDS;
	if (k > 0 && cli_side_open(cli, &a, h->v[k].id, 0) == EXIT_OK &&
	    cli_side_open(cli, &b, h->v[k - 1].id, 0) == EXIT_OK &&
	    govmap_diff_sessions(&d, a.gs, b.gs, &co) == GOVMAP_OK) {
		const govmap_diff_entry *e = govmap_diff_find(d, id);
		if (e && e->was && strcmp(e->id, id) == 0) {
			const char *rel = cli_entity_path(
				a.src, govmap_diff_entity(d, e, 0));
			old = strdup(e->was);
			*file = rel ? strdup(rel) : NULL;
		}
	}
	govmap_diff_free(d);
	cli_close(&a);
	cli_close(&b);
	return old;
}

int cmd_blame(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {CLI_WALK_OPTIONS,
					     {"help", no_argument, NULL, 'h'},
					     {NULL, 0, NULL, 0}};
	char *operand, *id = NULL;
	int c;
	govmap_history_opts ho = {0};
	optind = 0;
	while ((c = cli_getopt_mixed(argc, argv, "h", opts, "blame",
				     &operand)) != -1) {
		switch (c) {
		case 1:
			if (id) {
				cli_err("blame: give exactly one id");
				return EXIT_USAGE;
			}
			id = operand;
			break;
		case 's':
		case 'u':
		case 'm':
			if (cli_walk_option(&ho, c, optarg, "blame") != EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_walk_check(&ho, "blame") != EXIT_OK)
		return EXIT_USAGE;
	int limited = ho.since || ho.until || ho.max;
	if (!id) {
		cli_err("blame: give exactly one id (run 'govmap blame "
			"--help')");
		return EXIT_USAGE;
	}

	/* The entity as it is now: the working tree, the index or --rev. */
	cli_session now;
	blamed b[MAXKEYS];
	size_t nb = 0;
	if (cli_use_cache(cli) != EXIT_OK)
		return EXIT_USAGE;
	int rc = cli_side_open(cli, &now, NULL, 0);
	if (rc != EXIT_OK) {
		cli_print_diags(stderr, now.diags, cli->color);
		cli_close(&now);
		return rc;
	}
	const govmap_entity *e = govmap_registry_find(now.reg, id);
	if (!e) {
		char where[300];
		snprintf(where, sizeof where, "in %s",
			 govmap_src_revision(now.src));
		cli_no_id(now.reg, "blame", id, where);
		cli_close(&now);
		return EXIT_USAGE;
	}
	govmap_field_info f[MAXKEYS];
	size_t nf = govmap_schema_fields(e->kind, f, MAXKEYS);
	for (size_t i = 0; i < nf && i < MAXKEYS && nb < MAXKEYS; i++) {
		char *v;
		if (strcmp(f[i].key, "seats") == 0) {
			/* each seat its own line, blamed on its own */
			char **items;
			size_t ni;
			if (govmap_entity_field(&items, &ni, e, "seats") ==
			    GOVMAP_ENOMEM) {
				cli_err("out of memory");
				rc = EXIT_USAGE;
				break;
			}
			for (size_t k = 0; k < ni && nb < MAXKEYS; k++) {
				b[nb].key = f[i].key;
				snprintf(b[nb].label, sizeof b[nb].label,
					 "seat %zu", k + 1);
				b[nb].item = 1;
				b[nb].now = items[k];
				items[k] = NULL;
				b[nb].c = NULL;
				b[nb].done = 0;
				nb++;
			}
			govmap_strings_free(items, ni);
			continue;
		}
		if (govmap_field_text(&v, e, f[i].key) != GOVMAP_OK) {
			cli_err("out of memory");
			rc = EXIT_USAGE;
			break;
		}
		if (!v)
			continue; /* not written in the entity */
		b[nb].key = f[i].key;
		snprintf(b[nb].label, sizeof b[nb].label, "%s", f[i].key);
		b[nb].item = 0;
		b[nb].now = v;
		b[nb].c = NULL;
		b[nb].done = 0;
		nb++;
	}
	char what[300], kind[16], *file = NULL;
	const char *rel = cli_entity_path(now.src, e);
	if (rel && !(file = strdup(rel)))
		rc = EXIT_USAGE;
	snprintf(what, sizeof what, "%s", govmap_src_revision(now.src));
	snprintf(kind, sizeof kind, "%s", govmap_kind_name(e->kind));
	cli_close(&now);

	govmap_history *h = NULL;
	govmap_diags diags = {0};
	ho.rev = cli->rev;
	if (rc == EXIT_OK &&
	    govmap_history_load(&h, cli->registry, &ho, &diags) != GOVMAP_OK) {
		cli_print_diags(stderr, &diags, cli->color);
		rc = EXIT_USAGE;
	}
	/* The entity at each commit, from its file's blobs (followed
	 * through renames and moves), without loading the registry. */
	govmap_entity_version *ver = NULL;
	if (rc == EXIT_OK && h &&
	    govmap_history_entity(&ver, h, cli->registry, id, file,
				  cli->cache, &diags) != GOVMAP_OK) {
		cli_print_diags(stderr, &diags, cli->color);
		rc = EXIT_USAGE;
	}
	govmap_diags_free(&diags);

	/* Newest first; stop once every field met an older value.  Where
	 * the entity was renamed (it is absent from a commit, and the diff
	 * of that commit and the next newer pairs it with an id there), go
	 * on under the old id, up to RENAMES times: a field the rename did
	 * not change is blamed on the commits before it. */
	enum { RENAMES = 8 };
	char *olds[RENAMES];
	govmap_entity_version *vers[RENAMES];
	size_t nold = 0;
	const char *cur = id;
	const govmap_commit *renamed_in = NULL;
	int tty = isatty(STDERR_FILENO);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	size_t left = nb;
	int had = 0; /* the entity was at the commit before (newer) */
	for (size_t k = 0; rc == EXIT_OK && h && k < h->n && left; k++) {
		const govmap_commit *cm = &h->v[k];
		cli_session s;
		if (tty && h->n > 20)
			cli_progress(&t0, "blame", k, h->n);
		const govmap_entity *ent = NULL;
		memset(&s, 0, sizeof s);
		if ((rc = entity_at(cli, &ver[k], cm, cur, &s, &ent)) !=
		    EXIT_OK)
			break;
		char *ofile = NULL, *old =
			!ent && had && nold < RENAMES
				? renamed_at(cli, h, k, cur, &ofile)
				: NULL;
		if (old) {
			govmap_entity_version *v2 = NULL;
			govmap_diags dg = {0};
			if (govmap_history_entity(&v2, h, cli->registry, old,
						  ofile, cli->cache,
						  &dg) == GOVMAP_OK) {
				olds[nold] = old;
				vers[nold++] = ver;
				ver = v2;
				cur = old;
				renamed_in = &h->v[k - 1];
				cli_close(&s);
				rc = entity_at(cli, &ver[k], cm, cur, &s, &ent);
			} else {
				free(old);
			}
			govmap_diags_free(&dg);
		}
		free(ofile);
		if (rc != EXIT_OK)
			break; /* the commit could not be read (said) */
		had = ent != NULL;
		for (size_t i = 0; i < nb; i++) {
			char *v = NULL;
			int held = 0;
			if (b[i].done)
				continue;
			if (b[i].item &&
			    (held = has_item(ent, b[i].key, b[i].now)) < 0) {
				cli_err("out of memory");
				rc = EXIT_USAGE;
				break;
			}
			if (!b[i].item && value_of(&v, ent, b[i].key) < 0) {
				cli_err("out of memory");
				rc = EXIT_USAGE;
				break;
			}
			if (b[i].item ? held > 0 : same(v, b[i].now)) {
				b[i].c = cm;
			} else {
				b[i].done = 1;
				left--;
			}
			free(v);
		}
		cli_close(&s);
		/* with --rev the value "now" is the newest commit's: a field
		 * that differs there has no older commit to blame */
	}
	if (tty && h && h->n > 20)
		cli_progress_end();

	if (rc == EXIT_OK) {
		int aw = 6, kw = 4;
		for (size_t i = 0; i < nb; i++) {
			int l = (int)strlen(b[i].label);
			if (l > kw)
				kw = l;
			/* the author's width in characters, at most 24 */
			const char *a = b[i].c ? b[i].c->author : "";
			if ((l = (int)cli_cols(a, cli_cut(a, 24, 0, NULL))) > aw)
				aw = l;
		}
		printf("%s (%s) as in %s: the commit that last changed each "
		       "field\n",
		       id, kind, what);
		/* the id it had before its oldest rename walked */
		if (renamed_in)
			printf("(renamed: it was '%s' before %s; what the "
			       "rename left as it was is blamed on the "
			       "commits before it)\n",
			       cur, renamed_in->short_id);
		for (size_t i = 0; i < nb; i++) {
			const govmap_commit *cm = b[i].c;
			if (!cm) {
				printf("%-*s  %-12s  %-10s  %-*s  %s\n", kw,
				       b[i].label, "-", "-", aw, "-",
				       "(not committed yet)");
			} else {
				char d[11], sid[13];
				cli_time_date(d, cm->time, cm->offset);
				/* older than the walk: its oldest commit,
				 * marked */
				if (limited && !b[i].done &&
				    cm == &h->v[h->n - 1])
					snprintf(sid, sizeof sid, "^%.11s",
						 cm->short_id);
				else
					snprintf(sid, sizeof sid, "%s",
						 cm->short_id);
				printf("%-*s  %s  %s  ", kw, b[i].label, sid, d);
				cli_pad(stdout, cm->author,
					cli_cut(cm->author, (size_t)aw, 0, NULL),
					(size_t)aw);
				printf("  %s\n", cm->summary);
			}
			if (b[i].item) { /* which seat: its text below */
				char t[512];
				printf("%-*s  %s\n", kw, "",
				       cli_path(t, sizeof t, b[i].now));
			}
		}
	}
	for (size_t i = 0; i < nb; i++)
		free(b[i].now);
	govmap_entity_versions_free(ver, h ? h->n : 0);
	for (size_t k = 0; k < nold; k++) {
		govmap_entity_versions_free(vers[k], h->n);
		free(olds[k]);
	}
	free(file);
	govmap_history_free(h);
	if (rc == EXIT_OK && fflush(stdout) != 0) {
		cli_err("cannot write to standard output");
		rc = EXIT_USAGE;
	}
	return rc;
}
