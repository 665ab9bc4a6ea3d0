#!/bin/sh
# tests/export/run.sh - `govmap export` read back by each format's consumer
# or checked against its published schema (make check-export):
#   popolo   Popolo's JSON Schemas (tests/export/popolo/, draft 3)
#   ftm      FollowTheMoney's schemata (tests/export/ftm/) as a JSON Schema
#   graphml  networkx.read_graphml
#   kumu     Kumu's blueprint format (tests/export/kumu.schema.json)
#   csv      Python's csv module
# all with python3-jsonschema, python3-networkx and python3-yaml (Debian).
# Each format of tests/export/fixture/, of registry/ and of two hostile
# fixtures must validate;
# check_fixture.py asserts what the fixture's exports say (names intact,
# unknown money unknown); broken files must be refused, so the validators
# can fail; usage errors exit 2.
set -u
# the python3 on PATH (the tests ran with it); PYTHON= overrides
PYTHON=${PYTHON:-python3}
cd "$(dirname "$0")/../.."
BIN=${GOVMAP_BIN:-build/govmap}
OUT=${EXPORT_TEST_DIR:-build/export-test}
V="$PYTHON tests/export/validate.py"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
ko() { fail=$((fail + 1)); echo "not ok - $1"; }

rm -rf "$OUT" && mkdir -p "$OUT"

# 1. every format of the fixture and of the embedded registry validates
for reg in fixture registry; do
	if [ $reg = fixture ]; then
		args="-r tests/export/fixture --on 2025-01-01"; p=fx
	else
		args="-r registry"; p=reg
	fi
	for f in popolo ftm graphml kumu csv; do
		o="$OUT/$p.$f"
		[ $f = csv ] && o="$OUT/$p-csv"
		if ! $BIN $args export --format $f -o "$o" 2>"$OUT/$p.$f.err"; then
			ko "$reg: export --format $f exits 0"; cat "$OUT/$p.$f.err"
			continue
		fi
		if $V $f "$o" >"$OUT/$p.$f.log" 2>&1; then
			ok "$reg: $f validates ($(cat "$OUT/$p.$f.log"))"
		else
			ko "$reg: $f validates"; cat "$OUT/$p.$f.log"
		fi
	done
done

# ... and a start known only as "no later than" a day: its own column in
# each CSV table, the day, while valid_from stays empty (never a date no
# source gives)
o="$OUT/bounded-csv"
if $BIN -r tests/fixtures/analysis/bounded --on 2024-05-01 export --format csv \
	-o "$o" 2>"$o.err" && $V csv "$o" >"$o.log" 2>&1 &&
	$PYTHON - "$o" <<'EOF'
import csv, os, sys
rows = lambda n: list(csv.DictReader(open(os.path.join(sys.argv[1], n), newline="")))
b = {r["id"]: r for r in rows("bodies.csv")}
for i in ("test-membership", "test-governors"):
    assert b[i]["valid_from"] == "" and b[i]["valid_from_no_later_than"] == "2024-04-01", b[i]
assert b["test-trust"]["valid_from"] == "2000-01-01" and b["test-trust"]["valid_from_no_later_than"] == ""
s = rows("seats.csv")
assert s and all(r["valid_from_no_later_than"] == "2024-04-01" for r in s), s
EOF
then
	ok "bounded start: valid_from_no_later_than in bodies.csv and seats.csv"
else
	ko "bounded start: valid_from_no_later_than in bodies.csv and seats.csv"
	cat "$o.err" "$o.log" 2>/dev/null
fi

# ... and of two hostile-input fixtures: names with markup, quotes,
# backslashes and DOT syntax; NEL, LS and PS line breaks in text
for h in names-escaping unicode-line-breaks; do
	for f in popolo ftm graphml kumu csv; do
		o="$OUT/hostile-$h.$f"
		if $BIN -r tests/fixtures/hostile/$h export --format $f -o "$o" \
			2>"$o.err" && $V $f "$o" >"$o.log" 2>&1; then
			ok "hostile $h: $f validates"
		else
			ko "hostile $h: $f validates"; cat "$o.err" "$o.log" 2>/dev/null
		fi
	done
done

# 2. what the fixture's exports say
if $PYTHON tests/export/check_fixture.py "$OUT" >"$OUT/fixture.log" 2>&1; then
	ok "fixture: $(cat "$OUT/fixture.log")"
else
	ko "fixture: the exports say what the registry says"; cat "$OUT/fixture.log"
fi

# 3. the validators refuse broken files (so that they can fail)
refuse() { # NAME FORMAT FILE
	if $V "$2" "$3" >/dev/null 2>&1; then ko "refused: $1"; else ok "refused: $1"; fi
}
sed 's/"founding_date":"2020-04-01"/"founding_date":"1 April 2020"/' \
	"$OUT/fx.popolo" >"$OUT/bad-date.popolo"
refuse "a Popolo date not in ISO form" popolo "$OUT/bad-date.popolo"
sed 's/"parent_id":"test-trust"/"parent_id":"no-such-body"/' \
	"$OUT/fx.popolo" >"$OUT/bad-parent.popolo"
refuse "a Popolo parent_id naming nothing" popolo "$OUT/bad-parent.popolo"
sed 's/"identifiers":\[{"scheme":"ons","identifier":"E06000999"}\]/"identifiers":[{"scheme":"ons"}]/' \
	"$OUT/fx.popolo" >"$OUT/bad-identifier.popolo"
refuse "a Popolo identifier without its required value" popolo "$OUT/bad-identifier.popolo"
sed '1s/"country":\["gb"\]/"colour":["gb"]/' "$OUT/fx.ftm" >"$OUT/bad-prop.ftm"
refuse "a FollowTheMoney property the schema does not have" ftm "$OUT/bad-prop.ftm"
sed 's/"schema":"ContractAward","properties":{"contract":\["test-care-contract"\],/"schema":"ContractAward","properties":{/' \
	"$OUT/fx.ftm" >"$OUT/bad-required.ftm"
refuse "a ContractAward without its required contract" ftm "$OUT/bad-required.ftm"
sed 's/"amount":\["12000000"\]/"amount":["twelve million"]/' "$OUT/fx.ftm" >"$OUT/bad-number.ftm"
refuse "a FollowTheMoney amount that is not a number" ftm "$OUT/bad-number.ftm"
sed 's/"director":\["test-council"\]/"director":["test-care-contract"]/' "$OUT/fx.ftm" >"$OUT/bad-range.ftm"
refuse "a Directorship whose director is a Contract" ftm "$OUT/bad-range.ftm"
sed 's/<data key="n_name">Voters of Testshire</<data key="n_name">Voters & of</' \
	"$OUT/fx.graphml" >"$OUT/bad-xml.graphml"
refuse "GraphML that is not well-formed XML" graphml "$OUT/bad-xml.graphml"
sed 's/"from":"test-council"/"from":"nobody"/' "$OUT/fx.kumu" >"$OUT/bad-from.kumu"
refuse "a Kumu connection from no element" kumu "$OUT/bad-from.kumu"
cp -r "$OUT/fx-csv" "$OUT/bad-csv"
printf '"test-x",body,"unterminated\r\n' >>"$OUT/bad-csv/bodies.csv"
refuse "a CSV row with an unterminated quote" csv "$OUT/bad-csv"

# 4. usage errors
usage() { # NAME ARGS...
	name=$1; shift
	$BIN "$@" >"$OUT/usage.out" 2>"$OUT/usage.err"
	rc=$?
	if [ $rc = 2 ] && [ -s "$OUT/usage.err" ] && [ ! -s "$OUT/usage.out" ]; then
		ok "usage: $name ($(head -1 "$OUT/usage.err"))"
	else
		ko "usage: $name: exit $rc"; cat "$OUT/usage.err"
	fi
}
usage "no --format" -r tests/export/fixture export
usage "an unknown format" -r tests/export/fixture export --format xlsx
usage "csv without -o DIR" -r tests/export/fixture export --format csv
usage "a file inside the registry" -r tests/export/fixture export --format ftm \
	-o tests/export/fixture/out.ftm
usage "a csv directory inside the registry" -r tests/export/fixture export \
	--format csv -o tests/export/fixture
usage "a stray argument" -r tests/export/fixture export --format ftm extra
[ ! -e tests/export/fixture/out.ftm ] && ok "nothing written into the registry" ||
	{ ko "nothing written into the registry"; rm -f tests/export/fixture/out.ftm; }

# 5. standard output when -o is not given, the same bytes as the file
if $BIN -r tests/export/fixture --on 2025-01-01 export --format graphml |
	cmp -s - "$OUT/fx.graphml"; then
	ok "stdout is the file's bytes"
else
	ko "stdout is the file's bytes"
fi

echo "# export tests: $pass passed, $fail failed"
[ $fail = 0 ]
