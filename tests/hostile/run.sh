#!/bin/sh
# tests/hostile/run.sh - govmap against input built to break it (issue 8):
# alias bombs, deep nesting, oversized files, bad encodings, crafted Git
# trees, names full of DOT and HTML syntax, unsafe plugins, failed writes.
#
#   GOVMAP_BIN=/abs/build/govmap VALGRIND="..." \
#   GOVMAP_PLUGIN_DIR=/abs/build/plugins sh tests/hostile/run.sh [PATTERN...]
#
# GOVMAP_BIN defaults to build/govmap under the repository root; VALGRIND
# (may be empty) goes in front of every govmap run; every run is wrapped in
# `timeout $HOSTILE_TIMEOUT` (default 30 s), so a hang fails the test.
# PATTERNs (shell patterns such as 'git-*') select cases by name.
#
# a. Every case directory tests/fixtures/hostile/NAME/ holds:
#
#      expected   the exact standard error of the main run (required)
#      exit       its exit status (default 1)
#      args       the arguments after `-r REGISTRY`, one line split on
#                 blanks (default: check)
#      generate   optional: a sh script that builds the registry at test
#                 time.  run.sh copies the case's other files into
#                 $gen/NAME, then runs `sh generate $gen/NAME` in the case
#                 directory with HOSTILE_LIB=tests/hostile/lib.sh; the
#                 registry is $gen/NAME and in standard error the $gen
#                 prefix reads @GEN@.  Large, binary and Git fixtures are
#                 made this way rather than committed.
#      assert     optional: sh code sourced after the main run, for more
#                 runs and checks (helpers below: gm, gm_raw, want_rc,
#                 want_grep, want_no_grep, want_empty, want_same, problem,
#                 todo; $reg is the registry, $tmp a scratch directory)
#
#    Without `generate` the registry is the case directory itself, run
#    from the repository root as `-r tests/fixtures/hostile/NAME`.
#
#    Every run of every case must also: finish within the timeout (status
#    124 is a hang), not die of a signal (status >= 128), and leave no
#    sanitizer or valgrind report on standard error.
#
# b. Plugins: group- and world-writable plugin files and directories are
#    refused (needs GOVMAP_PLUGIN_DIR, the built plugins; skipped without).
#
# d. Output: every command on a full standard output (/dev/full) exits 2
#    with one message; -o refuses a symbolic link, a FIFO, a device and a
#    directory (--force writes into the first three in place).
#
# c. Output: a write that fails half-way leaves no partial file and keeps
#    the old one (cli_write_output writes a temporary file and renames it).
#
# Output is TAP: `ok N - name`, `not ok N - name` with `# ` lines, and
# `not ok N - name # TODO reason` for known bugs reported elsewhere (they
# do not fail the run).  Exit status: 0 when all passed, 1 otherwise, 2
# when the runner cannot start.  HOSTILE_BLESS=1 writes a missing
# `expected` from the actual output (read it by hand before committing).

set -u

here=$(cd "$(dirname "$0")" && pwd -P) || exit 2
root=$(cd "$here/../.." && pwd -P) || exit 2

GOVMAP_BIN=${GOVMAP_BIN:-$root/build/govmap}
case $GOVMAP_BIN in
/*) ;;
*/*) GOVMAP_BIN=$(pwd)/$GOVMAP_BIN ;;
*) GOVMAP_BIN=$(command -v "$GOVMAP_BIN") || GOVMAP_BIN=/nonexistent ;;
esac
cd "$root" || exit 2
VALGRIND=${VALGRIND:-}
HOSTILE_TIMEOUT=${HOSTILE_TIMEOUT:-30}
HOSTILE_LIB=$here/lib.sh
export GOVMAP_BIN VALGRIND HOSTILE_LIB

if [ ! -x "$GOVMAP_BIN" ]; then
	echo "run.sh: $GOVMAP_BIN is not an executable (run make first)" >&2
	exit 2
fi
for tool in timeout diff awk git cmp; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "run.sh: '$tool' is needed and was not found" >&2
		exit 2
	fi
done

unset GOVMAP_REGISTRY GOVMAP_PLUGIN_PATH CDPATH
LC_ALL=C
NO_COLOR=1
export LC_ALL NO_COLOR

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-hostile.XXXXXX") || exit 2
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
chmod 755 "$tmp"
gen=$tmp/gen
mkdir "$gen" "$tmp/home"
HOSTILE_HOME=$tmp/home
export HOSTILE_HOME

n=0
failed=0
todos=0

nfilters=$#
filters="$*"
wanted() {
	[ "$nfilters" -eq 0 ] && return 0
	set -f
	for pat in $filters; do
		# shellcheck disable=SC2254
		case $1 in $pat) set +f; return 0 ;; esac
	done
	set +f
	return 1
}

note() { printf '# %s\n' "$*"; }

# ---- per-case state and helpers (also for `assert` scripts) ----------

# begin NAME: start collecting a case's problems.
begin() {
	case_name=$1
	problems=$tmp/problems
	: >"$problems"
	todo_reason=""
	todo_hit=0
	hard=0
}

# problem TEXT: the case fails (or, after `todo`, is a known bug).
problem() {
	if [ -n "$todo_reason" ]; then
		todo_hit=1
		printf '(known) %s\n' "$*" >>"$problems"
	else
		hard=1
		printf '%s\n' "$*" >>"$problems"
	fi
}

# todo REASON: problems found from here on are a known, reported bug.
todo() { todo_reason=$1; }

# finish: print the verdict.
finish() {
	n=$((n + 1))
	if [ "$hard" = 1 ]; then
		failed=$((failed + 1))
		echo "not ok $n - $case_name"
		sed 's/^/# /' "$problems"
	elif [ "$todo_hit" = 1 ]; then
		todos=$((todos + 1))
		echo "not ok $n - $case_name # TODO $todo_reason"
		sed 's/^/# /' "$problems"
	else
		echo "ok $n - $case_name"
	fi
}

# gm ARGS...: run govmap on the case's registry ($reg) from the
# repository root: `govmap -r $reg ARGS`.  Sets $rc; output in $out and
# $err (the $gen prefix rewritten to @GEN@ in $err).  A hang, a signal or
# a sanitizer report is a problem of the case.
gm() {
	gm_raw -r "$reg" "$@"
}

# gm_raw ARGS...: the same without -r.
gm_raw() {
	out=$tmp/out err=$tmp/err
	# shellcheck disable=SC2086
	timeout "$HOSTILE_TIMEOUT" $VALGRIND "$GOVMAP_BIN" "$@" \
		>"$out" 2>"$tmp/err.raw" </dev/null
	rc=$?
	GEN="$gen" awk '
	BEGIN { r = ENVIRON["GEN"]; lr = length(r) }
	{
		s = $0; o = ""
		while (lr && (i = index(s, r)) > 0) {
			o = o substr(s, 1, i - 1) "@GEN@"
			s = substr(s, i + lr)
		}
		print o s
	}' "$tmp/err.raw" >"$err"
	check_run "$*"
}

# check_run WHAT: the universal checks on the last run.
check_run() {
	if [ "$rc" = 124 ]; then
		problem "govmap $1: timed out after $HOSTILE_TIMEOUT s (a hang)"
	elif [ "$rc" -ge 128 ]; then
		problem "govmap $1: killed by signal $((rc - 128))"
	fi
	if grep -q -e 'Sanitizer' -e 'runtime error:' -e '^==[0-9]*==' \
		"$tmp/err.raw"; then
		problem "govmap $1: sanitizer or valgrind report:"
		sed -n '1,30s/^/    /p' "$tmp/err.raw" >>"$problems"
	fi
}

# want_rc N: the last run exited with N.
want_rc() {
	[ "$rc" = "$1" ] || problem "exit status $rc, expected $1"
}

# want_grep FILE TEXT: FILE holds TEXT (a fixed string).
want_grep() {
	grep -qF -- "$2" "$1" ||
		problem "$(basename "$1") lacks: $2"
}

# want_no_grep FILE TEXT: FILE does not hold TEXT.
want_no_grep() {
	if grep -qF -- "$2" "$1"; then
		problem "$(basename "$1") must not hold: $2"
		grep -F -- "$2" "$1" | head -3 | cut -c1-200 |
			sed 's/^/    /' >>"$problems"
	fi
}

# want_empty FILE: FILE is empty.
want_empty() {
	if [ -s "$1" ]; then
		problem "$(basename "$1") is not empty:"
		head -5 "$1" | sed 's/^/    /' >>"$problems"
	fi
}

# want_same EXPECTED ACTUAL LABEL: the files are equal.
want_same() {
	if ! cmp -s "$1" "$2"; then
		problem "$3 differs (--- expected, +++ actual):"
		diff -u "$1" "$2" | head -40 | sed 's/^/    /' >>"$problems"
	fi
}

# ---- a. fixture cases ------------------------------------------------

asan_base=${ASAN_OPTIONS:-}

for d in tests/fixtures/hostile/*/; do
	d=${d%/}
	[ -d "$d" ] || continue
	name=$(basename "$d")
	wanted "$name" || continue
	begin "hostile/$name"
	if [ ! -f "$d/expected" ] && [ "${HOSTILE_BLESS:-}" != 1 ]; then
		problem "no 'expected' file"
		finish
		continue
	fi
	reg=$d
	if [ -f "$d/generate" ]; then
		reg=$gen/$name
		mkdir -p "$reg"
		for f in "$d"/* "$d"/.[!.]*; do
			[ -e "$f" ] || continue
			case $(basename "$f") in
			expected | exit | args | generate | assert) ;;
			*) cp -R "$f" "$reg/" ;;
			esac
		done
		if ! (cd "$d" && sh ./generate "$reg") >"$tmp/gen.log" 2>&1; then
			problem "generate failed:"
			sed 's/^/    /' "$tmp/gen.log" >>"$problems"
			finish
			continue
		fi
	fi
	want=1
	[ -f "$d/exit" ] && want=$(sed -n '1{s/[^0-9]//g;p;}' "$d/exit")
	args=check
	[ -f "$d/args" ] && args=$(sed -n 1p "$d/args")
	# Git cases: under ASan, unwind malloc stacks slowly (DWARF), so that
	# tests/lsan.supp can name libgit2's own leaks by function
	case $name in
	git-*) ASAN_OPTIONS="${asan_base:+$asan_base:}fast_unwind_on_malloc=0" ;;
	*) ASAN_OPTIONS=$asan_base ;;
	esac
	export ASAN_OPTIONS
	# shellcheck disable=SC2086
	gm $args
	# HOSTILE_BLESS=1: write a missing `expected` from this run, to be
	# read and checked by hand before it is committed.
	[ -f "$d/expected" ] || cp "$err" "$d/expected"
	want_rc "$want"
	want_same "$d/expected" "$err" "stderr"
	if [ -f "$d/assert" ]; then
		# shellcheck disable=SC1090
		. "./$d/assert"
	fi
	finish
done

# ---- b. plugins: unsafe permissions ----------------------------------

# Copies of a built plugin in a private --plugin-path directory, under
# each unsafe mode: `govmap plugins` must refuse them and say why.
if wanted plugins; then
	begin "plugins: group- and world-writable files and directories"
	so=""
	if [ -n "${GOVMAP_PLUGIN_DIR:-}" ] &&
		[ -f "$GOVMAP_PLUGIN_DIR/template.so" ]; then
		so=$GOVMAP_PLUGIN_DIR/template.so
	fi
	if [ -z "$so" ]; then
		n=$((n + 1))
		echo "ok $n - plugins # SKIP GOVMAP_PLUGIN_DIR/template.so not built"
	else
		P=$tmp/plug
		mkdir "$P" && chmod 755 "$P"
		# each mode: the file is refused, with the fix in the message
		for mode in 666 646 664 620 602; do
			cp "$so" "$P/hostile.so" && chmod "$mode" "$P/hostile.so"
			gm_raw --plugin-path "$P" plugins
			want_grep "$err" "$P/hostile.so: warning: plugin not loaded: file $P/hostile.so is group- or world-writable"
			want_no_grep "$out" "path        $P/hostile.so"
			rm -f "$P/hostile.so"
		done
		# each directory mode: nothing in it is loaded
		for mode in 775 757 777 1777 730; do
			chmod 755 "$P"
			cp "$so" "$P/hostile.so" && chmod 644 "$P/hostile.so"
			chmod "$mode" "$P"
			gm_raw --plugin-path "$P" plugins
			want_grep "$err" "$P: warning: plugins not loaded from this directory (1): directory $P is group- or world-writable"
			want_no_grep "$out" "path        $P/hostile.so"
			chmod 755 "$P"
			rm -f "$P/hostile.so"
		done
		# a safe file in a safe directory is loaded (the test is live)
		cp "$so" "$P/hostile.so" && chmod 644 "$P/hostile.so"
		gm_raw --plugin-path "$P" plugins
		want_grep "$out" "path        $P/hostile.so"
		rm -f "$P/hostile.so"
		# a symbolic link to a world-writable file
		W=$tmp/plug-w
		mkdir "$W" && chmod 755 "$W"
		cp "$so" "$W/target.so" && chmod 666 "$W/target.so"
		ln -s "$W/target.so" "$P/hostile.so"
		gm_raw --plugin-path "$P" plugins
		want_grep "$err" "plugin not loaded: file $P/hostile.so is group- or world-writable"
		want_no_grep "$out" "path        $P/hostile.so"
		rm -f "$P/hostile.so"
		# a symbolic link, in a safe directory, to a safe file in a
		# world-writable directory: anyone can replace the target
		# (plugin_host.c checks where the link leads since ee0ed98)
		chmod 644 "$W/target.so" && chmod 777 "$W"
		ln -s "$W/target.so" "$P/hostile.so"
		gm_raw --plugin-path "$P" plugins
		want_no_grep "$out" "path        $P/hostile.so"
		rm -f "$P/hostile.so"
		chmod 755 "$W"
		finish
	fi
fi

# ---- c. output is written atomically ---------------------------------

if wanted output; then
	begin "output: a failed write leaves no partial file"
	reg=tests/fixtures/valid/minimal
	O=$tmp/outdir
	mkdir "$O"
	printf 'old map\n' >"$O/map.dot"
	# The write fails half-way: RLIMIT_FSIZE of 1 block (512 or 1024
	# bytes) and SIGXFSZ ignored, so write() returns EFBIG after a
	# partial write.  The old file must stay as it was and no temporary
	# file may be left behind.
	(
		trap '' XFSZ
		ulimit -f 1
		exec timeout "$HOSTILE_TIMEOUT" $VALGRIND "$GOVMAP_BIN" \
			-r "$reg" --on 2024-06-01 map --format dot -o "$O/map.dot"
	) >"$tmp/out" 2>"$tmp/err.raw" </dev/null
	rc=$?
	cp "$tmp/err.raw" "$tmp/err"
	err=$tmp/err
	check_run "map -o (RLIMIT_FSIZE)"
	want_rc 2
	want_grep "$err" "govmap: error: cannot write $O/map.dot: File too large"
	printf 'old map\n' >"$tmp/old"
	want_same "$tmp/old" "$O/map.dot" "the old output file"
	left=$(ls "$O" | grep -v '^map\.dot$')
	[ -z "$left" ] || problem "files left behind: $left"
	# an output directory that does not exist: exit 2, said before the
	# layout, nothing written
	gm_raw -r "$reg" --on 2024-06-01 map --format dot -o "$O/no/such/dir/map.dot"
	want_rc 2
	want_grep "$err" "govmap: error: map: cannot write $O/no/such/dir/map.dot: its directory does not exist"
	# and the same write that fits succeeds
	gm_raw -r "$reg" --on 2024-06-01 map --format dot -o "$O/map.dot"
	want_rc 0
	want_grep "$O/map.dot" "digraph govmap {"
	left=$(ls "$O" | grep -v '^map\.dot$')
	[ -z "$left" ] || problem "files left behind: $left"
	finish
fi

# ---- d. no command exits 0 after a failed write ----------------------

if wanted output; then
	begin "output: every command on a full standard output exits 2"
	reg=tests/fixtures/valid/minimal
	if [ -w /dev/full ]; then
		for args in "check" "check --format json" "report" \
			"report --format json" "report --format md" \
			"explain test-council" "stats" "rules" "plugins" "help" \
			"help map" "map --help" "--version" "version" "--help" \
			"map --format dot" "map --format dot -o -" "new --help" "diff --help"; do
			# shellcheck disable=SC2086
			timeout "$HOSTILE_TIMEOUT" $VALGRIND "$GOVMAP_BIN" \
				-r "$reg" --on 2024-06-01 $args \
				>/dev/full 2>"$tmp/err.raw" </dev/null
			rc=$?
			cp "$tmp/err.raw" "$tmp/err"
			err=$tmp/err
			check_run "$args >/dev/full"
			[ "$rc" = 2 ] || problem "govmap $args >/dev/full: exit $rc, expected 2"
			grep -q "^govmap: error: cannot write to standard output: No space left on device$" "$err" ||
				problem "govmap $args >/dev/full: no message: $(head -c 300 "$err")"
			[ "$(grep -c 'cannot write to standard output' "$err")" -le 1 ] ||
				problem "govmap $args >/dev/full: the message is repeated"
		done
	else
		note "no writable /dev/full: skipped"
	fi
	finish

	begin "output: -o never replaces a link, FIFO or device without --force"
	O=$tmp/odd
	mkdir "$O"
	printf 'keep\n' >"$O/target"
	ln -s target "$O/link"
	mkfifo "$O/fifo"
	mkdir "$O/dir"
	for t in link fifo dir; do
		gm_raw -r "$reg" --on 2024-06-01 map --format dot -o "$O/$t"
		want_rc 2
		case $t in
		link) want_grep "$err" "govmap: error: refusing to replace $O/link: it is a symbolic link, not a regular file (give --force to write into it)" ;;
		fifo) want_grep "$err" "govmap: error: refusing to replace $O/fifo: it is a FIFO, not a regular file (give --force to write into it)" ;;
		dir) want_grep "$err" "govmap: error: cannot write $O/dir: it is a directory" ;;
		esac
	done
	[ -L "$O/link" ] || problem "the symbolic link was replaced"
	[ -p "$O/fifo" ] || problem "the FIFO was replaced"
	printf 'keep\n' >"$tmp/keep"
	want_same "$tmp/keep" "$O/target" "the link's target"
	gm_raw -r "$reg" --on 2024-06-01 history --chart "$O/link"
	want_rc 2
	want_grep "$err" "refusing to replace $O/link: it is a symbolic link"
	# a device: a private null device (never /dev/null itself: a
	# binary with the bug would replace it for the whole machine), so
	# only as root
	if [ "$(id -u)" = 0 ] && mknod -m 666 "$O/null" c 1 3 2>/dev/null; then
		gm_raw -r "$reg" --on 2024-06-01 map --format dot -o "$O/null"
		want_rc 2
		want_grep "$err" "refusing to replace $O/null: it is a device"
		gm_raw -r "$reg" --on 2024-06-01 map --format dot -o "$O/null" --force
		want_rc 0
		[ -c "$O/null" ] || problem "the device was replaced"
	fi
	# --force writes through the link, in place: the link stays
	gm_raw -r "$reg" --on 2024-06-01 map --format dot -o "$O/link" --force
	want_rc 0
	[ -L "$O/link" ] || problem "--force replaced the symbolic link"
	want_grep "$O/target" "digraph govmap {"
	# a file name that forges a message is escaped in it
	nl='
'
	bad="$O/x${nl}govmap: note: forged"
	mkfifo "$bad"
	gm_raw -r "$reg" --on 2024-06-01 map --format dot -o "$bad"
	want_rc 2
	want_grep "$err" 'x\x0Agovmap: note: forged: it is a FIFO'
	[ "$(grep -c . "$err")" = 1 ] || problem "the message is not one line"
	finish

	begin "output: an id typed on the command line is escaped in 'no entity'"
	# an escape and a right-to-left override in the id given: shown as
	# \x1B and \u202E, as every other message shows them
	for cmd in explain blame history rename; do
		if [ "$cmd" = rename ]; then
			set -- rename "$(printf 'a\033[2Jb\342\200\256c')" x-y
		else
			set -- "$cmd" "$(printf 'a\033[2Jb\342\200\256c')"
		fi
		gm_raw -r "$reg" --on 2024-06-01 "$@"
		want_rc 2
		! grep -q "$(printf '\033')" "$err" ||
			problem "$cmd: the escape reached the terminal"
		! grep -q "$(printf '\342\200\256')" "$err" ||
			problem "$cmd: the override reached the terminal"
	done
	finish
fi

echo "1..$n"
if [ "$failed" -gt 0 ]; then
	echo "# $failed of $n hostile-input tests FAILED"
	exit 1
fi
if [ "$todos" -gt 0 ]; then
	echo "# all $n hostile-input tests passed ($todos marked TODO: known bugs)"
else
	echo "# all $n hostile-input tests passed"
fi
exit 0
