#!/bin/sh
# action/govmap-ci.sh - what the govmap GitHub Action (action.yml at the
# repository root) runs in a registry repository, and what any other CI can
# run the same way: `govmap check` on the registry, then `govmap diff BASE
# --format md` (the registry at BASE against the working tree), both
# written as Markdown to the job summary ($GITHUB_STEP_SUMMARY).  Exits
# with check's status (0 clean or warnings only, 1 errors, 2 govmap could
# not run), so the job fails on errors; the summary is written either way.
#
# Environment (action.yml sets each from its inputs):
#   GOVMAP                the govmap binary (default: govmap on PATH)
#   GOVMAP_REGISTRY_DIR   the registry folder (default: registry)
#   GOVMAP_BASE           the revision to compare with; default
#                         origin/$GITHUB_BASE_REF on a pull request, else
#                         HEAD~1 when there is one, else no diff
#   GOVMAP_ON             evaluate on this date (default: today)
#   GITHUB_STEP_SUMMARY   the file the Markdown is appended to (default:
#                         standard output)
#   GITHUB_OUTPUT         if set, gets check-status=N and diff=true|false
#
# Registry text reaches the summary only through govmap's Markdown (which
# escapes it) or inside an indented code block, where Markdown and HTML
# are not interpreted.
set -u
GOVMAP=${GOVMAP:-govmap}
REG=${GOVMAP_REGISTRY_DIR:-registry}
SUMMARY=${GITHUB_STEP_SUMMARY:-/dev/stdout}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-ci.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

set -- -r "$REG"
[ -n "${GOVMAP_ON:-}" ] && set -- "$@" --on "$GOVMAP_ON"

# Text as an indented code block, at most 200 lines of it.
code() {
	echo
	head -n 200 "$1" | sed 's/^/    /'
	n=$(wc -l <"$1")
	[ "$n" -le 200 ] || printf '\n(%s more lines in the job log)\n' $((n - 200))
	echo
}

"$GOVMAP" "$@" check >"$tmp/check.out" 2>"$tmp/check.err"
status=$?
cat "$tmp/check.out"
cat "$tmp/check.err" >&2

base=${GOVMAP_BASE:-}
if [ -z "$base" ]; then
	if [ -n "${GITHUB_BASE_REF:-}" ]; then
		base=origin/$GITHUB_BASE_REF
	elif git rev-parse -q --verify 'HEAD~1^{commit}' >/dev/null 2>&1; then
		base=HEAD~1
	fi
fi
diffed=false
if [ -n "$base" ] && [ "$status" -ne 2 ]; then
	if "$GOVMAP" "$@" diff "$base" --format md >"$tmp/diff.md" 2>"$tmp/diff.err"; then
		diffed=true
	fi
fi

{
	echo "## govmap: $REG"
	echo
	case $status in
	0) echo "**check passed**" ;;
	1) echo "**check failed**: the registry has errors" ;;
	*) echo "**govmap could not check the registry** (exit $status)" ;;
	esac
	code "$tmp/check.out"
	if [ -s "$tmp/check.err" ]; then
		echo "Diagnostics:"
		code "$tmp/check.err"
	fi
	if [ "$diffed" = true ]; then
		echo "### What the change does (compared with \`$(printf '%s' "$base" | tr -cd 'A-Za-z0-9._/~^-')\`)"
		echo
		head -c 60000 "$tmp/diff.md"
		[ "$(wc -c <"$tmp/diff.md")" -le 60000 ] ||
			printf '\n\n(cut: the whole diff is in the job log)\n'
		cat "$tmp/diff.md" >&2
	elif [ -n "$base" ]; then
		echo "govmap could not compare the registry with the base revision:"
		code "$tmp/diff.err"
	else
		echo "(no base revision to compare with: set the action's \`base\` input)"
	fi
} >>"$SUMMARY"

if [ -n "${GITHUB_OUTPUT:-}" ]; then
	echo "check-status=$status" >>"$GITHUB_OUTPUT"
	echo "diff=$diffed" >>"$GITHUB_OUTPUT"
fi
exit "$status"
