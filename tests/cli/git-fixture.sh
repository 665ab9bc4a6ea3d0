#!/bin/sh
# tests/cli/git-fixture.sh - `govmap --rev` against a throwaway Git repository.
#
#   GOVMAP_BIN=/abs/build/govmap VALGRIND="..." sh tests/cli/git-fixture.sh
#
# Builds a repository in a temporary directory (removed on exit) holding a
# registry in reg/, committed three times:
#
#   commit 1  a valid registry: an electorate, a council and a link
#   commit 2  adds an entity (a trust), plus a symbolic link ending in .yaml
#             and two files that are not *.yaml (README.md, notes.yml), each
#             holding broken YAML that must never be parsed (notes.yml is
#             warned of: a new entry saved as .yml would be lost)
#   commit 3  introduces a data error (basis: statue in the link)
#
# then runs govmap on HEAD, HEAD~1, HEAD~2, unknown and unsafe revisions,
# and with an uncommitted edit in the working tree.  Prints `ok - NAME` or
# `not ok - NAME` per check with `# ` diagnostic lines (run.sh numbers
# them); exits 1 if any check failed, 2 if the repository cannot be built.
# Every govmap run is `timeout 60 $VALGRIND $GOVMAP_BIN ...`.

set -u

root=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
GOVMAP_BIN=${GOVMAP_BIN:-$root/build/govmap}
VALGRIND=${VALGRIND:-}

if ! command -v git >/dev/null 2>&1; then
	echo "not ok - git is not installed"
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-git.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

repo=$tmp/repo
reg=$repo/reg

# Keep the caller's Git configuration and environment out of the way;
# pass, fail, note.
. "$root/tests/cli/script-lib.sh"
git_env
HOME=$tmp/home
GIT_AUTHOR_DATE='2024-05-01T12:00:00Z'
GIT_COMMITTER_DATE='2024-05-01T12:00:00Z'
export HOME GIT_AUTHOR_DATE GIT_COMMITTER_DATE
mkdir -p "$HOME" "$reg/bodies" "$reg/links"

failed=0

# commit MESSAGE: commit everything in the repository.
commit() {
	git -C "$repo" add -A &&
		git -C "$repo" -c user.name=t -c user.email=t@example.org \
			-c commit.gpgsign=false commit -q -m "$1"
}

# govmap ARGS...: run govmap from $repo; stdout, stderr and status land in
# $tmp/out, $tmp/err and $rc.
govmap() {
	# shellcheck disable=SC2086
	(cd "$repo" && exec timeout 60 $VALGRIND "$GOVMAP_BIN" "$@") \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
}

# expect NAME STATUS STDOUT STDERR: compare the last run ('*' = any).
# The verdict comes first, then the diagnostics of a failure.
expect() {
	name=$1 want_rc=$2 want_out=$3 want_err=$4
	: >"$tmp/notes"
	if [ "$rc" != "$want_rc" ]; then
		echo "# exit status $rc, expected $want_rc" >>"$tmp/notes"
	fi
	for stream in out err; do
		if [ "$stream" = out ]; then want=$want_out; else want=$want_err; fi
		[ "$want" = '*' ] && continue
		printf '%s\n' "$want" | sed '/^$/d' >"$tmp/want"
		if ! cmp -s "$tmp/want" "$tmp/$stream"; then
			echo "# std$stream (--- expected, +++ actual):"
			diff -u "$tmp/want" "$tmp/$stream" | sed 's/^/#   /'
		fi >>"$tmp/notes"
	done
	if [ -s "$tmp/notes" ]; then
		fail "$name"
		cat "$tmp/notes"
	else
		pass "$name"
	fi
}

# short REV: the 12-digit commit id govmap prints for REV.
short() {
	git -C "$repo" rev-parse --verify -q "$1^{commit}" | cut -c1-12
}

src='sources:
  - url: https://example.org/test
    title: Test source
    accessed: 2024-05-01'

# --- commit 1: a valid registry ----------------------------------------
git -c init.defaultBranch=main init -q "$repo" || {
	echo "not ok - git init failed"
	exit 2
}
printf 'schema: 1\nname: test-git\n' >"$reg/govmap.yaml"
cat >"$reg/bodies/test-electorate.yaml" <<EOF
kind: body
id: test-electorate
name: Test Electorate
type: electorate
region: england/testshire
$src
EOF
cat >"$reg/bodies/test-council.yaml" <<EOF
kind: body
id: test-council
name: Test Council
type: local-authority
region: england/testshire
$src
EOF
cat >"$reg/links/test-council-elected-by.yaml" <<EOF
kind: link
id: test-council-elected-by
from: test-council
to: test-electorate
type: elected-by
basis: statute
$src
EOF
commit "Add a test council" || { echo "not ok - commit 1 failed"; exit 2; }

# --- commit 2: one more entity; a symlink and non-YAML files -------------
cat >"$reg/bodies/test-trust.yaml" <<EOF
kind: body
id: test-trust
name: Test Trust
type: regulator
region: england/testshire
$src
EOF
ln -s test-council.yaml "$reg/bodies/test-council-alias.yaml"
printf 'kind: [not registry data\n' >"$reg/README.md"
printf 'kind: [not registry data either\n' >"$reg/bodies/notes.yml"
commit "Add a test trust" || { echo "not ok - commit 2 failed"; exit 2; }

# --- commit 3: a data error ---------------------------------------------
sed 's/^basis: statute$/basis: statue/' \
	"$reg/links/test-council-elected-by.yaml" >"$tmp/link" &&
	cat "$tmp/link" >"$reg/links/test-council-elected-by.yaml"
commit "Break the link's basis" || { echo "not ok - commit 3 failed"; exit 2; }

id1=$(short HEAD~2) id2=$(short HEAD~1) id3=$(short HEAD)
if [ ${#id1} != 12 ] || [ ${#id2} != 12 ] || [ ${#id3} != 12 ]; then
	echo "not ok - the fixture repository has not got three commits"
	exit 2
fi

# symlink_warning REV: the warnings for the files committed but not read:
# notes.yml (as in the working tree: a new entry saved as .yml would be
# lost without a word) and the symbolic link.
symlink_warning() {
	echo "$1:reg/bodies/notes.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'"
	echo "$1:reg/bodies/test-council-alias.yaml: warning: symbolic link skipped (the registry is read from regular files only)"
}

# HEAD: the data error, named as REV:PATH:LINE:COL, exit 1.
govmap -r reg --rev HEAD check
expect "--rev HEAD: the committed data error, exit 1" 1 \
	"test-git (HEAD $id3 (Break the link's basis)): 4 files, 4 entities (3 bodies, 0 boards, 0 contracts, 1 link): 1 error, 2 warnings" \
	"$(symlink_warning HEAD)
HEAD:reg/links/test-council-elected-by.yaml:6:8: error: 'statue' is not a valid basis (did you mean 'statute'?)"
cp "$tmp/out" "$tmp/head.out"
cp "$tmp/err" "$tmp/head.err"

# An absolute registry path works the same way; -q prints the errors
# and the warnings that a file was not read (notes.yml, the symbolic
# link), no other
govmap -r "$reg" --rev HEAD check -q
expect "--rev HEAD with an absolute -r path and -q" 1 '*' \
	"$(symlink_warning HEAD)
HEAD:reg/links/test-council-elected-by.yaml:6:8: error: 'statue' is not a valid basis (did you mean 'statute'?)"

# HEAD~1: commit 2 is valid, with four entities.  The symlink and
# notes.yml are skipped with a warning, README.md silently (their broken
# YAML would otherwise be an error).
govmap -r reg --rev HEAD~1 check
expect "--rev HEAD~1: commit 2 is valid, 4 entities, symlink warned" 0 \
	"test-git (HEAD~1 $id2 (Add a test trust)): 4 files, 4 entities (3 bodies, 0 boards, 0 contracts, 1 link): 0 errors, 2 warnings" \
	"$(symlink_warning HEAD~1)"
if grep -q 'README\|notes\.yml:[0-9]\|error' "$tmp/err"; then
	fail "--rev HEAD~1: README.md and notes.yml are not parsed"
	sed 's/^/#   /' "$tmp/err"
else
	pass "--rev HEAD~1: README.md and notes.yml are not parsed"
fi

# HEAD~2: commit 1, three entities, nothing to report.
govmap -r reg --rev HEAD~2 check
expect "--rev HEAD~2: commit 1 is valid, 3 entities" 0 \
	"test-git (HEAD~2 $id1 (Add a test council)): 3 files, 3 entities (2 bodies, 0 boards, 0 contracts, 1 link): 0 errors, 0 warnings" \
	""

# A full commit id and a branch name are revisions too.
full2=$(git -C "$repo" rev-parse HEAD~1)
govmap -r reg --rev "$full2" check --format json
expect "--rev with a full commit id, JSON output" 0 \
	"{\"registry\":\"test-git\",\"revision\":\"$full2 $id2 (Add a test trust)\",\"files\":4,\"entities\":4,\"bodies\":3,\"boards\":0,\"contracts\":0,\"links\":1,\"errors\":0,\"warnings\":2,\"infos\":0,\"diagnostics\":[{\"file\":\"$full2:reg/bodies/notes.yml\",\"line\":0,\"col\":0,\"severity\":\"warning\",\"code\":\"skip-yml\",\"message\":\"not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'\",\"ref\":null},{\"file\":\"$full2:reg/bodies/test-council-alias.yaml\",\"line\":0,\"col\":0,\"severity\":\"warning\",\"code\":\"skip-symlink\",\"message\":\"symbolic link skipped (the registry is read from regular files only)\",\"ref\":null}],\"findings\":[]}" \
	""
govmap -r reg --rev main~2 check
expect "--rev with a branch name and ~N" 0 '*' ""

# Unknown revisions: exit 2 with a clear message.
govmap -r reg --rev no-such-branch check
expect "--rev naming an unknown branch exits 2" 2 "" \
	"govmap: error: unknown revision 'no-such-branch'"
govmap -r reg --rev HEAD~3 check
expect "--rev before the first commit exits 2, saying how far back it goes" 2 "" \
	"govmap: error: unknown revision 'HEAD~3': 'HEAD' has only 2 commits before it on its first-parent line"
# a branch name mistyped: the branch it may mean
govmap -r reg --rev mian~1 check
expect "--rev with a mistyped branch names the branch" 2 "" \
	"govmap: error: unknown revision 'mian~1' (did you mean 'main~1'?)"
# a remote branch never fetched
govmap -r reg --rev origin/main check
expect "--rev origin/main with no remote says so" 2 "" \
	"govmap: error: unknown revision 'origin/main': this repository has no branch 'origin/main' (fetch it with git fetch, or use the local branch 'main')"
# a range given to diff: its two ends, as two arguments
govmap -r reg diff main~1..main
expect "diff with a range names the two revisions to give" 2 "" \
	"govmap: error: diff: 'main~1..main' is a range: give its two ends as two revisions (govmap diff main~1 main)"

# Unsafe revision syntax is refused before libgit2 sees it.
for rev in 'HEAD@{1}' '--upload-pack=x' 'HEAD..HEAD~1' ':/Add' '@{-1}'; do
	govmap -r reg "--rev=$rev" check
	expect "--rev '$rev' is refused (exit 2)" 2 "" \
		"govmap: error: '$rev' is not a revision govmap accepts: use a commit id, a branch or tag name, optionally followed by ~N or ^N"
done

# A registry path that is not in the revision's tree.
mkdir -p "$repo/elsewhere"
govmap -r elsewhere --rev HEAD check
expect "-r naming a directory absent at the revision exits 2" 2 "" \
	"govmap: error: 'elsewhere' is not a directory at revision 'HEAD'"

# -r outside any Git repository.
mkdir -p "$tmp/not-a-repo"
govmap -r "$tmp/not-a-repo" --rev HEAD check
expect "-r outside a Git repository exits 2" 2 "" \
	"govmap: error: $tmp/not-a-repo is not inside a Git repository"

# Uncommitted edits (a changed file, a new file) do not show in --rev HEAD.
printf 'kind: bodi\n' >>"$reg/bodies/test-trust.yaml"
cat >"$reg/bodies/test-untracked.yaml" <<EOF
kind: body
id: test-untracked
name: Test Untracked
type: charity
region: england/testshire
$src
EOF
govmap -r reg --rev HEAD check
if [ "$rc" = 1 ] && cmp -s "$tmp/head.out" "$tmp/out" &&
	cmp -s "$tmp/head.err" "$tmp/err"; then
	pass "--rev HEAD ignores uncommitted working-tree edits"
else
	fail "--rev HEAD ignores uncommitted working-tree edits"
	note "exit status $rc; stdout and stderr (--- before the edit, +++ after):"
	diff -u "$tmp/head.out" "$tmp/out" | sed 's/^/#   /'
	diff -u "$tmp/head.err" "$tmp/err" | sed 's/^/#   /'
fi

# ... while the working tree itself does show them (the edit is real);
# there notes.yml, not read, is warned about (a campaigner's new file
# named .yml would otherwise never reach the registry).
govmap -r reg check
expect "the working tree shows the uncommitted edits" 1 \
	"test-git (working tree): 5 files, 4 entities (3 bodies, 0 boards, 0 contracts, 1 link): 2 errors, 2 warnings" \
	"reg/bodies/notes.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'
reg/bodies/test-council-alias.yaml: warning: symbolic link skipped (the registry is read from regular files only)
reg/bodies/test-trust.yaml:10:1: error: duplicate key 'kind' (first at 1:1)
reg/links/test-council-elected-by.yaml:6:8: error: 'statue' is not a valid basis (did you mean 'statute'?)"

[ "$failed" = 0 ]
