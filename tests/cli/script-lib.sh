# tests/cli/script-lib.sh - what the check scripts run.sh runs after the
# case files share.  map-formats.sh, map-print.sh and brief.sh source it and call
#
#   . "$(dirname "$0")/script-lib.sh"; script_setup NAME
#
# git-fixture.sh, history-fixture.sh and history-incremental.sh, which
# build Git repositories, call git_env and use pass, fail and note.
#
# script_setup NAME: changes to the repository root; sets root,
# GOVMAP_BIN (default build/govmap) and VALGRIND (may be empty); unsets
# the caller's registry and plugin path; sets LC_ALL=C and NO_COLOR=1;
# makes a temporary directory $tmp (govmap-NAME.XXXXXX, removed on exit)
# and failed=0.  Exits 2 when it cannot.
#
# git_env: keeps the caller's Git configuration and environment (and
# its registry, plugin path and CDPATH) out of the way; sets
# GIT_CONFIG_NOSYSTEM=1, LC_ALL=C and NO_COLOR=1.
#
# pdf_words_ok NAME FILE [FIRST]: every word of the PDF (from page FIRST
# on, default 1) is 8 pt or more (and it has text).  pdftotext -bbox gives each word's box, whose height is the
# font's ascent plus descent, 1.164 em for DejaVu Sans (what fontconfig
# gives for the map's Helvetica and the brief's text), so a word under
# 8 pt is under 9.31 pt high.  Needs pdftotext (poppler-utils).
#
# pass NAME / fail NAME: print `ok - NAME` / `not ok - NAME` (run.sh
# numbers them); fail counts the failure in $failed.  note TEXT...: a
# `# ` diagnostic line.  Scripts end with [ "$failed" -eq 0 ].

script_setup() {
	root=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
	GOVMAP_BIN=${GOVMAP_BIN:-$root/build/govmap}
	VALGRIND=${VALGRIND:-}
	cd "$root" || exit 2
	unset GOVMAP_REGISTRY GOVMAP_PLUGIN_PATH
	LC_ALL=C
	NO_COLOR=1
	export LC_ALL NO_COLOR
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-$1.XXXXXX") || exit 2
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 130' INT TERM
	failed=0
}

git_env() {
	unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
		GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_CEILING_DIRECTORIES \
		GOVMAP_REGISTRY GOVMAP_PLUGIN_PATH CDPATH
	GIT_CONFIG_NOSYSTEM=1
	LC_ALL=C
	NO_COLOR=1
	export GIT_CONFIG_NOSYSTEM LC_ALL NO_COLOR
}

pass() { echo "ok - $1"; }
fail() {
	failed=$((failed + 1))
	echo "not ok - $1"
}
note() { echo "# $*"; }

pdf_words_ok() {
	pdftotext -bbox -f "${3:-1}" "$2" "$tmp/bbox.html" 2>/dev/null
	small=$(sed -n 's/.*yMin="\([0-9.]*\)".*yMax="\([0-9.]*\)">\(.*\)<\/word>.*/\1 \2 \3/p' \
		"$tmp/bbox.html" |
		awk '{ h = $2 - $1; n++; if (h < min || n == 1) { min = h; w = $3 } }
			END { if (n == 0) print "none"; else if (min < 9.31) printf "%.2f %s\n", min / 1.164, w }')
	words=$(grep -c '<word ' "$tmp/bbox.html")
	if [ "$small" = none ]; then
		fail "$1: no text found"
	elif [ -n "$small" ]; then
		fail "$1: text under 8 pt (${small% *} pt: '${small#* }')"
	else
		pass "$1: all $words words 8 pt or more"
	fi
}
