#!/bin/sh
# tests/bench/history.sh (part of make bench): the Git commands over a
# history of single-file commits of the real registry/.
#
# Copies registry/ into a fresh repository (one commit), then makes
# COMMITS commits, each changing one field (a one-line `notes: "..."`) of
# one different file, and times, as ratios to one
# `check` of the same registry (medians of RUNS runs):
#   history, history --no-scores, history ID, blame ID, diff FIRST HEAD,
#   and `history` over half the commits, to show how the cost grows.
#
# Environment: GOVMAP_BIN, BENCH_DIR (build/bench), RUNS (3), COMMITS (300).
set -eu
BIN=${GOVMAP_BIN:?}
DIR=${BENCH_DIR:-build/bench}
RUNS=${RUNS:-3}
COMMITS=${COMMITS:-300}
TOOLS=$DIR/tools
mkdir -p "$TOOLS"
CC=${CC:-cc}
[ -x "$TOOLS/measure" ] || $CC -O2 -std=c11 -o "$TOOLS/measure" tests/bench/measure.c

repo=$DIR/history$COMMITS
reg=$repo/registry
git_c() {
	git -C "$repo" -c user.name=bench -c user.email=bench@example.org \
		-c commit.gpgsign=false -c core.hooksPath=/dev/null "$@"
}
if [ ! -f "$repo/.done" ] || [ registry/govmap.yaml -nt "$repo/.done" ]; then
	rm -rf "$repo"
	mkdir -p "$repo"
	cp -R registry "$reg"
	git -C "$repo" init -q
	git_c add registry
	git_c commit -q -m "registry/ as on main"
	# COMMITS files with one-line notes, one per commit, the same every run
	(cd "$reg" && grep -l '^notes: ".*"$' -r . --include='*.yaml') |
		LC_ALL=C sort | head -n "$COMMITS" >"$repo/.files"
	[ "$(wc -l <"$repo/.files")" -eq "$COMMITS" ] ||
		{ echo "bench: fewer than $COMMITS files to edit" >&2; exit 1; }
	n=0
	while read -r f; do
		n=$((n + 1))
		sed -i "s/^notes: \".*\"\$/notes: \"bench edit $n\"/" "$reg/$f"
		git_c commit -q -a -m "bench edit $n"
	done <"$repo/.files"
	"$BIN" -r "$reg" check -q >/dev/null ||
		{ echo "bench: the edited registry does not check" >&2; exit 1; }
	git_c tag first HEAD~"$COMMITS"
	git_c tag half HEAD~$((COMMITS / 2))
	# an entity whose file changed half-way: history/blame have work to do
	id=$(sed -n "$((COMMITS / 2))p" "$repo/.files" | (cd "$reg" && xargs sed -n 's/^id: //p'))
	echo "$id" >"$repo/.id"
	touch "$repo/.done"
fi
id=$(cat "$repo/.id")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
m() { "$TOOLS/measure" "$RUNS" "$BIN" -r "$reg" "$@"; }

echo "-- history of $COMMITS single-file commits of registry/ ($(find "$reg" -name '*.yaml' | wc -l) files; $(nproc) cores); ID = $id"
printf '%-40s %8s %9s %8s %8s %8s\n' "command" "wall" "user+sys" "vs check" "(CPU)" "target"
check=$(m check -q)
cw=${check%% *}
cc=$(echo "$check" | cut -d' ' -f2)
row() { # name target measure-output
	set -- "$1" "$2" $3
	printf '%-40s %7.2fs %8.2fs %8s %8s %8s\n' "$1" "$3" "$4" \
		"$(ratio "$3" "$cw")" "$(ratio "$4" "$cc")" "$2"
}
row "check" "" "$check"
row "history" "<=10x" "$(m history --max-count 100000)"
row "history --no-scores" "" "$(m history --no-scores --max-count 100000)"
row "history (newest half: --max-count $((COMMITS / 2)))" "" "$(m history --max-count $((COMMITS / 2)))"
row "history ID" "<=3x" "$(m history "$id")"
row "blame ID" "<=3x" "$(m blame "$id")"
row "diff first HEAD" "<=3x" "$(m diff first HEAD)"
