#!/bin/sh
# tests/cli/run.sh - govmap's command-line tests (POSIX sh, TAP-like output).
#
# Usage, from anywhere (the script changes to the repository root):
#
#   GOVMAP_BIN=/abs/path/build/govmap VALGRIND="..." sh tests/cli/run.sh [NAME...]
#
# GOVMAP_BIN defaults to build/govmap under the repository root.  VALGRIND
# (may be empty) is put in front of every govmap invocation, and every
# invocation runs under `timeout 60`.  With NAME arguments only the tests
# whose name matches one of them (a shell pattern such as 'duplicate-*') run.
#
# It runs, in this order:
#
# a. Every case file tests/cli/cases/*.t.  A case file is made of sections,
#    each introduced by a line of its own:
#
#      --- args     one line: the arguments given to govmap, split on
#                   spaces and tabs; '...' quotes an argument that holds
#                   spaces (no other quoting, no escapes, no expansion).
#      --- exit     the expected exit status (default 0).
#      --- stdout   the exact expected standard output.
#      --- stderr   the exact expected standard error.
#      --- cwd      directory to run in, relative to the repository root
#                   (default: the repository root).
#      --- env      VAR=value lines exported for this run only; a line
#                   -VAR unsets VAR.
#      --- same-stdout-as
#                   one line of arguments, as in args: the standard
#                   output must equal what govmap prints with those
#                   (so one case, help.t, pins the usage text and the
#                   other ways to ask for it compare with `govmap --help`).
#      --- same-stderr-as
#                   the same for standard error: it must equal the
#                   standard output of govmap with those arguments.
#      --- stdout-diff
#                   with same-stdout-as: the standard output must equal
#                   that output changed by this diff (the hunks of
#                   `diff -U0 THAT THIS`, no file header lines), so a
#                   case that differs from another in a few lines pins
#                   only those lines and the rest is still compared.
#
#    Lines before the first section are a free-form description.  A
#    section's text runs up to the next section line or the end of the
#    file, every line included: do not leave blank lines between sections
#    unless the output has them.  A missing stdout or stderr section means
#    that stream is not compared; an empty one means it must be empty.
#    In args, env and in the actual output, the absolute path of the
#    repository root reads @ROOT@ (outputs are rewritten before the
#    comparison, so expected text should say @ROOT@).  The test name is
#    the file name without .t.  GOVMAP_UPDATE (below) rewrites a
#    stdout-diff section rather than adding a stdout one.
#
# b. Every invalid fixture tests/fixtures/invalid/NAME/: a small registry
#    (govmap.yaml + YAML files) beside a file `expected` holding the exact
#    standard error of `govmap -r tests/fixtures/invalid/NAME check`, run
#    from the repository root.  The exit status must be 1, or the number in
#    the optional file `exit`.  Standard output is not compared.
#
# c. Every valid fixture tests/fixtures/valid/NAME/: `govmap -r ... check`
#    must exit 0 and print nothing on standard error (no warnings).
#
# d. tests/cli/git-fixture.sh: --rev against a throwaway Git repository;
#    tests/cli/history-fixture.sh: diff, history, blame, check
#    --changed-since, hook and new against another, with outputs pinned in
#    tests/cli/history/ (its --update rewrites them);
#    tests/cli/history-incremental.sh: every figure `history` prints on a
#    walk equals that commit's loaded alone.
#
# e. tests/cli/map-formats.sh: maps rendered to SVG, PNG and PDF (signatures,
#    escaping of hostile names), which depend on Graphviz and cannot be
#    pinned byte for byte.
#
#    tests/cli/map-print.sh: maps printed on sheets of A4 and A3
#    (map --paper: pages, grid references, text 8 pt or more, every word).
#
# f. tests/cli/brief.sh: the area brief as HTML (its structure, escaping)
#    and PDF (at most two A4 pages, no text under 8 pt).
#
# With GOVMAP_UPDATE=1, a failing case file or invalid fixture is rewritten
# with the actual exit status and outputs (review `git diff` afterwards:
# every change must be one you meant).
#
# Each test prints `ok N - name` or `not ok N - name` followed by `# `
# lines (a unified diff, expected then actual).  The plan `1..N` and a
# summary come last.  Exit status: 0 when every test passed, 1 otherwise,
# 2 when the runner itself cannot start.

set -u

here=$(dirname "$0")
root=$(cd "$here/../.." && pwd -P) || exit 2

# Cases run in other directories: make GOVMAP_BIN absolute first.
GOVMAP_BIN=${GOVMAP_BIN:-$root/build/govmap}
case $GOVMAP_BIN in
/*) ;;
*/*) GOVMAP_BIN=$(pwd)/$GOVMAP_BIN ;;
*) GOVMAP_BIN=$(command -v "$GOVMAP_BIN") || GOVMAP_BIN=/nonexistent ;;
esac
cd "$root" || exit 2
VALGRIND=${VALGRIND:-}
export GOVMAP_BIN VALGRIND

if [ ! -x "$GOVMAP_BIN" ]; then
	echo "run.sh: $GOVMAP_BIN is not an executable (run make first)" >&2
	exit 2
fi
for tool in timeout diff awk patch; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "run.sh: '$tool' is needed and was not found" >&2
		exit 2
	fi
done

# A predictable environment: no registry or plugin path from the caller,
# C messages from strerror(), no colour.
unset GOVMAP_REGISTRY GOVMAP_PLUGIN_PATH CDPATH
LC_ALL=C
NO_COLOR=1
export LC_ALL NO_COLOR

tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

n=0
failed=0

# wanted NAME: is NAME selected by the command-line patterns?
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

pass() {
	n=$((n + 1))
	echo "ok $n - $1"
}

fail() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
}

# note TEXT...: a diagnostic line.
note() {
	echo "# $*"
}

# show_diff LABEL EXPECTED ACTUAL: a unified diff as # lines.
show_diff() {
	note "$1 (--- expected, +++ actual):"
	diff -u "$2" "$3" | sed 's/^/#   /'
}

# unroot IN OUT: replace the repository root with @ROOT@ (no regex).
unroot() {
	ROOT="$root" awk '
	BEGIN { r = ENVIRON["ROOT"]; lr = length(r) }
	{
		s = $0; o = ""
		while (lr && (i = index(s, r)) > 0) {
			o = o substr(s, 1, i - 1) "@ROOT@"
			s = substr(s, i + lr)
		}
		print o s
	}' "$1" >"$2"
}

# split_args LINE > FILE: one argument per line ('...' quoting, @ROOT@).
split_args() {
	ROOT="$root" awk '
	function put(a,   i, o) {
		o = ""
		while ((i = index(a, "@ROOT@")) > 0) {
			o = o substr(a, 1, i - 1) ENVIRON["ROOT"]
			a = substr(a, i + 6)
		}
		print o a
	}
	{
		s = $0; arg = ""; have = 0; q = 0
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (q) {
				if (c == "\047") q = 0; else arg = arg c
				continue
			}
			if (c == "\047") { q = 1; have = 1; continue }
			if (c == " " || c == "\t") {
				if (have) { put(arg); arg = ""; have = 0 }
				continue
			}
			arg = arg c; have = 1
		}
		if (q) {
			print "unterminated quote in args" > "/dev/stderr"
			exit 1
		}
		if (have) put(arg)
		exit
	}'
}

# run_govmap DIR ENVFILE ARGFILE: run govmap in DIR with the arguments in
# ARGFILE (one a line) and the VAR=value lines of ENVFILE (may be "");
# output goes to $tmp/out and $tmp/err, the status to $rc.
run_govmap() {
	(
		argfile=$3
		cd "$1" || exit 125
		if [ -n "$2" ]; then
			while IFS= read -r kv || [ -n "$kv" ]; do
				case $kv in
				'') ;;
				-*) unset "${kv#-}" ;;
				*=*)
					val=${kv#*=}
					while :; do
						case $val in
						*@ROOT@*)
							val=${val%%@ROOT@*}$root${val#*@ROOT@} ;;
						*) break ;;
						esac
					done
					export "${kv%%=*}=$val" ;;
				*) echo "run.sh: bad env line '$kv'" >&2; exit 125 ;;
				esac
			done <"$2"
		fi
		set --
		while IFS= read -r a; do
			set -- "$@" "$a"
		done <"$argfile"
		# shellcheck disable=SC2086
		exec timeout 60 $VALGRIND "$GOVMAP_BIN" "$@"
	) >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
}

# --- a. case files -------------------------------------------------------

for t in tests/cli/cases/*.t; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .t)
	wanted "$name" || continue
	c="$tmp/case"
	rm -rf "$c"
	mkdir "$c"
	if ! awk -v dir="$c" '
	/^--- [a-z-]+$/ {
		sec = substr($0, 5)
		if (sec !~ /^(args|exit|stdout|stderr|cwd|env|same-stdout-as|same-stderr-as|stdout-diff)$/) {
			print FILENAME ":" FNR ": unknown section '" sec "'" \
				> "/dev/stderr"
			bad = 1
		}
		f = dir "/" sec
		printf "" > f
		next
	}
	sec != "" { print > f }
	END { exit bad }' "$t"; then
		fail "$name (malformed case file)"
		continue
	fi
	if [ ! -f "$c/args" ]; then
		fail "$name (no --- args section)"
		continue
	fi
	if ! split_args <"$c/args" >"$c/argv"; then
		fail "$name (bad args)"
		continue
	fi
	want_rc=0
	[ -f "$c/exit" ] && want_rc=$(sed -n '1{s/[^0-9]//g;p;}' "$c/exit")
	dir=$root
	if [ -f "$c/cwd" ]; then
		sub=$(sed -n 1p "$c/cwd")
		[ -n "$sub" ] && dir=$root/$sub
	fi
	envf=""
	[ -f "$c/env" ] && envf=$c/env
	for s in stdout stderr; do
		# the expected stream is what govmap prints on stdout for the
		# arguments of same-STREAM-as
		[ -f "$c/same-$s-as" ] || continue
		if ! split_args <"$c/same-$s-as" >"$c/argv-as"; then
			fail "$name (bad same-$s-as)"
			continue 2
		fi
		run_govmap "$dir" "$envf" "$c/argv-as"
		unroot "$tmp/out" "$c/$s"
		if [ ! -s "$c/$s" ]; then
			fail "$name (same-$s-as printed nothing)"
			continue 2
		fi
	done
	if [ -f "$c/stdout-diff" ]; then
		# the other case's output, changed by the diff
		if [ ! -f "$c/same-stdout-as" ]; then
			fail "$name (stdout-diff without same-stdout-as)"
			continue
		fi
		cp "$c/stdout" "$c/stdout-base"
		if ! patch -s -f -o "$c/stdout-patched" "$c/stdout-base" \
			<"$c/stdout-diff" >"$c/patch.out" 2>&1; then
			if [ "${GOVMAP_UPDATE:-}" != 1 ]; then
				fail "$name (its stdout-diff does not apply)"
				sed 's/^/#   /' "$c/patch.out"
				continue
			fi
			: >"$c/stdout-patched" # rewritten below
		fi
		mv "$c/stdout-patched" "$c/stdout"
	fi
	run_govmap "$dir" "$envf" "$c/argv"
	ok=1
	msgs=""
	if [ "$rc" != "$want_rc" ]; then
		ok=0
		msgs="exit status $rc, expected $want_rc"
	fi
	for s in stdout stderr; do
		[ -f "$c/$s" ] || continue
		if [ "$s" = stdout ]; then f=$tmp/out; else f=$tmp/err; fi
		unroot "$f" "$c/actual-$s"
		if ! cmp -s "$c/$s" "$c/actual-$s"; then
			ok=0
			msgs="$msgs${msgs:+; }$s differs"
		fi
	done
	if [ "$ok" = 0 ] && [ "${GOVMAP_UPDATE:-}" = 1 ]; then
		# rewrite the exit, stdout (or stdout-diff) and stderr
		# sections in place
		[ -f "$c/stdout-diff" ] &&
			diff -U0 "$c/stdout-base" "$c/actual-stdout" |
			sed 1,2d >"$c/actual-diff"
		awk -v dir="$c" -v rc="$rc" '
		function dump(f,   line) {
			while ((getline line < f) > 0)
				print line
			close(f)
		}
		/^--- [a-z-]+$/ {
			sec = substr($0, 5)
			print
			skip = 0
			if (sec == "exit") { print rc; skip = 1 }
			else if (sec == "stdout") { dump(dir "/actual-stdout"); skip = 1 }
			else if (sec == "stdout-diff") { dump(dir "/actual-diff"); skip = 1 }
			else if (sec == "stderr") { dump(dir "/actual-stderr"); skip = 1 }
			next
		}
		!skip { print }' "$t" >"$tmp/updated" && cat "$tmp/updated" >"$t"
		note "$t: updated ($msgs)"
		ok=1
	fi
	if [ "$ok" = 1 ]; then
		pass "$name"
	else
		fail "$name"
		note "$t: $msgs"
		for s in stdout stderr; do
			[ -f "$c/$s" ] || continue
			cmp -s "$c/$s" "$c/actual-$s" ||
				show_diff "$s" "$c/$s" "$c/actual-$s"
		done
		if [ "$rc" != "$want_rc" ] && [ ! -f "$c/stderr" ] &&
			[ -s "$tmp/err" ]; then
			note "stderr was:"
			sed 's/^/#   /' "$tmp/err"
		fi
	fi
done

# --- README's command list is `govmap --help` ------------------------------

if wanted readme-help; then
	awk '/^## Commands$/ { on = 1; next }
	     on && /^```$/ { if (inblock) exit; inblock = 1; next }
	     inblock { print }' README.md >"$tmp/readme-usage"
	"$GOVMAP_BIN" --help >"$tmp/usage" 2>&1
	if [ -s "$tmp/readme-usage" ] && cmp -s "$tmp/readme-usage" "$tmp/usage"; then
		pass "readme-help: README.md's command list is govmap --help"
	else
		fail "readme-help: README.md's command list is govmap --help"
		show_diff "README.md (Commands)" "$tmp/readme-usage" "$tmp/usage"
	fi
fi

# --- b. invalid fixtures ---------------------------------------------------

for d in tests/fixtures/invalid/*/; do
	d=${d%/}
	[ -d "$d" ] || continue
	name=invalid/$(basename "$d")
	wanted "$name" || wanted "$(basename "$d")" || continue
	if [ ! -f "$d/expected" ]; then
		fail "$name (no 'expected' file)"
		continue
	fi
	want_rc=1
	[ -f "$d/exit" ] && want_rc=$(sed -n '1{s/[^0-9]//g;p;}' "$d/exit")
	printf '%s\n' -r "$d" check >"$tmp/argv"
	run_govmap "$root" "" "$tmp/argv"
	unroot "$tmp/err" "$tmp/err.u"
	if [ "$rc" = "$want_rc" ] && cmp -s "$d/expected" "$tmp/err.u"; then
		pass "$name"
	elif [ "${GOVMAP_UPDATE:-}" = 1 ]; then
		cp "$tmp/err.u" "$d/expected"
		if [ "$rc" = 1 ]; then rm -f "$d/exit"; else echo "$rc" >"$d/exit"; fi
		note "$d: updated"
		pass "$name"
	else
		fail "$name"
		[ "$rc" = "$want_rc" ] ||
			note "exit status $rc, expected $want_rc"
		cmp -s "$d/expected" "$tmp/err.u" ||
			show_diff stderr "$d/expected" "$tmp/err.u"
	fi
done

# --- c. valid fixtures -----------------------------------------------------

for d in tests/fixtures/valid/*/; do
	d=${d%/}
	[ -d "$d" ] || continue
	name=valid/$(basename "$d")
	wanted "$name" || wanted "$(basename "$d")" || continue
	printf '%s\n' -r "$d" check >"$tmp/argv"
	run_govmap "$root" "" "$tmp/argv"
	if [ "$rc" = 0 ] && [ ! -s "$tmp/err" ]; then
		pass "$name"
	else
		fail "$name"
		note "exit status $rc (expected 0); stdout and stderr:"
		sed 's/^/#   /' "$tmp/out" "$tmp/err"
	fi
done

# --- d. the Git fixture ----------------------------------------------------

# script NAME FILE: run the sub-script tests/cli/FILE, passing on its
# `ok - ` / `not ok - ` lines as NAME's checks and its other lines as
# they are; a script that checked nothing, or failed without a failing
# check, fails.
script() {
	sh "tests/cli/$2" >"$tmp/$1.out" 2>&1
	src=$?
	seen=0
	before=$failed
	while IFS= read -r line; do
		case $line in
		"ok - "*) seen=1; pass "$1: ${line#ok - }" ;;
		"not ok - "*) seen=1; fail "$1: ${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done <"$tmp/$1.out"
	if [ "$seen" = 0 ] || { [ "$src" != 0 ] && [ "$failed" = "$before" ]; }; then
		fail "$1: $2 exited with status $src"
	fi
}

wanted git && script git git-fixture.sh
wanted history && script history history-fixture.sh
# the walk's figures against each commit loaded alone
wanted history && script incremental history-incremental.sh

# --- e. rendered maps ------------------------------------------------------

wanted map-formats && script map-formats map-formats.sh
wanted map-print && script map-print map-print.sh

# --- f. the area brief, HTML and PDF --------------------------------------

if wanted brief; then
	sh tests/cli/brief.sh >"$tmp/brief.out" 2>&1
	brc=$?
	seen=0
	before=$failed
	while IFS= read -r line; do
		case $line in
		"ok - "*) seen=1; pass "brief: ${line#ok - }" ;;
		"not ok - "*) seen=1; fail "brief: ${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done <"$tmp/brief.out"
	if [ "$seen" = 0 ] || { [ "$brc" != 0 ] && [ "$failed" = "$before" ]; }; then
		fail "brief: brief.sh exited with status $brc"
	fi
fi

echo "1..$n"
if [ "$failed" -gt 0 ]; then
	echo "# $failed of $n CLI tests FAILED"
	exit 1
fi
echo "# all $n CLI tests passed"
exit 0
