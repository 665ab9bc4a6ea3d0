#!/bin/sh
# tests/action/run.sh - the GitHub Action's script (action/govmap-ci.sh)
# run locally against a fixture registry repository, with a fake
# $GITHUB_STEP_SUMMARY and $GITHUB_OUTPUT, as action.yml runs it:
#   1. a clean change (a body added): exit 0, the summary has the check's
#      summary line and `govmap diff --format md` naming the new body;
#   2. a change with an error: exit 1, the error's FILE:LINE:COL in the
#      summary (indented: inert Markdown), and the outputs;
#   3. hostile text in the registry reaches the summary escaped;
#   4. action.yml is a composite action whose last step runs this script
#      and whose inputs are the variables the script reads;
#   5. .pre-commit-hooks.yaml's hook entry, run in the fixture as the
#      pre-commit framework would, refuses the staged error.
# GOVMAP_BIN names the binary (default build/govmap).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
BIN=${GOVMAP_BIN:-$root/build/govmap}
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GOVMAP_REGISTRY GITHUB_BASE_REF \
	GOVMAP_BASE GOVMAP_ON CDPATH
GIT_CONFIG_NOSYSTEM=1 LC_ALL=C NO_COLOR=1
export GIT_CONFIG_NOSYSTEM LC_ALL NO_COLOR
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-action.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
ko() { fail=$((fail + 1)); echo "not ok - $1"; }
has() { # NAME FILE TEXT: FILE contains the line fragment TEXT
	if grep -qF -- "$3" "$2"; then ok "$1"; else
		ko "$1"; echo "# '$3' not in:"; sed 's/^/# /' "$2"; fi
}
hasnt() {
	if grep -qF -- "$3" "$2"; then ko "$1"; sed 's/^/# /' "$2"; else ok "$1"; fi
}

repo=$tmp/repo
mkdir -p "$repo/registry"
cp "$root/tests/fixtures/valid/minimal/govmap.yaml" "$repo/registry/"
cp -r "$root/tests/fixtures/valid/minimal/." "$repo/registry/"
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=T -c user.email=t@example.org add -A
git -C "$repo" -c user.name=T -c user.email=t@example.org commit -qm base

cat >"$repo/registry/new-body.yaml" <<'YAML'
kind: body
id: test-new-hospice
name: "Testshire Hospice <img src=x onerror=alert(1)> [link](javascript:x) @team"
type: charity
region: england/testshire
sources:
  - url: https://example.org/test/hospice
    title: Invented for the action test
    accessed: 2024-05-01
YAML
git -C "$repo" -c user.name=T -c user.email=t@example.org add -A
git -C "$repo" -c user.name=T -c user.email=t@example.org commit -qm "a body"

run() { # run the action's script in the repository; sets rc
	: >"$tmp/summary.md"
	: >"$tmp/output"
	(cd "$repo" && GOVMAP=$BIN GITHUB_STEP_SUMMARY=$tmp/summary.md \
		GITHUB_OUTPUT=$tmp/output GOVMAP_ON=2025-01-01 "$@" \
		sh "$root/action/govmap-ci.sh" >"$tmp/log" 2>&1)
	rc=$?
}

# 1. clean: HEAD~1 is the default base
run env
[ $rc = 0 ] && ok "clean change: exit 0" || { ko "clean change: exit $rc"; cat "$tmp/log"; }
has "summary heading" "$tmp/summary.md" "## govmap: registry"
has "check passed" "$tmp/summary.md" "**check passed**"
has "check's summary line, indented" "$tmp/summary.md" "    test-minimal (working tree):"
has "diff against HEAD~1" "$tmp/summary.md" "compared with \`HEAD~1\`"
has "the diff names the new body" "$tmp/summary.md" "test-new-hospice"
has "outputs: check-status" "$tmp/output" "check-status=0"
has "outputs: diff" "$tmp/output" "diff=true"
# 3. hostile text: govmap's Markdown escapes it
hasnt "no raw <img> in the summary" "$tmp/summary.md" "<img"
hasnt "no live Markdown link in the summary" "$tmp/summary.md" "[link](javascript"

# an explicit base, and a base that does not exist
run env GOVMAP_BASE=main~1
has "explicit base" "$tmp/summary.md" "compared with \`main~1\`"
run env GOVMAP_BASE=no-such-branch
[ $rc = 0 ] && ok "unknown base: check's status still decides" || ko "unknown base: exit $rc"
has "unknown base: said in the summary" "$tmp/summary.md" "could not compare"

# 2. an error
printf 'kind: body\nid: test-broken\nname: Broken\ntype: charity\nregion: england/testshire\nspend: 3\n' \
	>"$repo/registry/broken.yaml"
run env
[ $rc = 1 ] && ok "error: exit 1" || { ko "error: exit $rc"; cat "$tmp/log"; }
has "check failed" "$tmp/summary.md" "**check failed**"
has "the error's place, indented" "$tmp/summary.md" "    registry/broken.yaml:6:1: error: unknown key 'spend'"
has "the error in the job log too" "$tmp/log" "registry/broken.yaml:6:1: error"
has "outputs: check-status=1" "$tmp/output" "check-status=1"

# no registry: exit 2
run env GOVMAP_REGISTRY_DIR=nowhere
[ $rc = 2 ] && ok "no registry: exit 2" || ko "no registry: exit $rc"
has "no registry: said" "$tmp/summary.md" "could not check"

# 4. action.yml wires the inputs to the script
if python3 - "$root/action.yml" <<'PY'
import re, sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
assert a["runs"]["using"] == "composite", "not composite"
last = a["runs"]["steps"][-1]
assert "action/govmap-ci.sh" in last["run"], "last step does not run the script"
script = open(sys.argv[1].replace("action.yml", "action/govmap-ci.sh")).read()
for var, val in last["env"].items():
    assert var in script, var + " is not read by the script"
    m = re.match(r"\$\{\{ inputs\.([a-z-]+) \}\}$", val)
    assert m and m.group(1) in a["inputs"], val + " names no input"
for step in a["runs"]["steps"]:
    assert step.get("shell") == "bash", "a composite run step needs a shell"
PY
then ok "action.yml runs the script with its inputs"; else ko "action.yml runs the script with its inputs"; fi

# 5. the pre-commit hook's entry, as the framework runs it (from the
# repository's top, with the binary on PATH)
entry=$(python3 -c "import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))[0]['entry'])" \
	"$root/.pre-commit-hooks.yaml")
mkdir -p "$tmp/bin" && ln -s "$BIN" "$tmp/bin/govmap"
git -C "$repo" add registry/broken.yaml
if (cd "$repo" && PATH=$tmp/bin:$PATH $entry) >"$tmp/hook.out" 2>&1; then
	ko "pre-commit hook refuses a staged error"
else
	has "pre-commit hook refuses a staged error" "$tmp/hook.out" ":registry/broken.yaml:6:1: error"
fi
git -C "$repo" rm -q --cached registry/broken.yaml
rm "$repo/registry/broken.yaml"
if (cd "$repo" && PATH=$tmp/bin:$PATH $entry) >"$tmp/hook.out" 2>&1; then
	ok "pre-commit hook passes a clean index"
else
	ko "pre-commit hook passes a clean index"; cat "$tmp/hook.out"
fi

echo "# action tests: $pass passed, $fail failed"
[ $fail = 0 ]
