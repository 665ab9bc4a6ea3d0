#!/bin/sh
# tests/install/run.sh - the installed tree works (make check-install).
#
#  1. `make install DESTDIR=$tmp PREFIX=/usr` puts govmap, the plugins,
#     the headers, libgovmap, the pkg-config files and the man pages
#     where they belong.
#  2. The installed govmap checks registry/ cleanly with the installed
#     plugins (found through $GOVMAP_PLUGIN_PATH: the compiled-in
#     /usr/lib/govmap/plugins is not there under DESTDIR).
#  3. `make plugin NAME=my-region` (in a scratch copy) names the copy
#     and brings the fixtures; the copy, with its placeholders set,
#     builds outside the tree with `pkg-config --cflags govmap-plugin`
#     alone against the installed headers, loads, and its rule fires.
#  4. A program using the library builds with `pkg-config --cflags
#     --libs govmap` against the installed libgovmap.a and runs.
#  5. The man pages format without warnings.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
MAKE=${MAKE:-make}
CC=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok $((pass + fail)) - $1"; }
not_ok() {
	fail=$((fail + 1))
	echo "not ok $((pass + fail)) - $1"
	[ -n "${2:-}" ] && [ -f "$2" ] && sed 's/^/#   /' "$2" | head -30
}

root=$tmp/root
if (cd "$top" && $MAKE --no-print-directory install DESTDIR="$root" \
	PREFIX=/usr) > "$tmp/install.log" 2>&1; then
	ok "make install DESTDIR=... PREFIX=/usr"
else
	not_ok "make install DESTDIR=... PREFIX=/usr" "$tmp/install.log"
	echo "# install tests: $pass passed, $fail failed"
	exit 1
fi
for f in usr/bin/govmap usr/include/govmap/plugin.h \
	usr/include/govmap/session.h usr/lib/libgovmap.a \
	usr/lib/libgovmap.so.0 usr/lib/pkgconfig/govmap-plugin.pc \
	usr/lib/pkgconfig/govmap.pc usr/lib/govmap/plugins/england-ics.so \
	usr/share/man/man5/govmap-registry.5 \
	usr/share/man/man3/govmap-plugin.3; do
	[ -f "$root/$f" ] && ok "installed /$f" || not_ok "missing /$f"
done
if [ -f "$root/usr/lib/govmap/plugins/template.so" ]; then
	not_ok "the template plugin must not be installed"
else
	ok "the template plugin is not installed"
fi

# 2. the installed govmap on registry/
GOVMAP_PLUGIN_PATH=$root/usr/lib/govmap/plugins \
	"$root/usr/bin/govmap" -r "$top/registry" check \
	> "$tmp/out" 2> "$tmp/err"
rc=$?
if [ $rc = 0 ] && grep -q ': 0 errors' "$tmp/out"; then
	ok "the installed govmap checks registry/ with the installed plugins"
else
	not_ok "installed govmap check (status $rc)" "$tmp/err"
fi

# an installed govmap searches no "build tree" beside its binary
# (<bindir>/plugins): only the path given and the install directory
mkdir -p "$root/usr/bin/plugins"
"$root/usr/bin/govmap" plugins > "$tmp/out" 2> "$tmp/err"
if grep -q '(build tree)' "$tmp/out" "$tmp/err"; then
	not_ok "the installed govmap searches <bindir>/plugins" "$tmp/out"
elif grep -q '(install dir' "$tmp/out"; then
	ok "the installed govmap searches only the install directory"
else
	not_ok "govmap plugins lists no install directory" "$tmp/out"
fi
rmdir "$root/usr/bin/plugins"

# 3. the template, out of tree
export PKG_CONFIG_PATH="$root/usr/lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$root"
# `make plugin` in a scratch copy of what it reads, as an author would in
# the tree: the copy is named, and the fixtures come with it
mk=$tmp/tree
mkdir -p "$mk/plugins" "$mk/tests/plugins/fixtures" "$mk/core/include/govmap" \
	"$tmp/plugins"
chmod 755 "$tmp/plugins"
cp "$top/Makefile" "$mk/" &&
	cp "$top/core/include/govmap/govmap.h" "$mk/core/include/govmap/" &&
	cp -R "$top/plugins/template" "$mk/plugins/" &&
	cp -R "$top/tests/plugins/fixtures/template" "$mk/tests/plugins/fixtures/"
$MAKE --no-print-directory -s -C "$mk" plugin NAME=my-region \
	> "$tmp/plugin.log" 2>&1 || not_ok "make plugin NAME=my-region" "$tmp/plugin.log"
src=$mk/plugins/my-region
sed -n 2p "$src/my_region.c" | grep -q '^ \* my_region\.c - ' &&
	! sed '1,/^ \*\//d' "$src/my_region.c" | grep -q template &&
	ok "make plugin: my_region.c names itself and renames the code" ||
	not_ok "make plugin: my_region.c" "$src/my_region.c"
grep -qF "[my-region/no-statutory-basis]" \
	"$mk/tests/plugins/fixtures/my-region/no-statutory-basis/fires/expected" &&
	grep -qx 'plugins: \[my-region\]' \
		"$mk/tests/plugins/fixtures/my-region/_base/govmap.yaml" &&
	ok "make plugin: the fixtures come with it, renamed" ||
	not_ok "make plugin: the fixtures" "$tmp/plugin.log"
sed -i -e 's/^#define TEMPLATE_REGION "example"/#define TEMPLATE_REGION "testland"/' \
	-e 's/^#define TEMPLATE_DESCRIPTION .*/#define TEMPLATE_DESCRIPTION "a test region"/' \
	"$src/my_region.c"
cflags=$(pkg-config --cflags govmap-plugin) || cflags=FAILED
case $cflags in *"$root/usr/include"*) ok "pkg-config --cflags govmap-plugin: $cflags" ;;
*) not_ok "pkg-config --cflags govmap-plugin gave '$cflags'" ;; esac
if $CC -std=c11 -Wall -Wextra -Werror $cflags -fPIC -fvisibility=hidden \
	-shared -Wl,--no-undefined -o "$tmp/plugins/my-region.so" \
	"$src/my_region.c" > "$tmp/cc.log" 2>&1; then
	ok "plugins/template builds out of tree against the installed header"
else
	not_ok "out-of-tree plugin build" "$tmp/cc.log"
fi
chmod 644 "$tmp/plugins/my-region.so" 2>/dev/null
"$root/usr/bin/govmap" --plugin-path "$tmp/plugins" plugins \
	> "$tmp/out" 2> "$tmp/err"
grep -q '^my-region 1.0.0' "$tmp/out" && ok "the installed govmap loads it" ||
	not_ok "the out-of-tree plugin is not listed" "$tmp/err"
reg=$tmp/reg
mkdir -p "$reg"
printf 'schema: 1\nname: install-test\nplugins: [my-region]\n' \
	> "$reg/govmap.yaml"
cat > "$reg/body.yaml" <<'EOT'
kind: body
id: test-body
name: A body with no statutory basis
type: arms-length-body
region: testland/north
sources:
  - url: https://example.org/install-test
    title: Install test
    accessed: 2024-06-01
EOT
"$root/usr/bin/govmap" --plugin-path "$tmp/plugins" -r "$reg" \
	--on 2025-01-01 check > "$tmp/out" 2> "$tmp/err"
grep -q "\[my-region/no-statutory-basis\] 'test-body' does not say" \
	"$tmp/err" && ok "its rule fires on a registry that lists it" ||
	not_ok "the out-of-tree plugin's rule did not fire" "$tmp/err"

# 4. a program against the installed library
cat > "$tmp/prog.c" <<'EOT'
#include <stdio.h>
#include "govmap/session.h"
int main(int argc, char **argv)
{
	govmap_session_opts o = GOVMAP_SESSION_OPTS_INIT;
	o.registry = argc > 1 ? argv[1] : "registry";
	o.stage = GOVMAP_STAGE_LOAD;
	govmap_session *s;
	int rc = govmap_session_open(&s, &o);
	printf("%d %zu\n", rc,
	       govmap_registry_count(govmap_session_registry(s)));
	govmap_session_free(s);
	return rc != GOVMAP_OK;
}
EOT
if $CC -std=c11 -Wall -Werror -o "$tmp/prog" "$tmp/prog.c" \
	$(pkg-config --cflags --libs govmap) > "$tmp/cc.log" 2>&1 &&
	LD_LIBRARY_PATH=$root/usr/lib "$tmp/prog" "$reg" > "$tmp/out" 2>&1 &&
	grep -q '^0 1$' "$tmp/out"; then
	ok "a program builds with pkg-config govmap, links libgovmap.so and opens a session"
else
	not_ok "a program against the installed libgovmap" "$tmp/cc.log"
	sed 's/^/#   /' "$tmp/out"
fi

# 5. the man pages
for m in "$root"/usr/share/man/man*/*; do
	if LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$m" > /dev/null \
		2> "$tmp/man.err" && [ ! -s "$tmp/man.err" ]; then
		ok "man page $(basename "$m") formats cleanly"
	else
		not_ok "man page $(basename "$m")" "$tmp/man.err"
	fi
done

echo "# install tests: $pass passed, $fail failed"
[ $fail = 0 ]
