#!/bin/sh
# Regenerate core/site/site_assets.c from the files in this directory:
#   sh core/site/site_assets/embed.sh > core/site/site_assets.c
# The site must be self-contained, so govmap carries its stylesheet,
# script and icon inside the binary.  tests/site/run.sh fails when the
# generated file is out of date.
set -eu
dir=$(dirname "$0")

lines() {
	# one C string literal per line: \ " and ? (trigraphs) escaped
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' \
		-e 's/^/	"/' -e 's/$/",/' "$1"
}

cat <<'HEAD'
/*
 * site_assets.c - the site's stylesheet, script and icon, as lines of
 * text.  GENERATED from core/site/site_assets/{site.css,site.js,
 * favicon.svg} by core/site/site_assets/embed.sh: edit those files and
 * regenerate, never this one.  Carried inside the binary so that a site
 * needs nothing from the network.
 */
#include <stddef.h>

#include "site.h"

HEAD
for f in site.css:css site.js:js favicon.svg:favicon; do
	file=${f%%:*}
	name=${f##*:}
	echo "static const char *const ${name}_lines[] = {"
	lines "$dir/$file"
	echo "	NULL};"
	echo
	echo "const char *const *site_${name}(void)"
	echo "{"
	echo "	return ${name}_lines;"
	echo "}"
	echo
done
