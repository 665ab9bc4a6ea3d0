#!/bin/sh
# tests/plugins/run.sh - the plugin tests.
#
#  1. Loader: the fixture plugins of $GOVMAP_FIXTURE_PLUGINS (built from
#     tests/plugins/src/) are copied into a private directory and loaded;
#     each refusal must give its pinned message (tests/plugins/loader/
#     expected-*, with the directory written as DIR).
#  2. Isolation: a crashing and a hanging rule become error findings and
#     the other rules' findings still appear.
#  3. Rules: for every rule of every plugin, tests/plugins/fixtures/
#     <plugin>/<rule>/{fires,silent}/ is a registry (the plugin's _base/
#     with the case's files laid over it; names listed in a case's
#     `remove` file are taken out) and `expected` holds the lines of that
#     rule's findings, paths written as REG.  The evaluation date is
#     2025-01-01 unless the case or the base has an `on` file.
#  4. Every plugin runs over the real registry/ (when it has a manifest)
#     without crashing or timing out.
#
# Environment: GOVMAP_BIN (the binary), GOVMAP_FIXTURE_PLUGINS (the
# directory of fixture .so files), VALGRIND (optional wrapper), and for
# plugin authors (CONTRIBUTING.md, "Adding a region"):
#   BLESS=1    write each rule case's `expected` from what the rule
#              reports now (then read the change with git diff);
#   VERBOSE=1  print every rule case's findings as it runs;
#   ONLY=P     run only plugin P's rule cases (with the loader tests).
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${GOVMAP_BIN:?set GOVMAP_BIN to the govmap binary}
fx=${GOVMAP_FIXTURE_PLUGINS:?set GOVMAP_FIXTURE_PLUGINS}
vg=${VALGRIND:-}
bless=${BLESS:-}
verbose=${VERBOSE:-}
only=${ONLY:-}
# A crash must reach the host as a signal, not as a sanitizer report.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0:detect_leaks=0"
pass=0
fail=0
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $1"
	[ -n "${2:-}" ] && [ -f "$2" ] && sed 's/^/    /' "$2" | head -40
}

# expect_lines NAME EXPECTED_FILE ACTUAL_FILE: every expected line occurs.
expect_lines() {
	missing=""
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		grep -qxF -- "$line" "$3" || missing="$missing
    missing: $line"
	done < "$2"
	if [ -z "$missing" ]; then ok; else
		bad "$1$missing" "$3"; fi
}

# ---- 1. loader -------------------------------------------------------
D="$tmp/plugins"
mkdir "$D" && chmod 755 "$D"
cp "$fx"/*.so "$D"/
chmod 644 "$D"/*.so
rm -f "$D/fixture-hang.so"          # run separately below
rm -f "$D/fixture-init-crash.so"    # likewise: it takes govmap down
rm -f "$D/fixture-init-hang.so"     # likewise: it stops govmap
printf 'not an ELF file\n' > "$D/fixture-garbage.so"
# a file name with a terminal escape: escaped wherever it is quoted
printf 'not an ELF file\n' > "$D/fixture-garbage-$(printf '\033')[2J.so"
$vg "$bin" --plugin-path "$D" plugins > "$tmp/out" 2> "$tmp/err"
rc=$?
sed "s#$D#DIR#g" "$tmp/err" > "$tmp/err.d"
expect_lines "loader messages" "$here/loader/expected-refusals" "$tmp/err.d"
[ $rc = 1 ] && ok || bad "govmap plugins with refusals must exit 1, got $rc"
grep -q '^fixture-good 1.0$' "$tmp/out" && ok ||
	bad "fixture-good not listed as loaded" "$tmp/out"

# a directory name with a terminal escape: `plugins` lists it escaped
E="$tmp/dir-$(printf '\033')[2J"
mkdir "$E" && chmod 755 "$E" && cp "$fx/fixture-good.so" "$E/" &&
	chmod 644 "$E/fixture-good.so"
$vg "$bin" --plugin-path "$E" plugins > "$tmp/out" 2> /dev/null
grep -qxF "  $tmp/dir-\x1B[2J (--plugin-path)" "$tmp/out" &&
	grep -qxF "  path        $tmp/dir-\x1B[2J/fixture-good.so" "$tmp/out" &&
	! grep -q "$(printf '\033')" "$tmp/out" && ok ||
	bad "plugins must list a path with an escape escaped" "$tmp/out"

# a plugin whose init() crashes takes govmap down (it runs in govmap's
# own process), but names itself first
C="$tmp/init-crash"
mkdir "$C" && chmod 755 "$C" && cp "$fx/fixture-init-crash.so" "$C/" &&
	chmod 644 "$C/fixture-init-crash.so"
$vg "$bin" --plugin-path "$C" plugins > /dev/null 2> "$tmp/err"
rc=$?
grep -qxF "govmap: error: plugin $C/fixture-init-crash.so crashed while loading (its constructors, entry function or init() run in govmap's own process); move it out of the plugin path, or fix it" "$tmp/err" &&
	[ $rc -ne 0 ] && ok ||
	bad "a plugin crashing in init() must be named (exit $rc)" "$tmp/err"

# a plugin whose init() never returns: past the rules' time limit govmap
# names it and stops, rather than wait for ever
H="$tmp/init-hang"
mkdir "$H" && chmod 755 "$H" && cp "$fx/fixture-init-hang.so" "$H/" &&
	chmod 644 "$H/fixture-init-hang.so"
GOVMAP_RULE_TIMEOUT=1 timeout 60 $vg "$bin" --plugin-path "$H" plugins \
	> /dev/null 2> "$tmp/err"
rc=$?
grep -qxF "govmap: error: plugin $H/fixture-init-hang.so did not finish loading within 1 second (its constructors, entry function or init() run in govmap's own process, and cannot be stopped on their own); move it out of the plugin path, or fix it" "$tmp/err" &&
	[ $rc -ne 0 ] && [ $rc -ne 124 ] && ok ||
	bad "a plugin hanging in init() must be named and stopped (exit $rc)" "$tmp/err"

# a --plugin-path that is not a directory: said, not passed in silence
$vg "$bin" --plugin-path "$tmp/no-such-dir" plugins > /dev/null 2> "$tmp/err"
rc=$?
grep -qxF "$tmp/no-such-dir: warning: --plugin-path: no such directory, so no plugins are loaded from it; give the directory that holds the .so files" "$tmp/err" &&
	[ $rc = 1 ] && ok ||
	bad "a missing --plugin-path must be reported (exit 1, got $rc)" "$tmp/err"
$vg "$bin" --plugin-path "$D/fixture-good.so" plugins > /dev/null 2> "$tmp/err"
grep -qF "$D/fixture-good.so: warning: --plugin-path: not a directory" "$tmp/err" &&
	ok || bad "a --plugin-path that is a file must be reported" "$tmp/err"

# group- or world-writable directory and file
W="$tmp/writable"
mkdir "$W" && cp "$fx/fixture-good.so" "$W/" && chmod 757 "$W"
$vg "$bin" --plugin-path "$W" plugins > /dev/null 2> "$tmp/err"
sed "s#$W#DIR#g" "$tmp/err" > "$tmp/err.d"
expect_lines "world-writable directory" "$here/loader/expected-writable-dir" \
	"$tmp/err.d"
chmod 755 "$W" && chmod 664 "$W/fixture-good.so"
$vg "$bin" --plugin-path "$W" plugins > /dev/null 2> "$tmp/err"
sed "s#$W#DIR#g" "$tmp/err" > "$tmp/err.d"
expect_lines "group-writable file" "$here/loader/expected-writable-file" \
	"$tmp/err.d"

# a plugin the manifest needs is missing
$vg "$bin" --plugin-path "$D" -r "$here/loader/missing" check \
	> /dev/null 2> "$tmp/err"
rc=$?
sed -e "s#$D#DIR#g" -e "s#$(dirname "$bin")#BUILD#g" \
	-e "s#$here/loader/missing#MISSING#g" "$tmp/err" \
	> "$tmp/err.d"
expect_lines "missing plugin" "$here/loader/expected-missing" "$tmp/err.d"
[ $rc = 1 ] && ok || bad "a missing plugin must make check exit 1, got $rc"

# ---- 2. isolation ----------------------------------------------------
cp "$fx/fixture-hang.so" "$D/" && chmod 644 "$D/fixture-hang.so"
GOVMAP_RULE_TIMEOUT=1 $vg "$bin" --plugin-path "$D" \
	-r "$here/loader/registry" --on 2025-01-01 check \
	> /dev/null 2> "$tmp/err"
rc=$?
sed -e "s#$D#DIR#g" -e "s#$here/loader/registry#REG#g" \
	-e "s#^tests/plugins/loader/registry#REG#" "$tmp/err" > "$tmp/err.d"
expect_lines "crash and hang" "$here/loader/expected-isolation" "$tmp/err.d"
# fixture-hostile-report: each finding one line, its text escaped, a
# missing message or entity index said, a long one cut between characters
expect_lines "careless findings" "$here/loader/expected-hostile-report" \
	"$tmp/err.d"
# fixture-stderr: what a rule writes to standard error is shown escaped,
# as warnings about the plugin, the first five lines
expect_lines "a rule's standard error" "$here/loader/expected-stderr" \
	"$tmp/err.d"
grep -q "$(printf '\033')" "$tmp/err" &&
	bad "a rule's standard error must reach the terminal escaped" "$tmp/err" || ok
long=$(grep -F '[fixture-hostile-report/long] x' "$tmp/err.d")
case $long in
*"$(printf '\303\251')") ok ;;
*) bad "a long finding must be cut after a whole 'é'" "$tmp/err.d" ;;
esac
[ "$(printf '%s' "${long#*] x}" | wc -c)" -le 999 ] && ok ||
	bad "a long finding must be cut at 1,000 bytes" "$tmp/err.d"
[ $rc = 1 ] && ok || bad "a crashed rule must make check exit 1, got $rc"

# ---- 2b. the SDK accessors (fixture-sdk) ------------------------------
# `check` runs the rules without an analysis (no scores); `explain` after
# it, so score() answers with the chain's first step.
S="$tmp/sdk"
mkdir "$S" && chmod 755 "$S"
cp "$fx/fixture-sdk.so" "$S/" && chmod 644 "$S/fixture-sdk.so"
$vg "$bin" --plugin-path "$S" -r "$here/loader/sdk-registry" \
	--on 2025-01-01 check > /dev/null 2> "$tmp/err"
rc=$?
sed -e "s#$here/loader/sdk-registry#REG#g" \
	-e "s#^tests/plugins/loader/sdk-registry#REG#" "$tmp/err" > "$tmp/err.d"
expect_lines "SDK accessors, no analysis" "$here/loader/expected-sdk-check" \
	"$tmp/err.d"
[ $rc = 0 ] && ok || bad "check with fixture-sdk must exit 0, got $rc" \
	"$tmp/err"
$vg "$bin" --plugin-path "$S" -r "$here/loader/sdk-registry" \
	--on 2031-01-01 explain sdk-quango > "$tmp/out" 2> "$tmp/err"
expect_lines "SDK accessors, with scores" \
	"$here/loader/expected-sdk-explain" "$tmp/out"
grep -q 'an accessor answered out of range' "$tmp/out" "$tmp/err.d" &&
	bad "SDK accessors out of range" "$tmp/out" || ok

# ---- 2c. time-bound types (govmap_plugin.time_bound_types) -----------
# fixture-time-bound's two types need valid.from: exactly the two undated
# entities of those types are errors (a date, or `unknown` with notes, is
# not; nor is a type not listed, nor fixture-time-bound-old's list, which
# its struct_size does not cover).
T="$tmp/time-bound"
mkdir "$T" && chmod 755 "$T"
cp "$fx/fixture-time-bound.so" "$fx/fixture-time-bound-old.so" "$T/" &&
	chmod 644 "$T"/*.so
$vg "$bin" --plugin-path "$T" -r "$here/loader/time-bound" \
	--on 2025-01-01 check > /dev/null 2> "$tmp/err"
rc=$?
sed -e "s#$here/loader/time-bound#REG#g" \
	-e "s#^tests/plugins/loader/time-bound#REG#" "$tmp/err" > "$tmp/err.d"
expect_lines "time-bound types" "$here/loader/expected-time-bound" \
	"$tmp/err.d"
[ "$(grep -c ': error: ' "$tmp/err.d")" = 2 ] && ok ||
	bad "time-bound types: exactly two errors expected" "$tmp/err.d"
[ $rc = 1 ] && ok || bad "undated time-bound entities must make check exit 1, got $rc"

# ---- 3. every rule fires and stays silent ----------------------------
for plugdir in "$here"/fixtures/*/; do
	[ -d "$plugdir" ] || continue
	plugin=$(basename "$plugdir")
	[ -n "$only" ] && [ "$plugin" != "$only" ] && continue
	for ruledir in "$plugdir"*/; do
		rule=$(basename "$ruledir")
		[ "$rule" = _base ] && continue
		for case in fires silent; do
			c="$ruledir$case"
			if [ ! -f "$c/expected" ] && [ -z "$bless" ]; then
				bad "$plugin/$rule/$case: no expected file" \
					"(BLESS=1 writes it)"
				continue
			fi
			R="$tmp/reg-$plugin-$rule-$case"
			mkdir -p "$R"
			[ -d "$plugdir/_base" ] && cp -R "$plugdir/_base/." "$R/"
			cp -R "$c/." "$R/"
			if [ -f "$c/remove" ]; then
				while IFS= read -r f; do
					[ -n "$f" ] && rm -f "$R/$f"
				done < "$c/remove"
			fi
			on=2025-01-01
			[ -f "$plugdir/_base/on" ] && on=$(cat "$plugdir/_base/on")
			[ -f "$c/on" ] && on=$(cat "$c/on")
			rm -f "$R/expected" "$R/remove" "$R/on"
			$vg "$bin" -r "$R" --on "$on" check > /dev/null \
				2> "$tmp/err"
			sed "s#^$R#REG#" "$tmp/err" > "$tmp/err.d"
			if grep -v ': error: \[' "$tmp/err.d" | grep -q ': error: '; then
				bad "$plugin/$rule/$case: the fixture registry has data errors" "$tmp/err.d"
				continue
			fi
			grep -F "[$plugin/$rule]" "$tmp/err.d" > "$tmp/got" || true
			if [ -n "$verbose" ]; then
				echo "== $plugin/$rule/$case (on $on):"
				sed 's/^/    /' "$tmp/got"
			fi
			if [ -n "$bless" ]; then
				cp "$tmp/got" "$c/expected"
				echo "blessed $plugin/$rule/$case/expected" \
					"($(wc -l < "$tmp/got") lines): review" \
					"it with git diff"
				ok
			elif diff -u "$c/expected" "$tmp/got" > "$tmp/diff"; then
				ok
			else
				bad "$plugin/$rule/$case" "$tmp/diff"
			fi
		done
	done
done

# every rule of every plugin has fixtures
"$bin" rules 2> /dev/null | grep -E '^[a-z0-9-]+/[a-z0-9-]+  ' |
	awk '{print $1}' | grep -v '^core/' > "$tmp/rules"
while IFS= read -r r; do
	[ -f "$here/fixtures/$r/fires/expected" ] &&
		[ -f "$here/fixtures/$r/silent/expected" ] && ok ||
		bad "rule $r has no fires/silent fixtures"
done < "$tmp/rules"

# ---- 4. the real registry --------------------------------------------
top=$(cd "$here/../.." && pwd)
if [ -f "$top/registry/govmap.yaml" ]; then
	$vg "$bin" -r "$top/registry" check > /dev/null 2> "$tmp/err"
	rc=$?
	if grep -qE 'crashed \(signal|timed out after|exited early' "$tmp/err" ||
		[ $rc -gt 1 ]; then
		bad "plugins over registry/ (exit $rc)" "$tmp/err"
	else
		ok
	fi
fi

echo "plugins: $pass passed, $fail failed"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
