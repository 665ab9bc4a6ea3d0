#!/bin/sh
# tests/cli/map-print.sh - `govmap map --paper a4|a3`: the map printed on
# sheets, which holds a Graphviz layout and cannot be pinned byte for
# byte (the case files tests/cli/cases/map-paper-*.t pin its errors):
#
#   - a map that fits (tests/fixtures/analysis/collapse on A3): one page,
#     no key page, "Printed at 100%", no grid reference;
#   - a map on several sheets (the same on A4, and the registry's national
#     overview): a key page, then one page per sheet, as many as the note
#     on stderr says (across x down), each A4, each headed with its grid
#     reference in order (A1, B1, ..., A2, ...) and naming its
#     neighbours; every word on the sheets 8 pt or more (pdf_words_ok,
#     script-lib.sh; the key page is a picture of the whole map);
#     every word of the map's SVG text printed;
#   - the hostile fixture: its title escaped nowhere it should not be
#     (plain text in a PDF: the words themselves, no control bytes);
#   - with --registry (tests/registry/run.sh, never under valgrind: the
#     layouts of registry/ take minutes there), the registry's national
#     overview and England's map (whose blank corner sheets are left
#     out) on A4 checked as above, and the map of the whole registry,
#     more than 48 sheets of A4, refused with what to do instead.
#
#   GOVMAP_BIN=/abs/build/govmap VALGRIND="..." sh tests/cli/map-print.sh
#   GOVMAP_BIN=/abs/build/govmap sh tests/cli/map-print.sh --registry
#
# Prints `ok - NAME` or `not ok - NAME` per check (run.sh numbers them);
# exits 1 if any check failed.  Needs pdfinfo and pdftotext
# (poppler-utils, which make deps installs).
set -u
. "$(dirname "$0")/script-lib.sh"
script_setup print
fx=tests/fixtures/analysis

# gm ARGS...: run govmap; stderr to $tmp/err, $rc.
gm() {
	# shellcheck disable=SC2086
	timeout 120 $VALGRIND "$GOVMAP_BIN" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
}

# page_text FILE N: the text of page N
page_text() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null; }

# sheets NAME FILE: the note says N sheets, C across, R down (and B blank
# ones left out); the PDF has N+1 pages of A4, the first the key (naming
# the blank sheets), then the printed sheets in grid order (A1, B1, ...,
# A2, ...), each naming its printed neighbours and no blank one.
sheets() {
	note=$(grep '^govmap: note: map printed on ' "$tmp/err")
	n=$(echo "$note" | sed -n 's/^govmap: note: map printed on \([0-9]*\) sheets.*/\1/p')
	across=$(echo "$note" | sed -n 's/.*(\([0-9]*\) across, \([0-9]*\) down.*, after a key page).*/\1/p')
	down=$(echo "$note" | sed -n 's/.*(\([0-9]*\) across, \([0-9]*\) down.*, after a key page).*/\2/p')
	blank=$(echo "$note" | sed -n 's/.*down, \([0-9]*\) blank sheets\{0,1\} left out.*/\1/p')
	blank=${blank:-0}
	if [ -z "$n" ] || [ -z "$across" ] || [ -z "$down" ] ||
		[ "$n" != $((across * down - blank)) ]; then
		fail "$1: the note names the sheets"
		sed 's/^/#   /' "$tmp/err"
		return
	fi
	all=$((across * down))
	pass "$1: the note names the sheets ($n: $across across, $down down, $blank blank)"
	pages=$(pdfinfo "$2" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	if [ "$pages" = $((n + 1)) ]; then
		pass "$1: $pages pages: the key and $n sheets"
	else
		fail "$1: ${pages:-no} pages, not $((n + 1))"
	fi
	size=$(pdfinfo -l 999 "$2" 2>/dev/null | awk '/^Page .* size:/ { print $4 "x" $6 }' | sort -u)
	case $size in
	595.27*x841.8* | 841.8*x595.27*) pass "$1: every page A4 ($size pt)" ;;
	*) fail "$1: page sizes $size, not one A4" ;;
	esac
	key=$(page_text "$2" 1 | tr -s ' \n' '  ')
	if echo "$key" | grep -q "printed on $n sheets of A4 (a grid $across across, $down down"; then
		pass "$1: the key page says how many sheets"
	else
		fail "$1: the key page says how many sheets"
		note "$(echo "$key" | cut -c1-300)"
	fi
	# the sheets' references, page by page
	: >"$tmp/refs"
	p=2
	while [ "$p" -le $((n + 1)) ]; do
		# the footer may wrap round its page number
		page_text "$2" "$p" | tr -s ' \n' '  ' |
			sed 's/page [0-9]* of [0-9]* //' >"$tmp/page$p"
		of=
		[ "$n" != "$all" ] && of=", $n of its $all sheets printed"
		ref=$(sed -n "s/.*Sheet \([A-Z]*[0-9]*\) (a grid $across across, $down down$of; the key is page 1).*/\1/p" "$tmp/page$p")
		echo "${ref:-?}" >>"$tmp/refs"
		p=$((p + 1))
	done
	# every cell of the grid, in order: printed ones must come in this
	# order, and the others are blank
	bad=0
	: >"$tmp/grid"
	r=1
	while [ "$r" -le "$down" ]; do
		c=1
		while [ "$c" -le "$across" ]; do
			echo "$(printf "\\$(printf '%03o' $((64 + c)))")$r" >>"$tmp/grid"
			c=$((c + 1))
		done
		r=$((r + 1))
	done
	if grep -q '?' "$tmp/refs" || [ "$(grep -c . "$tmp/refs")" != "$n" ] ||
		[ "$(grep -Fxf "$tmp/refs" "$tmp/grid" | tr '\n' ' ')" != "$(tr '\n' ' ' <"$tmp/refs")" ]; then
		bad=1
		note "sheet headings, in page order: $(tr '\n' ' ' <"$tmp/refs")"
	fi
	for ref in $(grep -vFxf "$tmp/refs" "$tmp/grid"); do
		case $key in
		*"$ref"*"left out"*) ;;
		*) bad=1; note "the key page does not name blank sheet $ref" ;;
		esac
	done
	# neighbours: each printed sheet names its printed right and lower
	# neighbours, and never a blank one
	p=2
	for ref in $(cat "$tmp/refs"); do
		col=${ref%%[0-9]*}
		row=${ref#"$col"}
		ci=$(($(printf '%d' "'$col") - 64))
		t=$(cat "$tmp/page$p")
		if [ "$ci" -lt "$across" ]; then
			right=$(printf "\\$(printf '%03o' $((65 + ci)))")$row
			if grep -qx "$right" "$tmp/refs"; then
				case $t in *"$right on the right"*) ;; *) bad=1; note "sheet $ref does not name $right on its right" ;; esac
			else
				case $t in *"$right on the right"*) bad=1; note "sheet $ref names blank $right" ;; esac
			fi
		fi
		if [ "$row" -lt "$down" ]; then
			below=$col$((row + 1))
			if grep -qx "$below" "$tmp/refs"; then
				case $t in *"$below below"*) ;; *) bad=1; note "sheet $ref does not name $below below" ;; esac
			else
				case $t in *"$below below"*) bad=1; note "sheet $ref names blank $below" ;; esac
			fi
		fi
		p=$((p + 1))
	done
	if [ "$bad" = 0 ]; then
		pass "$1: the sheets headed in grid order, blank ones named on the key page, neighbours named"
	else
		fail "$1: the sheets headed in grid order, blank ones named on the key page, neighbours named"
	fi
	# the sheets, not the key page (a picture of the whole map)
	pdf_words_ok "$1: the sheets" "$2" 2
}

# every_word NAME SVG PDF [FIRST]: each word of the SVG's <text> is in the
# PDF from page FIRST on (default 1; 2 skips the key page, which shows
# the whole map: a sheet left out would lose the words only it holds).
every_word() {
	sed -n 's/.*<text[^>]*>\(.*\)<\/text>.*/\1/p' "$2" |
		perl -CS -pe 's/&#(\d+);/chr($1)/ge; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/&/g; s/\x{a0}/ /g' |
		tr -s ' ' '\n' | grep -v '^$' | sort -u >"$tmp/svg-words"
	pdftotext -f "${4:-1}" "$3" - 2>/dev/null | perl -CS -pe 's/\x{a0}/ /g' |
		tr -s ' \n' '\n\n' | sort -u >"$tmp/pdf-words"
	missing=$(comm -23 "$tmp/svg-words" "$tmp/pdf-words" | head -n 5 | tr '\n' ' ')
	total=$(wc -l <"$tmp/svg-words")
	if [ "$total" -gt 0 ] && [ -z "$missing" ]; then
		pass "$1: all $total words of the map printed"
	else
		fail "$1: words of the map not printed: ${missing:-(no words)}"
	fi
}

registry=0
[ "${1:-}" = --registry ] && registry=1
# registry/'s layouts run past the layout's CPU limit under valgrind: the
# registry part never runs under it, whatever the caller's environment
# (make valgrind's VALGRIND reaches the registry tests too)
[ "$registry" = 1 ] && VALGRIND=

if [ "$registry" = 0 ]; then
# one sheet
gm -r $fx/collapse --on 2024-06-01 map --paper a3 -o "$tmp/one.pdf"
pages=$(pdfinfo "$tmp/one.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [ "$rc" = 0 ] && [ "$pages" = 1 ] &&
	grep -q '^govmap: note: map printed on 1 sheet of A3 landscape at 100%, smallest text 10.0 pt$' "$tmp/err"; then
	pass "a map that fits: one A3 sheet at 100%, said on stderr"
else
	fail "a map that fits: one A3 sheet at 100%, said on stderr (exit $rc, ${pages:-no} pages)"
	sed 's/^/#   /' "$tmp/err"
fi
t=$(page_text "$tmp/one.pdf" 1 | tr -s ' \n' '  ')
case $t in
*"Printed at 100% of its size: its smallest text is 10.0 pt."*"page 1 of 1"*)
	case $t in
	*Sheet*) fail "a map on one sheet has no grid reference" ;;
	*) pass "a map on one sheet says its scale, with no grid reference" ;;
	esac ;;
*) fail "a map on one sheet says its scale"; note "$t" ;;
esac
gm -r $fx/collapse --on 2024-06-01 map -o "$tmp/c.svg"
every_word "one sheet" "$tmp/c.svg" "$tmp/one.pdf"

# several sheets: the same map on A4 (smaller than its A3 page), with the
# format from --paper alone, to standard output
gm -r $fx/hostile --on 2024-06-01 map --paper a4 -o "$tmp/h.pdf"
if [ "$rc" = 0 ] && head -c 5 "$tmp/h.pdf" | grep -q '^%PDF-'; then
	pass "hostile fixture on A4: exit 0, a PDF"
	sheets "hostile fixture on A4" "$tmp/h.pdf"
	gm -r $fx/hostile --on 2024-06-01 map -o "$tmp/h.svg"
	every_word "hostile fixture on A4" "$tmp/h.svg" "$tmp/h.pdf" 2
	if pdftotext "$tmp/h.pdf" - | grep -q '<script>alert(0)</script>' &&
		! pdftotext "$tmp/h.pdf" - | tr -d '\n\f' | grep -q '[[:cntrl:]]'; then
		pass "hostile fixture: its title printed as its words"
	else
		fail "hostile fixture: its title printed as its words"
	fi
else
	fail "hostile fixture on A4: exit 0, a PDF (exit $rc)"
	sed 's/^/#   /' "$tmp/err"
fi

fi

if [ "$registry" = 1 ]; then
# the registry's national overview, the map a committee prints
gm map --national --paper a4 -o "$tmp/n.pdf"
if [ "$rc" = 0 ]; then
	pass "national overview on A4: exit 0"
	sheets "national overview on A4" "$tmp/n.pdf"
	gm map --national -o "$tmp/n.svg"
	every_word "national overview on A4" "$tmp/n.svg" "$tmp/n.pdf" 2
else
	fail "national overview on A4: exit 0 (exit $rc)"
	sed 's/^/#   /' "$tmp/err"
fi

# England's map: tall, with corners that hold nothing, left out
gm map --region england --paper a4 -o "$tmp/e.pdf"
if [ "$rc" = 0 ] && grep -q 'blank sheets\{0,1\} left out' "$tmp/err"; then
	pass "England's map on A4: exit 0, blank sheets left out"
	sheets "England's map on A4" "$tmp/e.pdf"
	gm map --region england -o "$tmp/e.svg"
	every_word "England's map on A4" "$tmp/e.svg" "$tmp/e.pdf" 2
else
	fail "England's map on A4: exit 0, blank sheets left out (exit $rc)"
	sed 's/^/#   /' "$tmp/err"
fi

# more sheets than anyone prints: refused, with what to do instead
gm map --paper a4 -o "$tmp/all.pdf"
if [ "$rc" = 2 ] && [ ! -e "$tmp/all.pdf" ] &&
	grep -q '^govmap: error: map: the map would take [0-9]* sheets of A4 with its smallest text at 8 pt, more than 48: print it on A3 (--paper a3), draw less of it (--national, --region, --focus, --collapse) or keep the SVG$' "$tmp/err"; then
	pass "a map of more than 48 sheets is refused (exit 2), nothing written"
else
	fail "a map of more than 48 sheets is refused (exit $rc)"
	sed 's/^/#   /' "$tmp/err"
fi
fi

[ "$failed" -eq 0 ]
