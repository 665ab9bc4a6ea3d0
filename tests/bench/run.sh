#!/bin/sh
# make bench: govmap against the floor on synthetic registries of scale 1
# and 4 (tests/bench/gen.c), in one run, so that ratios compare like with
# like on a shared, noisy machine.  Prints wall time, user + sys time and
# peak RSS (medians of RUNS runs) and each time as a ratio to the floor.
#
# Environment: GOVMAP_BIN, BENCH_DIR (build/bench), RUNS (5), SCALES ("1 4").
set -eu
BIN=${GOVMAP_BIN:?}
DIR=${BENCH_DIR:-build/bench}
RUNS=${RUNS:-5}
SCALES=${SCALES:-"1 4"}
TOOLS=$DIR/tools
mkdir -p "$TOOLS"
CC=${CC:-cc}
$CC -O2 -std=c11 -o "$TOOLS/gen" tests/bench/gen.c
$CC -O2 -std=c11 -o "$TOOLS/floor" tests/bench/floor.c $(pkg-config --cflags --libs yaml-0.1)
$CC -O2 -std=c11 -o "$TOOLS/measure" tests/bench/measure.c

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

for s in $SCALES; do
	reg=$DIR/scale$s/registry
	if [ ! -f "$reg/govmap.yaml" ] || [ "$TOOLS/gen" -nt "$reg/govmap.yaml" ]; then
		rm -rf "$DIR/scale$s"
		mkdir -p "$DIR/scale$s"
		"$TOOLS/gen" "$s" "$reg" >/dev/null
		(cd "$DIR/scale$s" && git init -q && git add registry &&
		 git -c user.name=bench -c user.email=bench@example.org \
			commit -q -m "synthetic registry, scale $s")
	fi
done

printf '%-34s %6s %9s %9s %10s %8s\n' "scale / command" "wall" "user+sys" "peak RSS" "vs floor" "target"
for s in $SCALES; do
	reg=$DIR/scale$s/registry
	nfiles=$(find "$reg" -name '*.yaml' | wc -l)
	echo "-- scale $s ($nfiles files; $(nproc) cores)"
	floor=$("$TOOLS/measure" "$RUNS" "$TOOLS/floor" "$reg")
	fw=${floor%% *}
	row() { # name target measure-output
		set -- "$1" "$2" $3
		printf '%-34s %5.3fs %8.3fs %7.0fMB %10s %8s\n' "$1" "$3" "$4" \
			"$(awk -v k="$5" 'BEGIN { print k / 1024 }')" "$(ratio "$3" "$fw")" "$2"
	}
	row "floor (bare libyaml, 1 thread)" "" "$floor"
	row "check (directory)" "<=1.2x" "$("$TOOLS/measure" "$RUNS" "$BIN" -r "$reg" check -q)"
	row "check --rev HEAD (Git)" "<=2x" "$("$TOOLS/measure" "$RUNS" "$BIN" -r "$reg" --rev HEAD check -q)"
	row "report" "" "$("$TOOLS/measure" "$RUNS" "$BIN" -r "$reg" report)"
	row "map of one footprint (svg)" "<=1s" "$("$TOOLS/measure" "$RUNS" "$BIN" -r "$reg" map --region england/syn-ics-000 -o "$DIR/footprint.svg")"
	row "national overview map (svg)" "<=5s" "$("$TOOLS/measure" "$RUNS" "$BIN" -r "$reg" map --national -o "$DIR/national.svg")"
	eval "check_$s=\$(\"\$TOOLS/measure\" \"\$RUNS\" \"\$BIN\" -r \"\$reg\" check -q)"
done
if [ -n "${check_1:-}" ] && [ -n "${check_4:-}" ]; then
	echo "-- scaling: check at scale 4 / scale 1 = $(ratio "${check_4%% *}" "${check_1%% *}") (target <=4.5x)"
fi
