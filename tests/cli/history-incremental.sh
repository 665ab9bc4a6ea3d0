#!/bin/sh
# tests/cli/history-incremental.sh - `govmap history` walks the commits
# incrementally (a commit that changes only notes or moves files is not
# loaded; the Git repositories, the parsed blobs, the look-alike check's
# result and the entities' order are kept from one commit to the next):
# every figure the walk prints must be what a load of that commit alone,
# from scratch, gives.
#
#   GOVMAP_BIN=/abs/build/govmap VALGRIND="..." sh tests/cli/history-incremental.sh
#
# The repository is tests/cli/history-fixture.sh's (--build) with eleven
# more commits of mixed edits: money figures, a link's powers (twice), a
# board's seat made vacant, notes only (twice), files moved to another
# folder (twice), a dangling reference (a data error) and its fix.  For
# `history`, `history test-icb` and `history test-icb-board`, each commit
# listed is loaded again alone (`--rev C history [ID] --max-count 1`,
# a walk of one commit: nothing kept from another) and its total exposure
# and entity count, or the entity's A, D and exposure (or "not in force"),
# and its count of data errors must be the same.  Prints `ok - NAME` or
# `not ok - NAME` per check, with `# ` diagnostic lines; exits 1 if any
# check failed, 2 if the repository cannot be built.

set -u

root=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
GOVMAP_BIN=${GOVMAP_BIN:-$root/build/govmap}
VALGRIND=${VALGRIND:-}
. "$root/tests/cli/script-lib.sh"
git_env

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-incremental.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
repo=$tmp/repo
reg=$repo/reg
sh "$root/tests/cli/history-fixture.sh" --build "$repo" || {
	echo "not ok - the fixture repository cannot be built"
	exit 2
}

n=0
# edit MESSAGE: commit what is in the work tree, one day after the last
edit() {
	n=$((n + 1))
	d=$(printf '2024-08-%02dT12:00:00Z' "$n")
	git -C "$repo" add -A &&
		GIT_AUTHOR_DATE=$d GIT_COMMITTER_DATE=$d \
			git -C "$repo" -c user.name='Dee Example' \
			-c user.email=dee@example.org -c commit.gpgsign=false \
			-c core.hooksPath=/dev/null commit -q -m "$1" || exit 2
}
# subst FILE SED: edit a file of the registry in place
subst() {
	sed "$2" "$reg/$1" >"$tmp/x" && cp "$tmp/x" "$reg/$1" || exit 2
}

subst bodies/test-icb.yaml 's/gbp: 600_000_000/gbp: 650_000_000/'
edit 'ICB budget: 650m'
printf 'notes: "a note on the council"\n' >>"$reg/bodies/test-council.yaml"
edit 'A note on the council'
mkdir -p "$reg/bodies/old"
git -C "$repo" mv reg/bodies/test-ccg.yaml reg/bodies/old/test-ccg.yaml
edit 'The CCG moves to old/'
subst links/test-icb-scrutinised-by-test-council.yaml \
	's/^powers: .*/powers: [inform, question, sanction]/'
edit 'Scrutiny: the power to refer is back'
printf 'notes: "a note on the ICB"\n' >>"$reg/bodies/test-icb.yaml"
edit 'A note on the ICB'
subst boards/test-icb-board.yaml 's/^    count: 2$/    count: 2\n    vacant: 1/'
edit 'ICB board: a non-executive seat is vacant'
subst bodies/test-icb.yaml 's/gbp: 650_000_000/gbp: 700_000_000/'
subst bodies/old/test-ccg.yaml 's/gbp: 500_000_000/gbp: 450_000_000/'
edit 'Budgets: the ICB 700m, the CCG 450m'
subst links/test-icb-scrutinised-by-test-council.yaml \
	's/^to: test-council$/to: test-councill/'
edit 'A typo in the scrutiny link'
subst links/test-icb-scrutinised-by-test-council.yaml \
	's/^to: test-councill$/to: test-council/'
edit 'The typo fixed'
mkdir -p "$reg/bodies/icb"
git -C "$repo" mv reg/bodies/test-icb.yaml reg/bodies/icb/test-icb.yaml
edit 'The ICB moves to icb/'
subst links/test-icb-scrutinised-by-test-council.yaml \
	's/^powers: .*/powers: [inform]/'
edit 'Scrutiny: inform only'

failed=0
govmap() {
	(cd "$repo" && $VALGRIND timeout 60 "$GOVMAP_BIN" -r reg \
		--on 2024-07-01 "$@")
}

# figures FILE: one line per commit listed, "ID|figures", from history's
# output: the delta in brackets and why it is listed are left out, a
# count of data errors is kept.
figures() {
	awk '
	/^[0-9a-f][0-9a-f]*  [0-9][0-9][0-9][0-9]-/ { id = $1; next }
	id != "" && /^              / {
		line = $0
		sub(/^ +/, "", line)
		err = ""
		if (match(line, /; [0-9]+ data errors? at this commit$/))
			err = substr(line, RSTART)
		gsub(/ \([-+][^)]*\)/, "", line)
		sub(/;.*/, "", line)
		print id "|" line err
		id = ""
	}' "$1"
}

# walk NAME [ID]: the walk's figures against each commit's alone
walk() {
	name=$1
	shift
	if ! govmap history "$@" --max-count 100 >"$tmp/walk" 2>"$tmp/err"; then
		echo "not ok - $name: govmap history $* failed"
		sed 's/^/# /' "$tmp/err"
		failed=1
		return
	fi
	figures "$tmp/walk" >"$tmp/walk.f"
	listed=$(wc -l <"$tmp/walk.f")
	: >"$tmp/alone.f"
	while IFS='|' read -r id rest; do
		govmap --rev "$id" history "$@" --max-count 1 >"$tmp/one" \
			2>"$tmp/err" || echo "$id|failed: $(cat "$tmp/err")"
		figures "$tmp/one"
	done <"$tmp/walk.f" >"$tmp/alone.f"
	if [ "$listed" -lt "${min:-1}" ]; then
		echo "not ok - $name: only $listed commits listed"
		failed=1
	elif cmp -s "$tmp/walk.f" "$tmp/alone.f"; then
		echo "ok - $name: $listed commits, each as loaded alone"
	else
		echo "not ok - $name: the walk differs from each commit loaded alone"
		diff "$tmp/alone.f" "$tmp/walk.f" | sed 's/^/# /'
		failed=1
	fi
}

# every commit but the README one changes the registry: 15 listed
min=15 walk incremental-history
# the ICB: added, the powers (3), its budget (2), the typo and its fix,
# the board's vacancy
min=7 walk incremental-history-icb test-icb
min=3 walk incremental-history-board test-icb-board
# the typo's data error is among the figures compared
errs=$(govmap history --max-count 100 | grep -c 'data error at this commit')
if [ "$errs" = 1 ]; then
	echo "ok - incremental-history-errors: the typo's commit has its data error"
else
	echo "not ok - incremental-history-errors: $errs commits with a data error, not 1"
	failed=1
fi
exit $failed
