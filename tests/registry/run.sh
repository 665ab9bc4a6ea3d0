#!/bin/sh
# tests/registry/run.sh - the embedded registry (registry/) against what
# issue 5 and registry/README.md promise of it: `govmap check` clean with
# every plugin loaded, the counts of the bodies the plugins cover, 100%
# sourced, every required seat of the Welsh regional partnership boards,
# and the 2019 / today difference the seed articles describe.  TAP output;
# exit 1 on a failure.  POSIX sh and awk only (no python, no jq).
#
# Usage: GOVMAP_BIN=/abs/build/govmap sh tests/registry/run.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
bin=${GOVMAP_BIN:-$top/build/govmap}
unset GOVMAP_REGISTRY GOVMAP_PLUGIN_PATH
tmp=$(mktemp -d "${TMPDIR:-/tmp}/govmap-registry.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
is() { # what got want
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1"; echo "#   got  '$2'"; echo "#   want '$3'"; fi
}

# 1. check: exit 0, no errors or warnings from the schema, no error from
# any rule (warnings from rules are findings about the real world).
"$bin" -r registry check >"$tmp/check.out" 2>"$tmp/check.err"
is "govmap check on registry/ exits 0" "$?" 0
summary=$(tail -n 1 "$tmp/check.out")
case $summary in
*": 0 errors, 0 warnings; rules: 0 errors,"*) ok "check: 0 errors, 0 warnings; rules: 0 errors" ;;
*) not_ok "check: 0 errors, 0 warnings; rules: 0 errors"; echo "#   $summary" ;;
esac
is "no wales-rpb finding (every RPB has its partners and reg. 11 seats)" \
	"$(grep -c 'wales-rpb/' "$tmp/check.err")" 0
is "no greater-manchester error" \
	"$(grep 'greater-manchester/' "$tmp/check.err" | grep -c ': error:')" 0
is "no england-ics error" \
	"$(grep 'england-ics/' "$tmp/check.err" | grep -c ': error:')" 0
# every council filed in an ICB's area scrutinises that ICB and sits on
# its ICP (the plugin's icb-scrutiny and icp-membership rules are silent)
is "every council of an ICB's area scrutinises it" \
	"$(grep -c 'england-ics/icb-scrutiny' "$tmp/check.err")" 0
is "every council of an ICB's area sits on its ICP" \
	"$(grep -c 'england-ics/icp-membership' "$tmp/check.err")" 0

# no text with a gap where a name was left out (two spaces between words,
# as in "the areas of  and NHS Mid and South Essex ICB", mended 2026-12-07)
grep -rnE '[^ ]  +[^ #]' registry --include='*.yaml' >"$tmp/gaps"
is "no two spaces between words in registry text" "$(wc -l <"$tmp/gaps" |
	tr -d ' ')" 0
sed 's/^/#   /' "$tmp/gaps" | head -n 5

# 2. stats on a fixed date after the last change recorded
"$bin" -r registry --on 2026-11-25 stats >"$tmp/stats" 2>&1
is "govmap stats exits 0" "$?" 0
in_force() { # type -> count in force
	awk -v t="$1" '$1 == t && NF == 3 { print $2; exit }' "$tmp/stats"
}
area_sum() { # area-prefix type -> summed count in force
	awk -v p="$1" -v t="$2" 'index($1, p) == 1 && $2 == t && NF == 4 {
		s += $3 } END { print s + 0 }' "$tmp/stats"
}
# 36 ICBs since the mergers of 1 April 2026 (6 new, 12 abolished); 42 before
is "36 integrated care boards since April 2026" "$(in_force icb)" 36
is "36 integrated care partnerships since April 2026" "$(in_force icp)" 36
is "7 regional partnership boards" "$(in_force regional-partnership-board)" 7
is "7 local health boards" "$(in_force local-health-board)" 7
# NHS England's seven regions: no official source read gives the day each
# took its present form, so they are `from: unknown` (issue 15) and never
# counted in force; stats still lists all seven
is "7 NHS England regions recorded, none counted in force (start unknown)" \
	"$(awk '$1 == "nhs-england-region" && NF == 3 { print $2 "/" $3; exit }' \
		"$tmp/stats")" 0/7
is "22 Welsh councils" "$(area_sum wales/ local-authority)" 22
is "10 Greater Manchester boroughs" \
	"$(area_sum england/greater-manchester: local-authority)" 10
is "153 English upper-tier councils" "$(area_sum england/ local-authority)" 153
src=$(awk '$1 == "sourced:" { print $2 == $4 ? "all" : $2 " of " $4 }' \
	"$tmp/stats")
is "every entity cites a source" "$src" all
# money is a series by financial year: a figure counts only in its year
money_on() {
	"$bin" -r registry --on "$1" stats 2>/dev/null |
		awk '$1 == "public" && $2 == "money:" { print $3 "/" $9 }'
}
# 219 entities: 43 ICBs (the 42 of 2022 and Thames Valley, whose 2026/27
# budget is a reported £5.6bn), 153 councils, NHS England, DHSC, the GM
# partnership, six Welsh health boards, the Academy (registry/README.md),
# three contracts with a dated value (Bath and North East Somerset 2021/22,
# Devon 2018/19, Hertfordshire and West Essex ICB's HAARC contract with
# the East of England Ambulance Service 2024/25) and ten PSR contracts whose notice gives a one-year
# value (registry/import/psr_contracts.py: three for 2024/25, four for
# 2025/26, three for 2026/27)
is "219 entities with money; one for 2019/20 (Hywel Dda)" \
	"$(money_on 2019-06-01)" 219/1
is "one figure for 2016/17 (the GM partnership's £6bn)" \
	"$(money_on 2016-06-01)" 219/1
is "154 figures for 2023/24 (151 councils, BNSSG, Betsi Cadwaladr, Powys)" \
	"$(money_on 2023-06-01)" 219/154
is "51 figures for 2024/25 (42 ICBs, NHS England, DHSC, Westmorland and Furness, Powys, Aneurin Bevan, 3 PSR contracts, the HAARC contract)" \
	"$(money_on 2024-06-01)" 219/51
is "two figures for 2022/23 (Swansea Bay's outturn, the Academy's expenditure)" \
	"$(money_on 2022-06-01)" 219/2
is "48 figures for 2025/26 (42 ICBs, NHS England, DHSC, 4 PSR contracts)" \
	"$(money_on 2025-06-01)" 219/48
is "four figures for 2026/27 (the NWAS, North Cheshire and Mersey and WMAS contracts; Thames Valley ICB's budget)" \
	"$(money_on 2026-06-01)" 219/4
is "two figures for 2018/19 (Hywel Dda, the Devon contract)" \
	"$(money_on 2018-06-01)" 219/2
is "two figures for 2021/22 (Birmingham, the B&NES contract)" \
	"$(money_on 2021-06-01)" 219/2
is "one figure for 2011/12 and one for 2012/13 (Cwm Taf's original revenue allocations)" \
	"$(money_on 2011-06-01) $(money_on 2012-06-01)" "219/1 219/1"
is "no regional partnership board before 6 April 2016" \
	"$("$bin" -r registry --on 2016-04-05 stats |
		awk '$1 == "regional-partnership-board" { print $2 }')" 0
is "7 regional partnership boards on 6 April 2016" \
	"$("$bin" -r registry --on 2016-04-06 stats |
		awk '$1 == "regional-partnership-board" { print $2 }')" 7

# the 42 ICBs of 2022 until the day before the mergers, and the england-ics
# scrutiny and ICP rules silent then too
for d in 2022-07-01 2026-03-31; do
	"$bin" -r registry --on $d stats >"$tmp/stats.$d" 2>&1
	"$bin" -r registry --on $d check >/dev/null 2>"$tmp/check.$d"
	is "$d: 42 integrated care boards" \
		"$(awk '$1 == "icb" && NF == 3 { print $2; exit }' "$tmp/stats.$d")" 42
	is "$d: 42 integrated care partnerships" \
		"$(awk '$1 == "icp" && NF == 3 { print $2; exit }' "$tmp/stats.$d")" 42
	is "$d: every council of an ICB's area scrutinises it and sits on its ICP" \
		"$(grep -c 'england-ics/icb-scrutiny\|england-ics/icp-membership' "$tmp/check.$d")" 0
done
# the councils filed in the footprints nested under a 2026 ICB count in its
# area (england-ics counts a region and everything below it)
is "england-ics counts Central East's seven councils in its area" \
	"$(grep -c "councils-per-icb\] ICB 'central-east-icb' commissions for 7 " "$tmp/check.err")" 1

# the twelve ICBs abolished on 1 April 2026 end that day and name a successor
ended=$(grep -l '^  to: 2026-04-01$' registry/england/icbs/*/*/*-icb.yaml |
	xargs grep -l '^succeeded_by: ' | wc -l | tr -d ' ')
is "12 ICBs end on 2026-04-01 with succeeded_by" "$ended" 12

# the small splits the ONS July 2022 LSOA lookup gives (registry/README.md,
# "Council-to-ICB rows"): a scrutiny link for each, from the day given
for pair in cambridgeshire-and-peterborough-icb:hertfordshire-county-council:2022-07-01 \
	lancashire-and-south-cumbria-icb:north-yorkshire-council:2022-07-01 \
	lancashire-and-south-cumbria-icb:cumberland-council:2023-04-01 \
	surrey-heartlands-icb:west-sussex-county-council:2022-07-01; do
	icb=${pair%%:*} rest=${pair#*:}
	council=${rest%%:*} from=${rest#*:}
	found=$(grep -rlx "from: $icb" registry/england | xargs grep -lx "to: $council" |
		xargs grep -lx "  from: $from" | wc -l | tr -d ' ')
	is "$council scrutinises $icb from $from" "$found" 1
done

# every English council in force is scrutinising at least one ICB today:
# a scrutinised-by link from an ICB to it with no end date
# the councils scrutinising an ICB today, one pass over the link files
grep -rl '^type: scrutinised-by$' registry/england >"$tmp/scrutiny"
xargs awk 'FNR == 1 { if (f && icb && !ended) print to; f = 1
		icb = 0; ended = 0; to = "" }
	$1 == "from:" && $2 ~ /-icb$/ { icb = 1 }
	$1 == "to:" && /^to: / { to = $2 }
	/^  to: / { ended = 1 }
	END { if (f && icb && !ended) print to }' <"$tmp/scrutiny" |
	sort -u >"$tmp/scrutinising"
unlinked=""
for f in $(grep -rl '^type: local-authority$' registry/england); do
	grep -q '^  to: ' "$f" && continue      # a council wound up
	id=$(awk '$1 == "id:" { print $2; exit }' "$f")
	grep -qx "$id" "$tmp/scrutinising" || unlinked="$unlinked $id"
done
is "every English council in force scrutinises an ICB" "${unlinked:-none}" none

# the forums (registry/england/forums/, made by registry/import/forums.py):
# every English upper-tier council in force has a health and wellbeing
# board and a Local Healthwatch with its s.221 contract, today and in 2015
for d in 2015-06-01 2026-11-25; do
	"$bin" -r registry --on $d stats >"$tmp/stats.f" 2>&1
	"$bin" -r registry --on $d check >/dev/null 2>"$tmp/check.f"
	councils=$(awk '$1 == "england:" && $2 == "local-authority" && NF == 4 {
		print $3; exit }' "$tmp/stats.f")
	for t in health-and-wellbeing-board healthwatch; do
		is "$d: a $t for each of the $councils English councils" \
			"$(awk -v t="$t" '$1 == "england:" && $2 == t && NF == 4 {
				print $3; exit }' "$tmp/stats.f")" "$councils"
	done
	is "$d: a Local Healthwatch contract for each of them" \
		"$(awk '$1 == "local-healthwatch" && NF == 3 { print $2; exit }' \
			"$tmp/stats.f")" "$councils"
	is "$d: every health and wellbeing board has its s.194 members" \
		"$(grep -c 'england-ics/hwb-members' "$tmp/check.f")" 0
	is "$d: each Local Healthwatch is funded by the council it reports on" \
		"$(grep -c 'england-ics/healthwatch-funded-by-council' "$tmp/check.f")" \
		"$councils"
done
is "no health and wellbeing board before 1 April 2013" \
	"$("$bin" -r registry --on 2013-03-31 stats 2>&1 |
		awk '$1 == "health-and-wellbeing-board" && NF == 3 { print $2 }')" 0
# an ICB's representative sits on the board of each council that scrutinises it
is "Barnsley's board: South Yorkshire ICB's seat from 2022-07-01, the CCG's before" \
	"$(grep -c 'appointed_by: south-yorkshire-icb\|appointed_by: barnsley-ccg' \
		registry/england/forums/hwb/barnsley-council-hwb.yaml)" 2
"$bin" -r registry --on 2023-06-01 check >/dev/null 2>"$tmp/check.jhosc"
is "2023: north central London's five boroughs scrutinise their ICB jointly" \
	"$(grep -c "joint-scrutiny\] ICB 'north-central-london-icb'" "$tmp/check.jhosc")" 0
is "three published Local Healthwatch contracts carry their value" \
	"$(grep -l '^value_gbp: ' registry/england/forums/healthwatch/*-contract-20*.yaml |
		wc -l | tr -d ' ')" 3
is "Healthwatch England is a committee of the CQC" \
	"$(grep -c '^of: cqc$' registry/england/national/healthwatch-england.yaml)" 1

# 3. every RPB has a board with the seats regulation 11 requires: eight
# reg. 11(1) roles beside the directors of social services
for f in registry/wales/*/*-rpb-members.yaml; do
	roles=$(grep -c '^  - role: ' "$f")
	dirs=$(grep -c '^  - role: "Director of social services' "$f")
	is "$(basename "$f" .yaml): 7 reg. 11(1) roles beside $dirs directors" \
		$((roles - dirs)) 7
done
is "seven RPB member boards" \
	"$(ls registry/wales/*/*-rpb-members.yaml | wc -l | tr -d ' ')" 7

# Wales's patient voice: seven Community Health Councils until 31 March
# 2023, Llais from 1 April 2023, each health board answering to the one in
# force; each RPB's members board says what the partnership decides
chc() { "$bin" -r registry --on "$1" stats 2>&1 |
	awk '$1 == "community-health-council" && NF == 3 { print $2 }'; }
is "2020: seven Community Health Councils" "$(chc 2020-01-01)" 7
is "2023-03-31: seven Community Health Councils" "$(chc 2023-03-31)" 7
is "2023-04-01: no Community Health Council" "$(chc 2023-04-01)" 0
is "Llais from 2023-04-01" \
	"$(grep -A1 '^valid:' registry/wales/national/llais.yaml | grep -c 'from: 2023-04-01')" 1
is "each health board scrutinised by its CHC and then Llais" \
	"$(ls registry/wales/*/links/*-scrutinised-by-*chc.yaml \
		registry/wales/*/links/*-scrutinised-by-llais.yaml | wc -l | tr -d ' ')" 14
is "each RPB's members board records its pooled funds (reg. 19)" \
	"$(grep -l 'S.I. 2015/1989 reg. 19' registry/wales/*/*-rpb-members.yaml |
		wc -l | tr -d ' ')" 7

# each RPB reports to the Welsh Government (written question 96262), so its
# chain reaches the Senedd's voters; the seats of its members board whose
# fill regulation 11 does not state give an interval (issue 15): at worst
# no chain, at best appointed by its strongest member (a council or the
# health board, member-of the RPB)
for f in registry/wales/*/*-rpb.yaml; do
	id=$(basename "$f" .yaml)
	"$bin" -r registry --on 2026-11-25 explain "$id" >"$tmp/rpb.out" 2>&1
	is "$id: its chain reaches the Senedd electorate" \
		"$(grep -c '^  reaches: Senedd electorate' "$tmp/rpb.out")" 1
	is "$id: A is an interval from 0.109 (unstated seats give no chain)" \
		"$(grep -c 'accountability A = 0\.109 to 0\.[3-9][0-9][0-9] ' "$tmp/rpb.out")" 1
done
"$bin" -r registry --on 2026-11-25 explain north-wales-rpb >"$tmp/rpb.out" 2>&1
is "North Wales RPB: 0.109 to 0.370 (8 of 14 seats appointed by a council, 0.9 x 0.8 x 8/14 x 0.9)" \
	"$(grep -c 'accountability A = 0.109 to 0.370 ' "$tmp/rpb.out")" 1

# each local health board's board has the seats of reg. 3 of the 2009
# Regulations: chair, vice-chair, nine non-officer and nine officer members
for f in registry/wales/*/*-board.yaml; do
	case $f in *-rpb-members.yaml) continue ;; esac
	off=$(grep -c '^  - role: "Officer member: ' "$f")
	non=$(awk '/^  - role: "Non-officer member/ { n++; c = 1; next }
		/^  - role:/ { c = 0 } c && $1 == "count:" { n += $2 - 1 }
		END { print n + 0 }' "$f")
	is "$(basename "$f" .yaml): 9 officer and 9 non-officer members" \
		"$off/$non" 9/9
done

# 4. the history the seeds describe (issue 18): CCGs from 2013 (211, merging
# to 191 by April 2019, 135 by April 2020, 106 by April 2021), the 44 STP
# footprints of March 2016 (42 after three merged on 1 April 2018), ICBs
# from July 2022; check clean on each date the seeds look at
count_on() { # date type -> count in force on that date
	"$bin" -r registry --on "$1" stats 2>/dev/null |
		awk -v t="$2" '$1 == t && NF == 3 { print $2; exit }'
}
for pin in 2013-04-01:ccg:211 2015-06-01:ccg:209 2019-04-01:ccg:191 \
	2020-04-01:ccg:135 2021-04-01:ccg:106 2022-06-30:ccg:106 \
	2022-07-01:ccg:0 2015-06-01:stp:0 2016-03-15:stp:0 2016-03-16:stp:44 2017-06-01:stp:44 \
	2018-04-01:stp:42 2019-06-01:stp:42 2022-06-30:stp:42 2022-07-01:stp:0 \
	2015-06-01:icb:0 2019-06-01:icb:0 2023-06-01:icb:42; do
	d=${pin%%:*} rest=${pin#*:}
	t=${rest%%:*} want=${rest#*:}
	is "$d: $want ${t}s in force" "$(count_on "$d" "$t")" "$want"
done
"$bin" -r registry --on 2019-06-01 stats >"$tmp/stats" 2>&1
is "2019-06-01: 191 CCGs" "$(in_force ccg)" 191
"$bin" -r registry --on 2026-11-25 stats >"$tmp/stats" 2>&1
is "today: no CCG in force" "$(in_force ccg)" 0
is "today: no STP in force" "$(in_force stp)" 0
for d in 2015-06-01 2017-06-01 2019-06-01 2023-06-01 2026-11-25; do
	"$bin" -r registry --on $d check >"$tmp/check.out" 2>"$tmp/check.$d"
	case $(tail -n 1 "$tmp/check.out") in
	*": 0 errors, 0 warnings; rules: 0 errors,"*) ok "$d: check clean" ;;
	*) not_ok "$d: check clean"; tail -n 1 "$tmp/check.out" | sed 's/^/#   /' ;;
	esac
done
# STPs took decisions that statutory bodies ratified (Surrey County Council's
# sign-off of 22 June 2016): england-ics/stp-no-basis fires in 2017
is "2017: stp-no-basis fires for the Surrey Heartlands STP" \
	"$(grep -c "stp-no-basis\] 'surrey-heartlands-stp' has no statutory basis" "$tmp/check.2017-06-01")" 1
# every CCG has a governing body, and every CCG names a successor
ccgs=$(grep -rlx 'type: ccg' registry/england | wc -l | tr -d ' ')
gbs=$(grep -rl '^id: .*-ccg-governing-body$' registry/england | wc -l | tr -d ' ')
is "248 CCGs recorded" "$ccgs" 248
is "every CCG has a governing body" "$gbs" "$ccgs"
is "every CCG names a successor" \
	"$(grep -rlx 'type: ccg' registry/england | xargs grep -l '^succeeded_by: ' | wc -l | tr -d ' ')" "$ccgs"
# chains by date: a CCG merged in 2015 answers through NHS England to
# Parliament (no CCG-to-council lookup before July 2015 was read), CCGs of
# 2015 to their council's voters, an STP only through NHS England (guidance),
# the ICB of 2023 to a council's voters
chain() { # date id -> the electorate its strongest chain reaches
	"$bin" -r registry --on "$1" explain "$2" 2>/dev/null |
		sed -n 's/^  reaches: \(.*\) (voters)$/\1/p'
}
is "2014: gateshead-ccg reaches Parliament's voters through NHS England" \
	"$(chain 2014-06-01 gateshead-ccg)" "UK parliamentary electorate"
is "2015: bristol-ccg reaches Bristol's voters" \
	"$(chain 2015-06-01 bristol-ccg)" "Bristol local government electorate"
is "2015: newcastle-gateshead-ccg reaches Gateshead's voters" \
	"$(chain 2015-06-01 newcastle-gateshead-ccg)" "Gateshead local government electorate"
is "2019: syb-stp reaches voters only through NHS England" \
	"$(chain 2019-06-01 syb-stp)" "UK parliamentary electorate"
is "2023: south-yorkshire-icb reaches Barnsley's voters" \
	"$(chain 2023-06-01 south-yorkshire-icb)" "Barnsley local government electorate"
is "2019: bristol-ccg is not in force (merged 2018)" \
	"$(chain 2019-06-01 bristol-ccg)" ""

# 4b. Scotland and Northern Ireland (issue 21, registry/README.md
# "Scotland" and "Northern Ireland")
"$bin" -r registry plugins >"$tmp/plugins" 2>&1
is "govmap plugins lists scotland-ijb and northern-ireland" \
	"$(grep -c '^ *scotland-ijb \|^ *northern-ireland ' "$tmp/plugins")" 2
"$bin" -r registry --on 2026-11-25 stats >"$tmp/stats" 2>&1
ia=$(($(in_force integration-joint-board) + $(in_force lead-agency-arrangement)))
is "31 integration authorities (30 IJBs and Highland's lead agency)" "$ia" 31
is "30 integration joint boards" "$(in_force integration-joint-board)" 30
is "14 territorial NHS boards in Scotland" "$(in_force health-board)" 14
is "32 Scottish councils" "$(area_sum scotland/ local-authority)" 32
is "32 Scottish council electorates" "$(area_sum scotland/ electorate)" 32
is "5 Northern Ireland HSC trusts" "$(in_force hsc-trust)" 5
codes=$(grep -rh '^  ons: S12' registry/scotland | sort -u | wc -l | tr -d ' ')
is "32 distinct S12 council codes" "$codes" 32
codes=$(grep -rh '^  ons: S08' registry/scotland | sort -u | wc -l | tr -d ' ')
is "14 distinct S08 health board codes" "$codes" 14
codes=$(grep -rh '^  ons: S37' registry/scotland | sort -u | wc -l | tr -d ' ')
is "31 distinct S37 partnership codes" "$codes" 31
roles=$(cat registry/scotland/*/*/*-ijb-board.yaml | grep -c '^  - role: ')
posts=$(cat registry/scotland/*/*/*-ijb-board.yaml | grep -c '^    post: ')
is "every seat of the 30 IJB boards has a post" "$posts" "$roles"
# every IJB's board has equal voting sides, its officers and stakeholders:
# the scotland-ijb rules that say so are silent (chair seats are not
# recorded: ijb-chair gives info only)
is "scotland-ijb: no error on registry/" \
	"$(grep 'scotland-ijb/' "$tmp/check.err" | grep -c ': error:')" 0
is "every IJB's only chain to voters runs through its nominating bodies" \
	"$(grep -c 'scotland-ijb/ijb-indirect-chain' "$tmp/check.err")" 30
is "northern-ireland: no finding today" \
	"$(grep -c 'northern-ireland/' "$tmp/check.err")" 0
# the Health and Social Care Board until 31 March 2022, the SPPG after it
# (NI arm's-length bodies: the Public Health Agency, and the HSCB until then)
for d in 2022-03-31:1:0 2022-04-01:0:1; do
	day=${d%%:*} rest=${d#*:}
	"$bin" -r registry --on "$day" stats >"$tmp/stats.ni" 2>&1
	is "$day: the HSCB ${rest%%:*}, the SPPG ${rest#*:}" \
		"$(awk '$1 == "northern-ireland:" && $2 == "arms-length-body" && NF == 4 { print $3 }' "$tmp/stats.ni"):$(awk '$1 == "northern-ireland:" && $2 == "unincorporated" && NF == 4 { print $3 }' "$tmp/stats.ni")" \
		"$((1 + ${rest%%:*})):${rest#*:}"
done
# while the Assembly did not sit (2018, 2023) an NI trust has no chain to
# voters and explain names where it breaks; when it sat (2021, today) the
# chain reaches the Assembly's electorate
for d in 2018-06-01 2023-06-01; do
	"$bin" -r registry --on $d explain belfast-hsc-trust >"$tmp/ni.out" 2>&1
	is "$d: belfast-hsc-trust has no chain to voters" \
		"$(grep -c '^Chain to voters: none' "$tmp/ni.out")" 1
	is "$d: explain shows the chain broken at the Minister of Health" \
		"$(grep -c "northern-ireland/chain-broken\] on $d the chain to voters of Belfast Health and Social Care Trust is broken: Belfast Health and Social Care Trust -> Department of Health (Northern Ireland) -> Minister of Health (Northern Ireland)" "$tmp/ni.out")" 1
done
for d in 2021-06-01 2026-11-25; do
	"$bin" -r registry --on $d explain belfast-hsc-trust >"$tmp/ni.out" 2>&1
	is "$d: belfast-hsc-trust's chain reaches the Assembly electorate" \
		"$(grep -c '^  reaches: Northern Ireland Assembly electorate' "$tmp/ni.out")" 1
done

# 7. money (issue 17 item 3; generated by registry/import/money.py from the
# tables in registry/import/data): NHS England's allocation to every ICB of
# 2022 for 2024/25 and 2025/26, and every upper-tier council in force its
# adult social care net expenditure (outturn) for a recent year
money_of() { # file -> one "year:kind" line per money entry
	awk '/^money:/ { m = 1; next } /^[^ ]/ { m = 0 }
		m && /^  - / { y = ""; k = "" }
		m && $0 ~ /^  (- |  )year: / { y = $NF; gsub(/"/, "", y) }
		m && $0 ~ /^  (- |  )kind: / { k = $NF }
		m && y != "" && k != "" { print y ":" k; y = ""; k = "" }' "$1"
}
icbs=0 missing=""
for f in $(grep -rlx 'type: icb' registry/england); do
	grep -qx '  from: 2022-07-01' "$f" || continue
	icbs=$((icbs + 1))
	for y in 2024/25 2025/26; do
		money_of "$f" | grep -qx "$y:allocation" ||
			missing="$missing $(basename "$f" .yaml):$y"
	done
done
is "42 ICBs of 2022" "$icbs" 42
is "every ICB of 2022 has its 2024/25 and 2025/26 allocation" "${missing:-none}" none
councils=0 missing=""
for f in $(grep -rlx 'type: local-authority' registry/england); do
	grep -q '^  to: ' "$f" && continue      # a council wound up
	councils=$((councils + 1))
	money_of "$f" | grep -q ':outturn$' || missing="$missing $(basename "$f" .yaml)"
done
is "153 upper-tier councils in force" "$councils" 153
is "every upper-tier council in force has its adult social care outturn" \
	"${missing:-none}" none
# the money coverage that issue 17 asks for ("money for every ICB, every
# Welsh health board and every upper-tier English council"), measured by
# stats, and the bodies that still lack it (registry/README.md, "Money
# still missing"): five of the six ICBs of April 2026 (NHS England's
# 2026/27 allocations not found; Thames Valley has a reported budget) and
# one Welsh health board
is "stats: 31 of the 36 ICBs in force have money" \
	"$(awk '$1 == "icb:" && $3 == "of" { print $2 "/" $4 }' "$tmp/stats")" 31/36
is "stats: 6 of the 7 Welsh local health boards have money" \
	"$(awk '$1 == "local-health-board:" && $3 == "of" { print $2 "/" $4 }' "$tmp/stats")" 6/7
nomoney() { # type -> the ids of the bodies of that type in force with no money
	for f in $(grep -rlx "type: $1" registry); do
		grep -q '^  to: ' "$f" || grep -q '^money:' "$f" || basename "$f" .yaml
	done | sort | tr '\n' ' '
}
is "the ICBs without money are five of the six of April 2026" "$(nomoney icb)" \
	"central-east-icb essex-icb norfolk-and-suffolk-icb surrey-and-sussex-icb west-and-north-london-icb "
is "Thames Valley ICB: a 2026/27 budget of £5.6bn (reported, rounded), no allocation" \
	"$(f=registry/england/icbs/south-east/thames-valley/thames-valley-icb.yaml
	   echo "$(money_of "$f"):$(grep -c '^    gbp: 5_600_000_000$' "$f")")" "2026/27:budget:1"
is "the Welsh health boards without money" "$(nomoney local-health-board)" \
	"cardiff-and-vale-uhb "
# exact figures, checked against a second source (registry/README.md):
# DHSC's written answer gave Humber and North Yorkshire's 2025/26 core
# services allocation; MHCLG's multi-year data set gives Kent's 2023/24
is "Humber and North Yorkshire's 2025/26 core services stream is DHSC's £3,646,033,000" \
	"$(grep -c '^QOQ,[^,]*,2025/26,core services,3646033$' registry/import/data/icb-allocations.csv)" 1
is "Humber and North Yorkshire's 2025/26 allocation, all five streams: £4,658,158,000" \
	"$(grep -c '^    gbp: 4_658_158_000$' registry/england/icbs/north-east-and-yorkshire/humber-and-north-yorkshire/humber-and-north-yorkshire-icb.yaml)" 1
"$bin" -r registry --on 2023-06-01 explain kent-county-council >"$tmp/kent.out" 2>&1
is "explain: Kent's 2023/24 adult social care outturn, £663m" \
	"$(grep -c '^  public money £663m (2023/24 outturn);' "$tmp/kent.out")" 1
"$bin" -r registry --on 2025-06-01 explain nhs-gm-icb >"$tmp/gm.out" 2>&1
is "explain: NHS Greater Manchester's 2025/26 allocation, £8.7bn" \
	"$(grep -c '^  public money £8.7bn (2025/26 allocation);' "$tmp/gm.out")" 1

# 5. every region map lays out (DOT is not enough: lay them out as SVG),
# and none is wider than a screen: at most 1,500 pt (2,000 px) wide or
# 2.5 times its height (issue 16; tests/registry/map-widths.sh lays the
# 118 maps out in parallel), and ten focus maps at most 1,024 pt (1,366
# px) wide
# relay PREFIX SCRIPT ARGS...: run a check script (GOVMAP_BIN set), each
# of its `ok - `/`not ok - ` lines counted here with PREFIX before it;
# a script that says nothing, or fails with no failed line, fails too
relay() {
	pre=$1
	shift
	GOVMAP_BIN=$bin sh "$@" >"$tmp/relay.out" 2>&1
	src=$?
	seen=0
	before=$failed
	while IFS= read -r line; do
		case $line in
		"ok - "*) seen=1; ok "$pre${line#ok - }" ;;
		"not ok - "*) seen=1; not_ok "$pre${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done <"$tmp/relay.out"
	[ $seen = 1 ] && { [ $src = 0 ] || [ $failed -gt $before ]; } ||
		not_ok "$* exited $src"
}
relay "" tests/registry/map-widths.sh

# the national overview and England's map printed on sheets of A4 (map
# --paper: the key page, each sheet's grid reference and neighbours, the
# blank sheets left out, text 8 pt or more, every word on some sheet)
# and the whole registry's map refused on A4 (more than 48 sheets); the
# fixtures' prints are in the CLI tests
relay "print: " tests/cli/map-print.sh --registry

# the BNSSG map by date: the three CCGs in 2015, the merged CCG and the STP
# in 2019, the ICB alone in 2023 (node tooltips start with the name)
map_has() { # date name -> how many nodes of the BNSSG map on that date it names
	"$bin" -r registry --on "$1" map --region england/south-west/bnssg \
		--format dot 2>/dev/null | grep -c "tooltip=\"$2 ("
}
stp='Bristol, North Somerset and South Gloucestershire Sustainability and Transformation Partnership'
is "2015 BNSSG map: NHS Bristol CCG" "$(map_has 2015-06-01 'NHS Bristol CCG')" 1
is "2015 BNSSG map: no STP yet" "$(map_has 2015-06-01 "$stp")" 0
is "2019 BNSSG map: the STP" "$(map_has 2019-06-01 "$stp")" 1
is "2019 BNSSG map: the merged CCG, not NHS Bristol CCG" \
	"$(map_has 2019-06-01 'NHS Bristol, North Somerset and South Gloucestershire CCG')/$(map_has 2019-06-01 'NHS Bristol CCG')" 1/0
is "2023 BNSSG map: the ICB, no CCG or STP" \
	"$(map_has 2023-06-01 'NHS Bristol, North Somerset and South Gloucestershire Integrated Care Board')/$(map_has 2023-06-01 'NHS Bristol, North Somerset and South Gloucestershire CCG')/$(map_has 2023-06-01 "$stp")" 1/0/0

# 6. the region plugins' colours reach the map (borders and legend)
"$bin" -r registry map --region wales/gwent --format dot >"$tmp/gwent.dot" 2>&1
is "map: wales-rpb's colour for local health boards in the legend" \
	"$(grep -c 'border: local health board (region plugin)' "$tmp/gwent.dot")" 1

# 7. providers and contracts (issue 17).  The NHS trusts and foundation
# trusts are generated from the ODS extract kept in registry/import/data:
# every English trust open in it is in force, with its ODS code, and no
# other; every one but the ambulance trusts and The Online NHS Trust has a
# commissioned-by link to the ICB of its area.
awk -F'","' '$12 == "" && $3 != "" { print $1 }' registry/import/data/etr.csv |
	tr -d '"' | sort >"$tmp/ods-open"
is "the ODS extract lists 199 English trusts open" \
	"$(wc -l <"$tmp/ods-open" | tr -d ' ')" 199
# a closed trust's file holds its body only, ended by valid.to
for f in $(grep -L '^  to: ' registry/england/trusts/*.yaml); do
	awk '$1 == "ods:" { print $2; exit }' "$f"
done | sort >"$tmp/ods-registry"
is "the trusts in registry/ with no end are exactly the open English trusts of the extract" \
	"$(cmp -s "$tmp/ods-open" "$tmp/ods-registry" && echo same || echo differ)" same
awk -F'","' '$12 >= "20130401" && $3 != "" { print $1 }' registry/import/data/etr.csv |
	tr -d '"' | sort >"$tmp/ods-closed"
for f in $(grep -l '^  to: ' registry/england/trusts/*.yaml); do
	awk '$1 == "ods:" { print $2; exit }' "$f"
done | sort >"$tmp/ods-ended"
is "the ended trusts are exactly the 51 English trusts the extract closes since April 2013" \
	"$(cmp -s "$tmp/ods-closed" "$tmp/ods-ended" && wc -l <"$tmp/ods-ended" | tr -d ' ')" 51
# lineage from the ODS succession file: Hinchingbrooke (closed 31 March
# 2017) was succeeded by North West Anglia, which replaces no single trust
is "Hinchingbrooke Health Care NHS Trust succeeded by North West Anglia FT" \
	"$(grep -c '^succeeded_by: north-west-anglia-nhs-foundation-trust$' registry/england/trusts/hinchingbrooke-health-care-nhs-trust.yaml)" 1
is "44 closed trusts name their one successor" \
	"$(grep -l '^succeeded_by: ' registry/england/trusts/*.yaml | wc -l | tr -d ' ')" \
	"$(awk -F'","' '{ print $1 }' registry/import/data/succ.csv | tr -d '"' |
		sort | uniq -c | awk '$1 == 1 { print $2 }' | sort >"$tmp/one-succ"
	   comm -12 "$tmp/one-succ" "$tmp/ods-closed" | wc -l | tr -d ' ')"
"$bin" -r registry --on 2026-12-06 stats >"$tmp/stats" 2>&1
# the 199 English trusts of the ODS extract and the three Welsh NHS trusts
# (registry/wales/national: Velindre, the Welsh Ambulance Services, Public
# Health Wales; the same extract's rows RQF, RT4, RYT)
is "stats: 202 NHS trusts and foundation trusts in force (199 English, 3 Welsh)" \
	"$(awk '/NHS trusts and foundation trusts in force:/ { print $8 }' "$tmp/stats")" 202
is "stats: 64 NHS trusts (61 English, 3 Welsh) and 138 foundation trusts" \
	"$(awk '/NHS trusts and foundation trusts in force:/ { print $9 "/" $11 }' "$tmp/stats" | tr -d '(')" 64/138
is "stats: the three Welsh NHS trusts are in wales" \
	"$(awk '$1 == "wales:" && $2 == "nhs-trust" { print $3 "/" $4 }' "$tmp/stats")" 3/3
is "stats: every trust in force has an ODS code" \
	"$(awk '/with an ODS code:/ { sub(";", "", $5); print $5 }' "$tmp/stats")" 202
# the Welsh NHS trusts (registry/wales/national): each one's ODS code is its
# row of the extract with national grouping W, open; the ambulance trust is
# commissioned by the seven health boards jointly (EASC), bounded by EASC's
# meeting of 30 January 2024, so not on the day before
awk -F'","' '$24 == "W" && $12 == "" { print $1 }' registry/import/data/etr.csv |
	tr -d '"' | sort | tr '\n' ' ' >"$tmp/ods-wales"
is "the extract's open Welsh trusts are RQF RT4 RYT, and the registry's three have those codes" \
	"$(cat "$tmp/ods-wales")/$(grep -h '^  ods: ' registry/wales/national/*-nhs-trust.yaml | awk '{ print $2 }' | sort | tr '\n' ' ')" \
	"RQF RT4 RYT /RQF RT4 RYT "
is "the Welsh ambulance trust is commissioned by each of the seven local health boards" \
	"$(grep -h '^to: ' registry/wales/national/welsh-ambulance-services-university-nhs-trust.yaml |
		while read -r _ t; do grep -l "^id: $t\$" registry/wales/*/*.yaml; done |
		xargs grep -l '^type: local-health-board$' | wc -l | tr -d ' ')" 7
for d in 2024-01-29 2024-01-30; do
	"$bin" -r registry --on $d explain welsh-ambulance-services-university-nhs-trust >"$tmp/wast.$d" 2>&1
done
is "WAST: no commissioner known on 2024-01-29, commissioned from 2024-01-30; its chain reaches the Senedd electorate" \
	"$(grep -c 'core/no-commissioner' "$tmp/wast.2024-01-29")/$(grep -c 'core/no-commissioner' "$tmp/wast.2024-01-30")/$(grep -c '^  reaches: Senedd electorate (voters)' "$tmp/wast.2024-01-30")" 1/0/1
is "stats: 196 trusts commissioned (all English ones but 3 ambulance trusts and NHS Online: NWAS, YAS, SWAST, NEAS, SCAS, WMAS and LAS have contracts in force; SECAmb's ended in 2025; of the Welsh, the ambulance trust by the seven health boards)" \
	"$(awk '/with an ODS code:/ { print $NF }' "$tmp/stats")" 196
# 8 contracts the seeds name, and 4 written by hand on 2026-12-07 (issue
# 17): North Central London ICB's NHS 111 contract with London Ambulance
# (tendered, one bid; dates and value not known) and three of Hertfordshire
# and West Essex ICB's local contracts with the East of England Ambulance
# Service (patient transport 2024-25, HAARC 2024/25, West Essex rapid
# intervention 2023-2026), all ended by 2026-12-07
is "12 contracts in registry/england/contracts (8 the seeds name, 4 of issue 17)" \
	"$(grep -l '^kind: contract$' registry/england/contracts/*.yaml | wc -l | tr -d ' ')" 12
is "NCL ICB's 111 contract with London Ambulance: tendered, no start, end or value" \
	"$(f=registry/england/contracts/north-central-london-icb-london-ambulance-service-nhs-trust-111-iuc-2023.yaml
	   grep -c '^tendered: true$\|^commissioner: north-central-london-icb$\|^provider: london-ambulance-service-nhs-trust$' "$f"):$(grep -c '^start:\|^end:\|^value_gbp:' registry/england/contracts/north-central-london-icb-london-ambulance-service-nhs-trust-111-iuc-2023.yaml)" 3:0
is "three HWE ICB contracts with the East of England Ambulance Service, untendered and published" \
	"$(grep -l '^provider: east-of-england-ambulance-service-nhs-trust$' registry/england/contracts/*.yaml | xargs grep -l '^commissioner: hertfordshire-and-west-essex-icb$' | xargs grep -l '^tendered: false$' | xargs grep -l '^published: true$' | wc -l | tr -d ' ')" 3
# contracts between an ICB and a trust from published Provider Selection
# Regime award notices (registry/import/psr_contracts.py): one per row of
# the extract, each between a body of type icb and a trust in force, and
# untendered where the notice says it was a direct award
psr=registry/england/contracts/psr
is "44 PSR awards in the extract" \
	"$(tail -n +2 registry/import/data/psr-trust-contracts.csv | wc -l | tr -d ' ')" 44
is "one contract per row" "$(ls "$psr"/*.yaml | wc -l | tr -d ' ')" 44
bad=""
for f in "$psr"/*.yaml; do
	c=$(awk '$1 == "commissioner:" { print $2 }' "$f")
	p=$(awk '$1 == "provider:" { print $2 }' "$f")
	grep -qx 'type: icb' "$(grep -rlx "id: $c" registry/england)" || bad="$bad $c"
	pf=registry/england/trusts/$p.yaml
	[ -f "$pf" ] && ! grep -q '^  to: ' "$pf" || bad="$bad $p"
done
is "every PSR contract is between an ICB and a trust in force" "${bad:-none}" none
is "42 PSR contracts recorded as untendered (two processes were not read)" \
	"$(grep -l '^tendered: false$' "$psr"/*.yaml | wc -l | tr -d ' ')" 42
is "every PSR contract is recorded as published" \
	"$(grep -l '^published: true$' "$psr"/*.yaml | wc -l | tr -d ' ')" 44
# the ambulance trusts' contracts: each of the eight names its trust as
# provider and the ICB the notice names as commissioner (lead commissioner)
for pair in dorset-icb:south-western-ambulance-service-nhs-foundation-trust \
	west-yorkshire-icb:yorkshire-ambulance-service-nhs-trust \
	north-east-and-north-cumbria-icb:north-east-ambulance-service-nhs-foundation-trust \
	thames-valley-icb:south-central-ambulance-service-nhs-foundation-trust \
	lancashire-and-south-cumbria-icb:north-west-ambulance-service-nhs-trust \
	staffordshire-and-stoke-on-trent-icb:west-midlands-ambulance-service-university-nhs-foundation-trust \
	surrey-heartlands-icb:south-east-coast-ambulance-service-nhs-foundation-trust \
	south-east-london-icb:london-ambulance-service-nhs-trust; do
	c=${pair%%:*} p=${pair#*:}
	is "$p: a PSR contract with $c" \
		"$(grep -l "^commissioner: $c\$" "$psr"/*.yaml | xargs grep -l "^provider: $p\$" | wc -l | tr -d ' ')" 1
done
# an urgent modification (the extension of an existing contract without a
# competition) is recorded as untendered, with the extension's term
is "London Ambulance's SEL 111 contract: an urgent modification, 2026-04-01 to 2027-03-31, untendered, no value" \
	"$(f=$psr/south-east-london-icb-london-ambulance-service-nhs-trust-psr-2026.yaml
	   grep -c '^start: 2026-04-01$\|^end: 2027-03-31$\|^tendered: false$\|^notes: "Published on the Find a Tender Service as a Provider Selection Regime contract modification notice' "$f"):$(grep -c '^value_gbp:' "$psr"/south-east-london-icb-london-ambulance-service-nhs-trust-psr-2026.yaml)" 4:0
is "South Western Ambulance's 999 contract: £811m, 2025-04-01 to 2027-03-31, Find a Tender 013861-2025" \
	"$(grep -c '^value_gbp: 811_000_000$\|^start: 2025-04-01$\|^end: 2027-03-31$\|Notice/013861-2025$' "$psr"/dorset-icb-south-western-ambulance-service-nhs-foundation-trust-psr-2025.yaml)" 4
is "Sherwood Forest's contract: £2,114,037,000, 2025-04-01 to 2030-03-31, Find a Tender 018044-2026" \
	"$(f=$psr/nottingham-and-nottinghamshire-icb-sherwood-forest-hospitals-nhs-foundation-trust-psr-2025.yaml
	   grep -c '^value_gbp: 2_114_037_000$\|^start: 2025-04-01$\|^end: 2030-03-31$\|Notice/018044-2026$' "$f")" 4
# a PSR contract's money is a figure for one financial year that the notice
# gives, never a lifetime value divided into years
is "10 PSR contracts carry one contract-value figure each" \
	"$(grep -l '^    kind: contract-value$' "$psr"/*.yaml | wc -l | tr -d ' '):$(grep -h '^    kind: contract-value$' "$psr"/*.yaml | wc -l | tr -d ' ')" 10:10
is "Royal Surrey 2025/26: the per annum value (£272,412,324), not the lifetime value with the extension" \
	"$(grep -A1 '^  - year: 2025/26$' "$psr"/surrey-heartlands-icb-royal-surrey-nhs-foundation-trust-psr-2025.yaml | grep -c '^    gbp: 272_412_324$')" 1
is "no multi-year PSR contract has a contract-value figure" \
	"$(for f in $(grep -l '^    kind: contract-value$' "$psr"/*.yaml); do
		awk '$1 == "start:" { s = $2 } $1 == "end:" { e = $2 }
		     END { split(s, a, "-"); split(e, b, "-")
			   fs = a[1] - (a[2] < 4); fe = b[1] - (b[2] < 4)
			   if (fs != fe) print FILENAME }' "$f"; done | wc -l | tr -d ' ')" 0
"$bin" -r registry --on 2026-12-06 report >"$tmp/report2627.out" 2>&1
# (a ranked row gives its money on a line under the name: "money £5.6bn
# (2026/27 budget); exposure £1.9bn"; a long name may take two lines)
is "2026-12-06: the exposure ranking is led by Thames Valley ICB's 2026/27 budget, then the providers with a 2026/27 contract value" \
	"$(grep -c '^    1\. NHS Thames Valley Integrated Care Board ' "$tmp/report2627.out"):$(grep -c '^    [234]\. \(North West Ambulance Service NHS Trust\|North Cheshire and Mersey NHS Foundation\|West Midlands Ambulance Service University\) ' "$tmp/report2627.out"):$(awk '/^    [0-9]+\. / { r = $1 } /^       money / { print r, $0 }' "$tmp/report2627.out" |
		grep -c '^1\.  *money £[0-9.]*bn (2026/27 budget); exposure '):$(awk '/^    [0-9]+\. / { r = $1 } /^       money / { print r, $0 }' "$tmp/report2627.out" |
		grep -c '^[234]\.  *money £[0-9.]*[mk] (2026/27 contract value: 1 contract in force); exposure ')" 1:3:1:3
is "stats counts every contract document in registry/" \
	"$(awk '$1 == "contracts:" { print $2 }' "$tmp/stats")" \
	"$(grep -rh --include='*.yaml' '^kind: contract$' registry | wc -l | tr -d ' ')"
# the kind of trust, from the NHS Staff Survey 2024 groups, for all but the
# two trusts the survey does not list (North London FT, The Online NHS Trust)
is "197 trusts say their kind" \
	"$(grep -l '^notes: "ODS code [A-Z0-9]*;.* Kind: ' registry/england/trusts/*.yaml | wc -l | tr -d ' ')" 197
is "ten ambulance trusts and the Isle of Wight" \
	"$(grep -l 'Kind: \(acute and \)\{0,1\}ambulance ' registry/england/trusts/*.yaml | wc -l | tr -d ' ')" 11
# every foundation trust has a council of governors whose public and staff
# governors are elected by its membership, and a board whose chair the
# council appoints
fts=$(grep -L '^  to: ' registry/england/trusts/*.yaml |
	xargs grep -l '^type: foundation-trust$' | wc -l | tr -d ' ')
is "138 foundation trusts" "$fts" 138
is "138 councils of governors" \
	"$(grep -l '^type: council-of-governors$' registry/england/trusts/*.yaml | wc -l | tr -d ' ')" 138
is "two elected seats per council, each elected by the trust's own membership" \
	"$(awk 'FNR == 1 { split(FILENAME, p, "/"); id = p[4]; sub(/\.yaml$/, "", id) }
		$1 == "elected_by:" && $2 == id "-membership" { n++ }
		END { print n + 0 }' registry/england/trusts/*.yaml)" $((fts * 2))
is "each foundation trust's chair is appointed by its council of governors" \
	"$(awk 'FNR == 1 { split(FILENAME, p, "/"); id = p[4]; sub(/\.yaml$/, "", id); chair = 0 }
		/^  - role: Chair$/ { chair = 1; next } /^  - role:/ { chair = 0 }
		chair && $1 == "appointed_by:" && $2 == id "-council-of-governors" { n++ }
		END { print n + 0 }' registry/england/trusts/*.yaml)" "$fts"

# a foundation trust's chain through its council of governors to its
# membership: Manchester University NHS FT was established by the merger of
# two foundation trusts on 1 October 2017 (ODS), so its council is dated;
# in 2021 the council's strongest chain is its governors' election by the
# members, a membership root scored 0.5 (0.9 x 0.5 = 0.45)
"$bin" -r registry --on 2021-06-01 explain \
	manchester-university-nhs-foundation-trust-council-of-governors >"$tmp/cog.out" 2>&1
is "MFT's council of governors reaches its membership" \
	"$(grep -c '^  reaches: Members of Manchester University NHS Foundation Trust (voters)' "$tmp/cog.out")" 1
is "MFT's council of governors: A = 0.450 through the membership" \
	"$(grep -c 'accountability A = 0.450' "$tmp/cog.out")" 1
# 30 councils of governors are dated: the four above, and 26 foundation
# trusts whose authorisation day a source gives (registry/import/data/
# ft-authorisations.csv); each of those 26 is dated from exactly that day
is "30 foundation trusts have a dated council of governors (4 mergers, 26 authorisations)" \
	"$(grep -l '^type: council-of-governors$' registry/england/trusts/*.yaml |
		xargs grep -L 'from: unknown' | wc -l | tr -d ' ')" 30
is "each authorisation in the extract dates that trust's council of governors" \
	"$(tail -n +2 registry/import/data/ft-authorisations.csv | cut -d, -f1,2 |
		while IFS=, read -r ods day; do
			f=$(grep -l "^  ods: $ods\$" registry/england/trusts/*.yaml)
			awk -v d="$day" '/^type: council-of-governors$/ { c = 1 }
				c && $1 == "from:" { print ($2 == d ? "ok" : "bad"); exit }' "$f"
		done | sort | uniq -c | tr -s ' ' | sed 's/^ //')" "26 ok"
# the Royal United Hospitals Bath (authorised from 1 November 2014, its
# media release): its council of governors is not in force the day before,
# and on that day its chain runs through the elected governors (0.450)
for d in 2014-10-31 2014-11-01; do
	"$bin" -r registry --on $d explain \
		royal-united-hospitals-bath-nhs-foundation-trust-council-of-governors >"$tmp/ruh.$d" 2>&1
done
is "RUH Bath's council of governors: not in force on 2014-10-31, A = 0.450 on 2014-11-01" \
	"$(grep -c 'not in force on 2014-10-31' "$tmp/ruh.2014-10-31")/$(grep -c '^  on 2014-11-01: accountability A = 0.450' "$tmp/ruh.2014-11-01")" 1/1
# a trust dated by authorisation: the Walton Centre's council in 2010
"$bin" -r registry --on 2010-06-01 explain \
	the-walton-centre-nhs-foundation-trust-council-of-governors >"$tmp/walton.out" 2>&1
is "the Walton Centre's council of governors reaches its membership in 2010" \
	"$(grep -c '^  reaches: Members of The Walton Centre NHS Foundation Trust (voters)' "$tmp/walton.out")" 1
# the other 108 (issue 17): `from: unknown` bounded by the ODS extract's
# day, `from_no_later_than: 2026-07-08` (registry/import/ods_trusts.py,
# EXTRACT_DAY), on the membership, the council and the six seats they fill
is "108 foundation trusts: membership and council bounded by 2026-07-08, and their six seats" \
	"$(grep -c '^  from_no_later_than: 2026-07-08$' registry/england/trusts/*.yaml | grep -c ':2$')/$(grep -h '^    valid: {from: unknown, from_no_later_than: 2026-07-08}$' registry/england/trusts/*.yaml | wc -l | tr -d ' ')/$(grep -l '^  from: unknown$' registry/england/trusts/*.yaml | xargs grep -L '^  from_no_later_than: 2026-07-08$' | wc -l | tr -d ' ')" 108/648/0
for d in 2026-07-07 2026-07-08; do
	"$bin" -r registry --on $d stats >"$tmp/bound.$d" 2>&1
	"$bin" -r registry --on $d explain \
		airedale-nhs-foundation-trust-council-of-governors >"$tmp/aire.$d" 2>&1
done
is "councils of governors and memberships in force: 30 the day before the bound, all 138 from it" \
	"$(awk '$1 == "council-of-governors" || $1 == "membership" { printf "%s:%s/%s ", $1, $2, $3 }' "$tmp/bound.2026-07-07" "$tmp/bound.2026-07-08")" \
	"council-of-governors:30/138 membership:30/138 council-of-governors:138/138 membership:138/138 "
is "Airedale's council of governors: start not known, no later than 2026-07-08" \
	"$(grep -c '; in force: start date not known, no later than 2026-07-08; no end date recorded;' "$tmp/aire.2026-07-07" "$tmp/aire.2026-07-08" | cut -d: -f2 | tr '\n' /)" 1/1/
is "Airedale's council of governors: not known to be in force on 2026-07-07, scored on 2026-07-08" \
	"$(grep -c '^  dates not known (see its notes): not counted in force on 2026-07-07' "$tmp/aire.2026-07-07")/$(grep -c '^  on 2026-07-08: accountability A = ' "$tmp/aire.2026-07-08")" 1/1

# 5. honest dated views (issue 15): on 2019-06-01 the report uses no
# figure for another year and lists nothing outside its dates
"$bin" -r registry --on 2019-06-01 report --top 1000 --format json \
	>"$tmp/r2019.json" 2>"$tmp/r2019.err"
is "2019-06-01 report exits 0" "$?" 0
# the ranked lists: everything before the list "dates_unknown":[
awk '{ i = index($0, "\"dates_unknown\":["); print substr($0, 1, i) }' \
	"$tmp/r2019.json" >"$tmp/r2019.lists"
is "2019-06-01: the only money figures are for 2019/20" \
	"$(grep -o '"money_year":"[^"]*"' "$tmp/r2019.lists" | sort -u | tr '\n' ' ')" \
	'"money_year":"2019/20" '
is "2019-06-01: Hywel Dda's 2019/20 allocation is the one figure" \
	"$(grep -o '"coverage":"[^"]*"' "$tmp/r2019.json" | head -1)" \
	'"coverage":"£895m known, for 1 of 1531 bodies; 1530 not recorded"'
# every listed body's own dates contain the day (from the YAML: `valid:`
# blocks and flow maps; a body with no valid.from is in force since before
# the records, an unknown date never)
find registry -name '*.yaml' -exec awk '
	FNR == 1 { id = ""; v = 0 }
	/^---/ { id = ""; v = 0 }
	/^id: / { id = $2 }
	/^valid: *\{/ { f = $0; t = $0
		sub(/.*from: */, "", f); sub(/[,} ].*/, "", f)
		sub(/.*to: */, "", t); sub(/[,} ].*/, "", t)
		if ($0 !~ /from:/) f = ""; if ($0 !~ /to:/) t = ""
		if (id != "") print id, (f == "" ? "-" : f), (t == "" ? "-" : t)
		next }
	/^valid:/ { v = 1; vf = "-"; vt = "-"; next }
	v && /^  from: / { vf = $2; next }
	v && /^  to: / { vt = $2; next }
	v && !/^  / { v = 0; if (id != "") print id, vf, vt }
	' {} + >"$tmp/dates"
grep -o '"id":"[^"]*"' "$tmp/r2019.lists" | cut -d'"' -f4 | sort -u \
	>"$tmp/r2019.ids"
is "2019-06-01: the report lists the 314 weak bodies and the one with money" \
	"$(wc -l <"$tmp/r2019.ids" | tr -d " ")" 315
is "2019-06-01: no body listed outside its dates" \
	"$(awk 'NR == FNR { want[$1] = 1; next }
		($1 in want) && ($2 == "unknown" || $3 == "unknown" ||
		 ($2 != "-" && $2 > "2019-06-01") ||
		 ($3 != "-" && $3 <= "2019-06-01")) { print $1 }' \
		"$tmp/r2019.ids" "$tmp/dates" | head -5 | tr '\n' ' ')" ""
is "2019-06-01: the ICBs of 2022 and NHS England's undated regions are not listed" \
	"$(grep -c -e '-icb$' -e '^nhs-england-.*-region$' "$tmp/r2019.ids")" 0
is "2019-06-01: the seven regions are listed under dates not known" \
	"$(grep -o '"dates_unknown":\[.*' "$tmp/r2019.json" |
		grep -o '"id":"nhs-england-[a-z-]*-region"' | wc -l | tr -d ' ')" 7
"$bin" -r registry --on 2019-06-01 explain cqc >"$tmp/cqc.out" 2>&1
is "CQC is in force on 2019-06-01" \
	"$(grep -c '^  on 2019-06-01: accountability A = ' "$tmp/cqc.out")" 1
"$bin" -r registry --on 2008-09-30 explain cqc >"$tmp/cqc.out" 2>&1
is "CQC is not in force on 2008-09-30 (HSCA 2008 s.1(1) from 1 October 2008)" \
	"$(grep -c 'not in force' "$tmp/cqc.out")" 1

# contracts in the model (issue 17): a contract in force is the provider's
# chain to its commissioner (0.441); the coverage rules agree with stats
"$bin" -r registry --on 2026-12-06 report --format json >"$tmp/report.json" 2>&1
is "core/no-commissioner fires for each trust stats does not count as commissioned" \
	"$(grep -o '"rule":"core/no-commissioner"' "$tmp/report.json" | wc -l | tr -d ' ')" \
	"$(( $(awk '/NHS trusts and foundation trusts in force:/ { print $8 }' "$tmp/stats") - \
	    $(awk '/with an ODS code:/ { print $NF }' "$tmp/stats") ))"
# ... and Velindre and Public Health Wales, whose commissioners no source
# read names (registry/README.md, Coverage and gaps)
is "core/no-commissioner fires for exactly the three ambulance trusts and NHS Online with no contract or commissioner in force, Velindre and Public Health Wales" \
	"$(grep -o '"rule":"core/no-commissioner","category":"[a-z]*","severity":"[a-z]*","entity":"[a-z-]*"' "$tmp/report.json" |
		sed 's/.*"entity":"//; s/"$//' | sort | tr '\n' ' ')" \
	"east-midlands-ambulance-service-nhs-trust east-of-england-ambulance-service-nhs-trust public-health-wales-nhs-trust south-east-coast-ambulance-service-nhs-foundation-trust the-online-nhs-trust velindre-university-nhs-trust "
is "core/governors-not-recorded: every foundation trust has its council of governors" \
	"$(grep -o '"rule":"core/governors-not-recorded"' "$tmp/report.json" | wc -l | tr -d ' ')" 0
"$bin" -r registry --on 2026-12-06 explain \
	london-borough-of-hammersmith-and-fulham-healthwatch >"$tmp/hw.out" 2>&1
is "Hammersmith and Fulham's Healthwatch answers to the council through its 2025 contract" \
	"$(grep -c "^     contract 'london-borough-of-hammersmith-and-fulham-healthwatch-contract-2025' (contract management)$" "$tmp/hw.out")" 1
is "... A = 0.9 x 0.441 = 0.397" \
	"$(grep -c 'accountability A = 0.397 (weak: by contract' "$tmp/hw.out")" 1

# explain and map --focus take what a councillor types (issue 16 item 6):
# a name, a short name, an ONS or ODS code; the short names of a council
# and an NHS body that share a place name go to the council, "NHS X" and
# "X ICB" to the ICB, never to its board
for q in "Sheffield City Council=sheffield-city-council" \
	"sheffield=sheffield-city-council" \
	"NHS South Yorkshire=south-yorkshire-icb" \
	"south yorkshire icb=south-yorkshire-icb" \
	"RHQ=sheffield-teaching-hospitals-nhs-foundation-trust" \
	"Sheffield Teaching Hospitals=sheffield-teaching-hospitals-nhs-foundation-trust" \
	"dorset=dorset-council" "NHS Dorset=dorset-icb" "Dorset ICB=dorset-icb"; do
	got=$("$bin" -r registry explain "${q%%=*}" 2>&1 | sed -n "1s/.*(bo[a-z]* '\([a-z0-9-]*\)'.*/\1/p")
	is "explain \"${q%%=*}\" finds ${q#*=}" "$got" "${q#*=}"
done
"$bin" -r registry map --focus "NHS South Yorkshire" --format json -o "$tmp/focus-name.json" 2>&1
"$bin" -r registry map --focus south-yorkshire-icb --format json -o "$tmp/focus-id.json" 2>&1
is "map --focus \"NHS South Yorkshire\" draws the ICB's focus map" \
	"$(cmp -s "$tmp/focus-name.json" "$tmp/focus-id.json" && grep -c '"id":"south-yorkshire-icb"' "$tmp/focus-id.json")" 1
"$bin" -r registry explain sheffeld >"$tmp/near.out" 2>&1
is "explain sheffeld: exit 2, suggesting Sheffield City Council" \
	"$?:$(grep -c '^  Sheffield City Council (sheffield-city-council)$' "$tmp/near.out")" "2:1"
echo "1..$n"
if [ "$failed" -ne 0 ]; then
	echo "# $failed of $n registry tests FAILED"
	exit 1
fi
echo "# all $n registry tests passed"
