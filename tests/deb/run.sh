#!/bin/sh
# tests/deb/run.sh - the Debian package from `make deb` (make check-deb;
# .ci/run): its control fields and files; then the installed govmap runs
# `check` on registry/ with the packaged plugins, and a program builds
# against the packaged headers and libgovmap.a.
#
#   GOVMAP_DEB=build/govmap_V_ARCH.deb sh tests/deb/run.sh
#   GOVMAP_DEB_INSTALL=1 ...   install it with dpkg -i (as root, on a
#                              machine of its own: CI), run /usr/bin/govmap,
#                              then remove it with dpkg -r
# Without GOVMAP_DEB_INSTALL the package is unpacked with dpkg -x into a
# temporary root instead and run from there (GOVMAP_PLUGIN_PATH pointing
# at the unpacked plugins), so a shared machine is left untouched.
set -u
# the python3 on PATH (the tests ran with it); PYTHON= overrides
PYTHON=${PYTHON:-python3}
root=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
cd "$root" || exit 2
DEB=${GOVMAP_DEB:-}
[ -n "$DEB" ] && [ -f "$DEB" ] || { echo "not ok - no package: set GOVMAP_DEB"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-deb.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
unset GOVMAP_REGISTRY GOVMAP_PLUGIN_PATH
export NO_COLOR=1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
ko() { fail=$((fail + 1)); echo "not ok - $1"; }

# control
field() { dpkg-deb --field "$DEB" "$1"; }
[ "$(field Package)" = govmap ] && ok "Package: govmap" || ko "Package: govmap"
want=$(sed -n 's/^#define GOVMAP_VERSION "\(.*\)"/\1/p' core/include/govmap/govmap.h)
[ "$(field Version)" = "$want" ] && ok "Version: $want" || ko "Version $(field Version) is not $want"
case $(field Depends) in
*libgit2*libgvc*libyaml*) ok "Depends: $(field Depends)" ;;
*) ko "Depends names libgit2, libgvc and libyaml: $(field Depends)" ;;
esac

# files
dpkg-deb --contents "$DEB" | awk '{print $NF}' | sed 's|^\./|/|' >"$tmp/files"
for f in /usr/bin/govmap /usr/lib/govmap/plugins/england-ics.so \
	/usr/lib/libgovmap.so.0 /usr/lib/pkgconfig/govmap.pc \
	/usr/share/man/man5/govmap-registry.5.gz \
	/usr/lib/govmap/plugins/wales-rpb.so \
	/usr/lib/govmap/plugins/greater-manchester.so \
	/usr/include/govmap/plugin.h /usr/include/govmap/export.h \
	/usr/include/govmap/govmap.h /usr/share/man/man1/govmap.1.gz \
	/usr/share/bash-completion/completions/govmap \
	/usr/share/zsh/vendor-completions/_govmap \
	/usr/share/doc/govmap/copyright; do
	grep -qx "$f" "$tmp/files" && ok "holds $f" || ko "holds $f"
done
grep -q '/libgovmap\.a$' "$tmp/files" && ok "holds libgovmap.a" || ko "holds libgovmap.a"

# install (CI) or unpack
if [ "${GOVMAP_DEB_INSTALL:-}" = 1 ]; then
	if dpkg -i "$DEB" >"$tmp/dpkg.log" 2>&1; then ok "dpkg -i"; else
		ko "dpkg -i"; cat "$tmp/dpkg.log"; fi
	prefix=
	run() { /usr/bin/govmap "$@"; }
else
	dpkg -x "$DEB" "$tmp/root" && ok "dpkg -x" || ko "dpkg -x"
	prefix=$tmp/root
	run() { GOVMAP_PLUGIN_PATH=$prefix/usr/lib/govmap/plugins \
		"$prefix/usr/bin/govmap" "$@"; }
fi

if run -r registry check >"$tmp/check.out" 2>"$tmp/check.err"; then
	ok "the installed govmap checks registry/: $(cat "$tmp/check.out")"
else
	ko "the installed govmap checks registry/"; cat "$tmp/check.out" "$tmp/check.err"
fi
grep -q ' 0 errors' "$tmp/check.out" && ok "registry/: 0 errors" || ko "registry/: 0 errors"
run plugins >"$tmp/plugins.out" 2>&1
for p in england-ics wales-rpb greater-manchester; do
	grep -q "$prefix/usr/lib/govmap/plugins/$p.so" "$tmp/plugins.out" &&
		ok "plugin $p loaded from the package" ||
		{ ko "plugin $p loaded from the package"; cat "$tmp/plugins.out"; }
done
grep -q /usr/lib/govmap/plugins "$prefix/usr/bin/govmap" &&
	ok "the plugin directory compiled in is /usr/lib/govmap/plugins" ||
	ko "the plugin directory compiled in is /usr/lib/govmap/plugins"
run plugins --help | grep -q '(/usr/lib/govmap/plugins)' &&
	ok "plugins --help names /usr/lib/govmap/plugins" ||
	ko "plugins --help names /usr/lib/govmap/plugins"
run --version | grep -qx 'plugin ABI [0-9]*' && ok "--version" || ko "--version"
zcat "$prefix/usr/share/man/man1/govmap.1.gz" | grep -q '^\.TH GOVMAP 1' &&
	ok "the manual page" || ko "the manual page"
if command -v man >/dev/null 2>&1; then
	man -l "$prefix/usr/share/man/man1/govmap.1.gz" 2>/dev/null |
		grep -q 'export' && ok "man renders it" || ko "man renders it"
fi

# a program against the packaged headers and static library
libs=$(pkg-config --libs yaml-0.1 libgit2 libcgraph libgvc zlib icu-uc icu-i18n)
lib=$(find "$prefix/usr/lib" -name libgovmap.a | head -n 1)
if cc -std=c11 -Wall -Werror -I"$prefix/usr/include" -o "$tmp/export_api" \
	tests/deb/export_api.c "$lib" $libs -lm -pthread \
	2>"$tmp/cc.err"; then
	ok "a program builds against the package's headers and libgovmap.a"
	if "$tmp/export_api" tests/export/fixture 2025-01-01 >"$tmp/api.ftm" &&
		python3 tests/export/validate.py ftm "$tmp/api.ftm" >/dev/null; then
		ok "its export_write output validates"
	else
		ko "its export_write output validates"
	fi
else
	ko "a program builds against the package's headers and libgovmap.a"
	cat "$tmp/cc.err"
fi

if [ "${GOVMAP_DEB_INSTALL:-}" = 1 ]; then
	dpkg -r govmap >/dev/null 2>&1 && ok "dpkg -r" || ko "dpkg -r"
fi
echo "# Debian package tests: $pass passed, $fail failed"
[ $fail = 0 ]
