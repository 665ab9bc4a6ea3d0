/*
 * cmd_rename.c - `govmap rename OLD NEW`: give an entity a new id, and
 * every reference to it the new id with it, in the working tree's files.
 *
 * The edits are made where the loader read each id (its file, line and
 * column: govmap_entity.id_pos and each govmap_ref's pos), so nothing
 * else in a file moves: not its comments, quoting, order or layout.
 * Each place is checked to hold the old id before anything is written;
 * one that does not (a file changed since it was read) stops the rename
 * with nothing changed.  A file named after the old id, holding that
 * entity alone, is renamed after the new one (never over a file).  With
 * --related, ids built from the old id (its links FROM-TYPE-TO, its
 * boards BODY-..., its contracts) are renamed with it, the old id's
 * words replaced by the new one's.  `govmap diff` then shows each as one
 * entity renamed (compare.h), not one removed and one added.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_vcs.h"

static void usage(FILE *f)
{
	fputs("usage: govmap [global options] rename OLD NEW [--related] "
	      "[--dry-run]\n"
	      "\n"
	      "Give entity OLD the id NEW in the working tree, and every "
	      "reference to it\n"
	      "(a link's from and to, a board's of and joint, a seat's "
	      "appointer, a\n"
	      "contract's parties, replaces, succeeded_by) with it.  Only "
	      "the ids change:\n"
	      "each file keeps its comments, quoting and layout.  A file "
	      "named OLD.yaml\n"
	      "that holds OLD alone becomes NEW.yaml.  Nothing is written "
	      "unless every\n"
	      "place still holds OLD.  Where the entry has been given the id "
	      "NEW by hand\n"
	      "already, and the references to OLD it left behind are the "
	      "registry's only\n"
	      "errors, it changes those references (and the file's name).\n"
	      "\n"
	      "  --related    also rename the ids made from OLD (links "
	      "OLD-TYPE-TO and\n"
	      "               FROM-TYPE-OLD, boards OLD-..., contracts), "
	      "OLD's words\n"
	      "               replaced by NEW's\n"
	      "  -n, --dry-run  list the changes without making them\n"
	      "  -h, --help   show this help\n"
	      "\n"
	      "Then run 'govmap check', and 'govmap diff HEAD' to see the "
	      "rename.\n",
	      f);
}

/* One id renamed. */
typedef struct {
	const char *old; /* borrowed from the registry */
	char *new;       /* owned */
	const govmap_entity *e;
} rename_pair;

/* One place to rewrite: where `old` was written. */
typedef struct {
	const char *file; /* display path, borrowed */
	uint32_t line, col;
	const char *key;  /* "id", "from", ...: for the listing */
	const rename_pair *p;
} rename_edit;

typedef struct {
	rename_pair *pairs;
	size_t npairs, cap_pairs;
	rename_edit *edits;
	size_t nedits, cap_edits;
} rename_plan;

static const rename_pair *renamed(const rename_plan *pl, const char *id)
{
	for (size_t k = 0; id && k < pl->npairs; k++)
		if (strcmp(pl->pairs[k].old, id) == 0)
			return &pl->pairs[k];
	return NULL;
}

/* Room for one more element of size sz in *v (n used of *cap). */
static int room(void **v, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 8;
	void *nv = realloc(*v, nc * sz);
	if (!nv)
		return -1;
	*v = nv;
	*cap = nc;
	return 0;
}

static int add_edit(rename_plan *pl, govmap_pos pos, const char *key,
		    const char *id)
{
	const rename_pair *p = renamed(pl, id);
	if (!p)
		return 0;
	if (room((void **)&pl->edits, &pl->cap_edits, pl->nedits,
		 sizeof(*pl->edits)) < 0)
		return -1;
	pl->edits[pl->nedits++] =
		(rename_edit){pos.file, pos.line, pos.col, key, p};
	return 0;
}

static int add_ref(rename_plan *pl, const govmap_ref *r, const char *key)
{
	return r->id ? add_edit(pl, r->pos, key, r->id) : 0;
}

/* The key a seat names its filler under. */
static const char *seat_key(govmap_fill f)
{
	return f == GOVMAP_FILL_ELECTED	   ? "elected_by"
	       : f == GOVMAP_FILL_APPOINTED ? "appointed_by"
	       : f == GOVMAP_FILL_NOMINATED ? "nominated_by"
					    : "seat";
}

/* Every place an id of the plan is written. */
static int collect(rename_plan *pl, const govmap_registry *reg)
{
	size_t n = govmap_registry_count(reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(reg, i);
		int bad = add_edit(pl, e->id_pos, "id", e->id) ||
			  add_ref(pl, &e->replaces, "replaces") ||
			  add_ref(pl, &e->succeeded_by, "succeeded_by") ||
			  add_ref(pl, &e->of, "of") ||
			  add_ref(pl, &e->commissioner, "commissioner") ||
			  add_ref(pl, &e->provider, "provider") ||
			  add_ref(pl, &e->from, "from") ||
			  add_ref(pl, &e->to, "to");
		for (size_t k = 0; !bad && k < e->njoint; k++)
			bad = add_ref(pl, &e->joint[k], "joint");
		for (size_t k = 0; !bad && k < e->nseats; k++)
			bad = add_ref(pl, &e->seats[k].by,
				      seat_key(e->seats[k].fill)) ||
			      add_ref(pl, &e->seats[k].approved_by,
				      "approved_by");
		if (bad)
			return -1;
	}
	return 0;
}

/* `id` with the words of `old` (a whole hyphen-separated run) replaced
 * by `new`, malloc'd; NULL when id does not hold them or out of memory. */
static char *related_id(const char *id, const char *old, const char *new)
{
	size_t lo = strlen(old);
	for (const char *p = strstr(id, old); p; p = strstr(p + 1, old)) {
		if ((p > id && p[-1] != '-') || (p[lo] && p[lo] != '-'))
			continue;
		size_t pre = (size_t)(p - id);
		char *out = malloc(strlen(id) - lo + strlen(new) + 1);
		if (out)
			sprintf(out, "%.*s%s%s", (int)pre, id, new, p + lo);
		return out;
	}
	return NULL;
}

static int add_pair(rename_plan *pl, const char *old,
		    const govmap_entity *e, char *new)
{
	if (room((void **)&pl->pairs, &pl->cap_pairs, pl->npairs,
		 sizeof(*pl->pairs)) < 0)
		return -1;
	pl->pairs[pl->npairs++] = (rename_pair){old, new, e};
	return 0;
}

static void plan_free(rename_plan *pl)
{
	for (size_t k = 0; k < pl->npairs; k++)
		free(pl->pairs[k].new);
	free(pl->pairs);
	free(pl->edits);
}

/* The byte offset of 1-based line `line`, column `col` (in characters)
 * in text, or -1 when the text has no such place. */
static long offset_of(const char *text, size_t len, uint32_t line,
		      uint32_t col)
{
	size_t off = 0;
	for (uint32_t l = 1; l < line; l++) {
		const char *nl = memchr(text + off, '\n', len - off);
		if (!nl)
			return -1;
		off = (size_t)(nl - text) + 1;
	}
	for (uint32_t c = 1; c < col; c++) {
		if (off >= len || text[off] == '\n')
			return -1;
		off++;
		while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
			off++;
	}
	return (long)off;
}

static int by_place(const void *x, const void *y, void *ctx)
{
	(void)ctx;
	const rename_edit *a = x, *b = y;
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

static int id_byte(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
	       ch == '-';
}

/* The file's text with edits v[0, n) (all in it, in order) made, or
 * NULL with *why set (a place that does not hold its old id, or out of
 * memory). */
static char *rewrite(const char *text, size_t len, const rename_edit *v,
		     size_t n, size_t *outlen, const rename_edit **why)
{
	size_t grow = 0;
	for (size_t k = 0; k < n; k++)
		if (strlen(v[k].p->new) > strlen(v[k].p->old))
			grow += strlen(v[k].p->new) - strlen(v[k].p->old);
	char *out = malloc(len + grow + 1);
	size_t w = 0, done = 0;
	*why = NULL;
	if (!out)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		long at = offset_of(text, len, v[k].line, v[k].col);
		size_t lo = strlen(v[k].p->old);
		/* a quoted id: the position is the quote's */
		if (at >= 0 && (text[at] == '"' || text[at] == '\''))
			at++;
		if (at < 0 || (size_t)at < done || (size_t)at + lo > len ||
		    memcmp(text + at, v[k].p->old, lo) != 0 ||
		    ((size_t)at + lo < len && id_byte(text[at + lo]))) {
			*why = &v[k];
			free(out);
			return NULL;
		}
		memcpy(out + w, text + done, (size_t)at - done);
		w += (size_t)at - done;
		memcpy(out + w, v[k].p->new, strlen(v[k].p->new));
		w += strlen(v[k].p->new);
		done = (size_t)at + lo;
	}
	memcpy(out + w, text + done, len - done);
	w += len - done;
	out[w] = '\0';
	*outlen = w;
	return out;
}

/* The registry's path of display path `file`, malloc'd, or NULL. */
static char *disk_path(const govmap_cli *cli, const govmap_src *src,
		       const char *file)
{
	const char *label = govmap_src_label(src);
	size_t n = strlen(label);
	if (strncmp(file, label, n) != 0 || file[n] != '/')
		return NULL;
	char *out = malloc(strlen(cli->registry) + strlen(file + n) + 1);
	if (out)
		sprintf(out, "%s%s", cli->registry, file + n);
	return out;
}

/* A file's new text, read and rewritten. */
typedef struct {
	char *path, *text;
	size_t len;
	unsigned mode;
} rename_file;

/* Read every file with edits and make them in memory; on any failure
 * nothing has been written.  Returns EXIT_OK or an exit code, saying
 * why. */
static int prepare(govmap_cli *cli, const cli_session *s, rename_plan *pl,
		   rename_file **files, size_t *nfiles)
{
	govmap_sort(pl->edits, pl->nedits, sizeof(*pl->edits), by_place, NULL);
	*files = calloc(pl->nedits ? pl->nedits : 1, sizeof(**files));
	*nfiles = 0;
	if (!*files) {
		cli_err("out of memory");
		return EXIT_USAGE;
	}
	for (size_t a = 0; a < pl->nedits;) {
		size_t b = a;
		while (b < pl->nedits &&
		       strcmp(pl->edits[b].file, pl->edits[a].file) == 0)
			b++;
		rename_file *f = &(*files)[(*nfiles)++];
		char *text = NULL, where[300];
		size_t len = 0;
		struct stat st;
		govmap_diags d = {0};
		const char *label = govmap_src_label(s->src);
		/* read as the loader read it */
		f->path = disk_path(cli, s->src, pl->edits[a].file);
		errno = 0;
		if (!f->path || stat(f->path, &st) != 0 ||
		    govmap_src_read(&text, &len, s->src,
				    pl->edits[a].file + strlen(label) + 1,
				    &d) != GOVMAP_OK) {
			cli_err("rename: cannot read %s%s%s: nothing was changed",
				cli_path(where, sizeof where, pl->edits[a].file),
				errno ? ": " : "", errno ? strerror(errno) : "");
			govmap_diags_free(&d);
			free(text);
			return EXIT_USAGE;
		}
		govmap_diags_free(&d);
		f->mode = (unsigned)st.st_mode & 07777;
		const rename_edit *why;
		f->text = rewrite(text, len, &pl->edits[a], b - a, &f->len,
				  &why);
		free(text);
		if (!f->text && why) {
			cli_err("rename: %s:%u:%u does not hold '%s' (the file "
				"changed since it was read?): nothing was "
				"changed",
				cli_path(where, sizeof where, why->file),
				why->line, why->col, why->p->old);
			return EXIT_USAGE;
		}
		if (!f->text) {
			cli_err("out of memory");
			return EXIT_USAGE;
		}
		a = b;
	}
	return EXIT_OK;
}

/* The file of pair p's entity when it is named OLD.yaml and holds no
 * other entity: its registry path and the new one (malloc'd), else
 * NULL. */
static char *own_file(const govmap_cli *cli, const cli_session *s,
		      const rename_pair *p, char **to)
{
	const char *rel = cli_entity_path(s->src, p->e);
	const char *base = rel ? strrchr(rel, '/') : NULL;
	base = base ? base + 1 : rel;
	*to = NULL;
	if (!base || strncmp(base, p->old, strlen(p->old)) != 0 ||
	    strcmp(base + strlen(p->old), ".yaml") != 0)
		return NULL;
	size_t n = govmap_registry_count(s->reg);
	for (size_t i = 0; i < n; i++) {
		const govmap_entity *e = govmap_registry_at(s->reg, i);
		if (e != p->e && strcmp(e->pos.file, p->e->pos.file) == 0)
			return NULL;
	}
	char *from = disk_path(cli, s->src, p->e->pos.file);
	if (!from)
		return NULL;
	size_t dir = strlen(from) - strlen(base);
	*to = malloc(dir + strlen(p->new) + 6);
	if (!*to) {
		free(from);
		return NULL;
	}
	sprintf(*to, "%.*s%s.yaml", (int)dir, from, p->new);
	return from;
}

/* Are the errors in d, at least one, all references to `id` that does
 * not exist (read from each diagnostic's `ref`, not its words)? */
static int only_refs_to(const govmap_diags *d, const char *id)
{
	size_t refs = 0;
	for (size_t k = 0; d && k < d->n; k++) {
		const govmap_diag *g = &d->v[k];
		if (g->sev != GOVMAP_SEV_ERROR)
			continue;
		if (!g->code || strcmp(g->code, "unknown-ref") != 0 ||
		    !g->ref || strcmp(g->ref, id) != 0)
			return 0;
		refs++;
	}
	return refs > 0;
}

int cmd_rename(govmap_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"related", no_argument, NULL, 'R'},
		{"dry-run", no_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int related = 0, dry = 0, c;
	char *ops[2];
	int nops = 0;
	char *operand;
	optind = 0;
	while ((c = cli_getopt_mixed(argc, argv, "nh", opts, "rename",
				     &operand)) != -1) {
		switch (c) {
		case 1:
			if (nops == 2) {
				cli_err("rename: too many arguments: give OLD "
					"and NEW");
				return EXIT_USAGE;
			}
			ops[nops++] = operand;
			break;
		case 'R':
			related = 1;
			break;
		case 'n':
			dry = 1;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (nops != 2) {
		cli_err("rename: give the id to change and its new id: govmap "
			"rename OLD NEW");
		return EXIT_USAGE;
	}
	if (!govmap_id_is_valid(ops[1])) {
		cli_err("rename: '%s' is not a valid id: lower-case letters "
			"and digits in words joined by single hyphens, at most "
			"128 characters (e.g. nhs-testshire-icb)",
			ops[1]);
		return EXIT_USAGE;
	}
	if (cli->rev || cli->staged) {
		cli_err("rename: writes into the working tree: drop --rev and "
			"--staged");
		return EXIT_USAGE;
	}
	cli_session s;
	int rc = cli_side_open(cli, &s, NULL, 0);
	const govmap_entity *e = NULL, *taken = NULL;
	if (rc == EXIT_OK) {
		e = govmap_registry_find(s.reg, ops[0]);
		taken = govmap_registry_find(s.reg, ops[1]);
	}
	/* the entry renamed by hand already (NEW is there, OLD is not), and
	 * the references it left behind, to OLD, the only errors: what is
	 * left of the rename to do */
	int finish = rc == EXIT_OK && !e && taken &&
		     only_refs_to(s.diags, ops[0]);
	if (rc != EXIT_OK || (s.diags->count[GOVMAP_SEV_ERROR] && !finish)) {
		if (s.diags)
			cli_print_diags(stderr, s.diags, cli->color);
		if (rc == EXIT_OK)
			cli_err("rename: the registry has errors: fix them "
				"first (govmap check), so that every reference "
				"is found");
		cli_close(&s);
		return rc != EXIT_OK ? rc : EXIT_DATA;
	}
	rename_plan pl = {0};
	rename_file *files = NULL;
	size_t nfiles = 0;
	rc = EXIT_USAGE;
	if (!e && !finish) {
		rc = cli_no_id(s.reg, "rename", ops[0], "in the registry");
		goto done;
	}
	if (strcmp(ops[0], ops[1]) == 0) {
		cli_err("rename: '%s' is its id already", ops[0]);
		goto done;
	}
	if (taken && !finish) {
		cli_err("rename: the registry has '%s' already, at %s:%u:%u",
			ops[1], taken->pos.file, taken->pos.line,
			taken->pos.col);
		goto done;
	}
	if (finish)
		e = taken;
	char *nw = strdup(ops[1]);
	if (!nw || add_pair(&pl, ops[0], e, nw) < 0) {
		free(nw);
		goto oom;
	}
	size_t n = govmap_registry_count(s.reg);
	for (size_t i = 0; related && i < n; i++) {
		const govmap_entity *x = govmap_registry_at(s.reg, i);
		char *to = x == e ? NULL : related_id(x->id, ops[0], ops[1]);
		if (!to)
			continue;
		const govmap_entity *clash = govmap_registry_find(s.reg, to);
		if (clash || !govmap_id_is_valid(to)) {
			cli_err("rename: --related would rename '%s' to '%s', "
				"%s: nothing was changed",
				x->id, to,
				clash ? "an id the registry has already"
				      : "which is not a valid id (at most 128 "
					"characters)");
			free(to);
			goto done;
		}
		if (add_pair(&pl, x->id, x, to) < 0) {
			free(to);
			goto oom;
		}
	}
	if (collect(&pl, s.reg) < 0)
		goto oom;
	if ((rc = prepare(cli, &s, &pl, &files, &nfiles)) != EXIT_OK)
		goto done;
	rc = EXIT_USAGE;
	/* what changes, place by place */
	for (size_t k = 0; k < pl.nedits; k++) {
		const rename_edit *ed = &pl.edits[k];
		char where[300];
		printf("%s:%u:%u: %s: %s -> %s\n",
		       cli_path(where, sizeof where, ed->file), ed->line,
		       ed->col, ed->key, ed->p->old, ed->p->new);
	}
	if (!dry) {
		for (size_t k = 0; k < nfiles; k++) {
			int err = cli_write_new(files[k].path, files[k].text,
						files[k].len, files[k].mode, 1);
			if (err) {
				char where[300];
				cli_err("rename: cannot write %s: %s (%zu of "
					"%zu files were written)",
					cli_path(where, sizeof where,
						 files[k].path),
					strerror(err), k, nfiles);
				goto done;
			}
		}
	}
	/* files named after a renamed id follow it */
	size_t moved = 0;
	for (size_t k = 0; k < pl.npairs; k++) {
		char *to, *from = own_file(cli, &s, &pl.pairs[k], &to);
		if (!from) {
			free(to);
			continue;
		}
		int err = 0;
		if (!dry && link(from, to) == 0)
			unlink(from);
		else if (!dry)
			err = errno;
		char w1[300], w2[300];
		cli_path(w1, sizeof w1, from);
		cli_path(w2, sizeof w2, to);
		if (err)
			cli_warn("rename: %s kept its name: %s is there already "
				 "or cannot be made (%s)",
				 w1, w2, strerror(err));
		else
			printf("%s %s to %s\n", dry ? "would move" : "moved",
			       w1, w2);
		moved += !err;
		free(from);
		free(to);
	}
	printf("%s '%s' to '%s'",
	       finish ? (dry ? "would finish renaming" : "finished renaming")
		      : (dry ? "would rename" : "renamed"),
	       ops[0], ops[1]);
	if (pl.npairs > 1)
		printf(", and %zu id%s made from it", pl.npairs - 1,
		       pl.npairs == 2 ? "" : "s");
	printf(": %zu place%s in %zu file%s%s\n", pl.nedits,
	       pl.nedits == 1 ? "" : "s", nfiles, nfiles == 1 ? "" : "s",
	       dry ? " (nothing written: --dry-run)" : "");
	if (!dry)
		printf("Next: 'govmap check', then 'govmap diff HEAD' shows "
		       "the rename.\n");
	/* ids made from the old one, left as they are */
	if (!related) {
		size_t left = 0;
		const char *first = NULL;
		for (size_t i = 0; i < n; i++) {
			const govmap_entity *x = govmap_registry_at(s.reg, i);
			char *to = x == e ? NULL
					  : related_id(x->id, ops[0], ops[1]);
			if (to && !left++)
				first = x->id;
			free(to);
		}
		if (left == 1)
			cli_note("rename: '%s', an id made from '%s', %s: "
				 "--related renames it too",
				 first, ops[0],
				 dry ? "would stay as it is" : "stays as it is");
		else if (left)
			cli_note("rename: %zu ids made from '%s' ('%s' and %zu "
				 "more) %s: --related renames them too",
				 left, ops[0], first, left - 1,
				 dry ? "would stay as they are"
				     : "stay as they are");
	}
	rc = EXIT_OK;
	goto done;
oom:
	cli_err("out of memory");
	rc = EXIT_USAGE;
done:
	for (size_t k = 0; k < nfiles; k++) {
		free(files[k].path);
		free(files[k].text);
	}
	free(files);
	plan_free(&pl);
	cli_close(&s);
	return rc;
}
