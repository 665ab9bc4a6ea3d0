#!/bin/sh
# tests/cli/history-fixture.sh - the campaigners' Git workflow against a
# throwaway repository: govmap diff, history, blame, check --changed-since,
# hook and new.
#
#   GOVMAP_BIN=/abs/build/govmap VALGRIND="..." sh tests/cli/history-fixture.sh
#   sh tests/cli/history-fixture.sh --build DIR   only build the repository
#   sh tests/cli/history-fixture.sh --update      rewrite the pinned outputs
#
# The repository (a registry in reg/) gets five commits with fixed authors
# and dates, so that commit ids and every output are the same on every
# machine:
#
#   v1-ccg    2021-04-01 Alice  a council, its electorate and a CCG that the
#                               council scrutinises
#   v2-icb    2022-07-01 Bob    the CCG ends; an ICB starts, with a board
#                               and the council's scrutiny
#   v3-power  2024-01-31 Carol  the council loses the power to refer (the
#                               scrutiny link's `sanction` is removed)
#   v4-seat   2024-06-01 Alice  the board's local-authority seat changes
#                               hands: appointed by the ICB, no longer
#                               nominated by the council
#   (HEAD)    2024-07-01 Bob    a README outside the registry
#
# Every govmap run uses --on 2024-07-01.  Outputs are compared with the
# files in tests/cli/history/ (after replacing the temporary directory with
# @TMP@); --update rewrites them (check the change by hand).  Prints
# `ok - NAME` or `not ok - NAME` per check with `# ` diagnostic lines
# (run.sh numbers them); exits 1 if any check failed, 2 if the repository
# cannot be built.

set -u

root=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
GOVMAP_BIN=${GOVMAP_BIN:-$root/build/govmap}
VALGRIND=${VALGRIND:-}
pinned=$root/tests/cli/history

if ! command -v git >/dev/null 2>&1; then
	echo "not ok - git is not installed"
	exit 2
fi

# Keep the caller's Git configuration and environment out of the way;
# pass, fail, note.
. "$root/tests/cli/script-lib.sh"
git_env

src='sources:
  - url: https://example.org/test
    title: Test source
    accessed: 2024-06-01'

# commit NAME EMAIL DATE TAG MESSAGE: commit everything in $repo as NAME
# on DATE (author and committer) and tag it TAG ("-" for none).
commit() {
	GIT_AUTHOR_DATE="$3T12:00:00Z" GIT_COMMITTER_DATE="$3T12:00:00Z" \
		git -C "$repo" -c user.name="$1" -c user.email="$2" \
		-c commit.gpgsign=false -c core.hooksPath=/dev/null \
		commit -q -a -m "$5" || return 1
	[ "$4" = - ] || git -C "$repo" tag "$4"
}

# new_repo NAME: an empty repository $tmp/NAME with a registry reg/ of
# that name (bodies/, boards/, links/, contracts/), its electorate,
# council and link written (voters); sets repo and reg.
new_repo() {
	repo=$tmp/$1
	reg=$repo/reg
	git -c init.defaultBranch=main init -q "$repo" &&
		mkdir -p "$reg/bodies" "$reg/boards" "$reg/links" \
			"$reg/contracts" ||
		echo "# the $1 repository could not be made" >>"$tmp/notes"
	printf 'schema: 1\nname: test-%s\n' "$1" >"$reg/govmap.yaml"
	voters
}

# voters: the electorate, the council it elects and the link, in $reg.
voters() {
	cat >"$reg/bodies/test-electorate.yaml" <<EOT
kind: body
id: test-electorate
name: Testshire electorate
type: electorate
region: england/testshire
$src
EOT
	cat >"$reg/bodies/test-council.yaml" <<EOT
kind: body
id: test-council
name: Testshire Council
type: local-authority
region: england/testshire
$src
EOT
	cat >"$reg/links/test-council-elected-by-test-electorate.yaml" <<EOT
kind: link
id: test-council-elected-by-test-electorate
from: test-council
to: test-electorate
type: elected-by
forum: political
basis: statute
powers: [inform, question, sanction]
$src
EOT
}

# build DIR: the fixture repository in DIR (which must not exist).
build() {
	repo=$1
	reg=$repo/reg
	git -c init.defaultBranch=main init -q "$repo" || return 1
	mkdir -p "$reg/bodies" "$reg/boards" "$reg/links"
	printf 'schema: 1\nname: test-history\n' >"$reg/govmap.yaml"

	# --- v1-ccg ------------------------------------------------------
	voters
	cat >"$reg/bodies/test-ccg.yaml" <<EOT
kind: body
id: test-ccg
name: NHS Testshire CCG
type: arms-length-body
region: england/testshire
statutory_basis: Test Health Act 2012
money:
  - year: 2024/25
    gbp: 500_000_000
    kind: budget
    source: https://example.org/test
valid:
  from: 2013-04-01
$src
EOT
	cat >"$reg/links/test-ccg-scrutinised-by-test-council.yaml" <<EOT
kind: link
id: test-ccg-scrutinised-by-test-council
from: test-ccg
to: test-council
type: scrutinised-by
forum: political
basis: statute
powers: [inform, question, sanction]
$src
EOT
	git -C "$repo" add -A &&
		commit 'Alice Example' alice@example.org 2021-04-01 v1-ccg \
			'Add Testshire council and CCG' || return 1

	# --- v2-icb ------------------------------------------------------
	cat >"$reg/bodies/test-ccg.yaml" <<EOT
kind: body
id: test-ccg
name: NHS Testshire CCG
type: arms-length-body
region: england/testshire
statutory_basis: Test Health Act 2012
money:
  - year: 2024/25
    gbp: 500_000_000
    kind: budget
    source: https://example.org/test
succeeded_by: test-icb
valid:
  from: 2013-04-01
  to: 2022-07-01
$src
EOT
	cat >"$reg/bodies/test-icb.yaml" <<EOT
kind: body
id: test-icb
name: NHS Testshire ICB
type: arms-length-body
region: england/testshire
statutory_basis: Test Health and Care Act 2022
money:
  - year: 2024/25
    gbp: 600_000_000
    kind: budget
    source: https://example.org/test
replaces: test-ccg
valid:
  from: 2022-07-01
$src
EOT
	cat >"$reg/boards/test-icb-board.yaml" <<EOT
kind: board
id: test-icb-board
name: Board of NHS Testshire ICB
type: board
of: test-icb
valid:
  from: 2022-07-01
seats:
  - role: Chair
    appointed_by: test-icb
    voting: true
  - role: Partner member for local authorities
    nominated_by: test-council
    voting: true
  - role: Non-executive member
    count: 2
    appointed_by: test-icb
    voting: true
$src
EOT
	cat >"$reg/links/test-icb-scrutinised-by-test-council.yaml" <<EOT
kind: link
id: test-icb-scrutinised-by-test-council
from: test-icb
to: test-council
type: scrutinised-by
forum: political
basis: statute
powers: [inform, question, sanction]
valid:
  from: 2022-07-01
$src
EOT
	git -C "$repo" add -A &&
		commit 'Bob Example' bob@example.org 2022-07-01 v2-icb \
			'The CCG ends; the ICB starts' || return 1

	# --- v3-power ----------------------------------------------------
	sed 's/^powers: \[inform, question, sanction\]$/powers: [inform, question]/' \
		"$reg/links/test-icb-scrutinised-by-test-council.yaml" \
		>"$repo/.tmp" &&
		mv "$repo/.tmp" "$reg/links/test-icb-scrutinised-by-test-council.yaml"
	commit 'Carol Example' carol@example.org 2024-01-31 v3-power \
		'Scrutiny: the power to refer to the Secretary of State ends' ||
		return 1

	# --- v4-seat -----------------------------------------------------
	sed 's/^    nominated_by: test-council$/    appointed_by: test-icb/' \
		"$reg/boards/test-icb-board.yaml" >"$repo/.tmp" &&
		mv "$repo/.tmp" "$reg/boards/test-icb-board.yaml"
	commit 'Alice Example' alice@example.org 2024-06-01 v4-seat \
		'ICB board: the local authority seat is appointed by the ICB' ||
		return 1

	# --- a commit outside the registry -------------------------------
	printf 'Testshire registry\n' >"$repo/README.md"
	git -C "$repo" add README.md &&
		commit 'Bob Example' bob@example.org 2024-07-01 - \
			'Add a README' || return 1
}

if [ "${1:-}" = --build ]; then
	[ $# = 2 ] || { echo "usage: $0 --build DIR" >&2; exit 2; }
	build "$2" || exit 2
	exit 0
fi

update=0
[ "${1:-}" = --update ] && update=1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-history.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
HOME=$tmp/home
export HOME
mkdir -p "$HOME"
bin=$(cd "$(dirname "$GOVMAP_BIN")" && pwd -P)/$(basename "$GOVMAP_BIN")
if ! build "$tmp/repo" >"$tmp/build.log" 2>&1; then
	echo "not ok - the fixture repository cannot be built"
	sed 's/^/# /' "$tmp/build.log"
	exit 2
fi
repo=$tmp/repo
reg=$repo/reg
failed=0

# scrub FILE: the temporary directory reads @TMP@, the binary @BIN@.
scrub() {
	TMPD=$tmp BIN=$bin awk '
	function swap(s, from, to,   i, o) {
		o = ""
		while (from != "" && (i = index(s, from)) > 0) {
			o = o substr(s, 1, i - 1) to
			s = substr(s, i + length(from))
		}
		return o s
	}
	{ print swap(swap($0, ENVIRON["BIN"], "@BIN@"), ENVIRON["TMPD"], "@TMP@") }' "$1"
}

# compare NAME WHAT FILE PINNED: FILE (scrubbed) must equal PINNED; with
# --update, PINNED is rewritten instead.  A missing PINNED means "empty".
compare() {
	scrub "$3" >"$tmp/actual"
	if [ "$update" = 1 ]; then
		if [ -s "$tmp/actual" ] || [ -f "$4" ]; then
			cp "$tmp/actual" "$4"
		fi
		return 0
	fi
	if [ -f "$4" ]; then want=$4; else want=/dev/null; fi
	if cmp -s "$want" "$tmp/actual"; then
		return 0
	fi
	echo "# $1: $2 (--- expected ${4#"$root"/}, +++ actual):" >>"$tmp/notes"
	diff -u "$want" "$tmp/actual" | sed 's/^/#   /' >>"$tmp/notes"
	return 1
}

# govmap ARGS...: run govmap from $repo on the fixed date; stdout, stderr
# and status in $tmp/out, $tmp/err and $rc.
govmap() {
	# shellcheck disable=SC2086
	(cd "$repo" && exec timeout 60 $VALGRIND "$GOVMAP_BIN" -r reg \
		--on 2024-07-01 "$@") >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
}

# check NAME STATUS ARGS...: run govmap; the status must be STATUS, the
# output tests/cli/history/NAME.out, the errors NAME.err (or none).
check() {
	name=$1 want_rc=$2
	shift 2
	govmap "$@"
	: >"$tmp/notes"
	[ "$rc" = "$want_rc" ] ||
		echo "# exit status $rc, expected $want_rc" >>"$tmp/notes"
	compare "$name" stdout "$tmp/out" "$pinned/$name.out"
	compare "$name" stderr "$tmp/err" "$pinned/$name.err"
	verdict "$name: govmap $*"
}

# verdict NAME: pass unless notes were written.
verdict() {
	if [ -s "$tmp/notes" ]; then
		fail "$1"
		cat "$tmp/notes"
	else
		pass "$1"
	fi
	: >"$tmp/notes"
}

# git_quiet ARGS...: git in the repository, as a campaigner would run it.
git_quiet() {
	GIT_AUTHOR_DATE=2024-07-02T12:00:00Z GIT_COMMITTER_DATE=2024-07-02T12:00:00Z \
		git -C "$repo" -c user.name='Dan Example' \
		-c user.email=dan@example.org -c commit.gpgsign=false "$@"
}

: >"$tmp/notes"

# --- diff ------------------------------------------------------------------
check diff-ccg-to-icb 0 diff v1-ccg v2-icb
check diff-ccg-to-icb-md 0 diff v1-ccg v2-icb --format md
check diff-ccg-to-icb-json 0 diff --format json v1-ccg v2-icb
check diff-power 0 diff v2-icb v3-power
check diff-power-md 0 diff v2-icb v3-power --format md
check diff-power-json 0 diff v2-icb v3-power --format json
check diff-seat 0 diff v3-power v4-seat
check diff-seat-md 0 diff v3-power v4-seat --format md
# map --diff draws the change: the ICB added, the CCG removed; the seat
# that changed hands marks the board as changed
check map-diff-ccg-to-icb 0 map --diff v1-ccg v2-icb --format dot
check map-diff-seat 0 map --diff v3-power v4-seat --format dot
check diff-all-md 0 diff v1-ccg HEAD --format md
check diff-same 0 diff HEAD HEAD
check diff-same-md 0 diff v4-seat HEAD --format md
check diff-worktree 0 diff HEAD
check diff-unknown-rev 2 diff no-such-tag
check diff-no-rev 2 diff
check diff-bad-format 2 diff HEAD --format xml

# --- history ---------------------------------------------------------------
check history 0 history
check history-icb 0 history test-icb --chart "$tmp/icb.svg"
compare history-icb chart "$tmp/icb.svg" "$pinned/history-icb.svg" ||
	true
verdict "history-icb: the chart"
check history-total-chart 0 history --chart "$tmp/total.svg"
compare history-total-chart chart "$tmp/total.svg" \
	"$pinned/history-total.svg" || true
verdict "history-total-chart: the chart"
check history-board 0 history test-icb-board
check history-link 0 history test-icb-scrutinised-by-test-council
check history-since 0 history test-ccg --since 2022-01-01
check history-since-total 0 history --since 2024-01-01
check history-max 0 history --max 2
# an id no commit has, nor the working tree: exit 2, with the near misses
check history-unknown 2 history test-nothing
check history-unknown-near 2 history testshire-councl
check history-bad-since 2 history --since 2024-13-01
# a day, month and year as UK people write them: the date meant
check history-since-uk-date 2 history --since 1/7/2022
# dates no commit falls in: said, not "no commit changed the registry"
check history-since-empty 0 history --since 2030-01-01
check history-range-empty 0 history test-ccg --since 2030-01-01 --until 2030-02-01
check history-staged 2 --staged history
# --no-scores: the same commits and changes, nothing analysed
check history-no-scores 0 history --no-scores
check history-icb-no-scores 0 history test-icb --no-scores
check history-board-no-scores 0 history test-icb-board --no-scores
check history-no-scores-chart 2 history --no-scores --chart "$tmp/x.svg"
# --until DATE (the whole day), --max-count N (as --max N)
check history-until 0 history --until 2024-01-31
check history-until-since 0 history --since 2022-01-01 --until 2023-12-31
check history-until-before-since 2 history --since 2024-01-01 --until 2023-01-01
check history-bad-until 2 history --until yesterday
check history-max-count 0 history --max-count 2
# no progress line when stderr is not a terminal: every .err above is
# empty or pinned

# --- the site's history pages: the library's timeline and wording, as
# `history ID` (issue 14)
govmap site -o "$tmp/site" --history 10
[ "$rc" = 0 ] || echo "# govmap site exited with status $rc" >>"$tmp/notes"
for page in test-icb test-icb-board; do
	grep -q 'scores moved: test-icb-scrutinised-by-test-council changed' \
		"$tmp/site/bodies/$page.html" ||
		echo "# $page.html does not name the change that moved it" \
			>>"$tmp/notes"
done
grep -q '<td>changed: seats</td>' "$tmp/site/bodies/test-icb-board.html" ||
	echo "# test-icb-board.html does not say its seats changed" >>"$tmp/notes"
verdict "site-history: body pages list the commits in history's words"
# the oldest of the N commits is measured against its parent: a body it
# did not add is not "added" there (every body was, before the baseline)
govmap site -o "$tmp/site2" --history 2
[ "$rc" = 0 ] || echo "# govmap site exited with status $rc" >>"$tmp/notes"
for page in test-council test-icb test-icb-board; do
	[ -f "$tmp/site2/bodies/$page.html" ] ||
		echo "# site --history 2 wrote no $page.html" >>"$tmp/notes"
	if grep -q '<td>added</td>' "$tmp/site2/bodies/$page.html"; then
		echo "# $page.html: added by the oldest of the 2 commits" \
			>>"$tmp/notes"
	fi
done
verdict "site-history: a cut history does not show every body added"

# --- blame -----------------------------------------------------------------
check blame-board 0 blame test-icb-board
check blame-link 0 blame test-icb-scrutinised-by-test-council
check blame-rev 0 --rev v3-power blame test-icb-board
sed 's/^name: .*/name: Testshire ICB board/' "$reg/boards/test-icb-board.yaml" \
	>"$tmp/board" && cp "$tmp/board" "$reg/boards/test-icb-board.yaml"
check blame-uncommitted 0 blame test-icb-board
check blame-unknown 2 blame test-nothing
check blame-unknown-near 2 blame testshire-councl

# --- check --changed-since (the board edit above stays) ----------------------
cat >"$reg/bodies/test-trust.yaml" <<EOT
kind: body
id: test-trust
name: Testshire NHS Trust
type: regulator
region: england/testshire
$src
EOT
git -C "$repo" rm -q reg/links/test-ccg-scrutinised-by-test-council.yaml
check changed-since 0 check --changed-since v3-power
check changed-since-json 2 check --changed-since v3-power --format json
git -C "$repo" reset -q --hard HEAD
rm -f "$reg/bodies/test-trust.yaml"
check changed-since-nothing 0 check --changed-since HEAD
# a file moved: its entity says where it came from, not only "added"
mkdir -p "$reg/ccgs"
git -C "$repo" mv reg/bodies/test-ccg.yaml reg/ccgs/test-ccg.yaml
check changed-since-moved 0 check --changed-since HEAD
git -C "$repo" reset -q --hard HEAD
rmdir "$reg/ccgs" 2>/dev/null || true

# --- new -------------------------------------------------------------------
check new-body 0 new body test-trust --region england/testshire --type nhs-trust
compare new-body file "$reg/bodies/test-trust.yaml" "$pinned/new-body.yaml" ||
	true
verdict "new-body: the skeleton"
cp "$reg/bodies/test-trust.yaml" "$tmp/skeleton"
check new-exists 2 new body test-trust --region england/testshire
cmp -s "$tmp/skeleton" "$reg/bodies/test-trust.yaml" ||
	echo "# the file was changed" >>"$tmp/notes"
verdict "new-exists: the file is left as it was"
check new-link 0 new link test-icb-accountable-to-test-council
compare new-link file "$reg/links/test-icb-accountable-to-test-council.yaml" \
	"$pinned/new-link.yaml" || true
verdict "new-link: the skeleton"
check new-board 0 new board test-icb-audit-committee --type committee
check new-check 1 check
printf 'not an entity, not to be overwritten\n' >"$reg/bodies/test-other.yaml"
check new-no-overwrite 2 new body test-other --region england/testshire
[ "$(cat "$reg/bodies/test-other.yaml")" = \
	'not an entity, not to be overwritten' ] ||
	echo "# test-other.yaml was overwritten" >>"$tmp/notes"
verdict "new-no-overwrite: the file is left as it was"
check new-bad-id 2 new body Test_Body --region england/testshire
check new-bad-kind 2 new bod test-x
# the nearest kind, not the first a letter or two off ('body' is two)
check new-kind-nearest 2 new boad test-x
check new-unknown-kind 2 new entity test-x
# a type or region mistyped: refused with the one meant, not written for
# check to refuse later (a new region no entity is near is allowed)
check new-type-typo 2 new body test-x --region england/testshire --type nhs-trst
check new-region-typo 2 new body test-x --region england/testshre --type charity
check new-nowhere 2 new body test-x
git -C "$repo" clean -q -f -d reg
git -C "$repo" checkout -q reg

# --- the pre-commit hook ---------------------------------------------------
check hook-install 0 hook install
compare hook-install script "$repo/.git/hooks/pre-commit" \
	"$pinned/hook-install.sh" || true
[ -x "$repo/.git/hooks/pre-commit" ] ||
	echo "# the hook is not executable" >>"$tmp/notes"
verdict "hook-install: the script"
check hook-exists 2 hook install
check hook-force 0 hook install --force
printf '#!/bin/sh\nexit 0\n' >"$tmp/own-hook"
cp "$tmp/own-hook" "$repo/.git/hooks/pre-commit"
check hook-own 2 hook install
cmp -s "$tmp/own-hook" "$repo/.git/hooks/pre-commit" ||
	echo "# the campaigner's own hook was replaced" >>"$tmp/notes"
verdict "hook-own: the campaigner's own hook is left as it was"
check hook-reinstall 0 hook install --force

# A broken file staged: the commit is refused with file:line:col.
head=$(git -C "$repo" rev-parse HEAD)
sed 's/^basis: statute$/basis: statue/' \
	"$reg/links/test-icb-scrutinised-by-test-council.yaml" >"$tmp/link" &&
	cp "$tmp/link" "$reg/links/test-icb-scrutinised-by-test-council.yaml"
git -C "$repo" add reg
git_quiet commit -q -m 'Break the basis' >"$tmp/out" 2>"$tmp/err"
grc=$?
[ "$grc" != 0 ] || echo "# git commit succeeded" >>"$tmp/notes"
[ "$(git -C "$repo" rev-parse HEAD)" = "$head" ] ||
	echo "# HEAD moved" >>"$tmp/notes"
compare hook-blocks stdout "$tmp/out" "$pinned/hook-blocks.out" || true
compare hook-blocks stderr "$tmp/err" "$pinned/hook-blocks.err" || true
verdict "hook-blocks: a broken staged registry stops the commit"

# The working tree is fixed but the fix is not staged: still refused
# (the hook reads the index) ...
cp "$tmp/link" "$tmp/broken"
sed 's/^basis: statue$/basis: statute/' "$tmp/broken" \
	>"$reg/links/test-icb-scrutinised-by-test-council.yaml"
git_quiet commit -q -m 'Break the basis' >/dev/null 2>&1 &&
	echo "# an unstaged fix let the staged error through" >>"$tmp/notes"
verdict "hook-reads-index: an unstaged fix does not let a staged error in"

# What the hook runs says that the staged copy is not the working tree's
# (the campaigner's editor shows the fix; the commit would take the
# broken copy).
check staged-differs 1 --staged check --quiet

# ... and with `git commit -a` the fix is what is committed: accepted.
printf 'notes: The ICB board meets in public.\n' \
	>>"$reg/boards/test-icb-board.yaml"
git_quiet commit -q -a -m 'Note on the board' >"$tmp/out" 2>"$tmp/err"
grc=$?
[ "$grc" = 0 ] || echo "# git commit failed ($grc)" >>"$tmp/notes"
[ "$(git -C "$repo" rev-parse HEAD)" != "$head" ] ||
	echo "# HEAD did not move" >>"$tmp/notes"
compare hook-passes stdout "$tmp/out" "$pinned/hook-passes.out" || true
compare hook-passes stderr "$tmp/err" "$pinned/hook-passes.err" || true
verdict "hook-passes: a good commit goes through (git commit -a)"
check staged-clean 0 --staged check

# A file staged as .yml is not read: the check says so, where it was
# silent and the entry never reached the registry; one in a dot folder
# (a CI workflow, where the registry is the repository's root) is not
# registry data and is not warned about.
cp "$reg/boards/test-icb-board.yaml" "$reg/boards/extra-board.yml"
mkdir -p "$reg/.ci" && printf 'on: push\n' >"$reg/.ci/workflow.yml"
git -C "$repo" add reg/boards/extra-board.yml reg/.ci/workflow.yml
check staged-yml 0 --staged check
# the pre-commit hook's quiet check still says a file was not read
check staged-yml-quiet 0 --staged check --quiet
git -C "$repo" rm -q --cached reg/boards/extra-board.yml reg/.ci/workflow.yml
rm -rf "$reg/boards/extra-board.yml" "$reg/.ci"

# An id changed, or an entry deleted, with its links left behind: each
# error's "did you mean" can only offer a near id (test-icb); a note
# says what became of the id since HEAD, and what to do.
cp "$reg/bodies/test-ccg.yaml" "$tmp/test-ccg.yaml"
sed 's/^id: test-ccg$/id: testshire-ccg/' "$tmp/test-ccg.yaml" \
	>"$reg/bodies/test-ccg.yaml"
check gone-id-renamed 1 check -q
# ... and govmap rename finishes what was begun by hand: the references
# left behind, and the file named after the old id
check gone-id-finish 0 rename test-ccg testshire-ccg
check gone-id-finished 0 check -q
git -C "$repo" reset -q --hard HEAD && git -C "$repo" clean -q -f -d reg
rm "$reg/bodies/test-ccg.yaml"
check gone-id-deleted 1 check -q
cp "$tmp/test-ccg.yaml" "$reg/bodies/test-ccg.yaml"

# --- a revert: its registry tree is one scored before (memoised by tree id)
GIT_AUTHOR_DATE=2024-07-03T12:00:00Z GIT_COMMITTER_DATE=2024-07-03T12:00:00Z \
	git -C "$repo" -c user.name='Dan Example' -c user.email=dan@example.org \
	-c commit.gpgsign=false -c core.hooksPath=/dev/null \
	revert --no-edit HEAD >"$tmp/revert.log" 2>&1 || { cat "$tmp/revert.log"; false; } ||
	echo "# git revert failed" >>"$tmp/notes"
verdict "revert: the note on the board is reverted"
check history-revert 0 history test-icb-board --max-count 3
check history-revert-total 0 history --max-count 3

# --- answers a reviewer can trust (issue 19): a second repository ---------
#   r1-trust   2024-01-01  a trust scrutinised without the power to sanction
#                          (core/no-sanction names it) and its board
#   r2-rename  2024-02-01  the trust is renamed
#   r3-vacant  2024-03-01  one of the board's two member seats falls vacant,
#                          dated 2024-02-15
#   r4-care    2024-04-01  a new provider whose name holds a web address, and
#                          a contract with it, not tendered
new_repo review
trust() {
	cat >"$reg/bodies/test-trust.yaml" <<EOT
kind: body
id: test-trust
name: $1
type: arms-length-body
region: england/testshire
valid:
  from: 2013-04-01
$src
EOT
}
# trust_link ID: the trust ID scrutinised by the council, without the
# power to sanction
trust_link() {
	cat >"$reg/links/$1-scrutinised-by-test-council.yaml" <<EOT
kind: link
id: $1-scrutinised-by-test-council
from: $1
to: test-council
type: scrutinised-by
basis: statute
powers: [inform, question]
$src
EOT
}
trust 'Test Trust'
trust_link test-trust
board() {
	cat >"$reg/boards/test-trust-board.yaml" <<EOT
kind: board
id: test-trust-board
name: Board of the trust
type: committee
of: test-trust
seats:
  - role: Chair
    post: chair
    appointed_by: test-council
  - role: Member
    post: member
    count: 2
    appointed_by: test-trust$1
$src
EOT
}
board ''
git -C "$repo" add -A &&
	commit 'Alice Example' alice@example.org 2024-01-01 r1-trust \
		'Add the trust, its scrutiny and its board' ||
	echo "# commit r1 failed" >>"$tmp/notes"
trust 'Testshire Community Trust'
commit 'Bob Example' bob@example.org 2024-02-01 r2-rename 'Rename the trust' ||
	echo "# commit r2 failed" >>"$tmp/notes"
board '
    vacant: 1
    vacant_since: 2024-02-15'
commit 'Carol Example' carol@example.org 2024-03-01 r3-vacant \
	'A member seat falls vacant' || echo "# commit r3 failed" >>"$tmp/notes"
cat >"$reg/bodies/test-care.yaml" <<EOT
kind: body
id: test-care
name: Test Care Ltd (www.testcare.example, https://testcare.example/about)
type: company
region: england/testshire
valid:
  from: 2010-01-01
$src
EOT
cat >"$reg/contracts/test-trust-test-care-contract.yaml" <<EOT
kind: contract
id: test-trust-test-care-contract
name: Community nursing
commissioner: test-trust
provider: test-care
value_gbp: 2_000_000
start: 2024-04-01
end: 2027-03-31
tendered: false
$src
EOT
git -C "$repo" add -A &&
	commit 'Dan Example' dan@example.org 2024-04-01 r4-care \
		'Contract community nursing from Test Care' ||
	echo "# commit r4 failed" >>"$tmp/notes"
verdict "review: the repository is built"
# a rename: the trust's findings are neither gained nor lost
check review-rename-md 0 diff r1-trust r2-rename --format md
check review-rename-json 0 diff r1-trust r2-rename --format json
# a vacancy: one seat now vacant, dated, not a seat removed and added
check review-vacant-md 0 diff r2-rename r3-vacant --format md
check review-vacant 0 diff r2-rename r3-vacant
# ... and in JSON: the seat's role, vacancies before and after, since,
# and who filled it
check review-vacant-json 0 diff r2-rename r3-vacant --format json
# a contract: parties, value, dates, tendered; the sources of every new
# entity; a web address in a name is not a link
check review-contract-md 0 diff r3-vacant r4-care --format md
# ... and in JSON: the contract's parties, value, dates, tendered; the
# sources of every new entity
check review-contract-json 0 diff r3-vacant r4-care --format json
# blame: one line per seat
check review-blame-board 0 blame test-trust-board
check review-history-board 0 history test-trust-board

# --- following an entity through moves, and long walks (issue 19 items
# 1-3): a third repository
#   f1-add    2024-01-01  a trust in bodies/test-trust.yaml
#   f2-notes  2024-02-01  its notes only (nothing validation or scores read)
#   f3-move   2024-03-01  its file moves to trusts/ unchanged
#   f4-merge  2024-04-01  it moves into trusts/all.yaml beside another
#                         trust, and its name changes
#   f5-links  2024-05-01  a link gives it a chain to the voters
new_repo follow
ftrust() { # ftrust ID NAME NOTES
	printf 'kind: body\nid: %s\nname: %s\ntype: arms-length-body\nregion: england/testshire\nvalid:\n  from: 2013-04-01\nnotes: %s\n%s\n' \
		"$1" "$2" "$3" "$src"
}
ftrust test-trust 'Test Trust' 'first' >"$reg/bodies/test-trust.yaml"
git -C "$repo" add -A &&
	commit 'Alice Example' alice@example.org 2024-01-01 f1-add 'Add the trust' ||
	echo "# commit f1 failed" >>"$tmp/notes"
ftrust test-trust 'Test Trust' 'second' >"$reg/bodies/test-trust.yaml"
commit 'Bob Example' bob@example.org 2024-02-01 f2-notes 'A note on the trust' ||
	echo "# commit f2 failed" >>"$tmp/notes"
mkdir -p "$reg/trusts" && git -C "$repo" mv reg/bodies/test-trust.yaml reg/trusts/test-trust.yaml &&
	commit 'Carol Example' carol@example.org 2024-03-01 f3-move 'Move the trust' ||
	echo "# commit f3 failed" >>"$tmp/notes"
{ ftrust test-trust 'Testshire Trust' 'second'; echo ---; ftrust test-other 'Other Trust' 'other'; } \
	>"$reg/trusts/all.yaml" && git -C "$repo" rm -q reg/trusts/test-trust.yaml &&
	git -C "$repo" add -A &&
	commit 'Dan Example' dan@example.org 2024-04-01 f4-merge 'One file for the trusts' ||
	echo "# commit f4 failed" >>"$tmp/notes"
cat >"$reg/links/test-trust-accountable-to-test-council.yaml" <<EOT
kind: link
id: test-trust-accountable-to-test-council
from: test-trust
to: test-council
type: accountable-to
basis: statute
powers: [inform, question, sanction]
$src
EOT
git -C "$repo" add -A &&
	commit 'Alice Example' alice@example.org 2024-05-01 f5-links 'The trust answers to the council' ||
	echo "# commit f5 failed" >>"$tmp/notes"
verdict "follow: the repository is built"
# blame and history follow the entity through the move of its file and
# into another file
check follow-blame 0 blame test-trust
check follow-history 0 history test-trust
check follow-history-no-scores 0 history test-trust --no-scores
check follow-history-total 0 history
check follow-history-total-no-scores 0 history --no-scores
# no commit records money: the total is unknown, never charted as £0
check follow-history-total-chart 0 history --chart "$tmp/follow.svg"
grep -q "no commit listed records any money: the total is unknown" \
	"$tmp/follow.svg" ||
	echo "# the chart does not say the total is unknown" >>"$tmp/notes"
! grep -q '£0' "$tmp/follow.svg" ||
	echo "# the chart shows £0" >>"$tmp/notes"
verdict "follow-history-total-chart: the chart"
# the walk's limits: a field older than the walk is blamed on its oldest
# commit, marked '^'
check follow-blame-max-count 0 blame test-trust --max-count 2
check follow-blame-since 0 blame test-trust --since 2024-02-15
check follow-blame-until 0 blame test-trust --until 2024-03-15
check follow-blame-until-before-since 2 blame test-trust --since 2024-04-01 --until 2024-01-01
check follow-blame-bad-max 2 blame test-trust --max-count 0
check follow-blame-bad-since 2 blame test-trust --since 2024-02-30
check follow-history-max-count 0 history test-trust --max-count 3

# A new entry committed as .yml is never read at that commit: --rev,
# diff and history say so, as check does in the working tree, and a walk
# says it once, naming the first commit that has it, not once a commit
# (f7 changes another file: the .yml is in three commits).  f6 adds
# nothing read, yet is loaded to give the warning (not skipped as a
# commit that changes nothing read).
ftrust test-clinic 'Test Clinic' 'first' >"$reg/bodies/test-clinic.yml"
git -C "$repo" add -A &&
	commit 'Dan Example' dan@example.org 2024-06-01 f6-yml 'Add a clinic (as .yml)' ||
	echo "# commit f6 failed" >>"$tmp/notes"
ftrust test-hospital 'Test Hospital' 'first' >"$reg/bodies/test-hospital.yaml"
git -C "$repo" add -A &&
	commit 'Dan Example' dan@example.org 2024-06-02 f7-hospital 'Add a hospital' ||
	echo "# commit f7 failed" >>"$tmp/notes"
verdict "yml: the commits are made"
check yml-rev-check 0 --rev HEAD~1 check
check yml-diff 0 diff HEAD~2 HEAD
check yml-history 0 history --max-count 3
check yml-history-no-scores 0 history --max-count 3 --no-scores

# --- what Git says, on a terminal: a fourth repository whose one commit
# has an author name with an escape sequence (ESC [31m), a right-to-left
# override (U+202E) and letters of two bytes, longer than blame's
# 24-character author column, and a summary with an escape that clears
# the screen.  Both are escaped as registry text is; blame cuts the name
# at a character, never inside one, and lines the columns up by
# characters.
new_repo hostile
git -C "$repo" add -A &&
	commit "$(printf 'Zo\303\253 \033[31m\342\200\256\303\221\303\272\303\261ez-Example Longname')" \
		zoe@example.org 2024-01-01 - "$(printf 'Add the council \033[2J now')" ||
	echo "# commit h1 failed" >>"$tmp/notes"
verdict "hostile: the repository is built"
check hostile-blame 0 blame test-council
check hostile-history 0 history test-council

# --- an id renamed: one entity renamed, not one removed and one added
#   n1-add     2024-01-01  a trust scrutinised by the council (its link
#                          named after it)
#   n2-rename  2024-02-01  the trust's id, its file and its link's id and
#                          `from` change; nothing else does (made by
#                          govmap rename --related)
new_repo rename
ftrust test-trust 'Test Trust' 'first' >"$reg/bodies/test-trust.yaml"
trust_link test-trust
git -C "$repo" add -A &&
	commit 'Alice Example' alice@example.org 2024-01-01 n1-add 'Add the trust' ||
	echo "# commit n1 failed" >>"$tmp/notes"
# govmap rename makes the change: refused where it cannot be made,
# listed with --dry-run, then made with --related (the link's id too)
check rename-cmd-unknown 2 rename test-trst testshire-trust
check rename-cmd-taken 2 rename test-trust test-council
check rename-cmd-bad-id 2 rename test-trust Testshire_Trust
check rename-cmd-rev 2 --rev HEAD rename test-trust testshire-trust
check rename-cmd-dry 0 rename test-trust testshire-trust --dry-run
[ -z "$(git -C "$repo" status --porcelain)" ] ||
	echo "# --dry-run changed the working tree" >>"$tmp/notes"
verdict "rename-cmd-dry: nothing written"
check rename-cmd 0 rename test-trust testshire-trust --related
# the files are what writing them by hand gives: the ids, nothing else
ftrust testshire-trust 'Test Trust' 'first' >"$tmp/want-trust"
cmp -s "$tmp/want-trust" "$reg/bodies/testshire-trust.yaml" ||
	echo "# bodies/testshire-trust.yaml is not the trust renamed" >>"$tmp/notes"
[ ! -e "$reg/bodies/test-trust.yaml" ] ||
	echo "# bodies/test-trust.yaml is still there" >>"$tmp/notes"
[ -f "$reg/links/testshire-trust-scrutinised-by-test-council.yaml" ] ||
	echo "# the link's file was not renamed" >>"$tmp/notes"
verdict "rename-cmd: the trust and its link renamed, files and all"
check rename-cmd-check 0 check
git -C "$repo" add -A &&
	commit 'Bob Example' bob@example.org 2024-02-01 n2-rename 'Rename the trust' ||
	echo "# commit n2 failed" >>"$tmp/notes"
verdict "rename: the repository is built"
check rename-diff 0 diff n1-add n2-rename
check rename-diff-md 0 diff n1-add n2-rename --format md
check rename-diff-json 0 diff n1-add n2-rename --format json
# history under either id says what became of it
check rename-history-new 0 history testshire-trust
check rename-history-old 0 history test-trust
# map --diff marks the trust changed (renamed), not added and removed
check rename-map-diff 0 map --diff n1-add n2-rename --format dot
# every way a reference is written: quoted, in a flow list, a seat's
# appointer and approver; comments, names and the rest of the file as
# they were
jboard() { # jboard ID: the joint board, its references to the trust as ID
	cat <<EOT
# a joint board (a comment naming testshire-trust stays as it is)
kind: board
id: joint-board
name: "Joint board of testshire-trust's area"
type: joint-committee
joint: [ $1, "test-council" ]
seats:
  - role: Chair
    post: chair
    appointed_by: '$1'
    approved_by: "$1"
$src
EOT
}
jboard testshire-trust >"$reg/boards/joint-board.yaml"
jboard test-trust >"$tmp/want-board"
check rename-cmd-forms 0 rename testshire-trust test-trust
cmp -s "$tmp/want-board" "$reg/boards/joint-board.yaml" || {
	echo "# the board is not as written with the ids changed:" >>"$tmp/notes"
	diff "$tmp/want-board" "$reg/boards/joint-board.yaml" | sed 's/^/#   /' >>"$tmp/notes"
}
verdict "rename-cmd-forms: quoted, flow and seat references rewritten in place"
git -C "$repo" reset -q --hard HEAD && git -C "$repo" clean -q -f -d reg
# --max-count bounds the whole listing, the earlier id's part included
check rename-history-max 0 history testshire-trust --max-count 1
# renamed twice: each earlier id's part, newest first
#   n3-rename  2024-03-01  testshire-trust becomes nhs-testshire-trust
check rename-cmd-again 0 rename testshire-trust nhs-testshire-trust --related
git -C "$repo" add -A &&
	commit 'Carol Example' carol@example.org 2024-03-01 n3-rename 'Rename the trust again' ||
	echo "# commit n3 failed" >>"$tmp/notes"
verdict "rename-again: the second rename is committed"
check rename-history-chain 0 history nhs-testshire-trust
# the site's page of a body renamed twice lists its commits under each
# earlier id, as history does
govmap site -o "$tmp/site-rename" --history 10
[ "$rc" = 0 ] || echo "# govmap site exited with status $rc" >>"$tmp/notes"
for want in '<td>renamed from testshire-trust</td>' \
	'<td>as testshire-trust: renamed from test-trust</td>' \
	'<td>as test-trust: added</td>'; do
	grep -qF "$want" "$tmp/site-rename/bodies/nhs-testshire-trust.html" ||
		echo "# the renamed body's page lacks $want" >>"$tmp/notes"
done
verdict "site-history: a renamed body's page follows it under its earlier ids"
# --since past a rename: the earlier ids' parts are empty, and left out
check rename-history-since 0 history nhs-testshire-trust --since 2024-02-15
# blame goes back through the renames: the id on the last rename, the
# fields the renames left as they were on the commit that wrote them
check rename-blame 0 blame nhs-testshire-trust
# a link renamed with its end: its id and from on the renames
check rename-blame-link 0 blame nhs-testshire-trust-scrutinised-by-test-council

[ "$update" = 1 ] && echo "# pinned outputs rewritten in $pinned"
[ "$failed" = 0 ]
