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
  cqc-ccg-local-authority-2022-11.csv
                                CCG (ONSPD code) and local authority of every
                                active CQC care home, November 2022: the
                                councils each CCG of 2021 had in its area

What it writes, per CCG: the body (type ccg, ODS and ONS codes, dates,
`succeeded_by`, `replaces` when there was exactly one predecessor), its
governing body (a board with the seats of regulation 11 of the NHS (Clinical
Commissioning Groups) Regulations 2012, as made and as amended from
14 April 2022), `accountable-to` NHS England, and for the CCGs of April
2021: `scrutinised-by` each council with care homes in its area and
`member-of` its STP.  Python 3 standard library only.
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

# Pairs in the CQC file that no other source supports: one care home row,
# and the ONS July 2022 LSOA lookup puts no Buckinghamshire LSOA in M1J4Y.
# (registry/README.md, "Council-to-ICB rows", calls it probably an artefact.)
EXCLUDE = {("M1J4Y", "Buckinghamshire")}

SRC = {
    "act": ("https://www.legislation.gov.uk/ukpga/2006/41/part/2/crossheading/clinical-commissioning-groups",
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
    "cqc": ("https://www.cqc.org.uk/about-us/transparency/using-cqc-data",
            "CQC: Care directory with filters (1 November 2022): each active care home's local authority and ONSPD CCG code"),
    "dsfood": ("https://github.com/elahmo/dsfood/blob/c9e3d1c/app/static/csv/ccg2ons.js",
               "CCG names, ODS and ONS codes of 2013-2016 as copied into a 2016 public repository (elahmo/dsfood, ccg2ons.js); a copy, not the ONS file"),
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
        if e.get("type") == "stp" and "codes.ods" in e:
            stp_by_ods[e["codes.ods"]] = e
    councils = {e["name"]: e for e in reg if e.get("type") == "local-authority"
                and e.get("region", "").startswith("england")}

    ccg = {}
    for r in read("ccg-names-codes-2018-04.csv"):
        ccg[r["CCG18CDH"]] = {"ods": r["CCG18CDH"], "ons": r["CCG18CD"],
                              "name": r["CCG18NM"], "src": ["ons2018"]}
    for r in read("ccg-ended-before-2018.csv"):
        ccg[r["ccg_ods"]] = {"ods": r["ccg_ods"], "ons": r["ccg_ons"],
                             "name": r["ccg_name"],
                             "src": ["dsfood"] if r["ccg_ons"] else [],
                             "name_note": not r["ccg_ons"]}
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
    return ccg, preds, stp21, cqc, councils, stp_by_ods


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
        names = ", ".join(ccg[x]["name"] for x in sorted(p))
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
    if "dsfood" in c["src"]:
        n.append("Name and ONS code as a 2016 copy of the ONS CCG lookup gives them; no official list of 2013 CCG names was read.")
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
     "Regulation 11(3)(b), as made: a registered nurse who is not a member or employee of a member practice (reg. 12(1)); appointed by the CCG (reg. 11(4))."),
    ("Secondary care specialist doctor", "member", "made",
     "Regulation 11(3)(c) and (6), as made: a registered medical practitioner who is or was an NHS consultant, not connected with a member practice or a provider the CCG commissions from (reg. 12(1)); appointed by the CCG."),
    ("Lay member (finance and audit)", "non-executive", "made",
     "Regulation 11(3)(d) and 12(3), as made: a lay person with expertise in finance and audit; Schedule 4 excludes council, NHS and provider employees; appointed by the CCG."),
    ("Lay member (patient and public involvement)", "non-executive", "made",
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


def main():
    ccg, preds, stp21, cqc, councils, stp_by_ods = build()
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    n_body = n_board = n_link = 0
    for c in sorted(ccg.values(), key=lambda c: c["id"]):
        d = os.path.join(OUT, c["folder"])
        cid = c["id"]
        if c["ods"] not in HAND:
            write(os.path.join(d, cid + ".yaml"), body(c, ccg, preds))
            n_body += 1
            write(os.path.join(d, "links", f"{cid}-accountable-to-nhs-england.yaml"),
                  link(f"{cid}-accountable-to-nhs-england", cid, "nhs-england",
                       "accountable-to", "statute", "administrative",
                       ["inform", "question", "sanction"], c["from"], c["to"],
                       "NHS England authorised CCGs, assessed their performance annually and could give directions or dissolve a failing CCG (NHS Act 2006 Part 2 Chapter A2, as inserted by the 2012 Act).",
                       ["act"]))
            n_link += 1
        write(os.path.join(d, cid + "-governing-body.yaml"), board(c))
        n_board += 1
        if c["to"] != END or c["ods"] in HAND:
            continue
        # CCGs of April 2021: their councils and their STP
        unchanged = c["from"] == START and c["ons"] and int(c["ons"][3:]) <= 211
        a = c["from"] if (unchanged or c["from"] > START) else "2018-04-01"
        las = sorted({r["local_authority"] for r in cqc if r["loc22_ods"] == c["ods"]
                      and (c["ods"], r["local_authority"]) not in EXCLUDE})
        for la in las:
            co = councils.get(LA_ALIAS.get(la, la))
            if co is None:
                for name, e in councils.items():
                    if regindex.slug(name).startswith(regindex.slug(la) + "-") and \
                            regindex.slug(name)[len(regindex.slug(la)) + 1:] in (
                                "council", "city-council", "county-council",
                                "metropolitan-borough-council", "borough-council"):
                        co = e
                        break
            if co is None:
                for name, e in councils.items():
                    if regindex.slug(la) in regindex.slug(name):
                        co = e
                        break
            if co is None:
                sys.exit(f"{c['ods']}: no council for CQC local authority {la!r}")
            la_from = max(a, co.get("valid.from", a))
            la_to = min(END, co.get("valid.to", END))
            if la_from >= la_to:
                continue
            lid = f"{cid}-scrutinised-by-{co['id']}"
            write(os.path.join(d, "links", lid + ".yaml"),
                  link(lid, cid, co["id"], "scrutinised-by", "regulation", "political",
                       ["inform", "question", "sanction"], la_from, la_to,
                       f"Health scrutiny of the CCG by the council under NHS Act 2006 s.244 and the 2013 Regulations, including the power to refer proposals to the Secretary of State. The council is one whose area the CCG covered: CQC's care home directory of November 2022 places care homes of {co['name']} in this CCG's area (ONSPD CCG code {c['ons']}). Dated from {la_from}: " +
                       ("the CCG's ONS code never changed, so its area did not" if unchanged else "the CCG's start") + ".",
                       ["scrutiny", "s244", "cqc"]))
            n_link += 1
        s = stp21.get(c["ods"])
        stp = stp_by_ods.get(s["stp21_ods"]) if s else None
        if stp:
            m_from = max(a, stp.get("valid.from", a))
            m_to = min(END, stp.get("valid.to", END))
            lid = f"{cid}-member-of-{stp['id']}"
            write(os.path.join(d, "links", lid + ".yaml"),
                  link(lid, cid, stp["id"], "member-of", "voluntary", "administrative",
                       ["inform"], m_from, m_to,
                       f"A member CCG of the partnership: NHS Digital's ODS records the CCG's relationship to STP {s['stp21_ods']} ({s['stp21_name']}). Membership rested on agreement, not statute. Dated from {m_from}, when both the CCG (with its present area) and the STP existed; no source records a move between footprints.",
                       ["eccg"]))
            n_link += 1
    print(f"ccgs.py: {len(ccg)} CCGs ({n_body} files written, {len(HAND)} kept by hand), "
          f"{n_board} governing bodies, {n_link} links in {os.path.relpath(OUT)}")
    for day in ("2013-04-01", "2015-06-01", "2019-04-01", "2020-04-01", "2021-04-01", "2022-06-30"):
        print(f"  in force on {day}: {sum(1 for c in ccg.values() if c['from'] <= day < c['to'])}")


if __name__ == "__main__":
    main()
