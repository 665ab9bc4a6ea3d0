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
. "$(dirname "$0")/script-lib.sh"
script_setup brief
gm() { timeout 60 $VALGRIND "$GOVMAP_BIN" "$@"; }

# pdf_ok NAME FILE: %PDF, 1 or 2 A4 pages, every word 8 pt or more
pdf_ok() {
	if ! head -c 5 "$2" | grep -q '^%PDF-'; then
		fail "$1: not a PDF"
		return
	fi
	pages=$(pdfinfo "$2" 2>"$tmp/pdfinfo.err" | awk '/^Pages:/ { print $2 }')
	size=$(pdfinfo "$2" 2>/dev/null | awk '/^Page size:/ { print $3 "x" $5 }')
	if [ -z "$pages" ] || [ "$pages" -lt 1 ] || [ "$pages" -gt 2 ]; then
		fail "$1: ${pages:-no} pages, not 1 or 2"
		sed 's/^/#   /' "$tmp/pdfinfo.err"
	else
		pass "$1: $pages A4 pages at most"
	fi
	case $size in
	595.27*x841.8*) pass "$1: A4 ($size pt)" ;;
	*) fail "$1: page size $size, not A4" ;;
	esac
	pdf_words_ok "$1" "$2"
}

fix=tests/fixtures/analysis/collapse
if gm -r $fix --on 2024-06-01 brief --region england/testshire -o "$tmp/b.html" 2>"$tmp/err"; then
	pass "brief --region england/testshire -o b.html exits 0"
else
	fail "brief -o b.html exits 0"
	sed 's/^/#   /' "$tmp/err"
fi
for want in '^<!DOCTYPE html>' '<h1>Area brief: Testshire</h1>' \
	'<h2>In brief</h2>' '<h2>Map: the ' '<img style="width: [0-9]*pt" alt="' \
	'src="data:image/svg+xml;base64,' '<h2>The [0-9] largest deficits' \
	'<h2>Coverage</h2>' '<h2>Questions to ask</h2>' \
	'<section class="page2">' "default-src 'none'" '@page { size: A4'; do
	if grep -q "$want" "$tmp/b.html"; then pass "brief HTML has $want"
	else fail "brief HTML has $want"; fi
done
if grep -qi '<script\|https\?://[^"]*\.js\|<link ' "$tmp/b.html"; then
	fail "brief HTML loads or runs nothing"
else
	pass "brief HTML loads or runs nothing"
fi
[ -s "$tmp/err" ] && { fail "brief HTML: nothing on stderr"; sed 's/^/#   /' "$tmp/err"; } ||
	pass "brief HTML: nothing on stderr"

# a date whose year has no figures: the brief says where the money is
# recorded (other years), and that it is not counted as this year's
gm -r tests/fixtures/analysis/honest --on 2020-01-01 brief \
	--region england/testshire --format html >"$tmp/y.html" 2>"$tmp/err"
for want in 'Money in 2019/20: no money recorded for any of 4 bodies\.' \
	'Money for other years: 2 of the 4 bodies with no figure for 2019/20 have one for another year; most figures are for 2024/25 (2 bodies), then 2023/24 (1); not counted as this year' \
	' 1 body or board has its dates marked unknown and is not counted in force\.'; do
	if grep -q "$want" "$tmp/y.html"; then pass "brief of 2019/20 has '$want'"
	else fail "brief of 2019/20 has '$want'"; fi
done
gm -r tests/fixtures/analysis/honest --on 2024-06-01 brief \
	--region england/testshire --format html >"$tmp/y.html" 2>"$tmp/err"
if grep -q 'Money for other years' "$tmp/y.html"; then
	fail "brief of 2024/25 (figures for the year's bodies): no other years"
else
	pass "brief of 2024/25 (figures for the year's bodies): no other years"
fi

# format from --format, to standard output; the same bytes twice
gm -r $fix --on 2024-06-01 brief --region testshire --format html >"$tmp/c.html" 2>"$tmp/err"
if cmp -s "$tmp/b.html" "$tmp/c.html"; then
	pass "brief by the last part of the region, to stdout, gives the same page"
else
	fail "brief by the last part of the region, to stdout, gives the same page"
	sed 's/^/#   /' "$tmp/err"
fi

# hostile registry text is escaped
if gm -r tests/fixtures/analysis/hostile brief --region england -o "$tmp/h.html" 2>"$tmp/err" &&
	! grep -qi '<script\|javascript:\|onerror=' "$tmp/h.html" && grep -q '&lt;' "$tmp/h.html"; then
	pass "hostile fixture: brief HTML escapes registry text"
else
	fail "hostile fixture: brief HTML escapes registry text"
	sed 's/^/#   /' "$tmp/err"
	grep -i 'script\|javascript' "$tmp/h.html" | head -n 3 | sed 's/^/#   /'
fi

# PDF
if gm -r $fix --on 2024-06-01 brief --region england/testshire -o "$tmp/b.pdf" 2>"$tmp/err"; then
	pass "brief -o b.pdf exits 0"
	pdf_ok "fixture brief PDF" "$tmp/b.pdf"
else
	fail "brief -o b.pdf exits 0"
	sed 's/^/#   /' "$tmp/err"
fi
if gm -r tests/fixtures/analysis/hostile brief --region england --format pdf -o "$tmp/h.pdf" 2>"$tmp/err"; then
	pdf_ok "hostile fixture brief PDF" "$tmp/h.pdf"
else
	fail "hostile fixture: brief --format pdf exits 0"
	sed 's/^/#   /' "$tmp/err"
fi

# The largest deficits are useful to a committee (issue 16): at most two
# bodies of one type, the rest of that type summarised; equal deficits
# ranked by exposure where money is known, unknown money shown as
# unknown (never £0).  tests/fixtures/analysis/brief-types: five local
# Healthwatch (four with D 0.757, one 0.514, money unknown), an agency
# with D 0.757 and £1.0bn (exposure £757m), a partnership with no chain,
# a trust (D 0.19, £200m) and the council (D 0.10).
bt=tests/fixtures/analysis/brief-types
if gm -r $bt --on 2024-06-01 brief --region testshire -o "$tmp/t.html" 2>"$tmp/err"; then
	items=$(sed -n 's/.*<p class="item"><strong>\([0-9]\. [^<]*\)<.*/\1/p' "$tmp/t.html" | tr '\n' '|')
	want='1. Test Partnership|2. Test Agency|3. Test Healthwatch A|4. Test Healthwatch B|5. Test Trust|'
	if [ "$items" = "$want" ]; then
		pass "brief-types: at most two of one type, equal deficits by exposure"
	else
		fail "brief-types: at most two of one type, equal deficits by exposure"
		note "want $want"
		note "got  $items"
	fi
	for want in 'The 5 largest deficits (at most two of one type)' \
		'Not listed here: 2 more local Healthwatch with the same deficit and reason; 1 more local Healthwatch with a smaller deficit or another reason' \
		'Public money: £1.0bn (2024/25 budget); exposure (deficit x money) £757m.' \
		'Test Healthwatch B</strong>: accountability 0.24 (weak), deficit 0.76. Why: statutory; is informed only: no questions, no sanction; 2 links from voters. Public money: unknown; exposure not known.' \
		'<strong>Test Healthwatch A, Test Healthwatch B and 2 more local Healthwatch with the same reason</strong>: Ask which' \
		'and 1 has no chain at all.' \
		'The registry records 7 deficit findings here (0 errors, 7 warnings, 0 for information only), 1 coverage finding (records missing) and 0 data findings' \
		'<strong>Test Partnership</strong>: no forum has any power over it. Ask what it publishes about its decisions and spending, and when; which elected body can call its leaders to answer in public; and who can overturn its decisions, withhold its funds or remove its chair.</li>' \
		'<strong>Test Trust</strong>: the links it answers through carry all three stages, and its chain to voters is strong. When did'; do
		if grep -qF "$want" "$tmp/t.html"; then pass "brief-types HTML has '$want'"
		else fail "brief-types HTML has '$want'"; fi
	done
	# its key is words: no plugin colour (local Healthwatch's green) as
	# a border it cannot name, and every line colour named
	sed -n 's/.*src="data:image\/svg+xml;base64,\([^"]*\)".*/\1/p' "$tmp/t.html" |
		base64 -d >"$tmp/t-map.svg" 2>/dev/null
	if ! grep -q '<svg' "$tmp/t-map.svg" ||
		grep -qi 'stroke="#238b45"' "$tmp/t-map.svg"; then
		fail "brief-types: the map draws no plugin border colour"
	else
		pass "brief-types: the map draws no plugin border colour"
	fi
	if grep -qF 'pink funded by, light blue regulated, inspected or audited by' "$tmp/t.html"; then
		pass "brief-types: the key names the funded-by and regulated-by lines"
	else
		fail "brief-types: the key names the funded-by and regulated-by lines"
	fi
	if sed 's/never £0//g' "$tmp/t.html" | grep -q '£0\b'; then
		fail "brief-types: no £0 for unknown money"
	else
		pass "brief-types: no £0 for unknown money"
	fi
else
	fail "brief-types: brief exits 0"
	sed 's/^/#   /' "$tmp/err"
fi
if gm -r $bt --on 2024-06-01 brief --region testshire -o "$tmp/t.pdf" 2>"$tmp/err"; then
	pdf_ok "brief-types brief PDF" "$tmp/t.pdf"
else
	fail "brief-types: brief --format pdf exits 0"
	sed 's/^/#   /' "$tmp/err"
fi

# A finding's message names bodies by id ("ICB 'test-icb' commissions
# for ... (council-a, council-b)"): the brief gives their names, escaped.
pn=tests/fixtures/cli/plugin-names
if gm -r $pn --on 2024-06-01 brief --region england/test -o "$tmp/pn.html" 2>"$tmp/err"; then
	want='Finding: ICB NHS Test_Shire *ICB* commissions for 2 upper-tier councils&#39; areas (Council A, Council B [borough]): one NHS body'
	if grep -qF "$want" "$tmp/pn.html"; then
		pass "brief: a finding names bodies by name, not id"
	else
		fail "brief: a finding names bodies by name, not id"
		grep -o 'Finding: [^<]*' "$tmp/pn.html" | sed 's/^/#   /'
	fi
else
	fail "brief: plugin-names brief exits 0"
	sed 's/^/#   /' "$tmp/err"
fi

# a registry file not read (a .yml file): warned of, as check does
if gm -r tests/fixtures/cli/yml --on 2024-06-01 brief --region england \
	-o "$tmp/yml.html" 2>"$tmp/err" &&
	grep -qxF "tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'" "$tmp/err"; then
	pass "brief warns of a .yml file it did not read"
else
	fail "brief warns of a .yml file it did not read"
	sed 's/^/#   /' "$tmp/err"
fi

# -o onto a symbolic link: refused, the link left alone
echo keep >"$tmp/target"
ln -s "$tmp/target" "$tmp/link.pdf"
gm -r $fix --on 2024-06-01 brief --region england/testshire -o "$tmp/link.pdf" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ -L "$tmp/link.pdf" ] && [ "$(cat "$tmp/target")" = keep ]; then
	pass "brief -o onto a symbolic link is refused (exit 2)"
else
	fail "brief -o onto a symbolic link is refused (exit $rc)"
	sed 's/^/#   /' "$tmp/err"
fi
[ "$failed" -eq 0 ]
