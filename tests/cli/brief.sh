#!/bin/sh
# tests/cli/brief.sh - `govmap brief` written as HTML and PDF, which hold a
# Graphviz layout and cannot be pinned byte for byte (the case files
# tests/cli/cases/brief-*.t pin the help and the errors):
#
#   - HTML of tests/fixtures/analysis/collapse: the page's structure (the
#     heading, the sections, the map as a data: URL image, the CSP), and
#     the hostile fixture's registry text escaped, no script;
#   - PDF: the signature, at most two A4 pages (pdfinfo), and no text
#     under 8 pt: pdftotext -bbox gives each word's box, whose height is
#     the font's ascent plus descent, 1.164 em for DejaVu Sans (what
#     fontconfig gives for the map's Helvetica and the brief's text), so
#     a word under 8 pt is under 9.31 pt high;
#   - -o onto a symbolic link is refused (exit 2), as for `map`.
#
#   GOVMAP_BIN=/abs/build/govmap VALGRIND="..." sh tests/cli/brief.sh
#
# Prints `ok - NAME` or `not ok - NAME` per check (run.sh numbers them);
# exits 1 if any check failed.  Needs pdfinfo and pdftotext
# (poppler-utils, which make deps installs).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
GOVMAP_BIN=${GOVMAP_BIN:-$root/build/govmap}
VALGRIND=${VALGRIND:-}
cd "$root" || exit 2
unset GOVMAP_REGISTRY GOVMAP_PLUGIN_PATH
LC_ALL=C
NO_COLOR=1
export LC_ALL NO_COLOR
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-brief.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
failed=0
ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failed=1; }
gm() { timeout 60 $VALGRIND "$GOVMAP_BIN" "$@"; }

# pdf_ok NAME FILE: %PDF, 1 or 2 A4 pages, every word 8 pt or more
pdf_ok() {
	if ! head -c 5 "$2" | grep -q '^%PDF-'; then
		not_ok "$1: not a PDF"
		return
	fi
	pages=$(pdfinfo "$2" 2>"$tmp/pdfinfo.err" | awk '/^Pages:/ { print $2 }')
	size=$(pdfinfo "$2" 2>/dev/null | awk '/^Page size:/ { print $3 "x" $5 }')
	if [ -z "$pages" ] || [ "$pages" -lt 1 ] || [ "$pages" -gt 2 ]; then
		not_ok "$1: ${pages:-no} pages, not 1 or 2"
		sed 's/^/#   /' "$tmp/pdfinfo.err"
	else
		ok "$1: $pages A4 pages at most"
	fi
	case $size in
	595.27*x841.8*) ok "$1: A4 ($size pt)" ;;
	*) not_ok "$1: page size $size, not A4" ;;
	esac
	pdftotext -bbox "$2" "$tmp/bbox.html" 2>/dev/null
	small=$(sed -n 's/.*yMin="\([0-9.]*\)".*yMax="\([0-9.]*\)">\(.*\)<\/word>.*/\1 \2 \3/p' \
		"$tmp/bbox.html" |
		awk '{ h = $2 - $1; n++; if (h < min || n == 1) { min = h; w = $3 } }
			END { if (n == 0) print "none"; else if (min < 9.31) printf "%.2f %s\n", min / 1.164, w }')
	words=$(grep -c '<word ' "$tmp/bbox.html")
	if [ "$small" = none ]; then
		not_ok "$1: no text found"
	elif [ -n "$small" ]; then
		not_ok "$1: text under 8 pt (${small% *} pt: '${small#* }')"
	else
		ok "$1: all $words words 8 pt or more"
	fi
}

fix=tests/fixtures/analysis/collapse
if gm -r $fix --on 2024-06-01 brief --region england/testshire -o "$tmp/b.html" 2>"$tmp/err"; then
	ok "brief --region england/testshire -o b.html exits 0"
else
	not_ok "brief -o b.html exits 0"
	sed 's/^/#   /' "$tmp/err"
fi
for want in '^<!DOCTYPE html>' '<h1>Area brief: Testshire</h1>' \
	'<h2>In brief</h2>' '<h2>Map: the ' '<img style="width: [0-9]*pt" alt="' \
	'src="data:image/svg+xml;base64,' '<h2>The [0-9] largest deficits</h2>' \
	'<h2>Coverage</h2>' '<h2>Questions to ask</h2>' \
	'<section class="page2">' "default-src 'none'" '@page { size: A4'; do
	if grep -q "$want" "$tmp/b.html"; then ok "brief HTML has $want"
	else not_ok "brief HTML has $want"; fi
done
if grep -qi '<script\|https\?://[^"]*\.js\|<link ' "$tmp/b.html"; then
	not_ok "brief HTML loads or runs nothing"
else
	ok "brief HTML loads or runs nothing"
fi
[ -s "$tmp/err" ] && { not_ok "brief HTML: nothing on stderr"; sed 's/^/#   /' "$tmp/err"; } ||
	ok "brief HTML: nothing on stderr"

# format from --format, to standard output; the same bytes twice
gm -r $fix --on 2024-06-01 brief --region testshire --format html >"$tmp/c.html" 2>"$tmp/err"
if cmp -s "$tmp/b.html" "$tmp/c.html"; then
	ok "brief by the last part of the region, to stdout, gives the same page"
else
	not_ok "brief by the last part of the region, to stdout, gives the same page"
	sed 's/^/#   /' "$tmp/err"
fi

# hostile registry text is escaped
if gm -r tests/fixtures/analysis/hostile brief --region england -o "$tmp/h.html" 2>"$tmp/err" &&
	! grep -qi '<script\|javascript:\|onerror=' "$tmp/h.html" && grep -q '&lt;' "$tmp/h.html"; then
	ok "hostile fixture: brief HTML escapes registry text"
else
	not_ok "hostile fixture: brief HTML escapes registry text"
	sed 's/^/#   /' "$tmp/err"
	grep -i 'script\|javascript' "$tmp/h.html" | head -n 3 | sed 's/^/#   /'
fi

# PDF
if gm -r $fix --on 2024-06-01 brief --region england/testshire -o "$tmp/b.pdf" 2>"$tmp/err"; then
	ok "brief -o b.pdf exits 0"
	pdf_ok "fixture brief PDF" "$tmp/b.pdf"
else
	not_ok "brief -o b.pdf exits 0"
	sed 's/^/#   /' "$tmp/err"
fi
if gm -r tests/fixtures/analysis/hostile brief --region england --format pdf -o "$tmp/h.pdf" 2>"$tmp/err"; then
	pdf_ok "hostile fixture brief PDF" "$tmp/h.pdf"
else
	not_ok "hostile fixture: brief --format pdf exits 0"
	sed 's/^/#   /' "$tmp/err"
fi

# -o onto a symbolic link: refused, the link left alone
echo keep >"$tmp/target"
ln -s "$tmp/target" "$tmp/link.pdf"
gm -r $fix --on 2024-06-01 brief --region england/testshire -o "$tmp/link.pdf" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ -L "$tmp/link.pdf" ] && [ "$(cat "$tmp/target")" = keep ]; then
	ok "brief -o onto a symbolic link is refused (exit 2)"
else
	not_ok "brief -o onto a symbolic link is refused (exit $rc)"
	sed 's/^/#   /' "$tmp/err"
fi
exit $failed
