#!/bin/sh
# tests/bench/history.sh (part of make bench; make bench-history runs it
# alone): the Git commands over long histories, each as a ratio to one
# `check` of the same registry, measured in one run.
#
# Two repositories, built once into BENCH_DIR and reused:
#  - real: registry/ committed, then COMMITS commits (300), each changing
#    one field (a one-line `notes: "..."`) of one different file;
#  - gen: a synthetic registry (tests/bench/gen.c, SYSTEMS systems of
#    about 460 files each) and GEN_COMMITS commits (1,000) of four kinds
#    in turn: a practice's money figure (moves the total exposure), a
#    link's powers (moves scores), a practice's notes, and a practice's
#    file moved to another folder (history and blame follow it).  The
#    entity ID of each repository is edited in several of the commits
#    (in the gen one: money, notes, then its file moved, then money).
# Commits are written with git fast-import (a commit a second, from
# 2023-11-14), so building takes seconds, not a `git commit` each.
#
# For each: check, history, history --no-scores, history over the newest
# half (how the cost grows), history ID, blame ID, diff FIRST HEAD; wall
# and user+sys time (medians of RUNS runs) and both as ratios to check.
#
# Environment: GOVMAP_BIN, BENCH_DIR (build/bench), RUNS (3), COMMITS
# (300), GEN_COMMITS (1000), SYSTEMS (8), ONLY (real|gen: one of them),
# BUILD_ONLY (1: build the repositories, measure nothing).
set -eu
BIN=${GOVMAP_BIN:?}
DIR=${BENCH_DIR:-build/bench}
RUNS=${RUNS:-3}
COMMITS=${COMMITS:-300}
GEN_COMMITS=${GEN_COMMITS:-1000}
SYSTEMS=${SYSTEMS:-8}
ONLY=${ONLY:-}
TOOLS=$DIR/tools
mkdir -p "$TOOLS"
CC=${CC:-cc}
[ -x "$TOOLS/measure" ] || $CC -O2 -std=c11 -o "$TOOLS/measure" tests/bench/measure.c
[ -x "$TOOLS/gen" ] && [ "$TOOLS/gen" -nt tests/bench/gen.c ] ||
	$CC -O2 -std=c11 -o "$TOOLS/gen" tests/bench/gen.c

git_c() { # git_c REPO ARGS...
	r=$1
	shift
	git -C "$r" -c user.name=bench -c user.email=bench@example.org \
		-c commit.gpgsign=false -c core.hooksPath=/dev/null "$@"
}

# The fast-import stream of one commit: commit_head N MESSAGE, then
# put PATH (the file's new content from the working tree) or del PATH.
T0=1700000000
commit_head() {
	printf 'commit refs/heads/main\ncommitter bench <bench@example.org> %s +0000\n' \
		$((T0 + $1 * 3600))
	printf 'data %s\n%s\n' "${#2}" "$2"
	[ "$1" != 1 ] || printf 'from refs/heads/main^0\n'
}
put() { # put REPO PATH
	printf 'M 100644 inline %s\ndata %s\n' "$2" "$(wc -c <"$1/$2")"
	cat "$1/$2"
	echo
}
del() { printf 'D %s\n' "$1"; }

init_repo() { # init_repo REPO: commit what is in REPO/registry
	git -C "$1" init -q -b main
	git_c "$1" add registry
	GIT_COMMITTER_DATE="$T0 +0000" GIT_AUTHOR_DATE="$T0 +0000" \
		git_c "$1" commit -q -m "the registry"
}

build_real() { # build_real REPO
	repo=$1
	rm -rf "$repo"
	mkdir -p "$repo"
	cp -R registry "$repo/registry"
	init_repo "$repo"
	# COMMITS files with one-line notes, one per commit, the same every
	# run; the ID's file (the middle one) is edited twice more
	(cd "$repo/registry" && grep -l '^notes: ".*"$' -r . --include='*.yaml') |
		LC_ALL=C sort | sed 's|^\./||' | head -n "$COMMITS" >"$repo/.files"
	[ "$(wc -l <"$repo/.files")" -eq "$COMMITS" ] ||
		{ echo "bench: fewer than $COMMITS files to edit" >&2; exit 1; }
	mid=$(sed -n "$((COMMITS / 2))p" "$repo/.files")
	n=0
	while read -r f; do
		n=$((n + 1))
		[ $((n % 100)) = 0 ] && f=$mid # the ID's file again
		sed -i "s/^notes: \".*\"\$/notes: \"bench edit $n\"/" "$repo/registry/$f"
		commit_head "$n" "bench edit $n"
		put "$repo" "registry/$f"
	done <"$repo/.files" | git -C "$repo" fast-import --quiet
	git -C "$repo" reset -q --hard main
	sed -n 's/^id: //p' "$repo/registry/$mid" | head -n 1 >"$repo/.id"
}

build_gen() { # build_gen REPO
	repo=$1
	rm -rf "$repo"
	mkdir -p "$repo"
	"$TOOLS/gen" 1 "$repo/registry" "$SYSTEMS" >/dev/null
	# without the england-ics plugin: its rules find the synthetic ICB
	# boards wanting (errors), and measure counts a failing exit as a
	# failed run; its types are then warnings, which check allows
	sed -i '/^plugins:/d' "$repo/registry/govmap.yaml"
	init_repo "$repo"
	reg=$repo/registry
	(cd "$reg" && find . -path '*/practices/*.yaml' | LC_ALL=C sort | sed 's|^\./||') >"$repo/.practices"
	(cd "$reg" && find . -path '*/links/*-icb.yaml' | LC_ALL=C sort | sed 's|^\./||') >"$repo/.links"
	np=$(wc -l <"$repo/.practices")
	nl=$(wc -l <"$repo/.links")
	idf=$(sed -n "$((np / 2))p" "$repo/.practices")
	echo "$idf" >"$repo/.idf" # the loop runs in a subshell: it keeps it here
	n=0
	while [ $n -lt "$GEN_COMMITS" ]; do
		n=$((n + 1))
		p=$(sed -n "$(((n * 7) % np + 1))p" "$repo/.practices")
		# the ID's practice: money near 1/4, notes near 1/2, moved
		# near 3/4, money again near the end (n % 4 picks the edit)
		case $n in
		$((GEN_COMMITS / 4 / 4 * 4 + 1)) | $((GEN_COMMITS / 2 / 4 * 4 + 3)) | \
			$((GEN_COMMITS * 3 / 4 / 4 * 4 + 4)) | $((GEN_COMMITS / 4 * 4 - 7)))
			p=$(cat "$repo/.idf") ;;
		esac
		[ -f "$reg/$p" ] || p=$(sed -n "$(((n * 7) % np + 1))p" "$repo/.practices")
		commit_head "$n" "bench edit $n"
		case $((n % 4)) in
		1) # a money figure: the total exposure moves
			sed -i "s/^    gbp: .*/    gbp: $((1000000 + n))/" "$reg/$p"
			put "$repo" "registry/$p" ;;
		2) # a link's powers: scores move
			l=$(sed -n "$(((n * 5) % nl + 1))p" "$repo/.links")
			if grep -q 'powers: \[inform, question\]' "$reg/$l"; then
				sed -i 's/^powers: .*/powers: [inform]/' "$reg/$l"
			else
				sed -i 's/^powers: .*/powers: [inform, question]/' "$reg/$l"
			fi
			put "$repo" "registry/$l" ;;
		3) # notes only
			if grep -q '^notes:' "$reg/$p"; then
				sed -i "s/^notes: .*/notes: \"bench edit $n\"/" "$reg/$p"
			else
				echo "notes: \"bench edit $n\"" >>"$reg/$p"
			fi
			put "$repo" "registry/$p" ;;
		0) # the file moves to another folder
			q=$(echo "$p" | sed 's|/practices/|/moved/|; s|/moved/moved/|/moved/|')
			if [ "$q" = "$p" ]; then q=$(echo "$p" | sed 's|/moved/|/practices/|'); fi
			mkdir -p "$(dirname "$reg/$q")"
			mv "$reg/$p" "$reg/$q"
			del "registry/$p"
			put "$repo" "registry/$q"
			[ "$p" != "$(cat "$repo/.idf")" ] || echo "$q" >"$repo/.idf"
			sed -i "s|^$p\$|$q|" "$repo/.practices" ;;
		esac
	done | git -C "$repo" fast-import --quiet
	git -C "$repo" reset -q --hard main
	sed -n 's/^id: //p' "$reg/$(cat "$repo/.idf")" | head -n 1 >"$repo/.id"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }

bench_repo() { # bench_repo NAME REPO NCOMMITS
	[ "${BUILD_ONLY:-}" = 1 ] && return 0
	name=$1 repo=$2 ncommits=$3
	reg=$repo/registry
	id=$(cat "$repo/.id")
	"$BIN" -r "$reg" check -q >/dev/null ||
		{ echo "bench: the $name registry does not check" >&2; exit 1; }
	m() { "$TOOLS/measure" "$RUNS" "$BIN" -r "$reg" "$@"; }
	echo "-- $name: $ncommits commits, $(find "$reg" -name '*.yaml' | wc -l) files; $(nproc) cores; ID = $id"
	printf '%-44s %8s %9s %9s %9s %7s\n' "command" "wall" "user+sys" "vs check" "(CPU)" "target"
	check=$(m check -q)
	cw=${check%% *}
	cc=$(echo "$check" | cut -d' ' -f2)
	row() { # name target measure-output
		set -- "$1" "$2" $3
		printf '%-44s %7.2fs %8.2fs %9s %9s %7s\n' "$1" "$3" "$4" \
			"$(ratio "$3" "$cw")" "$(ratio "$4" "$cc")" "$2"
	}
	row "check" "" "$check"
	row "history" "<=10x" "$(m history --max-count 100000)"
	row "history --no-scores" "" "$(m history --no-scores --max-count 100000)"
	row "history --max-count $((ncommits / 2)) (newest half)" "" "$(m history --max-count $((ncommits / 2)))"
	row "history ID" "<=3x" "$(m history "$id" --max-count 100000)"
	row "blame ID" "<=3x" "$(m blame "$id")"
	row "diff first HEAD" "<=3x" "$(m diff main~"$ncommits" main)"
}

real=$DIR/history-real$COMMITS
gen=$DIR/history-gen$GEN_COMMITS-$SYSTEMS
if [ "$ONLY" != gen ]; then
	if [ ! -f "$real/.id" ] || [ registry/govmap.yaml -nt "$real/.id" ] ||
		[ tests/bench/history.sh -nt "$real/.id" ]; then
		build_real "$real"
	fi
	bench_repo "registry/ with single-field edits" "$real" "$COMMITS"
fi
if [ "$ONLY" != real ]; then
	if [ ! -f "$gen/.id" ] || [ "$TOOLS/gen" -nt "$gen/.id" ] ||
		[ tests/bench/history.sh -nt "$gen/.id" ]; then
		build_gen "$gen"
	fi
	bench_repo "generated registry, mixed edits and moves" "$gen" "$GEN_COMMITS"
fi
