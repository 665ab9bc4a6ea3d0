#!/bin/sh
# tests/cli/map-formats.sh - `govmap map` rendered to SVG, PNG and PDF.
#
#   GOVMAP_BIN=/abs/build/govmap VALGRIND="..." sh tests/cli/map-formats.sh
#
# The case files (tests/cli/cases/map-*.t) pin the DOT and JSON forms
# exactly; rendered maps depend on the Graphviz version and its fonts, so
# here each format is checked by its signature, and SVG by what it must
# and must not contain:
#
#   - svg, png and pdf written with -o (format from the extension, or
#     --format), to standard output, and with --focus/--depth: exit 0,
#     nothing on stdout or stderr, a non-empty file that starts with
#     <?xml ... <svg, the PNG signature, or %PDF;
#   - the hostile fixture (tests/fixtures/analysis/hostile): registry text
#     escaped (&lt;script&gt;), no <script, no javascript:, no href
#     without --link-base, and with it only links built from ids; well
#     formed XML (when xmllint is installed);
#   - two renders in two processes give the same bytes;
#   - an output that cannot be written is exit 2; -o onto a symbolic link
#     is refused, offering --force only where the command has it (map,
#     not export).
#
# Prints `ok - NAME` or `not ok - NAME` per check with `# ` diagnostic
# lines (run.sh numbers them); exits 1 if any check failed.  Every govmap
# run is `timeout 60 $VALGRIND $GOVMAP_BIN ...`.

set -u

. "$(dirname "$0")/script-lib.sh"
script_setup maps

fx=tests/fixtures/analysis

# gm ARGS...: run govmap; stdout to $tmp/out, stderr to $tmp/err, $rc.
gm() {
	# shellcheck disable=SC2086
	timeout 60 $VALGRIND "$GOVMAP_BIN" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
}

# starts FILE BYTES: does FILE start with the bytes (printf format)?
starts() {
	n=$(printf "$2" | wc -c)
	[ "$(head -c "$n" "$1" | od -An -tx1)" = "$(printf "$2" | od -An -tx1)" ]
}

# quiet_ok NAME: the last run exited 0 and printed nothing.
quiet_ok() {
	if [ "$rc" = 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
		return 0
	fi
	note "$1: exit $rc (expected 0); stdout and stderr:"
	sed 's/^/#   /' "$tmp/out" "$tmp/err" | head -20
	return 1
}

# check_file NAME FILE KIND: FILE is a non-empty map of KIND.
check_file() {
	if [ ! -s "$2" ]; then
		fail "$1"
		note "$2 is missing or empty"
		return
	fi
	case $3 in
	svg)
		if starts "$2" '<?xml' && grep -q '<svg' "$2" &&
			[ "$(tail -c 7 "$2")" = "</svg>" ]; then
			pass "$1"
		else
			fail "$1"
			note "not an SVG document: $(head -c 60 "$2")"
		fi ;;
	png)
		if starts "$2" '\211PNG\r\n\032\n'; then pass "$1"; else
			fail "$1"
			note "no PNG signature"
		fi ;;
	pdf)
		if starts "$2" '%%PDF-'; then pass "$1"; else
			fail "$1"
			note "no %PDF signature"
		fi ;;
	esac
}

# --- each format, from the -o extension -----------------------------------

for f in svg png pdf; do
	gm -r "$fx/chain" --on 2024-06-01 map -o "$tmp/chain.$f"
	if quiet_ok "map -o chain.$f"; then
		check_file "map -o chain.$f writes $f" "$tmp/chain.$f" "$f"
	else
		fail "map -o chain.$f writes $f"
	fi
done

# --format wins over a missing extension; no temporary file is left
gm -r "$fx/board-seats" --on 2024-06-01 map --format png -o "$tmp/board"
if quiet_ok "map --format png -o board"; then
	check_file "map --format png -o FILE (no extension)" "$tmp/board" png
else
	fail "map --format png -o FILE (no extension)"
fi
if [ "$(find "$tmp" -name '*.tmp.*' | wc -l)" -eq 0 ]; then
	pass "map -o leaves no temporary file"
else
	fail "map -o leaves no temporary file"
	find "$tmp" -name '*.tmp.*' | sed 's/^/#   /'
fi

# to standard output (not a terminal)
for f in svg pdf; do
	gm -r "$fx/nochain" --on 2024-06-01 map --format "$f"
	cp "$tmp/out" "$tmp/stdout.$f"
	if [ "$rc" = 0 ] && [ ! -s "$tmp/err" ]; then
		check_file "map --format $f to standard output" "$tmp/stdout.$f" "$f"
	else
		fail "map --format $f to standard output"
		note "exit $rc"
		sed 's/^/#   /' "$tmp/err"
	fi
done

# focus and depth, collapse, national
gm -r "$fx/board-seats" --on 2024-06-01 map --focus test-trust --depth 2 -o "$tmp/focus.svg"
if quiet_ok "map --focus --depth"; then
	check_file "map --focus test-trust --depth 2 renders" "$tmp/focus.svg" svg
else
	fail "map --focus test-trust --depth 2 renders"
fi
gm -r "$fx/collapse" --on 2024-06-01 map --collapse 2 -o "$tmp/collapse.pdf"
if quiet_ok "map --collapse 2"; then
	check_file "map --collapse 2 renders" "$tmp/collapse.pdf" pdf
else
	fail "map --collapse 2 renders"
fi
gm -r "$fx/collapse" --on 2024-06-01 map --national -o "$tmp/national.png"
if quiet_ok "map --national"; then
	check_file "map --national renders" "$tmp/national.png" png
else
	fail "map --national renders"
fi

# --- hostile names ------------------------------------------------------------

gm -r "$fx/hostile" --on 2024-06-01 map -o "$tmp/hostile.svg"
if quiet_ok "hostile svg"; then
	check_file "hostile names: an SVG document" "$tmp/hostile.svg" svg
	h=$tmp/hostile.svg
	if grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$h" &&
		grep -q '&lt;script&gt;alert(2)&lt;/script&gt;' "$h"; then
		pass "hostile names: <script> shown escaped"
	else
		fail "hostile names: <script> shown escaped"
	fi
	if grep -qi '<script' "$h"; then
		fail "hostile names: no <script element"
		grep -ni '<script' "$h" | head -5 | sed 's/^/#   /'
	else
		pass "hostile names: no <script element"
	fi
	if grep -qi 'javascript:' "$h"; then
		fail "hostile names: no javascript: anywhere"
		grep -ni 'javascript:' "$h" | head -5 | sed 's/^/#   /'
	else
		pass "hostile names: no javascript: anywhere"
	fi
	if grep -qi 'href\|<image\|onerror\|onload' "$h"; then
		fail "hostile names: no links, images or handlers"
		grep -ni 'href\|<image\|onerror\|onload' "$h" | head -5 | sed 's/^/#   /'
	else
		pass "hostile names: no links, images or handlers"
	fi
	if command -v xmllint >/dev/null 2>&1; then
		if xmllint --noout "$h" 2>"$tmp/xml.err"; then
			pass "hostile names: well-formed XML"
		else
			fail "hostile names: well-formed XML"
			sed 's/^/#   /' "$tmp/xml.err" | head -10
		fi
	fi
else
	fail "hostile names: an SVG document"
fi

gm -r "$fx/hostile" --on 2024-06-01 map --link-base https://example.org/b/ -o "$tmp/linked.svg"
if quiet_ok "hostile svg with --link-base"; then
	grep -o 'href="[^"]*"' "$tmp/linked.svg" | sort -u >"$tmp/hrefs"
	cat >"$tmp/want" <<'EOF'
href="https://example.org/b/test-council.html"
href="https://example.org/b/test-dot-body.html"
href="https://example.org/b/test-electorate.html"
href="https://example.org/b/test-trust-board.html"
href="https://example.org/b/test-trust.html"
EOF
	if cmp -s "$tmp/want" "$tmp/hrefs"; then
		pass "--link-base: links built from ids only"
	else
		fail "--link-base: links built from ids only"
		diff -u "$tmp/want" "$tmp/hrefs" | sed 's/^/#   /'
	fi
else
	fail "--link-base: links built from ids only"
fi

for f in png pdf; do
	gm -r "$fx/hostile" --on 2024-06-01 map -o "$tmp/hostile.$f"
	if quiet_ok "hostile $f"; then
		check_file "hostile names: $f renders" "$tmp/hostile.$f" "$f"
	else
		fail "hostile names: $f renders"
	fi
done

# --- the same bytes in two processes --------------------------------------

gm -r "$fx/collapse" --on 2024-06-01 map -o "$tmp/a.svg"
gm -r "$fx/collapse" --on 2024-06-01 map -o "$tmp/b.svg"
if [ -s "$tmp/a.svg" ] && cmp -s "$tmp/a.svg" "$tmp/b.svg"; then
	pass "two SVG renders are identical"
else
	fail "two SVG renders are identical"
fi

# --- an output that cannot be written -------------------------------------

gm -r "$fx/chain" --on 2024-06-01 map -o "$tmp/no/such/dir/map.svg"
if [ "$rc" = 2 ] && grep -q "^govmap: error: map: cannot write $tmp/no/such/dir/map.svg: its directory does not exist" "$tmp/err"; then
	pass "an unwritable output is exit 2"
else
	fail "an unwritable output is exit 2"
	note "exit $rc; stderr:"
	sed 's/^/#   /' "$tmp/err"
fi

# -o onto a symbolic link: refused, the link left alone; the refusal
# offers --force only to a command that has it (map does, export not)
echo keep >"$tmp/target"
ln -s "$tmp/target" "$tmp/link.svg"
gm -r "$fx/chain" --on 2024-06-01 map -o "$tmp/link.svg"
if [ "$rc" = 2 ] && [ -L "$tmp/link.svg" ] && [ "$(cat "$tmp/target")" = keep ] &&
	grep -q "^govmap: error: refusing to replace $tmp/link.svg: it is a symbolic link, not a regular file (give --force to write into it)$" "$tmp/err"; then
	pass "map -o onto a symbolic link is refused (exit 2), --force offered"
else
	fail "map -o onto a symbolic link is refused (exit $rc), --force offered"
	sed 's/^/#   /' "$tmp/err"
fi
gm -r "$fx/chain" --on 2024-06-01 export --format popolo -o "$tmp/link.svg"
if [ "$rc" = 2 ] && [ -L "$tmp/link.svg" ] && [ "$(cat "$tmp/target")" = keep ] &&
	grep -q "^govmap: error: refusing to replace $tmp/link.svg: it is a symbolic link, not a regular file$" "$tmp/err"; then
	pass "export -o onto a symbolic link is refused (exit 2), no --force offered"
else
	fail "export -o onto a symbolic link is refused (exit $rc), no --force offered"
	sed 's/^/#   /' "$tmp/err"
fi

[ "$failed" -eq 0 ]
