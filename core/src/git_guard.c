/*
 * git_guard.c - a guard in front of libgit2's loose-object reader.
 *
 * libgit2 1.5 never returns from reading a loose object whose zlib stream
 * is cut short (a commit, tree or blob file truncated after its first few
 * dozen bytes): it spins in its inflate loop.  A registry repository is
 * user data, so govmap puts an object-database backend of its own in
 * front of libgit2's.  For an object stored loose in the repository's
 * objects/ directory it inflates the file once with zlib, into a small
 * buffer it throws away, and checks that the stream ends and that the
 * object is as long as its header says; a damaged object becomes an error
 * naming it.  For a sound object, or one not stored loose (in a pack, or
 * in an alternate), it steps aside (GIT_PASSTHROUGH) and libgit2 reads the
 * object as usual.  zlib is the library libgit2 itself inflates with
 * (zlib1g-dev comes with libgit2-dev).
 *
 * It reads only object files and never writes.  The one state it keeps
 * is, per thread, the last damage it found: libgit2 replaces the error a
 * backend sets when, say, peeling a commit to its damaged tree fails, so
 * callers ask govmap__git_guard_take() for the real reason.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
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

typedef struct {
	git_odb_backend parent;
	char *objects; /* "<gitdir>/objects/", malloc'd */
} guard;

/* The largest object the guard inflates in full.  Blobs are held to the
 * registry's file-size limit before they are read (source_blobs.c), so
 * this bounds commits and trees, whose size no one else checks. */
#define GUARD_MAX_OBJECT ((unsigned long)256 << 20)

/* Parse the "type size" header in head[0..len) (NUL included); the size,
 * or -1 if it is not such a header. */
static long long header_size(const char *head, size_t len)
{
	const char *sp = memchr(head, ' ', len);
	char *end = NULL;
	if (!sp || sp == head)
		return -1;
	errno = 0;
	unsigned long long v = strtoull(sp + 1, &end, 10);
	if (errno || end == sp + 1 || *end != '\0' || v > (1ULL << 62))
		return -1;
	return (long long)v;
}

/* Inflate the loose object file `fd`: with `full`, to the end, checking
 * that the stream ends and the object is as long as its "type size\0"
 * header says; without, only as far as the header.  0 when sound, else
 * -1 and `why`.  The output is thrown away: only the header is kept, and
 * the work is bounded by the header's size (never more than
 * GUARD_MAX_OBJECT), whatever the file holds. */
static int inflate_check(int fd, int full, char *why, size_t n)
{
	unsigned char in[16384], out[16384];
	char head[64];
	size_t headlen = 0;
	long long declared = -1;
	int have_head = 0, ret = Z_OK, rc = -1;
	z_stream z;
	memset(&z, 0, sizeof z);
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
		/* each pass consumes input or fills output, so this ends */
		while (z.avail_in > 0 && ret != Z_STREAM_END) {
			z.next_out = out;
			z.avail_out = sizeof out;
			ret = inflate(&z, Z_NO_FLUSH);
			if (ret != Z_OK && ret != Z_STREAM_END) {
				snprintf(why, n, "its data does not inflate (%s)",
					 z.msg ? z.msg : "zlib error");
				goto done;
			}
			size_t produced = sizeof out - z.avail_out;
			for (size_t i = 0; !have_head && i < produced; i++) {
				if (headlen + 1 >= sizeof head) {
					snprintf(why, n, "its header is too long");
					goto done;
				}
				head[headlen++] = (char)out[i];
				have_head = out[i] == '\0';
			}
			if (have_head && declared < 0) {
				declared = header_size(head, headlen);
				if (declared < 0) {
					snprintf(why, n, "its header is not "
							 "'type size'");
					goto done;
				}
				if (!full) {
					rc = 0;
					goto done;
				}
				if ((unsigned long long)declared >
				    GUARD_MAX_OBJECT) {
					snprintf(why, n, "it declares %lld bytes, "
							 "more than govmap reads",
						 declared);
					goto done;
				}
			}
			if (have_head &&
			    z.total_out > headlen + (unsigned long long)declared) {
				snprintf(why, n, "it holds more than the %lld "
						 "bytes its header says",
					 declared);
				goto done;
			}
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
	if (z.total_out != headlen + (unsigned long long)declared) {
		snprintf(why, n, "it holds %llu bytes where its header says "
				 "%lld",
			 (unsigned long long)(z.total_out - headlen), declared);
		goto done;
	}
	rc = 0;
done:
	inflateEnd(&z);
	return rc;
}

/* 0 when `oid` is not stored loose or is sound (with `full`, the whole
 * object; without, its header); -1 (libgit2 error set) when its loose
 * file is damaged. */
static int check(guard *g, const git_oid *oid, int full)
{
	char hex[GIT_OID_HEXSZ + 1], why[160];
	git_oid_tostr(hex, sizeof hex, oid);
	char *path = govmap__asprintf("%s%.2s/%s", g->objects, hex, hex + 2);
	if (!path) {
		git_error_set_str(GIT_ERROR_NOMEMORY, "out of memory");
		return -1;
	}
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	free(path);
	if (fd < 0)
		return 0; /* not loose here: packed, alternate or missing */
	struct stat st;
	int rc = 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, sizeof why, "it is not a regular file");
		rc = -1;
	} else {
		rc = inflate_check(fd, full, why, sizeof why);
	}
	close(fd);
	if (rc < 0) {
		char *msg = govmap__asprintf("object %s is damaged: %s", hex,
					     why);
		git_error_set_str(GIT_ERROR_ODB, msg ? msg : "damaged object");
		snprintf(last_damage, sizeof last_damage, "%s",
			 msg ? msg : "damaged object");
		free(msg);
	}
	return rc;
}

static int guard_read(void **data, size_t *len, git_object_t *type,
		      git_odb_backend *b, const git_oid *oid)
{
	(void)data;
	(void)len;
	(void)type;
	return check((guard *)b, oid, 1) < 0 ? GIT_ERROR : GIT_PASSTHROUGH;
}

static int guard_read_header(size_t *len, git_object_t *type,
			     git_odb_backend *b, const git_oid *oid)
{
	(void)len;
	(void)type;
	/* only as far as the header: the caller checks the size before
	 * anything reads the whole object */
	return check((guard *)b, oid, 0) < 0 ? GIT_ERROR : GIT_PASSTHROUGH;
}

static void guard_free(git_odb_backend *b)
{
	guard *g = (guard *)b;
	free(g->objects);
	free(g);
}

int govmap__git_guard(git_repository *repo)
{
	git_odb *odb = NULL;
	guard *g = calloc(1, sizeof(*g));
	if (!g)
		return GOVMAP_ENOMEM;
	if (git_odb_init_backend(&g->parent, GIT_ODB_BACKEND_VERSION) < 0 ||
	    !(g->objects = govmap__asprintf("%sobjects/",
					    git_repository_path(repo)))) {
		free(g);
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
