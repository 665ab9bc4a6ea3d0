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

# For history ID's relevance filter (a commit that cannot move the
# entity's figures is not loaded): an island the ICB's chains never
# reach, edited (skipped), then a change that moves the scores right
# after such a run (compared again with the commit just before), then a
# trust that appoints to the ICB board but is not yet in force: its
# money (skipped) and its start moved earlier (loaded: its seat's edge
# appears), then the island again.
src='sources:
  - url: https://example.org/test
    title: Test source
    accessed: 2024-06-01'
cat >"$reg/bodies/test-hospital.yaml" <<EOF
kind: body
id: test-hospital
name: Testshire Hospital
type: arms-length-body
region: england/testshire
statutory_basis: Test Health Act 2012
money:
  - year: 2024/25
    gbp: 10_000_000
    kind: budget
    source: https://example.org/test
valid:
  from: 2020-04-01
$src
EOF
cat >"$reg/bodies/test-forum.yaml" <<EOF
kind: body
id: test-forum
name: Testshire Patients' Forum
type: arms-length-body
region: england/testshire
statutory_basis: none
valid:
  from: 2020-04-01
$src
EOF
cat >"$reg/links/test-hospital-scrutinised-by-test-forum.yaml" <<EOF
kind: link
id: test-hospital-scrutinised-by-test-forum
from: test-hospital
to: test-forum
type: scrutinised-by
forum: political
basis: statute
powers: [inform]
$src
EOF
edit 'An island: a hospital and its forum'
subst bodies/test-hospital.yaml 's/gbp: 10_000_000/gbp: 12_000_000/'
edit 'The hospital: 12m'
subst links/test-hospital-scrutinised-by-test-forum.yaml \
	's/^powers: .*/powers: [inform, question]/'
edit 'The forum may question the hospital'
subst links/test-council-elected-by-test-electorate.yaml \
	's/^powers: .*/powers: [inform, question]/'
edit 'The council: no sanction at the ballot box'
cat >"$reg/bodies/test-trust.yaml" <<EOF
kind: body
id: test-trust
name: Testshire Community Trust
type: arms-length-body
region: england/testshire
statutory_basis: Test Health Act 2012
money:
  - year: 2024/25
    gbp: 50_000_000
    kind: budget
    source: https://example.org/test
valid:
  from: 2025-04-01
$src
EOF
cat >"$reg/links/test-trust-scrutinised-by-test-council.yaml" <<EOF
kind: link
id: test-trust-scrutinised-by-test-council
from: test-trust
to: test-council
type: scrutinised-by
forum: political
basis: statute
powers: [inform, question, sanction]
$src
EOF
subst boards/test-icb-board.yaml \
	's/^sources:$/  - role: Trust member\n    count: 20\n    appointed_by: test-trust\n    voting: true\nsources:/'
edit 'A trust, not yet in force, appoints to the ICB board'
subst bodies/test-trust.yaml 's/gbp: 50_000_000/gbp: 55_000_000/'
edit 'The trust: 55m'
subst bodies/test-trust.yaml 's/from: 2025-04-01/from: 2023-04-01/'
edit 'The trust started in 2023'
subst bodies/test-hospital.yaml 's/gbp: 12_000_000/gbp: 14_000_000/'
edit 'The hospital: 14m'

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

# every commit but the README one changes the registry: 23 listed
min=23 walk incremental-history
# not scored: the entity and error counts (commits of notes, money and
# powers only are applied to the last loaded registry, not loaded)
min=23 walk incremental-history-no-scores --no-scores
# the ICB: added, the powers (3), its budget (2), the typo and its fix,
# the board's vacancy
min=7 walk incremental-history-icb test-icb
min=3 walk incremental-history-board test-icb-board
# pairs NAME ID: each commit of this script against the one before it
# alone (--since and --until its day: the commit before is loaded as the
# baseline, and nothing is skipped): the same lines, or none, as the
# walk's, so a commit the walk skipped or compared wrongly would be
# missing or differ.
block() { # block FILE DAY: the lines of the commit of that day
	awk -v d="$2" '/^[0-9a-f][0-9a-f]*  [0-9][0-9][0-9][0-9]-/ {
		on = ($2 == d) } on && NF { print } !NF { on = 0 }' "$1"
}
pairs() {
	name=$1
	shift
	if ! govmap history "$@" --max-count 100 >"$tmp/walk" 2>"$tmp/err"; then
		echo "not ok - $name: govmap history $* failed"
		failed=1
		return
	fi
	bad=0 k=0 listed=0
	while [ $k -lt $n ]; do
		k=$((k + 1))
		d=$(printf '2024-08-%02d' "$k")
		block "$tmp/walk" "$d" >"$tmp/w.b"
		govmap history "$@" --since "$d" --until "$d" >"$tmp/one" \
			2>"$tmp/err" || echo "failed: $(cat "$tmp/err")" >>"$tmp/one"
		block "$tmp/one" "$d" >"$tmp/o.b"
		[ -s "$tmp/w.b" ] && listed=$((listed + 1))
		if ! cmp -s "$tmp/w.b" "$tmp/o.b"; then
			bad=1
			echo "# $d: alone (<) and in the walk (>)"
			diff "$tmp/o.b" "$tmp/w.b" | sed 's/^/# /'
		fi
	done
	if [ $bad = 0 ] && [ $listed -ge "$min" ]; then
		echo "ok - $name: $k commits, $listed listed, each as against the one before alone"
	else
		echo "not ok - $name: $listed listed (at least $min), or the walk differs from a commit against the one before alone"
		failed=1
	fi
}
min=9 pairs relevance-icb test-icb
min=8 pairs relevance-board test-icb-board

# the typo's data error is among the figures compared
errs=$(govmap history --max-count 100 | grep -c 'data error at this commit')
if [ "$errs" = 1 ]; then
	echo "ok - incremental-history-errors: the typo's commit has its data error"
else
	echo "not ok - incremental-history-errors: $errs commits with a data error, not 1"
	failed=1
fi
exit $failed
