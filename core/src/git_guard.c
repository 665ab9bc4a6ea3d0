/*
 * git_guard.c - govmap's own reader of loose Git objects, in front of
 * libgit2's.
 *
 * libgit2 1.5 never returns from reading a loose object whose zlib stream
 * is cut short (a commit, tree or blob file truncated after its first few
 * dozen bytes): it spins in its inflate loop.  A registry repository is
 * user data, so govmap puts an object-database backend of its own in
 * front of libgit2's.  An object stored loose in the repository's
 * objects/ directory it reads itself, with zlib, checking that the stream
 * ends and that the object is as long as its header says; a damaged
 * object becomes an error naming it.  For a header it inflates only as far
 * as the header.  An object not stored loose (in a pack, or in an
 * alternate) it leaves to libgit2 (GIT_PASSTHROUGH).  libgit2 still
 * checks the hash of what it returns.  zlib is the library libgit2 itself
 * inflates with (zlib1g-dev comes with libgit2-dev).
 *
 * It reads only object files and never writes.  The one state it keeps
 * is, per thread, the last damage it found: libgit2 replaces the error a
 * backend sets when, say, peeling a commit to its damaged tree fails, so
 * callers ask govmap__git_guard_take() for the real reason.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include "util.h"
#include "vcs_impl.h"

/* Above libgit2's pack (2) and loose (1) backends: asked first. */
#define GUARD_PRIORITY 100

static _Thread_local char last_damage[200];

/* The names in one fan-out directory objects/xx/, read on first use:
 * asking the file system for every packed object (two failed opens each)
 * doubled the time of a check from a packed revision. */
typedef struct {
	int read;    /* listed yet? */
	char **name; /* the 38-hex names, sorted; malloc'd */
	size_t n;
} fanout;

typedef struct {
	git_odb_backend parent;
	char *objects; /* "<gitdir>/objects/", malloc'd */
	pthread_mutex_t lock; /* guards dir[] */
	fanout dir[256];
} guard;

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* List objects/xx/ once: its entries that look like object names. */
static void list_fanout(guard *g, unsigned x, fanout *f)
{
	char path[4096];
	f->read = 1;
	if ((size_t)snprintf(path, sizeof path, "%s%02x", g->objects, x) >=
	    sizeof path)
		return;
	DIR *d = opendir(path);
	if (!d)
		return;
	size_t cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (strlen(de->d_name) != GIT_OID_HEXSZ - 2 ||
		    strspn(de->d_name, "0123456789abcdef") != GIT_OID_HEXSZ - 2)
			continue;
		char *copy = strdup(de->d_name);
		if (!copy ||
		    govmap__grow((void **)&f->name, &cap, f->n,
				 sizeof(*f->name)) < 0) {
			free(copy);
			break; /* short of memory: objects not listed are left
				* to libgit2 unchecked */
		}
		f->name[f->n++] = copy;
	}
	closedir(d);
	if (f->n)
		qsort(f->name, f->n, sizeof(*f->name), cmp_name);
}

/* Is `hex` stored loose (as of the first look at its directory)? */
static int is_loose(guard *g, const char *hex)
{
	unsigned x = (unsigned)strtoul((char[]){hex[0], hex[1], 0}, NULL, 16);
	const char *rest = hex + 2;
	pthread_mutex_lock(&g->lock);
	fanout *f = &g->dir[x & 0xff];
	if (!f->read)
		list_fanout(g, x & 0xff, f);
	int found = f->n && bsearch(&rest, f->name, f->n, sizeof(*f->name),
				    cmp_name) != NULL;
	pthread_mutex_unlock(&g->lock);
	return found;
}

/* The largest object the guard inflates in full.  Blobs are held to the
 * registry's file-size limit before they are read (source_blobs.c), so
 * this bounds commits and trees, whose size no one else checks. */
#define GUARD_MAX_OBJECT ((unsigned long long)256 << 20)

/* One loose object as read: its header, and with `full` its data. */
typedef struct {
	git_object_t type;
	unsigned long long size; /* from the header */
	char *data;              /* git_odb_backend_data_alloc'd, or NULL */
} loose;

/* Parse the "type size" header in head[0..len) (NUL included). */
static int parse_header(const char *head, size_t len, loose *o)
{
	char type[16];
	const char *sp = memchr(head, ' ', len);
	char *end = NULL;
	if (!sp || sp == head || (size_t)(sp - head) >= sizeof type)
		return -1;
	memcpy(type, head, (size_t)(sp - head));
	type[sp - head] = '\0';
	o->type = git_object_string2type(type);
	errno = 0;
	o->size = strtoull(sp + 1, &end, 10);
	if (o->type == GIT_OBJECT_INVALID || errno || end == sp + 1 ||
	    *end != '\0')
		return -1;
	return 0;
}

/* Read the loose object file `fd` as Git writes it (zlib of "type
 * size\0" and the data): with `full`, to the end of the stream, checking
 * that it ends and holds exactly the size its header gives, the data in
 * o->data (from git_odb_backend_data_alloc on `b`); without, only the
 * header.  0 when sound, else -1 and `why`.  The work is bounded by the
 * header's size (at most GUARD_MAX_OBJECT), whatever the file holds:
 * each pass of the inner loop consumes input or fills output. */
static int read_loose(int fd, int full, git_odb_backend *b, loose *o,
		      char *why, size_t n)
{
	unsigned char in[16384], out[16384];
	char head[64];
	size_t headlen = 0, got_data = 0;
	int have_head = 0, ret = Z_OK, rc = -1;
	z_stream z;
	memset(&z, 0, sizeof z);
	memset(o, 0, sizeof(*o));
	if (inflateInit(&z) != Z_OK) {
		snprintf(why, n, "out of memory");
		return -1;
	}
	while (ret != Z_STREAM_END) {
		ssize_t got = read(fd, in, sizeof in);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(why, n, "cannot read it: %s", strerror(errno));
			goto done;
		}
		if (got == 0)
			break; /* the file ended before the stream did */
		z.next_in = in;
		z.avail_in = (uInt)got;
		while (z.avail_in > 0 && ret != Z_STREAM_END) {
			z.next_out = out;
			z.avail_out = sizeof out;
			ret = inflate(&z, Z_NO_FLUSH);
			if (ret != Z_OK && ret != Z_STREAM_END) {
				snprintf(why, n, "its data does not inflate (%s)",
					 z.msg ? z.msg : "zlib error");
				goto done;
			}
			size_t produced = sizeof out - z.avail_out, i = 0;
			for (; !have_head && i < produced; i++) {
				if (headlen + 1 >= sizeof head) {
					snprintf(why, n, "its header is too long");
					goto done;
				}
				head[headlen++] = (char)out[i];
				have_head = out[i] == '\0';
				if (!have_head)
					continue;
				if (parse_header(head, headlen, o) < 0) {
					snprintf(why, n, "its header is not "
							 "'type size'");
					goto done;
				}
				if (!full) {
					rc = 0;
					goto done;
				}
				if (o->size > GUARD_MAX_OBJECT) {
					snprintf(why, n, "it declares %llu bytes, "
							 "more than govmap reads",
						 o->size);
					goto done;
				}
				o->data = git_odb_backend_data_alloc(
					b, (size_t)o->size + 1);
				if (!o->data) {
					snprintf(why, n, "out of memory");
					goto done;
				}
			}
			if (!have_head)
				continue;
			size_t more = produced - i;
			if (more > o->size - got_data) {
				snprintf(why, n, "it holds more than the %llu "
						 "bytes its header says",
					 o->size);
				goto done;
			}
			memcpy(o->data + got_data, out + i, more);
			got_data += more;
		}
	}
	if (ret != Z_STREAM_END) {
		snprintf(why, n, "it is cut short (its compressed data ends "
				 "before the object does)");
		goto done;
	}
	if (!have_head) {
		snprintf(why, n, "its header is not 'type size'");
		goto done;
	}
	if (got_data != o->size) {
		snprintf(why, n, "it holds %zu bytes where its header says %llu",
			 got_data, o->size);
		goto done;
	}
	o->data[got_data] = '\0';
	rc = 0;
done:
	inflateEnd(&z);
	if (rc < 0 && o->data) {
		git_odb_backend_data_free(b, o->data);
		o->data = NULL;
	}
	return rc;
}

/* Read `oid` if it is stored loose: 1 and *o when it is, 0 when it is not
 * loose here (packed, in an alternate, or missing: libgit2's turn), -1
 * (libgit2 error set, and the damage kept for govmap__git_guard_take)
 * when its file is damaged. */
static int read_oid(guard *g, const git_oid *oid, int full, loose *o)
{
	char hex[GIT_OID_HEXSZ + 1], why[160], path[4096];
	git_oid_tostr(hex, sizeof hex, oid);
	if (!is_loose(g, hex) ||
	    (size_t)snprintf(path, sizeof path, "%s%.2s/%s", g->objects, hex,
			     hex + 2) >= sizeof path)
		return 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return 0;
	struct stat st;
	int rc;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, sizeof why, "it is not a regular file");
		rc = -1;
	} else {
		rc = read_loose(fd, full, &g->parent, o, why, sizeof why);
	}
	close(fd);
	if (rc == 0)
		return 1;
	char *msg = govmap__asprintf("object %s is damaged: %s", hex, why);
	git_error_set_str(GIT_ERROR_ODB, msg ? msg : "damaged object");
	snprintf(last_damage, sizeof last_damage, "%s",
		 msg ? msg : "damaged object");
	free(msg);
	return -1;
}

static int guard_read(void **data, size_t *len, git_object_t *type,
		      git_odb_backend *b, const git_oid *oid)
{
	loose o;
	int rc = read_oid((guard *)b, oid, 1, &o);
	if (rc <= 0)
		return rc < 0 ? GIT_ERROR : GIT_PASSTHROUGH;
	*data = o.data;
	*len = (size_t)o.size;
	*type = o.type;
	return 0;
}

static int guard_read_header(size_t *len, git_object_t *type,
			     git_odb_backend *b, const git_oid *oid)
{
	/* only as far as the header: the caller checks the size before
	 * anything reads the whole object */
	loose o;
	int rc = read_oid((guard *)b, oid, 0, &o);
	if (rc <= 0)
		return rc < 0 ? GIT_ERROR : GIT_PASSTHROUGH;
	*len = (size_t)o.size;
	*type = o.type;
	return 0;
}

static void guard_free(git_odb_backend *b)
{
	guard *g = (guard *)b;
	for (size_t x = 0; x < 256; x++) {
		for (size_t i = 0; i < g->dir[x].n; i++)
			free(g->dir[x].name[i]);
		free(g->dir[x].name);
	}
	pthread_mutex_destroy(&g->lock);
	free(g->objects);
	free(g);
}

int govmap__git_guard(git_repository *repo)
{
	git_odb *odb = NULL;
	guard *g = calloc(1, sizeof(*g));
	if (!g)
		return GOVMAP_ENOMEM;
	pthread_mutex_init(&g->lock, NULL);
	if (git_odb_init_backend(&g->parent, GIT_ODB_BACKEND_VERSION) < 0 ||
	    !(g->objects = govmap__asprintf("%sobjects/",
					    git_repository_path(repo)))) {
		guard_free(&g->parent);
		return GOVMAP_ENOMEM;
	}
	g->parent.read = guard_read;
	g->parent.read_header = guard_read_header;
	g->parent.free = guard_free;
	if (git_repository_odb(&odb, repo) < 0) {
		guard_free(&g->parent);
		return GOVMAP_EIO;
	}
	/* the database owns the backend from here, and frees it */
	int rc = git_odb_add_backend(odb, &g->parent, GUARD_PRIORITY);
	if (rc < 0)
		guard_free(&g->parent);
	git_odb_free(odb);
	return rc < 0 ? GOVMAP_EIO : GOVMAP_OK;
}

int govmap__git_guard_take(char *buf, size_t n)
{
	int had = last_damage[0] != '\0';
	if (n)
		snprintf(buf, n, "%s", last_damage);
	last_damage[0] = '\0';
	return had;
}
