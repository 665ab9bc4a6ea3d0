/*
 * fuzz_git.c - libFuzzer target: hostile Git object databases and trees
 * -> the Git source (core/src/source_git.c, git_guard.c, source_blobs.c)
 * -> the loader.
 *
 * The input is split at lines "#--" into up to four pieces:
 *   0. the raw body of a tree object (entries "MODE NAME\0" + 20-byte
 *      ids, or any bytes at all), written as it is (libgit2 does not
 *      check a tree it is asked to store);
 *   1. the bytes of a loose object file, zlib stream or garbage, stored
 *      under a fixed object id (git_guard.c must refuse it, not hang);
 *   2. a registry file (YAML), stored as a blob;
 *   3. the manifest (default: a minimal one).
 * The root tree holds govmap.yaml, a.yaml (piece 2), l.yaml (the loose
 * object of piece 1), sub/ (the tree of piece 0) and sub2/ (the same tree
 * again, as a blob entry: a mistyped object); a commit names it, and the
 * registry is read at that commit with govmap_src_open_git and loaded.
 * Each run builds a fresh repository in a temporary directory.
 * FUZZ_GIT_DEBUG=1 prints what was built and the diagnostics.
 *
 * Checks beyond "no crash": every diagnostic has a code and a message
 * with no raw control character.
 */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <git2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "govmap/govmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* a fixed id for the loose object of piece 1 */
#define LOOSE_HEX "1111111111111111111111111111111111111111"

static int rm_entry(const char *p, const struct stat *st, int f,
		    struct FTW *w)
{
	(void)st;
	(void)w;
	return f == FTW_DP ? rmdir(p) : unlink(p);
}

static size_t split(const uint8_t *data, size_t size, const char **piece,
		    size_t *plen, size_t max)
{
	static const char sep[] = "\n#--\n";
	size_t n = 0, start = 0;
	for (size_t i = 0; n + 1 < max && i + 5 <= size; i++)
		if (memcmp(data + i, sep, 5) == 0) {
			piece[n] = (const char *)data + start;
			plen[n++] = i - start;
			start = i + 5;
			i += 4;
		}
	piece[n] = (const char *)data + start;
	plen[n++] = size - start;
	return n;
}

static void check_diags(const govmap_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		if (!d->v[i].code || !d->v[i].msg || !d->v[i].msg[0])
			abort();
		for (const unsigned char *p =
			     (const unsigned char *)d->v[i].msg;
		     *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				abort();
	}
}

static int build(const char *dir, const char **piece, const size_t *plen,
		 size_t n, char *commit_hex)
{
	static const char manifest[] = "schema: 1\nname: fuzz\n";
	git_repository *repo = NULL;
	git_odb *odb = NULL;
	git_treebuilder *tb = NULL;
	git_signature *sig = NULL;
	git_tree *root = NULL;
	git_oid sub, a, m, loose, tree, commit;
	int ok = 0;
	if (git_repository_init(&repo, dir, 0) < 0 ||
	    git_repository_odb(&odb, repo) < 0)
		goto out;
	/* 0: the raw tree */
	if (git_odb_write(&sub, odb, piece[0], plen[0], GIT_OBJECT_TREE) < 0)
		goto out;
	/* 1: a loose object file under a fixed id */
	if (n > 1) {
		char p[4096];
		snprintf(p, sizeof p, "%s/.git/objects/11", dir);
		mkdir(p, 0777);
		snprintf(p, sizeof p, "%s/.git/objects/11/%s", dir, &LOOSE_HEX[2]);
		int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			goto out;
		ssize_t w = write(fd, piece[1], plen[1]);
		close(fd);
		if (w != (ssize_t)plen[1])
			goto out;
	}
	git_oid_fromstr(&loose, LOOSE_HEX);
	if (git_odb_write(&a, odb, n > 2 ? piece[2] : "", n > 2 ? plen[2] : 0,
			  GIT_OBJECT_BLOB) < 0 ||
	    git_odb_write(&m, odb, n > 3 ? piece[3] : manifest,
			  n > 3 ? plen[3] : sizeof manifest - 1,
			  GIT_OBJECT_BLOB) < 0)
		goto out;
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
	if (git_treebuilder_new(&tb, repo, NULL) < 0 ||
	    git_treebuilder_insert(NULL, tb, "govmap.yaml", &m,
				   GIT_FILEMODE_BLOB) < 0 ||
	    git_treebuilder_insert(NULL, tb, "a.yaml", &a,
				   GIT_FILEMODE_BLOB) < 0 ||
	    git_treebuilder_insert(NULL, tb, "l.yaml", &loose,
				   GIT_FILEMODE_BLOB) < 0 ||
	    git_treebuilder_insert(NULL, tb, "sub", &sub,
				   GIT_FILEMODE_TREE) < 0 ||
	    git_treebuilder_insert(NULL, tb, "sub2.yaml", &sub,
				   GIT_FILEMODE_BLOB) < 0 ||
	    git_treebuilder_write(&tree, tb) < 0 ||
	    git_tree_lookup(&root, repo, &tree) < 0 ||
	    git_signature_new(&sig, "f", "f@example.org", 1700000000, 0) < 0 ||
	    git_commit_create(&commit, repo, NULL, sig, sig, NULL, "fuzz",
			      root, 0, NULL) < 0)
		goto out;
	git_oid_tostr(commit_hex, GIT_OID_HEXSZ + 1, &commit);
	ok = 1;
out:
	git_signature_free(sig);
	git_tree_free(root);
	git_treebuilder_free(tb);
	git_odb_free(odb);
	git_repository_free(repo);
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int inited;
	if (!inited) {
		git_libgit2_init();
		inited = 1;
	}
	if (size > 256 * 1024)
		return 0;
	const char *piece[4];
	size_t plen[4];
	size_t n = split(data, size, piece, plen, 4);
	char dir[] = "/tmp/govmap-fuzz-git.XXXXXX";
	if (!mkdtemp(dir))
		return 0;
	char commit[GIT_OID_HEXSZ + 1];
	int built = build(dir, piece, plen, n, commit);
	if (getenv("FUZZ_GIT_DEBUG"))
		fprintf(stderr, "built %d: %s\n", built,
			git_error_last() ? git_error_last()->message : "");
	if (built) {
		govmap_diags d = {0};
		govmap_src *src = NULL;
		if (govmap_src_open_git(&src, dir, commit, NULL, &d) ==
		    GOVMAP_OK) {
			govmap_registry *reg = NULL;
			govmap_registry_load(&reg, src, NULL, &d);
			govmap_registry_free(reg);
		}
		govmap_src_free(src);
		if (getenv("FUZZ_GIT_DEBUG"))
			for (size_t i = 0; i < d.n; i++)
				fprintf(stderr, "%s: %s\n", d.v[i].code,
					d.v[i].msg);
		check_diags(&d);
		govmap_diags_free(&d);
	}
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
