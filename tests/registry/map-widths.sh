#!/bin/sh
# tests/registry/map-widths.sh - the region maps of registry/ fit a screen
# (issue 16, item 2): every region path the registry has (`govmap complete
# regions`, the regions and footprints the site draws) and the national
# map, laid out as SVG, checked by width at 100%, whatever the height:
#
#   - an area map (an ICB, RPB or health board footprint, or an area in
#     one) with no footprint below it: at most 1,600 pt wide (2,133 px
#     at 96 dpi; the layout aims at 1,500 pt, and 84 of the 85 were
#     under it on 2026-12-06, West Yorkshire 1,508);
#   - an area map with footprints below it (an ICB's merged areas, a
#     health board's council areas): at most 2,250 pt (3,000 px);
#   - the national map (`map --national`, the overview of one box per
#     area): at most 2,000 pt wide and no higher than it is wide, so
#     that it fits one screen (1,872 by 1,527 pt on 2026-12-06; 4,534
#     by 4,013 before its boxes were packed in a grid without lines);
#   - a nation (england, scotland, wales, northern-ireland, uk) and an
#     NHS England region (england/london), which draw each area below
#     them as one box, and an ICB footprint straight below england
#     (england/greater-manchester): at most 2,250 pt wide, like an area
#     with areas below it (England 1,417 pt, Midlands 1,439 on
#     2026-12-06; 26,920 and 2,758 before the areas were folded).
#
#   - the focus maps (`map --focus ID`) of the bodies most likely to be
#     wide, those with the most forums and answering bodies (FOCUS
#     below: NHS England, Healthwatch England, the members of the West
#     and North London ICP with 15 forums, and the ICBs with the most
#     links, with West Yorkshire and Somerset, the widest on
#     2026-12-07): at most 1,024 pt wide, so that the PNG (96 dpi) is at
#     most 1,366 px and reads at 100% on a laptop screen, as README
#     promises (render.c lays a focus map out again in rows of two when
#     it is wider; West Yorkshire ICB 1,023 pt, Healthwatch England
#     1,002, the West and North London ICP's members 918 in rows of two
#     on 2026-12-07; NHS Greater Manchester ICB was 1,369 pt before its
#     rows were folded in threes).
#
#   GOVMAP_BIN=/abs/build/govmap sh tests/registry/map-widths.sh
#
# The maps are laid out in parallel, MAP_JOBS at a time (default: the
# number of processors).  Prints `ok - NAME` / `not ok - NAME` per map
# and a summary line `# widths: ...`; exits 1 if any map is too wide or
# fails.  MAP_WIDTHS_OUT=FILE keeps the table (region, width, height).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
bin=${GOVMAP_BIN:-$top/build/govmap}
jobs=${MAP_JOBS:-$(nproc 2>/dev/null || echo 2)}
unset GOVMAP_REGISTRY GOVMAP_PLUGIN_PATH
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-widths.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# the national map and the largest regions (fewest path segments) first,
# so that the longest layouts do not start last
FOCUS="nhs-england healthwatch-england west-and-north-london-icp-membership
west-and-north-london-icb north-east-and-north-cumbria-icb nhs-gm-icb
central-east-icb west-yorkshire-icb north-east-london-icb somerset-icb"
{ echo NATIONAL; "$bin" -r registry complete regions; } >"$tmp/all" || exit 2
[ "$(wc -l <"$tmp/all")" -gt 1 ] || { echo "not ok - no regions listed"; exit 1; }
awk -F/ '{ print NF, $0 }' "$tmp/all" | sort -k1,1n -s | cut -d' ' -f2- >"$tmp/regions"
for id in $FOCUS; do echo "FOCUS:$id"; done >"$tmp/maps"
cat "$tmp/regions" >>"$tmp/maps"

# one line per map: NAME STATUS WIDTH HEIGHT (points)
one='
r=$1; f=$2/$(printf %s "$r" | tr / .).svg
case $r in
NATIONAL) set -- --national ;;
FOCUS:*) set -- --focus "${r#FOCUS:}" ;;
*) set -- --region "$r" ;;
esac
"$0" -r registry map "$@" -o "$f" 2>"$f.err"
rc=$?
size=$(sed -n "s/^<svg width=\"\([0-9.]*\)pt\" height=\"\([0-9.]*\)pt\".*/\1 \2/p" "$f" 2>/dev/null | head -n 1)
echo "$r $rc ${size:-0 0}"
'
xargs -P "$jobs" -I '{}' sh -c "$one" "$bin" '{}' "$tmp" <"$tmp/maps" \
	>"$tmp/sizes"

failed=0
n=0
sort "$tmp/sizes" >"$tmp/sorted"
while read -r r rc w h; do
	n=$((n + 1))
	if [ "$rc" != 0 ] || [ "$w" = 0 ]; then
		echo "not ok - map of $r (exit $rc)"
		sed 's/^/#   /' "$tmp/$(printf %s "$r" | tr / .).svg.err"
		failed=$((failed + 1))
	else
		# the map's class: a nation, an NHS England region or the
		# national map; an area with areas below it; an area
		case $r in
		NATIONAL | */*/* | [!e]*/*) wide=0 ;;
		*) wide=1 ;;
		esac
		[ "$r" = NATIONAL ] && wide=1
		limit=1600
		if [ $wide = 0 ] && grep -q "^$r/" "$tmp/regions"; then
			limit=2250
		fi
		[ $wide = 1 ] && limit=2250
		if [ "${r#FOCUS:}" != "$r" ]; then
			if awk -v w="$w" 'BEGIN { exit !(w > 1024) }'; then
				echo "not ok - focus map of ${r#FOCUS:}: $w x $h pt, wider than 1,024 pt (1,366 px)"
				failed=$((failed + 1))
			else
				echo "ok - focus map of ${r#FOCUS:} fits a 1366-px screen ($w x $h pt, at most 1,024 pt wide)"
			fi
		elif [ "$r" = NATIONAL ]; then
			if awk -v w="$w" -v h="$h" 'BEGIN { exit !(w > 2000 || h > w) }'; then
				echo "not ok - national map: $w x $h pt, wider than 2,000 pt or higher than wide"
				failed=$((failed + 1))
			else
				echo "ok - national map fits one screen ($w x $h pt: at most 2,000 pt wide, no higher than wide)"
			fi
		elif awk -v w="$w" -v l="$limit" 'BEGIN { exit !(w > l) }'; then
			echo "not ok - map of $r: $w x $h pt, wider than $limit pt"
			failed=$((failed + 1))
		else
			echo "ok - map of $r fits ($w x $h pt, at most $limit pt wide)"
		fi
	fi
done <"$tmp/sorted"
[ -n "${MAP_WIDTHS_OUT:-}" ] && cp "$tmp/sorted" "$MAP_WIDTHS_OUT"
widest=$(sort -k3 -n -r "$tmp/sorted" | head -n 1)
echo "# widths: $n maps, $failed too wide or failed; widest: $widest"
[ "$n" -ge 2 ] && [ "$failed" -eq 0 ]
