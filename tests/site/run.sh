#!/bin/sh
# tests/site/run.sh - tests of `govmap site` (make check-site).
#
#   1. core/site/site_assets.c matches core/site/site_assets/ (embed.sh)
#   2. the escaping and URL checks (test_site_html.c, TAP)
#   3. the command: refuses the registry directory, a foreign non-empty
#      directory and a symbolic link (without --force), removes stale
#      pages, writes every file; an interrupted (SIGINT, SIGTERM) or
#      failed (full disk) build keeps the previous site
#   4. the browser tests (site.test.mjs) in headless /usr/bin/chromium
#      through the playwright-core pinned in package-lock.json, installed
#      with `npm ci` into $SITE_TEST_DIR/npm (never a browser download)
#
# The fixture is tests/fixtures/site (hostile names included), on a fixed
# date, with then-and-now pages since 2019-01-01.  Artefacts (screenshots, a PDF, the site) go to $SITE_TEST_DIR,
# default build/site-test.
#   GOVMAP_BIN  the binary (default build/govmap)
#   CHROMIUM    the browser (default /usr/bin/chromium)
#   SITE_ONLY   a regular expression: run only the browser tests it matches
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
BIN=${GOVMAP_BIN:-$top/build/govmap}
OUT=${SITE_TEST_DIR:-$top/build/site-test}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CC=${CC:-cc}
FIX=$top/tests/fixtures/site
ON=2025-01-01
start=$(date +%s)

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { # check DESCRIPTION COMMAND...
	d=$1
	shift
	if "$@" >"$OUT/last.log" 2>&1; then ok "$d"; else
		not_ok "$d"
		sed 's/^/#   /' "$OUT/last.log"
	fi
}

mkdir -p "$OUT"

# 1. the embedded assets are up to date
sh "$top/core/site/site_assets/embed.sh" >"$OUT/site_assets.c"
if cmp -s "$OUT/site_assets.c" "$top/core/site/site_assets.c"; then
	ok "core/site/site_assets.c is up to date"
else
	not_ok "core/site/site_assets.c is out of date: run 'sh core/site/site_assets/embed.sh > core/site/site_assets.c'"
fi

# 2. escaping and URL checks, in C
if $CC -std=c11 -Wall -Wextra -Werror -I"$top/core/site" -I"$top/core/cli" \
	-I"$top/core/include" -o "$OUT/test-site-html" \
	"$here/test_site_html.c" "$top/core/site/site_html.c" \
	"$top/core/src/escape.c" \
	>"$OUT/last.log" 2>&1 && "$OUT/test-site-html" >"$OUT/html.tap" 2>&1; then
	ok "escaping and URL checks ($(grep -c '^ok' "$OUT/html.tap") checks)"
else
	not_ok "escaping and URL checks"
	sed 's/^/#   /' "$OUT/last.log" "$OUT/html.tap" | grep -v '^#   ok'
fi

# 3. the command
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-site.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cp -R "$FIX" "$tmp/reg"
refuses() { # refuses EXPECTED-TEXT ARGS...
	want=$1
	shift
	"$BIN" -r "$tmp/reg" --on $ON site "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 2 ] && grep -q "$want" "$tmp/err"; then return 0; fi
	echo "exit $rc"; cat "$tmp/out" "$tmp/err"
	return 1
}
check "--since with a date written another way says what was meant" \
	refuses "site: --since: '1/7/2022' is not a date: write YYYY-MM-DD (did you mean 2022-07-01?)" --since 1/7/2022 -o "$tmp/out-since"
check "refuses to write into the registry directory" \
	refuses "refusing to write into the registry" -o "$tmp/reg"
check "refuses a new directory inside the registry (none created)" \
	sh -c "$(cat <<'EOF'
"$0" -r "$1/reg" --on 2025-01-01 site -o "$1/reg/new/site" 2>"$1/err"
[ $? -eq 2 ] && grep -q "refusing to write into the registry" "$1/err" && [ ! -e "$1/reg/new" ]
EOF
)" "$BIN" "$tmp"
check "a start known only as 'no later than' is named on the body page before that day" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/analysis/bounded" --on 2024-03-31 site -o "$1/bounded" >/dev/null
grep -q "its start date is not known; it began no later than 2024-04-01" "$1/bounded/bodies/test-governors.html"
! grep -q "dates are not recorded" "$1/bounded/bodies/test-governors.html"
"$0" -r "$2/tests/fixtures/analysis/bounded" --on 2024-04-01 site -o "$1/bounded" >/dev/null
! grep -q "Not in force on" "$1/bounded/bodies/test-governors.html"
EOF
)" "$BIN" "$tmp" "$top"
check "a year with no figures: the headline names the years that have them, not counted" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/analysis/honest" --on 2020-01-01 site -o "$1/years" >/dev/null
grep -q '<p class="note years">Money for other years: 2 of the 4 bodies with no figure for 2019/20 have one for another year; most figures are for 2024/25 (2 bodies), then 2023/24 (1)\. Those figures are not counted here: this page shows money for 2019/20 only' "$1/years/index.html"
grep -q '<p class="note years">Money for other years: 2 of the 4 bodies' "$1/years/regions/england.testshire.html"
"$0" -r "$2/tests/fixtures/analysis/honest" --on 2024-06-01 site -o "$1/years" >/dev/null
! grep -q 'note years' "$1/years/index.html"
EOF
)" "$BIN" "$tmp" "$top"
check "a body with no dates says how it is counted, never 'always'" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 site -o "$1/nodates" >/dev/null
grep -q 'no dates recorded (counted in force on every date)' "$1/nodates/bodies/test-council.html"
! grep -rq '(always)' "$1/nodates"
EOF
)" "$BIN" "$tmp" "$top"
check "maps are drawn without their own legend (the page's key is under each): no hole" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 site -o "$1/nolegend" >/dev/null
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 map --national -o "$1/national.svg"
site=$(grep -o '<svg width="[0-9]*" height="[0-9]*"' "$1/nolegend/index.html" | head -n 1 | sed 's/.*height="\([0-9]*\)"/\1/')
alone=$(grep -o '<svg width="[0-9]*pt" height="[0-9]*pt"' "$1/national.svg" | sed 's/.*height="\([0-9]*\)pt"/\1/')
echo "site map $site pt high, the map with its legend $alone pt"
[ -n "$site" ] && [ -n "$alone" ] && [ "$site" -lt "$alone" ]
! grep -q '<title>legend</title>' "$1/nolegend/index.html"
EOF
)" "$BIN" "$tmp" "$top"
check "the key under a map names what it draws: cut corners (money not recorded) and a plugin's border colour, by its type" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/analysis/brief-types" site -o "$1/key" >/dev/null
page="$1/key/regions/england.testshire.html"
grep -q '<li class="legend-cut"><svg .*</svg> cut corners: money not recorded for this year (unknown, not zero)</li>' "$page"
grep -q '<li class="legend-border"><svg .*stroke="#238b45".*</svg> border: local Healthwatch</li>' "$page"
# a type of the same plugin that this map does not draw is not named
! grep -q 'border: .*integrated care board' "$page"
# every box of Cwm Prawf's map has its money: no cut corners in its key
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 site -o "$1/key2" >/dev/null
grep -q 'Key to this map' "$1/key2/regions/wales.cwm-prawf.html"
! grep -q 'legend-cut' "$1/key2/regions/wales.cwm-prawf.html"
grep -q 'legend-cut' "$1/key2/regions/england.testshire.html"
EOF
)" "$BIN" "$tmp" "$top"
check "then and now: each of the two maps is titled with its own side's date" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 site --since 2019-01-01 -o "$1/since" >/dev/null
titles=$(grep -o '<text[^>]*font-size="20.00">[^<]*' "$1/since/changes/england.testshire.html" | sed 's/<text[^>]*>//' | tr '\n' ' ')
echo "$titles"
case $titles in
*"on 2019&#45;01&#45;01: Testshire "*"on 2025&#45;01&#45;01: Testshire "*) ;;
*) exit 1 ;;
esac
EOF
)" "$BIN" "$tmp" "$top"
check "a registry file not read (a .yml file) is warned of, as check does" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/cli/yml" --on 2024-06-01 site --history 0 -o "$1/yml" >/dev/null 2>"$1/yml.err"
grep -qF "tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'" "$1/yml.err"
EOF
)" "$BIN" "$tmp" "$top"
check "then and now: a map too small to print from the browser links its own PDF, of its own date" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 site --since 2019-01-01 -o "$1/since-pdf" >/dev/null
grep -q 'where its smallest text is [0-7]\.[0-9] pt: too small to read easily\. <a href="\.\./changes/england\.testshire\.then-map-a4\.pdf" type="application/pdf">Print it on [0-9]* sheets of A4</a>' "$1/since-pdf/changes/england.testshire.html"
pdfinfo "$1/since-pdf/changes/england.testshire.then-map-a4.pdf" >"$1/since-pdfinfo"
grep -q '^Title: .*on 2019-01-01: Testshire$' "$1/since-pdfinfo"
# --no-pdf: the command draws the map on the then side's date
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 site --since 2019-01-01 --no-pdf -o "$1/since-pdf" >/dev/null
grep -q 'run <code>govmap --on 2019-01-01 map --region england/testshire --paper a4 -o map.pdf</code>' "$1/since-pdf/changes/england.testshire.html"
[ ! -e "$1/since-pdf/changes/england.testshire.then-map-a4.pdf" ]
EOF
)" "$BIN" "$tmp" "$top"
check "a governing board's questions are its body's stages (as explain), not 'no forum can question it'" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/analysis/clean" --on 2024-06-01 site --history 0 -o "$1/board" >/dev/null
grep -q '<li>Its forums can require information, question it and impose consequences: when did each last use those powers over Test Trust Board?</li>' "$1/board/bodies/test-trust-board.html"
! grep -q '<li>No forum can question Test Trust Board' "$1/board/bodies/test-trust-board.html"
EOF
)" "$BIN" "$tmp" "$top"
check "a map whose text would print under 8 pt from the browser says so, and links its PDF on sheets of A4" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 site -o "$1/printnote" >/dev/null
grep -q '<p class="map-help print-help no-print">Printed from the browser, this map is fitted to one landscape A4 page, where its smallest text is [0-7]\.[0-9] pt: too small to read easily\. <a href="map-a4\.pdf" type="application/pdf">Print it on 2 sheets of A4</a> (PDF, [0-9]* kB): a key page with the whole map and the grid of sheets, then each sheet, its text at 8 pt or more, naming the sheets beside it\.</p>' "$1/printnote/index.html"
# the PDF: a key page and the two sheets, A4, titled with the registry and date
pdfinfo "$1/printnote/map-a4.pdf" >"$1/pdfinfo"
grep -q '^Pages: *3$' "$1/pdfinfo"
grep -q '^Page size: *595.* x 841.* (A4)' "$1/pdfinfo"
grep -q '^Title: .*on 2025-01-01: national view$' "$1/pdfinfo"
# the sheets carry the map's key (the page's map has it in HTML)
pdftotext -f 2 "$1/printnote/map-a4.pdf" - | grep -q 'cut corners: money not recorded'
# a small map prints at 8 pt or more from the browser: no note, no PDF
! grep -q 'print-help' "$1/printnote/regions/england.testshire.north-testshire.html"
[ ! -e "$1/printnote/regions/england.testshire.north-testshire.map-a4.pdf" ]
# --no-pdf: the command instead, and a rebuild removes the PDF
"$0" -r "$2/tests/fixtures/site" --on 2025-01-01 site --no-pdf -o "$1/printnote" >/dev/null
grep -q '<p class="map-help print-help no-print">Printed from the browser, this map is fitted to one landscape A4 page, where its smallest text is [0-7]\.[0-9] pt: too small to read easily\. To print it on sheets of A4 with its text at 8 pt or more, after a key page, run <code>govmap --on 2025-01-01 map --national --paper a4 -o map.pdf</code>\.</p>' "$1/printnote/index.html"
[ ! -e "$1/printnote/map-a4.pdf" ]
EOF
)" "$BIN" "$tmp" "$top"
mkdir -p "$tmp/reg/sub" "$tmp/foreign"
ln -s "$tmp/reg/sub" "$tmp/link"
check "refuses a symbolic link without --force" \
	refuses "refusing to replace .*: it is a symbolic link" -o "$tmp/link"
check "refuses a symbolic link into the registry, even with --force" \
	refuses "refusing to write into the registry" -o "$tmp/link" --force
echo keep >"$tmp/foreign/notes.txt"
check "refuses a non-empty directory that is not a govmap site" \
	refuses "is not a govmap site" -o "$tmp/foreign"
check "needs -o" refuses "give the output directory" 
check "a site is written; a rebuild removes stale pages" sh -c "$(cat <<'EOF'
set -e
"$0" -r "$1/reg" --on 2025-01-01 site -o "$1/s" >/dev/null
test -f "$1/s/index.html" -a -f "$1/s/search.json" -a -f "$1/s/assets/site.css"
test -f "$1/s/bodies/test-trust.html" -a -f "$1/s/regions/england.testshire.html"
test -f "$1/s/rules/core.no-chain.html" -a -f "$1/s/glossary.html"
grep -q "History is not available: .* not inside a Git repository" "$1/s/bodies/test-trust.html"
echo old >"$1/s/bodies/gone.html"
"$0" -r "$1/reg" --on 2025-01-01 site -o "$1/s" >/dev/null
test ! -e "$1/s/bodies/gone.html"
! ls "$1/s" "$1/s"/* | grep -q '\.tmp\.'
EOF
)" "$BIN" "$tmp"

# An interrupted or failed build leaves the previous site as it was and
# no temporary directory; the next build works.  The signal is sent once
# the temporary directory beside the target exists (the embedded
# registry, the biggest at hand, takes seconds to write); a full disk is
# RLIMIT_FSIZE with SIGXFSZ ignored.
check "an interrupted build (SIGINT, SIGTERM) keeps the old site; the rerun works" sh -c "$(cat <<'EOF'
set -u
"$0" -r "$1/reg" --on 2025-01-01 site -o "$1/k" --history 0 >/dev/null || exit 1
(cd "$1/k" && find . -type f | sort | xargs cat) >"$1/before"
for sig in INT TERM; do
	"$0" -r "$2" site -o "$1/k" --history 0 >/dev/null 2>"$1/err" &
	pid=$!
	i=0
	until ls -a "$1" | grep -q '^\.k\.govmap-tmp-'; do
		i=$((i + 1)); [ $i -lt 600 ] || { echo "no temporary directory"; kill $pid; exit 1; }
		sleep 0.05
	done
	kill -$sig $pid
	wait $pid
	rc=$?
	[ $rc -gt 128 ] || { echo "$sig: exit $rc, not killed by the signal"; cat "$1/err"; exit 1; }
	(cd "$1/k" && find . -type f | sort | xargs cat) >"$1/after"
	cmp -s "$1/before" "$1/after" || { echo "$sig: the old site changed"; exit 1; }
	! ls -a "$1" | grep 'govmap-tmp' || { echo "$sig: temporary directory left"; exit 1; }
done
"$0" -r "$1/reg" --on 2025-01-01 site -o "$1/k" --history 0 >/dev/null
EOF
)" "$BIN" "$tmp" "$top/registry"
check "a build that fails on a full disk keeps the old site; the rerun works" sh -c "$(cat <<'EOF'
set -u
"$0" -r "$1/reg" --on 2025-01-01 site -o "$1/f" --history 0 >/dev/null || exit 1
(cd "$1/f" && find . -type f | sort | xargs cat) >"$1/before"
(trap '' XFSZ; ulimit -f 60; exec "$0" -r "$1/reg" --on 2025-06-01 site -o "$1/f" --history 0) >/dev/null 2>"$1/err"
rc=$?
[ $rc -eq 2 ] || { echo "exit $rc, expected 2"; cat "$1/err"; exit 1; }
grep -q "File too large" "$1/err" || { cat "$1/err"; exit 1; }
(cd "$1/f" && find . -type f | sort | xargs cat) >"$1/after"
cmp -s "$1/before" "$1/after" || { echo "the old site changed"; exit 1; }
! ls -a "$1" | grep 'govmap-tmp' || { echo "temporary directory left"; exit 1; }
"$0" -r "$1/reg" --on 2025-01-01 site -o "$1/f" --history 0 >/dev/null
EOF
)" "$BIN" "$tmp"

# 4. the browser tests, on a fresh build of the fixture site
rm -rf "$OUT/site"
if ! "$BIN" -r "$FIX" --on $ON site -o "$OUT/site" --since 2019-01-01 >"$OUT/last.log" 2>&1; then
	not_ok "govmap site on the fixture"
	sed 's/^/#   /' "$OUT/last.log"
elif [ ! -x "$CHROMIUM" ] || ! command -v npm >/dev/null 2>&1; then
	not_ok "browser tests: need $CHROMIUM, node and npm (make deps installs them)"
else
	npmdir=$OUT/npm
	mkdir -p "$npmdir"
	if ! cmp -s "$here/package-lock.json" "$npmdir/package-lock.json" ||
		[ ! -d "$npmdir/node_modules/playwright-core" ]; then
		cp "$here/package.json" "$here/package-lock.json" "$npmdir/"
		(cd "$npmdir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
			npm ci --no-audit --no-fund --ignore-scripts \
			>"$OUT/npm.log" 2>&1) || {
			rm -f "$npmdir/package-lock.json"
			not_ok "npm ci (tests/site/package-lock.json)"
			sed 's/^/#   /' "$OUT/npm.log"
		}
	fi
	spz=$npmdir/node_modules/svg-pan-zoom
	if [ -d "$spz" ]; then
		check "assets/svg-pan-zoom.js and its licence are the pinned npm release's (make site-vendor)" \
			sh -c 'cmp "$0/dist/svg-pan-zoom.js" "$1/core/site/site_assets/svg-pan-zoom.js" &&
				cmp "$0/LICENSE" "$1/core/site/site_assets/svg-pan-zoom.LICENSE" &&
				cmp "$0/dist/svg-pan-zoom.js" "$2/site/assets/svg-pan-zoom.js" &&
				cmp "$0/LICENSE" "$2/site/assets/svg-pan-zoom-LICENSE.txt"' "$spz" "$top" "$OUT"
	fi
	if [ -d "$npmdir/node_modules/playwright-core" ]; then
		SITE_DIR=$OUT/site SITE_TEST_DIR=$OUT SITE_NPM_DIR=$npmdir \
			CHROMIUM=$CHROMIUM node "$here/site.test.mjs" >"$OUT/browser.tap" 2>&1
		rc=$?
		offset=$n
		# renumber the browser tests after ours
		while IFS= read -r line; do
			case $line in
			"ok "*|"not ok "*)
				n=$((n + 1))
				case $line in "not ok "*) failed=$((failed + 1));; esac
				echo "$line" | sed "s/^\(\(not \)\{0,1\}ok\) [0-9]*/\1 $n/";;
			1..*) ;;
			*) echo "$line";;
			esac
		done <"$OUT/browser.tap"
		if [ $rc -ne 0 ] && [ $n -eq $offset ]; then
			not_ok "browser tests did not run (exit $rc)"
		elif [ $rc -ne 0 ] && [ $failed -eq 0 ]; then
			not_ok "browser tests exited $rc"
		fi
	fi
fi

echo "1..$n"
end=$(date +%s)
echo "# site tests: $((n - failed)) of $n passed in $((end - start)) s; artefacts in $OUT"
[ $failed -eq 0 ]
