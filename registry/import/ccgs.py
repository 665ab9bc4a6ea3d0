#!/usr/bin/env python3
"""ccgs.py - write every English clinical commissioning group (1 April 2013
to 30 June 2022) into the registry, with its governing body and its links.

    python3 registry/import/ccgs.py            # from the repository root

It owns registry/england/ccgs/ (deleted and rewritten on every run) and
writes nothing else.  The five CCGs written by hand before this script
(bnssg-ccg, barnsley-ccg, doncaster-ccg, rotherham-ccg, sheffield-ccg) keep
their files and ids: the script finds them by ODS code, gives them a
governing body, and points their predecessors' `succeeded_by` at them.

Inputs, all in registry/import/data/ (see README.md there for where each
copy was read and how it was checked):

  ccg-names-codes-2018-04.csv   ONS "CCG names and codes" as at April 2018
                                (NHS Postcode Directory documents): ONS code,
                                ODS code, name of the 195 CCGs of 2018-19
  ccg-ended-before-2018.csv     the 24 CCGs of 2013 that merged before
                                April 2018: ODS code, name, ONS code where
                                a source gives it
  ods-ccg-successors.csv        NHS Digital ODS successor records (succ.csv)
                                for CCGs: predecessor, successor, legal date
  nhsd-ccg-mapping-2021.csv     NHS Digital's mapping of every CCG code to the
                                CCG of April 2021 and its STP (ODS CCST
                                relationship): names and ONS codes of the
                                CCGs created 2019-2021, and the STP of each
  loc22-icb22-nhser22.csv       ONS Sub ICB Locations to ICBs (July 2022):
                                which ICB took over each CCG on 1 July 2022
  ons-ccg-lad-lsoas.csv         ONS LSOA to CCG to district lookups (July
                                2015, April 2016-2020), reduced by
                                extract_ons_lookups.py: the councils each
                                CCG overlapped, lookup by lookup
  ons-ccg-stp.csv               ONS CCG to STP lookups (April 2017-2020)
  cqc-ccg-local-authority-2022-11.csv
                                CCG (ONSPD code) and local authority of every
                                active CQC care home, November 2022: the
                                councils each CCG of 2021 had in its area

What it writes, per CCG: the body (type ccg, ODS and ONS codes, dates,
`succeeded_by`, `replaces` when there was exactly one predecessor), its
governing body (a board with the seats of regulation 11 of the NHS (Clinical
Commissioning Groups) Regulations 2012, as made and as amended from
14 April 2022), `accountable-to` NHS England, `scrutinised-by` each
council whose area it overlapped and `member-of` its STP, each link dated by
the lookups that list it.  Python 3 standard library only.
"""
import csv
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import regindex  # noqa: E402
from regindex import q  # noqa: E402

REG = os.path.dirname(HERE)
OUT = os.path.join(REG, "england", "ccgs")
DATA = os.path.join(HERE, "data")
ACCESSED = "2026-12-06"
START = "2013-04-01"
END = "2022-07-01"          # Health and Care Act 2022: CCGs abolished, ICBs established
AMENDED = "2022-04-14"      # SI 2022/316 in force: smaller governing bodies

# The CCGs written by hand before this script: ODS code -> id.
HAND = {"15C": "bnssg-ccg", "02P": "barnsley-ccg", "02X": "doncaster-ccg",
        "03L": "rotherham-ccg", "03N": "sheffield-ccg"}

# CQC local authority names that do not match the registry's council names.
LA_ALIAS = {"County Durham": "Durham County Council",
            "Herefordshire, County of": "Herefordshire Council",
            "Kingston upon Hull, City of": "Hull City Council",
            "Newcastle upon Tyne": "Newcastle City Council"}

# Councils the registry records under their newer codes: the county
# councils that continued as single-tier councils on 1 April 2023.
COUNCIL_ALIAS = {"E10000023": "north-yorkshire-council",
                 "E10000027": "somerset-council"}
# The ONS lookup of July 2015 describes the CCGs of 1 April 2015 (no CCG
# changed between those days: every ODS successor record is of 1 April).
LOOKUP_FROM = {"2015-07-01": "2015-04-01"}
HAND_STP = {"E54000039": "bnssg-stp", "E54000009": "syb-stp"}
STP_ENTITIES = []   # filled by build() from the registry

# Pairs in the CQC file that no other source supports: one care home row,
# and the ONS July 2022 LSOA lookup puts no Buckinghamshire LSOA in M1J4Y.
# (registry/README.md, "Council-to-ICB rows", calls it probably an artefact.)
EXCLUDE = {("M1J4Y", "Buckinghamshire")}

SRC = {
    "act": ("https://www.legislation.gov.uk/ukpga/2006/41/part/2/chapter/A2",
            "National Health Service Act 2006, Part 2 Chapter A2 (clinical commissioning groups), inserted by the Health and Social Care Act 2012 s.25"),
    "hca2022": ("https://www.legislation.gov.uk/ukpga/2022/31/contents",
                "Health and Care Act 2022 (CCGs abolished and integrated care boards established on 1 July 2022)"),
    "ons2018": ("https://geoportal.statistics.gov.uk/search?q=CCG%20names%20and%20codes",
                "ONS: Clinical commissioning group names and codes as at April 2018 (NHS Postcode Directory documents, file 'CCG names and codes UK as at 04_18')"),
    "succ": ("https://digital.nhs.uk/services/organisation-data-service/export-data-files/csv-downloads/miscellaneous",
             "NHS Digital Organisation Data Service: successor organisations (succ.csv), CCG records with their legal start dates"),
    "eccg": ("https://digital.nhs.uk/services/organisation-data-service/export-data-files/csv-downloads/other-nhs-organisations",
             "NHS Digital Organisation Data Service: clinical commissioning groups (eccg.csv) and their relationships to STPs"),
    "loc22": ("https://geoportal.statistics.gov.uk/documents/locations-to-integrated-care-boards-to-nhs-england-region-july-2022-lookup-in-england/about",
              "ONS: Locations to Integrated Care Boards to NHS England (Region) (July 2022) Lookup in England (LOC22CDH = the CCG's ODS code)"),
    "regs": ("https://www.legislation.gov.uk/uksi/2012/1631/regulation/11/made",
             "The National Health Service (Clinical Commissioning Groups) Regulations 2012 (SI 2012/1631), regulation 11 (membership of CCG governing body), as made"),
    "regs12": ("https://www.legislation.gov.uk/uksi/2012/1631/schedule/4/made",
               "SI 2012/1631, regulation 12 and Schedule 4 (qualifications of lay members; persons excluded)"),
    "amend": ("https://www.legislation.gov.uk/uksi/2022/316/made",
              "The National Health Service (Clinical Commissioning Groups) (Amendment) Regulations 2022 (SI 2022/316), in force 14 April 2022"),
    "onslsoa": ("https://geoportal.statistics.gov.uk/search?q=LSOA%20to%20Clinical%20Commissioning%20Group%20to%20Local%20Authority%20District",
                "ONS: Lower Layer Super Output Area (2011) to Clinical Commissioning Group to Local Authority District Lookups in England (July 2015, April 2016 to April 2020), with the Local Authority District to County lookups of the same years"),
    "onsstp": ("https://geoportal.statistics.gov.uk/search?q=Clinical%20Commissioning%20Group%20to%20STPs",
               "ONS: Clinical Commissioning Group to STPs Lookups in England (April 2017, 2018, 2019 and 2020)"),
    "cqc": ("https://www.cqc.org.uk/about-us/transparency/using-cqc-data",
            "CQC: Care directory with filters (1 November 2022): each active care home's local authority and ONSPD CCG code"),
    "scrutiny": ("https://www.legislation.gov.uk/uksi/2013/218/contents",
                 "The Local Authority (Public Health, Health and Wellbeing Boards and Health Scrutiny) Regulations 2013 (S.I. 2013/218)"),
    "s244": ("https://www.legislation.gov.uk/ukpga/2006/41/section/244",
             "National Health Service Act 2006, section 244 (local authority scrutiny of health matters)"),
}


def src(*keys):
    out = ["sources:"]
    for k in keys:
        url, title = SRC[k]
        out.append(f"  - url: {url}\n    title: {q(title)}\n    accessed: {ACCESSED}")
    return "\n".join(out)


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def title_case(upper):
    small = {"and", "of", "on", "upon", "the"}
    words = []
    for i, w in enumerate(upper.lower().split(" ")):
        if w in ("nhs", "ccg"):
            words.append(w.upper())
        elif i and w in small:
            words.append(w)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(words)


def build():
    reg = regindex.load(REG, skip={OUT})
    ids = {e["id"] for e in reg if "id" in e}
    icb_by_ods = {e["codes.ods"]: e for e in reg
                  if e.get("type") == "icb" and "codes.ods" in e}
    stp_by_ods = {}          # filled by stps.py's output when present
    for e in reg:
        if e.get("type") == "stp":
            STP_ENTITIES.append(e)
            if "codes.ods" in e:
                stp_by_ods[e["codes.ods"]] = e
    councils = {e["name"]: e for e in reg if e.get("type") == "local-authority"
                and e.get("region", "").startswith("england")}

    ccg = {}
    for r in read("ccg-names-codes-2018-04.csv"):
        ccg[r["CCG18CDH"]] = {"ods": r["CCG18CDH"], "ons": r["CCG18CD"],
                              "name": r["CCG18NM"], "src": ["ons2018"]}
    ons_name = {}            # the latest name and code the ONS lookups give
    for r in read("ons-ccg-lad-lsoas.csv"):
        ons_name[r["ccg_ods"]] = (r["ccg_ons"], r["ccg_name"])
    for r in read("ccg-ended-before-2018.csv"):
        if r["ccg_ods"] in ons_name:     # checked: the codes agree
            code, name, src = ons_name[r["ccg_ods"]] + (["onslsoa"],)
        else:
            code, name, src = r["ccg_ons"], r["ccg_name"], []
        ccg[r["ccg_ods"]] = {"ods": r["ccg_ods"], "ons": code, "name": name,
                             "src": src, "name_note": not code}
    cqc = read("cqc-ccg-local-authority-2022-11.csv")
    cqc_name = {r["ccg_ons"]: r["ccg_name"] for r in cqc}
    stp21 = {}
    for r in read("nhsd-ccg-mapping-2021.csv"):
        if r["ccg_code"] != r["ccg21_ods"]:
            continue
        stp21[r["ccg21_ods"]] = r
        if r["ccg21_ods"] not in ccg:
            ccg[r["ccg21_ods"]] = {"ods": r["ccg21_ods"], "ons": r["ccg21_ons"],
                                   "name": cqc_name.get(r["ccg21_ons"])
                                   or title_case(r["ccg21_name"]), "src": []}
        ccg[r["ccg21_ods"]]["src"].append("eccg")

    preds = {}
    for r in read("ods-ccg-successors.csv"):
        a, b, d = r["from"], r["to"], r["legal_start"]
        if a not in ccg or b not in ccg:
            sys.exit(f"ods-ccg-successors.csv: {a} -> {b}: unknown CCG code")
        ccg[a]["to"] = d
        ccg[a]["succ"] = b
        ccg[b]["from"] = d
        preds.setdefault(b, []).append(a)
        ccg[a]["src"].append("succ")
        ccg[b]["src"].append("succ")
    # check: the CCGs each ONS lookup lists are exactly those the ODS dates
    # put in force on its date (a mistake in the successor extract shows)
    listed = {}
    for name, col in (("ons-ccg-lad-lsoas.csv", "date"), ("ons-ccg-stp.csv", "date")):
        for r in read(name):
            listed.setdefault(r[col], set()).add(r["ccg_ods"])
    for day, codes in sorted(listed.items()):
        live = {c["ods"] for c in ccg.values()
                if c.get("from", START) <= day < c.get("to", END)}
        if codes != live:
            sys.exit(f"the ONS lookup of {day} lists {sorted(codes - live)} that the "
                     f"ODS dates do not put in force, and misses {sorted(live - codes)}")
    loc22 = {r["LOC22CDH"]: r for r in read("loc22-icb22-nhser22.csv")}
    for c in ccg.values():
        c.setdefault("from", START)
        c.setdefault("to", END)
        if c["to"] == END:
            row = loc22.get(c["ods"])
            if not row or row["ICB22CDH"] not in icb_by_ods:
                sys.exit(f"{c['ods']}: no ICB for this CCG in loc22-icb22-nhser22.csv")
            c["icb"] = icb_by_ods[row["ICB22CDH"]]
            c["src"].append("loc22")

    # region and folder: the area of the ICB its line ended in
    def final(c):
        while "succ" in c:
            c = ccg[c["succ"]]
        return c
    for c in ccg.values():
        icb = final(c)["icb"]
        c["region"] = icb["region"]
        c["folder"] = os.path.basename(os.path.dirname(icb["path"]))
        if c["ods"] in HAND:
            c["id"] = HAND[c["ods"]]
        else:
            base = c["name"]
            base = base[4:] if base.startswith("NHS ") else base
            base = base[:-4] if base.endswith(" CCG") else base
            c["id"] = regindex.slug(base) + "-ccg"
            if c["id"] in ids:
                sys.exit(f"{c['ods']}: id {c['id']} is already in the registry")
    seen = {}
    for c in ccg.values():
        if c["id"] in seen:
            sys.exit(f"duplicate id {c['id']}: {seen[c['id']]} and {c['ods']}")
        seen[c["id"]] = c["ods"]
    return ccg, preds, stp21, cqc, councils, stp_by_ods, ids


def council_by_cqc_name(councils, la):
    co = councils.get(LA_ALIAS.get(la, la))
    if co is None:
        key = regindex.slug(la)
        for name, e in sorted(councils.items()):
            rest = regindex.slug(name)
            if rest.startswith(key + "-") and rest[len(key) + 1:] in (
                    "council", "city-council", "county-council",
                    "metropolitan-borough-council", "borough-council"):
                return e
        for name, e in sorted(councils.items()):
            if key in regindex.slug(name):
                return e
        sys.exit(f"no council for CQC local authority {la!r}")
    return co


def valid(a, b):
    return f"valid:\n  from: {a}\n  to: {b}"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n")


def body(c, ccg, preds):
    lines = ["kind: body", f"id: {c['id']}", f"name: {q(c['name'])}", "type: ccg",
             f"region: {c['region']}",
             "statutory_basis: " + q("National Health Service Act 2006, Part 2 Chapter A2 (clinical commissioning groups), inserted by the Health and Social Care Act 2012; abolished by the Health and Care Act 2022"),
             "legal_form: " + q("clinical commissioning group (body corporate; membership body of GP practices)")]
    p = preds.get(c["ods"], [])
    if len(p) == 1:
        lines.append(f"replaces: {ccg[p[0]]['id']}")
    succ = ccg[c["succ"]]["id"] if "succ" in c else c["icb"]["id"]
    lines.append(f"succeeded_by: {succ}")
    lines.append("codes:")
    if c["ons"]:
        lines.append(f"  ons: {c['ons']}")
    lines.append(f"  ods: {c['ods']}")
    lines.append(valid(c["from"], c["to"]))
    n = []
    if c["from"] == START:
        n.append("Clinical commissioning group from 1 April 2013.")
    elif p:
        ps = [ccg[x]["name"] for x in sorted(p)]
        names = ", ".join(ps[:-1]) + (" and " if len(ps) > 1 else "") + ps[-1]
        n.append(f"Formed on {c['from']} from {names} (ODS successor records).")
    if "succ" in c:
        others = sorted(x for x in preds[c["succ"]] if x != c["ods"])
        with_ = (" with " + ", ".join(ccg[x]["name"] for x in others[:-1])
                 + (" and " if len(others) > 1 else "") + ccg[others[-1]]["name"]) if others else ""
        n.append(f"Merged{with_} into {ccg[c['succ']]['name']} on {c['to']}.")
    else:
        n.append(f"Abolished on 1 July 2022 by the Health and Care Act 2022; its functions passed to {c['icb']['name']}, whose sub-ICB location {c['ods']} covers its area (ONS July 2022 lookup).")
    if not c["ons"]:
        n.append("Its ONS (E38) code is not sourced here.")
    if c.get("name_note"):
        n.append("The ODS successor records give its code and dates; its name is the one recorded beside the code in an analysis of CCG mergers, not read from an official list.")
    lines.append("notes: " + q(" ".join(n)))
    keys = ["act"] + sorted(set(c["src"]), key=list(SRC).index)
    if c["to"] == END:
        keys.append("hca2022")
    lines.append(src(*keys))
    return "\n".join(lines)


# The governing body's seats: (role, post, period, notes).  period "all" is
# the CCG's life; "made" the Regulations as made (until 14 April 2022);
# "amended" SI 2022/316 (from 14 April 2022).  The accountable officer sits
# ex officio; every other member is appointed by the CCG (reg. 11(4)).
SEATS = [
    ("Accountable officer", "chief-officer", "all",
     "Regulation 11(2): the CCG's accountable officer (NHS Act 2006 Sch. 1A) is a member of its governing body by virtue of the office."),
    ("Chief finance officer", "finance-officer", "all",
     "Regulation 11(3)(a) and (5): an employee of the CCG qualified in accountancy who leads its financial management; appointed by the CCG (reg. 11(4))."),
    ("GP members chosen by the member practices", "member", "all",
     "The CCG is a membership body of GP practices (NHS Act 2006 s.14A). Regulation 11(4): every member other than the accountable officer is appointed by the CCG. How many GP members sit and how the member practices choose them (usually by election) is set by each CCG's constitution, which is not recorded here, so this is one seat standing for them."),
    ("Registered nurse", "member", "made",
     "Regulation 11(3)(b), as made: a registered nurse, other than one who falls within regulation 12(1); appointed by the CCG (reg. 11(4))."),
    ("Secondary care specialist doctor", "member", "made",
     "Regulation 11(3)(c) and (6), as made: a secondary care specialist (a registered medical practitioner on the GMC's Specialist Register who holds or held an NHS consultant post or an armed forces specialty post), other than one who falls within regulation 12(1); appointed by the CCG."),
    ("Lay member (finance and audit)", "non-executive", "made",
     "Regulation 11(3)(d) and 12(3), as made: a lay person with expertise in finance and audit; Schedule 4 excludes council, NHS and provider employees; appointed by the CCG."),
    ("Lay member (knowledge of the area)", "non-executive", "made",
     "Regulation 11(3)(e) and 12(4), as made: a second lay person with knowledge of the CCG's area able to express informed views on its functions; appointed by the CCG."),
    ("Registered nurse or secondary care specialist", "member", "amended",
     "Regulation 11(3)(b) as substituted by SI 2022/316 from 14 April 2022: one registered nurse or secondary care specialist; appointed by the CCG."),
    ("Lay member", "non-executive", "amended",
     "Regulation 11(3)(c) and 12(3) as substituted by SI 2022/316 from 14 April 2022: one lay person with finance and audit expertise or knowledge of the CCG's area; appointed by the CCG."),
]


def board(c):
    cid, a, b = c["id"], c["from"], c["to"]
    periods = {"all": (a, b), "made": (a, min(b, AMENDED)),
               "amended": (max(a, AMENDED), b)}
    seats = []
    for role, post, period, notes in SEATS:
        sa, sb = periods[period]
        if sa >= sb:
            continue
        who = "    ex_officio: true" if post == "chief-officer" else f"    appointed_by: {cid}"
        seats.append("\n".join([f"  - role: {q(role)}", f"    post: {post}", who,
                                f"    valid: {{from: {sa}, to: {sb}}}",
                                f"    notes: {q(notes)}"]))
    lines = ["kind: board", f"id: {cid}-governing-body",
             f"name: {q('Governing body of ' + c['name'])}", "type: board", f"of: {cid}",
             "statutory_basis: " + q("National Health Service Act 2006 s.14L (governing body of a CCG), inserted by the Health and Social Care Act 2012 s.25; NHS (Clinical Commissioning Groups) Regulations 2012 (SI 2012/1631) regs. 11 and 12"),
             valid(a, b),
             "notes: " + q("The seats the 2012 Regulations require (at least six members as made, four from 14 April 2022). The chair and deputy chair are among these members; the CCG's constitution sets the rest, and the actual membership is not recorded."),
             "seats:"] + seats
    keys = ["regs", "regs12"] + (["amend"] if b > AMENDED else [])
    lines.append(src(*keys))
    return "\n".join(lines)


def link(lid, frm, to, typ, basis, forum, powers, a, b, notes, keys):
    return "\n".join([
        "kind: link", f"id: {lid}", f"from: {frm}", f"to: {to}", f"type: {typ}",
        f"basis: {basis}", f"forum: {forum}", f"powers: [{', '.join(powers)}]",
        valid(a, b), "notes: " + q(notes), src(*keys)])


def runs(c, data, extend_back):
    """data: {vintage date: {target: detail}} for one CCG.  Yield (target,
    from, to, [vintages]) for each unbroken run of vintages listing target.
    A vintage with no data for the CCG neither starts nor ends a run."""
    vs = [v for v in sorted(data) if c["from"] <= v < c["to"]]
    targets = sorted({t for v in vs for t in data[v]})
    for t in targets:
        i = 0
        while i < len(vs):
            if t not in data[vs[i]]:
                i += 1
                continue
            j = i
            while j + 1 < len(vs) and t in data[vs[j + 1]]:
                j += 1
            a = c["from"] if (i == 0 and extend_back) else vs[i]
            b = vs[j + 1] if j + 1 < len(vs) else c["to"]
            yield t, a, b, vs[i:j + 1]
            i = j + 1


def member_links(c, d, mem, stp_valid, ids):
    """Write the CCG's member-of links to its STPs, one per unbroken run of
    lookups; a link the registry already has (written by hand) is kept."""
    n = 0
    cid = c["id"]
    for sid, a, b, vs in runs(c, mem.get(c["ods"], {}), False):
        st = stp_valid[sid]
        a = max(a, st.get("valid.from", a))
        b = min(b, st.get("valid.to", b))
        lid = f"{cid}-member-of-{sid}"
        if a >= b or lid in ids:
            continue
        years = ", ".join(v[:4] for v in vs)
        write(os.path.join(d, "links", lid + ".yaml"),
              link(lid, cid, sid, "member-of", "voluntary", "administrative", ["inform"], a, b,
                   f"A member CCG of the partnership: the ONS CCG to STP lookups (and, for 2021, NHS Digital's ODS relationship) of {years} put it in this footprint. Membership rested on agreement, not statute. Dated from the first lookup read that lists it (none earlier than April 2017 was read).",
                   (["onsstp"] if any(v != "2021-04-01" for v in vs) else []) + (["eccg"] if "2021-04-01" in vs else [])))
        n += 1
    return n


def main():
    ccg, preds, stp21, cqc, councils, stp_by_ods, ids = build()
    reg_ons = {e["codes.ons"]: e for e in councils.values() if "codes.ons" in e}
    for code, cid in COUNCIL_ALIAS.items():
        reg_ons[code] = next(e for e in councils.values() if e["id"] == cid)
    # councils of each CCG, by lookup: {ods: {date: {council id: detail}}}
    scr, missing = {}, {}
    for r in read("ons-ccg-lad-lsoas.csv"):
        date = LOOKUP_FROM.get(r["date"], r["date"])
        co = reg_ons.get(r["upper_tier"])
        if co is None:
            missing.setdefault(r["upper_tier"], set()).add(r["ccg_ods"])
            continue
        d = scr.setdefault(r["ccg_ods"], {}).setdefault(date, {})
        d[co["id"]] = d.get(co["id"], 0) + int(r["lsoas"])
        scr[r["ccg_ods"]].setdefault("ons@" + date, r["ccg_ons"])
    for r in cqc:
        if (r["loc22_ods"], r["local_authority"]) in EXCLUDE or r["loc22_ods"] in HAND:
            continue
        co = council_by_cqc_name(councils, r["local_authority"])
        scr.setdefault(r["loc22_ods"], {}).setdefault("2021-04-01", {})[co["id"]] = None
    # STP of each CCG, by lookup
    stp_id = {}
    for r in read("stp-footprints.csv"):
        sid = HAND_STP.get(r["ons"]) or regindex.slug(r["name"]) + "-stp"
        stp_id[r["ons"]] = sid
        if r["successor"].startswith("ICB:"):
            stp_id[r["ons_2021"]] = sid
    mem = {}
    for r in read("ons-ccg-stp.csv"):
        mem.setdefault(r["ccg_ods"], {})[r["date"]] = {stp_id[r["stp_ons"]]: None}
    for ods, r in stp21.items():
        if r["stp21_ods"] in stp_by_ods:
            mem.setdefault(ods, {})["2021-04-01"] = {stp_by_ods[r["stp21_ods"]]["id"]: None}
    stp_valid = {e["id"]: e for e in stp_by_ods.values()}
    stp_valid.update({e["id"]: e for e in STP_ENTITIES})

    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    n_body = n_board = n_link = 0
    for c in sorted(ccg.values(), key=lambda c: c["id"]):
        d = os.path.join(OUT, c["folder"])
        cid = c["id"]
        if c["ods"] in HAND:
            write(os.path.join(d, cid + "-governing-body.yaml"), board(c))
            n_board += 1
            n_link += member_links(c, d, mem, stp_valid, ids)
            continue
        write(os.path.join(d, cid + ".yaml"), body(c, ccg, preds))
        write(os.path.join(d, cid + "-governing-body.yaml"), board(c))
        n_body += 1
        n_board += 1
        write(os.path.join(d, "links", f"{cid}-accountable-to-nhs-england.yaml"),
              link(f"{cid}-accountable-to-nhs-england", cid, "nhs-england",
                   "accountable-to", "statute", "administrative",
                   ["inform", "question", "sanction"], c["from"], c["to"],
                   "NHS England authorised CCGs, assessed their performance annually and could give directions or dissolve a failing CCG (NHS Act 2006 Part 2 Chapter A2, as inserted by the 2012 Act).",
                   ["act"]))
        n_link += 1
        data = {k: v for k, v in scr.get(c["ods"], {}).items() if not k.startswith("ons@")}
        first = min(data) if data else None
        # a CCG of 1 April 2013 whose ONS code in the first lookup is of the
        # 2013 series (E38000001-211) had the same area since 2013: ONS gives
        # a new code when a boundary changes
        first_ons = scr.get(c["ods"], {}).get("ons@" + first, "") if first else ""
        extend = (c["from"] == START and first == "2015-04-01"
                  and first_ons and int(first_ons[3:]) <= 211)
        all_runs = list(runs(c, data, extend))
        for co_id, a, b, vs in all_runs:
            co = next(e for e in councils.values() if e["id"] == co_id)
            a = max(a, co.get("valid.from", a))
            b = min(b, co.get("valid.to", b))
            if a >= b:
                continue
            lid = f"{cid}-scrutinised-by-{co_id}"
            if sum(1 for x in all_runs if x[0] == co_id) > 1:
                lid += "-from-" + a[:4]
            ons_years = [v[:4] for v in vs if v != "2021-04-01"]
            said = []
            if ons_years:
                n = data[vs[-1]].get(co_id) if vs[-1] != "2021-04-01" else data[vs[-2]].get(co_id) if len(vs) > 1 else None
                said.append("the ONS LSOA to CCG to local authority lookups of " + ", ".join(ons_years)
                            + " put part of the council's area in the CCG's" + (f" ({n} LSOAs in the latest)" if n else ""))
            if "2021-04-01" in vs:
                said.append("CQC's care home directory of November 2022 places care homes of the council in the CCG's area")
            why = (" From 1 April 2013: the CCG's ONS code in the 2015 lookup is of the 2013 series, so its area had not changed." if (extend and a == START) else "")
            write(os.path.join(d, "links", lid + ".yaml"),
                  link(lid, cid, co_id, "scrutinised-by", "regulation", "political",
                       ["inform", "question", "sanction"], a, b,
                       "Health scrutiny of the CCG by the council under NHS Act 2006 s.244 and the 2013 Regulations, including the power to refer proposals to the Secretary of State. The council's area and the CCG's overlapped: " + "; ".join(said) + "." + why,
                       ["scrutiny", "s244"] + (["onslsoa"] if ons_years else []) + (["cqc"] if "2021-04-01" in vs else [])))
            n_link += 1
        n_link += member_links(c, d, mem, stp_valid, ids)
    print(f"ccgs.py: {len(ccg)} CCGs ({n_body} files written, {len(HAND)} kept by hand), "
          f"{n_board} governing bodies, {n_link} links in {os.path.relpath(OUT)}")
    for day in ("2013-04-01", "2015-06-01", "2019-04-01", "2020-04-01", "2021-04-01", "2022-06-30"):
        print(f"  in force on {day}: {sum(1 for c in ccg.values() if c['from'] <= day < c['to'])}")
    for code, odss in sorted(missing.items()):
        print(f"  no registry council for {code} (CCGs {' '.join(sorted(odss))}): links left out")


if __name__ == "__main__":
    main()
