#!/bin/sh
# tests/yaml-suite/import.sh - regenerate tests/yaml-suite/ from a pinned
# copy of the official YAML test suite (https://github.com/yaml/yaml-test-suite,
# MIT licence, kept as tests/yaml-suite/LICENSE).
#
#   sh tests/yaml-suite/import.sh PATH-TO-A-CLONE-OF-yaml-test-suite
#
# Reads the release tag TAG below (the suite's generated data: one
# directory per case, its input in.yaml, its title in ===, and an empty
# file `error` when the YAML is invalid), and writes:
#   cases/ID.yaml   each case's in.yaml, byte for byte (ID: the case's
#                   directory, "/" as "-": 2G84/00 is 2G84-00)
#   cases.tsv       ID <tab> valid|error (the suite's verdict) <tab> title
#   LICENSE         the suite's licence, from the matching source tag
# The unit test tests/unit/test_yamlsuite.c runs every case (make check).
set -eu
TAG=data-2022-01-17     # commit 6e6c296ae9c9d2d5c4134b4b64d01b29ac19ff6f
SRC_TAG=v2022-01-17     # commit 45db50aecf9b1520f8258938c88f396e96f30831
repo=${1:?usage: import.sh PATH-TO-yaml-test-suite}
here=$(cd "$(dirname "$0")" && pwd -P)
g() { git --git-dir="$repo/.git" "$@" 2>/dev/null || git --git-dir="$repo" "$@"; }
g rev-parse --verify -q "$TAG^{commit}" >/dev/null ||
	{ echo "import.sh: $repo has no tag $TAG" >&2; exit 2; }
rm -rf "$here/cases"
mkdir "$here/cases"
: >"$here/cases.tsv.new"
g ls-tree -r --name-only "$TAG" | sed -n 's,/in\.yaml$,,p' | LC_ALL=C sort |
while read -r dir; do
	id=$(printf '%s' "$dir" | tr / -)
	g show "$TAG:$dir/in.yaml" >"$here/cases/$id.yaml"
	if g cat-file -e "$TAG:$dir/error" 2>/dev/null; then v=error; else v=valid; fi
	title=$(g show "$TAG:$dir/===" | tr '\t\n' '  ' | sed 's/ *$//')
	printf '%s\t%s\t%s\n' "$id" "$v" "$title" >>"$here/cases.tsv.new"
done
mv "$here/cases.tsv.new" "$here/cases.tsv"
g show "$SRC_TAG:License" >"$here/LICENSE"
echo "import.sh: $(wc -l <"$here/cases.tsv") cases from $TAG"
