#!/bin/sh
# tests/oom/run.sh - make oom: every allocation of govmap's own code
# fails in turn (tests/oom/oom_wrap.c), over the loader, validation,
# analysis and map building of a small registry.
#
#   GOVMAP_BIN=build/oom/govmap-oom sh tests/oom/run.sh
#
# For each command below (and `history` over a three-commit repository
# of the same registry): one run with no failure gives the reference
# output and the number of allocations A; then, for N = 1 .. A, a run
# whose Nth allocation (and every later one) fails must either exit 0
# with exactly the reference output, or exit 2 with "out of memory" on
# standard error and nothing half-written on standard output; never
# another status, a signal, a hang (timeout 30 s), or a sanitizer or
# leak report.  OOM_STEP=K tries every Kth N only (default 1);
# OOM_ONLY=PATTERN runs only the commands that grep -E matches.  The
# walks of `history` try every 3rd and 7th allocation (they read a Git
# repository at each run, and have about 700 allocations).
set -u
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
cd "$root" || exit 2
BIN=${GOVMAP_BIN:-$root/build/oom/govmap-oom}
STEP=${OOM_STEP:-1}
REG=tests/fixtures/valid/minimal
ON=2024-06-01
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-oom.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
[ -x "$BIN" ] || { echo "run.sh: $BIN is not built (make oom)" >&2; exit 2; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
unset GOVMAP_PLUGIN_PATH GOVMAP_REGISTRY

n=0 failed=0 runs=0
start=$(date +%s)
# try ARGS [K]: the runs above for `govmap -r $REG --on $ON ARGS`, every
# Kth allocation (default OOM_STEP)
try() {
	args=$1
	step=${2:-$STEP}
	n=$((n + 1))
	if [ -n "${OOM_ONLY:-}" ] && ! printf '%s\n' "$args" | grep -Eq -- "$OOM_ONLY"; then
		echo "ok $n - $args # SKIP not in OOM_ONLY"
		return
	fi
	# shellcheck disable=SC2086
	GOVMAP_OOM_COUNT=$tmp/count timeout 30 "$BIN" -r "$REG" --on $ON $args \
		>"$tmp/ref.out" 2>"$tmp/ref.err"
	rc=$?
	allocs=$(cat "$tmp/count" 2>/dev/null || echo 0)
	if [ "$rc" -gt 1 ] || [ "$allocs" -lt 1 ]; then
		echo "not ok $n - $args: the reference run exited $rc after $allocs allocations"
		sed 's/^/#   /' "$tmp/ref.err" | head -20
		failed=$((failed + 1))
		return
	fi
	bad=0 ok0=0 ok2=0
	i=1
	while [ $i -le "$allocs" ]; do
		# shellcheck disable=SC2086
		GOVMAP_OOM_FAIL_AT=$i timeout 30 "$BIN" -r "$REG" --on $ON $args \
			>"$tmp/out" 2>"$tmp/err"
		r=$?
		runs=$((runs + 1))
		why=
		if grep -q -e 'Sanitizer' -e 'runtime error:' -e '^==[0-9]*==' "$tmp/err"; then
			why="a sanitizer or leak report"
		elif [ $r = 0 ] || [ $r = "$rc" ]; then
			if cmp -s "$tmp/out" "$tmp/ref.out" && cmp -s "$tmp/err" "$tmp/ref.err"; then
				ok0=$((ok0 + 1))
			else
				why="exit $r but the output differs from the reference"
			fi
		elif [ $r = 2 ]; then
			if ! grep -q 'out of memory' "$tmp/err"; then
				why="exit 2 without 'out of memory'"
			elif [ -s "$tmp/out" ] && ! cmp -s "$tmp/out" "$tmp/ref.out"; then
				# a partial page of output is only acceptable
				# as a prefix of the reference (stdout is a
				# stream; the command failed and said so)
				head -c "$(wc -c <"$tmp/out")" "$tmp/ref.out" >"$tmp/prefix"
				cmp -s "$tmp/out" "$tmp/prefix" ||
					why="exit 2 with corrupted output"
			fi
			[ -n "$why" ] || ok2=$((ok2 + 1))
		else
			why="exit $r"
		fi
		if [ -n "$why" ]; then
			bad=$((bad + 1))
			if [ $bad -le 5 ]; then
				echo "# $args: allocation $i of $allocs fails: $why"
				sed 's/^/#     /' "$tmp/err" | head -12
			fi
		fi
		i=$((i + step))
	done
	if [ $bad = 0 ]; then
		echo "ok $n - $args: $allocs allocations, each failing in turn: $ok0 runs recovered, $ok2 said out of memory"
	else
		echo "not ok $n - $args: $bad of $allocs failing allocations went wrong"
		failed=$((failed + 1))
	fi
}

for args in "check" "check --format json" "report --format json" \
	"explain test-council" "map --format dot" "map --format json"; do
	try "$args"
done

# history over three commits of the same registry: the second changes a
# money figure (added to the total), the third a link's powers (the last
# loaded registry brought up to it and analysed again), so the walk's
# failures are tried in the paths that change a registry in place
repo=$tmp/repo
mkdir -p "$repo"
cp -R "$REG" "$repo/reg"
git_c() {
	git -C "$repo" -c user.name=oom -c user.email=oom@example.org \
		-c commit.gpgsign=false -c core.hooksPath=/dev/null "$@"
}
git_c init -q && git_c add reg && git_c commit -q -m one &&
	sed -i 's/gbp: 400000000/gbp: 410000000/' "$repo/reg/bodies/test-trust.yaml" &&
	git_c commit -q -a -m money &&
	sed -i 's/^powers: \[inform, question, sanction\]$/powers: [inform, question]/' \
		"$repo/reg/links/test-links.yaml" &&
	git_c commit -q -a -m powers || { echo "run.sh: cannot build the repository" >&2; exit 2; }
REG=$repo/reg
# each run reads the repository: every 3rd (7th) allocation keeps the
# two to about three minutes; each still fails every later one too
try "history" 3
try "history --no-scores" 7
echo "1..$n"
echo "# $runs runs in $(( $(date +%s) - start )) s"
[ $failed = 0 ]
