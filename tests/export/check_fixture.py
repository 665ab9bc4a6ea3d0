#!/usr/bin/env python3
"""What the exports of tests/export/fixture/ must say, read back by each
format's consumer: the same bodies everywhere, names and roles unchanged
(quotes, markup, commas, a leading '=' and non-ASCII text), money known
where the registry gives it and unknown (null, empty, absent) where it
does not, never 0, and the contract amounts.

    check_fixture.py DIR    DIR holds fx.popolo fx.ftm fx.graphml fx.kumu
                            and fx-csv/ (run.sh writes them)
"""
import csv
import json
import os
import sys

import networkx

d = sys.argv[1]
errors = []


def expect(what, got, want):
    if got != want:
        errors.append("%s: got %r, want %r" % (what, got, want))


# as written in tests/export/fixture/entities.yaml
COUNCIL = 'Testshire Council, "the council" <b>&amp;</b> \u00d6ffentlich'
TRUST = '=HYPERLINK("http://example.org","click") Trust'
CHAIR = 'Chair <appointed> & "paid"'
IN_FORCE = {"test-electorate", "test-council", "test-trust", "test-trust-board",
            "test-joint-committee", "test-company"}  # not test-old-trust

with open(os.path.join(d, "fx.popolo"), encoding="utf-8") as f:
    raw = f.read()
for ch in "<>&":
    if ch in raw:
        errors.append("popolo: a raw %r in the JSON text" % ch)
pop = json.loads(raw)
orgs = {o["id"]: o for o in pop["organizations"]}
expect("popolo organizations", set(orgs), IN_FORCE)
expect("popolo council name", orgs["test-council"]["name"], COUNCIL)
expect("popolo trust name", orgs["test-trust"]["name"], TRUST)
expect("popolo council money", orgs["test-council"]["govmap"]["money_gbp"], 500000000)
expect("popolo council money year", orgs["test-council"]["govmap"]["money_year"], "2024/25")
expect("popolo council money kind", orgs["test-council"]["govmap"]["money_kind"], "budget")
expect("popolo council exposure", orgs["test-council"]["govmap"]["exposure_gbp"], 50000000)
expect("popolo trust money (unknown)", orgs["test-trust"]["govmap"]["money_gbp"], None)
expect("popolo trust exposure (unknown)", orgs["test-trust"]["govmap"]["exposure_gbp"], None)
expect("popolo company money (a known 0)", orgs["test-company"]["govmap"]["money_gbp"], 0)
expect("popolo trust founding", orgs["test-trust"]["founding_date"], "2020-04-01")
expect("popolo council founding (not given)", orgs["test-council"]["founding_date"], None)
expect("popolo board parent", orgs["test-trust-board"]["parent_id"], "test-trust")
expect("popolo council identifiers", orgs["test-council"]["identifiers"],
       [{"scheme": "ons", "identifier": "E06000999"}])
posts = {p["id"]: p for p in pop["posts"]}
expect("popolo chair post", posts["test-trust-board.seat.1"]["label"], CHAIR)
expect("popolo NED post", posts["test-trust-board.seat.2"]["govmap"],
       {"post": None, "count": 3, "vacant": 1, "fill": "appointed", "by": "test-council",
        "approved_by": None, "voting": True, "elected_member": None})
seats = [m for m in pop["memberships"] if m.get("post_id") == "test-trust-board.seat.2"]
expect("popolo NED memberships (one a seat)", len(seats), 3)
expect("popolo NED holder (unknown)", seats[0].get("person_id", "absent"), None)
expect("popolo NED on behalf of", seats[0]["on_behalf_of_id"], "test-council")
joint = sorted(m["member"]["id"] for m in pop["memberships"]
               if m["organization_id"] == "test-joint-committee")
expect("popolo joint members", joint, ["test-council", "test-trust"])

ftm = [json.loads(line) for line in open(os.path.join(d, "fx.ftm"), encoding="utf-8")]
byid = {e["id"]: e for e in ftm}
expect("ftm bodies", {e["id"] for e in ftm if e["schema"] in ("PublicBody", "Organization")},
       IN_FORCE)
expect("ftm trust name", byid["test-trust"]["properties"]["name"], [TRUST])
expect("ftm council schema", byid["test-council"]["schema"], "PublicBody")
expect("ftm company schema", byid["test-company"]["schema"], "Organization")
award = byid["test-care-contract.award"]["properties"]
expect("ftm award amount", (award["amount"], award["currency"], award["supplier"]),
       (["12000000"], ["GBP"], ["test-company"]))
expect("ftm contract authority", byid["test-care-contract"]["properties"]["authority"],
       ["test-council"])
unpriced = byid["test-unpriced-contract.award"]["properties"]
expect("ftm unpriced award has no amount", "amount" in unpriced, False)
expect("ftm chair directorship", byid["test-trust-board.seat.1"]["properties"]["role"], [CHAIR])
expect("ftm membership of the member-of link",
       byid["test-company-member-of-council"]["schema"], "Membership")

g = networkx.read_graphml(os.path.join(d, "fx.graphml"))
expect("graphml nodes", set(g.nodes), IN_FORCE)
expect("graphml council name", g.nodes["test-council"]["name"], COUNCIL)
expect("graphml trust name", g.nodes["test-trust"]["name"], TRUST)
expect("graphml council money", g.nodes["test-council"].get("money_gbp"), 500000000)
expect("graphml trust money (absent)", "money_gbp" in g.nodes["test-trust"], False)
expect("graphml trust exposure (absent)", "exposure_gbp" in g.nodes["test-trust"], False)
expect("graphml company money (a known 0)", g.nodes["test-company"].get("money_gbp"), 0)
expect("graphml electorate", g.nodes["test-electorate"]["electorate"], True)
expect("graphml council A", g.nodes["test-council"]["accountability"], 0.9)
expect("graphml council -> electorate",
       g.has_edge("test-council", "test-electorate"), True)

kumu = json.load(open(os.path.join(d, "fx.kumu"), encoding="utf-8"))
els = {e["id"]: e for e in kumu["elements"]}
expect("kumu elements", set(els), IN_FORCE)
expect("kumu council label", els["test-council"]["label"], COUNCIL)
expect("kumu trust money (unknown)", els["test-trust"]["money_gbp"], None)
expect("kumu connections", len(kumu["connections"]), g.number_of_edges())


def table(name):
    with open(os.path.join(d, "fx-csv", name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


bodies = {b["id"]: b for b in table("bodies.csv")}
expect("csv bodies", set(bodies), IN_FORCE)
expect("csv council name", bodies["test-council"]["name"], COUNCIL)
# a spreadsheet must not run the trust's name as a formula
expect("csv trust name (formula defused)", bodies["test-trust"]["name"], "'" + TRUST)
expect("csv council money", bodies["test-council"]["money_gbp"], "500000000")
expect("csv trust money (unknown)", bodies["test-trust"]["money_gbp"], "")
expect("csv trust exposure (unknown)", bodies["test-trust"]["exposure_gbp"], "")
expect("csv company money (a known 0)", bodies["test-company"]["money_gbp"], "0")
expect("csv council codes", bodies["test-council"]["codes"], "ons:E06000999")
contracts = {c["id"]: c for c in table("contracts.csv")}
expect("csv contracts", set(contracts), {"test-care-contract", "test-unpriced-contract"})
expect("csv contract value", contracts["test-care-contract"]["value_gbp"], "12000000")
expect("csv unpriced value (unknown)", contracts["test-unpriced-contract"]["value_gbp"], "")
expect("csv contract end", contracts["test-unpriced-contract"]["end"], "2026-03-31")
expect("csv contract services", contracts["test-care-contract"]["services"],
       "home care; reablement; night visits")
seats = table("seats.csv")
expect("csv seats", [(s["seat"], s["role"], s["count"], s["vacant"], s["fill"], s["by"])
                     for s in seats],
       [("1", CHAIR, "1", "0", "appointed", "test-council"),
        ("2", "Non-executive director", "3", "1", "appointed", "test-council"),
        ("3", "Councillor", "2", "0", "elected", "test-electorate"),
        ("4", "Director of public health", "1", "0", "ex-officio", "")])
expect("csv seat voting (unknown)", seats[2]["voting"], "")
expect("csv links = graphml edges", len(table("links.csv")), g.number_of_edges())

if errors:
    for e in errors:
        print("FAIL: " + e, file=sys.stderr)
    sys.exit(1)
print("fixture: every format says the same, unknowns stay unknown")
