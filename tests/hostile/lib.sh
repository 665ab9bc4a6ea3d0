# tests/hostile/lib.sh - helpers for the `generate` scripts of
# tests/fixtures/hostile/*/ (sourced: `. "$HOSTILE_LIB"`).  POSIX sh and
# awk only: no Python, so that `make check` runs on a bare Debian.
#
# A generate script is run as `sh generate OUT` from its case directory;
# OUT already holds a copy of the case's data files and the script adds
# the rest (large or binary files, Git repositories).

# manifest DIR NAME [EXTRA-LINES]: write DIR/govmap.yaml.
manifest() {
	printf 'schema: 1\nname: %s\n%s' "$2" "${3:-}" >"$1/govmap.yaml"
}

# source_lines: the sources block every fixture entity carries.
source_lines() {
	printf 'sources:\n  - url: https://example.org/test\n'
	printf '    title: Test source\n    accessed: 2024-05-01\n'
}

# body ID NAME [TYPE]: a valid body document on stdout.
body() {
	printf 'kind: body\nid: %s\nname: %s\ntype: %s\n' "$1" "$2" \
		"${3:-charity}"
	printf 'region: england/testshire\n'
	source_lines
}

# repeat N STRING: STRING written N times (no newline).
repeat() {
	awk -v n="$1" -v s="$2" 'BEGIN {
		# doubling keeps this fast for n in the millions
		out = ""; chunk = s; k = n
		while (k > 0) {
			if (k % 2) out = out chunk
			chunk = chunk chunk; k = int(k / 2)
		}
		printf "%s", out
	}'
}

# ---- Git -------------------------------------------------------------

# A predictable Git: no user or system configuration, fixed dates.
git_env() {
	unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
		GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_CEILING_DIRECTORIES
	HOME=${HOSTILE_HOME:-/nonexistent}
	GIT_CONFIG_NOSYSTEM=1
	GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
	GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
	GIT_AUTHOR_DATE='2024-05-01T12:00:00Z'
	GIT_COMMITTER_DATE='2024-05-01T12:00:00Z'
	export HOME GIT_CONFIG_NOSYSTEM GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL \
		GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_AUTHOR_DATE \
		GIT_COMMITTER_DATE
}

# git_repo DIR: an empty repository in DIR (which may hold files).
git_repo() {
	git_env
	git init -q "$1" || return 1
	GIT_REPO=$1
}

# blob < DATA: write a blob, print its id.
blob() {
	git -C "$GIT_REPO" hash-object -w --stdin
}

# mktree < LINES: a tree from `git ls-tree` lines ("MODE TYPE ID\tNAME"),
# names taken as they are (crafted names welcome: -z input is used, so
# a name may hold a newline if the line was written with \0 separators by
# mktree_z).  Prints the tree id.
mktree() {
	git -C "$GIT_REPO" mktree --missing
}

# mktree_z < NUL-SEPARATED-ENTRIES: like mktree, entries ended by NUL.
mktree_z() {
	git -C "$GIT_REPO" mktree -z --missing
}

# raw_tree < BYTES: a tree object written as given (no checks at all:
# empty names, duplicates, bad modes).  The input is the binary tree
# format: "MODE NAME\0" then 20 raw id bytes, per entry.
raw_tree() {
	git -C "$GIT_REPO" hash-object -t tree -w --literally --stdin
}

# hexbin HEX: hex digits as raw bytes on stdout (POSIX printf has only
# octal escapes).
hexbin() {
	printf "$(printf '%s\n' "$1" | awk '{
		d = "0123456789abcdef"
		for (i = 1; i < length($0); i += 2) {
			v = (index(d, substr($0, i, 1)) - 1) * 16 + \
				index(d, substr($0, i + 1, 1)) - 1
			printf "\\%03o", v
		}
	}')"
}

# commit_tree TREE [MESSAGE]: commit TREE on master, HEAD points at it.
commit_tree() {
	c=$(git -C "$GIT_REPO" commit-tree "$1" -m "${2:-hostile}") || return 1
	git -C "$GIT_REPO" update-ref refs/heads/master "$c" &&
		git -C "$GIT_REPO" symbolic-ref HEAD refs/heads/master
}

# commit_all [MESSAGE]: commit the working tree as it is.
commit_all() {
	git -C "$GIT_REPO" add -A &&
		git -C "$GIT_REPO" -c commit.gpgsign=false commit -q \
			-m "${1:-hostile}"
}

# truncate_object ID KEEP: cut the loose object file of ID to its first
# KEEP bytes (libgit2 1.5 spins for ever reading such a file; govmap's
# guard must report it instead: core/src/git_guard.c).
truncate_object() {
	f=$GIT_REPO/.git/objects/$(printf '%s' "$1" | cut -c1-2)/$(printf '%s' "$1" | cut -c3-)
	chmod u+w "$f" &&
		head -c "$2" "$f" >"$f.cut" && mv -f "$f.cut" "$f"
}

# garble_object ID: keep the loose object's first 2 bytes (a valid zlib
# header) and replace the rest with bytes that are not deflate data.
garble_object() {
	f=$GIT_REPO/.git/objects/$(printf '%s' "$1" | cut -c1-2)/$(printf '%s' "$1" | cut -c3-)
	chmod u+w "$f" &&
		{ head -c 2 "$f"; repeat 64 'zz'; } >"$f.cut" && mv -f "$f.cut" "$f"
}
