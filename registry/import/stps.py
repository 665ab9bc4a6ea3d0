#!/usr/bin/env python3
"""stps.py - write the 44 sustainability and transformation partnership
footprints of March 2016 (and the Cumbria and North East footprint that
three of them merged into) into the registry, with the early integrated care
system designations and the decisions that statutory bodies ratified.

    python3 registry/import/stps.py            # from the repository root
    python3 registry/import/ccgs.py            # then: CCGs link to the STPs

It owns registry/england/stps/ (deleted and rewritten on every run).  The two
STPs written by hand before it (bnssg-stp, syb-stp) keep their files and ids.

Inputs, in registry/import/data/:

  stp-footprints.csv     one row per footprint: ONS code (2016), name, ODS
                         code, ONS code of 2021 where it changed, dates, and
                         successor (another footprint, or the ICB with the
                         same ODS code).  Built from hf-trust-stp-lookup-2018.csv
                         (the 44 footprints with their ONS codes), the
                         STP columns of nhsd-ccg-mapping-2021.csv (ODS codes)
                         and the ODS successor records (QVP, QT8, QMK -> QHM,
                         1 April 2018).
  stp-ics.csv            the waves in which NHS England named footprints
                         accountable (later integrated) care systems, with
                         the day and the source of each announcement.
  stp-links.csv          member-of and ratified-by links that a source names.

Every STP is `statutory_basis: none`: STPs were created by NHS planning
guidance (December 2015), not by statute, and ended when integrated care
boards took over on 1 July 2022.  Python 3 standard library only.
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
OUT = os.path.join(REG, "england", "stps")
DATA = os.path.join(HERE, "data")
ACCESSED = "2026-12-06"
HAND = {"E54000039": "bnssg-stp", "E54000009": "syb-stp"}

SRC = {
    "guidance": ("http://www.ntda.nhs.uk/blog/2015/12/22/delivering-the-forward-view-nhs-shared-planning-guidance-201617-202021/",
                 "Delivering the Forward View: NHS Shared Planning Guidance 2016/17 - 2020/21 (asks every area to produce a Sustainability and Transformation Plan), 22 December 2015"),
    "footprints": ("https://www.england.nhs.uk/2016/03/footprint-areas/",
                   "NHS England news, March 2016: national health and care bodies publish the 44 Sustainability and Transformation Plan footprint areas (the page does not show its day)"),
    "onmedica": ("http://www.onmedica.com/NewsArticle.aspx?id=7d0945bd-daed-4a34-85a1-f97b93b8ee99",
                 "OnMedica, Wednesday 16 March 2016: NHS England reveals leaders for change (NHS England has published the map of the 44 footprint areas)"),
    "hf": ("https://github.com/HFAnalyticsLab/Winter_pressures/blob/8531313/README.md",
           "The Health Foundation: Trust-STP lookup table, compiled from NHS England's 'View STPs' pages on the 2017/18 formation of the 44 STPs, with their ONS codes (E54000005 to E54000048) and the 2018 merger of E54000045-47"),
    "eccg": ("https://digital.nhs.uk/services/organisation-data-service/export-data-files/csv-downloads/other-nhs-organisations",
             "NHS Digital Organisation Data Service: STP codes and CCG-to-STP relationships (as read in NHS Digital's 2021 CCG mapping)"),
    "succ": ("https://digital.nhs.uk/services/organisation-data-service/export-data-files/csv-downloads/miscellaneous",
             "NHS Digital Organisation Data Service: successor organisations (succ.csv): STPs QVP, QT8 and QMK succeeded by QHM on 1 April 2018"),
    "onsstp": ("https://geoportal.statistics.gov.uk/search?q=Clinical%20Commissioning%20Group%20to%20STPs",
               "ONS: Clinical Commissioning Group to STPs Lookups in England (April 2017: the 44 footprints and their codes; April 2018 and 2019: Cumbria and North East, E54000049; April 2020: the codes and ODS codes after the boundary changes of April 2020)"),
    "hca2022": ("https://www.legislation.gov.uk/ukpga/2022/31/contents",
                "Health and Care Act 2022 (integrated care boards established on 1 July 2022)"),
}


def read(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n")


def sources(items):
    out = ["sources:"]
    for url, title in items:
        out.append(f"  - url: {url}\n    title: {q(title)}\n    accessed: {ACCESSED}")
    return "\n".join(out)


def main():
    reg = regindex.load(REG, skip={OUT})
    ids = {e["id"] for e in reg if "id" in e}
    icb_by_ods = {e["codes.ods"]: e for e in reg
                  if e.get("type") == "icb" and "codes.ods" in e}
    rows = read("stp-footprints.csv")
    ics = {}
    for r in read("stp-ics.csv"):
        ics.setdefault(r["ons"], []).append(r)
    by_ons = {r["ons"]: r for r in rows}
    for r in rows:
        r["id"] = HAND.get(r["ons"]) or regindex.slug(r["name"]) + "-stp"
        if r["ons"] not in HAND and r["id"] in ids:
            sys.exit(f"{r['ons']}: id {r['id']} is already in the registry")
    for r in rows:
        succ = r["successor"]
        if succ.startswith("ICB:"):
            icb = icb_by_ods.get(succ[4:])
            if icb is None:
                sys.exit(f"{r['ons']}: no ICB with ODS code {succ[4:]}")
            r["succ_id"], r["icb"] = icb["id"], icb
        else:
            r["succ_id"] = by_ons[succ]["id"]
    for r in rows:
        icb = r.get("icb") or by_ons[r["successor"]]["icb"]
        r["region"] = icb["region"]
        r["folder"] = os.path.basename(os.path.dirname(icb["path"]))

    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    n = 0
    for r in rows:
        d = os.path.join(OUT, r["folder"])
        sid = r["id"]
        if r["ons"] in HAND:
            continue
        preds = [x for x in rows if x["successor"] == r["ons"]]
        notes = []
        if preds:
            notes.append("Formed on 1 April 2018 (ODS successor records; the ONS CCG to STP lookup of April 2018 lists it) when the " +
                         ", ".join(p["name"] for p in preds[:-1]) + " and " + preds[-1]["name"] +
                         " footprints merged; the Health Foundation's lookup dates the merger to August 2018.")
        else:
            notes.append("One of the 44 footprints NHS England published in March 2016 (dated here from 16 March 2016, when OnMedica reported the publication; NHS England's page does not show its day), each asked by the 2016/17 planning guidance to produce a Sustainability and Transformation Plan (October 2016 to March 2021).")
        notes.append("It had no statutory basis and no legal personality: its plans and decisions took effect only through decisions of its member NHS bodies and councils.")
        if r["ons_2021"] != r["ons"] and r["successor"].startswith("ICB:"):
            notes.append(f"ONS re-coded the footprint {r['ons_2021']} in its CCG to STP lookup of April 2020, after a boundary change.")
        srcs = [SRC["guidance"]] + ([SRC["footprints"], SRC["onmedica"]] if not preds else [SRC["succ"]]) + [
                SRC["onsstp"], SRC["hf"]]
        if r["ods"]:
            srcs.append(SRC["eccg"])
        for w in ics.get(r["ons"], []):
            if w["notes"] not in notes:
                notes.append(w["notes"])
            srcs.append((w["url"], w["title"]))
        if r["successor"].startswith("ICB:"):
            notes.append(f"Succeeded on 1 July 2022 by {r['icb']['name']} (same ODS code), when the Health and Care Act 2022 put integrated care systems on a statutory footing.")
            srcs.append(SRC["hca2022"])
        else:
            notes.append(f"Merged into the {by_ons[r['successor']]['name']} footprint on {r['valid_to']} (ODS successor records; the Health Foundation's lookup says August 2018).")
            srcs.append(SRC["succ"])
        seen, uniq = set(), []
        for s in srcs:
            if s[0] not in seen:
                seen.add(s[0])
                uniq.append(s)
        codes = [f"  ons: {r['ons']}"] + ([f"  ods: {r['ods']}"] if r["ods"] else [])
        write(os.path.join(d, sid + ".yaml"), "\n".join([
            "kind: body", f"id: {sid}",
            f"name: {q(r['name'] + ' Sustainability and Transformation Partnership')}",
            "type: stp", f"region: {r['region']}", "statutory_basis: none",
            "legal_form: " + q("none (a partnership of NHS bodies and councils with no statutory basis)"),
            f"succeeded_by: {r['succ_id']}", "codes:"] + codes + [
            "valid:", f"  from: {r['valid_from']}", f"  to: {r['valid_to']}",
            "notes: " + q(" ".join(notes)), sources(uniq)]))
        lid = f"{sid}-reports-to-nhs-england"
        write(os.path.join(d, "links", lid + ".yaml"), "\n".join([
            "kind: link", f"id: {lid}", f"from: {sid}", "to: nhs-england",
            "type: reports-to", "basis: guidance", "forum: administrative",
            "powers: [inform, question]",
            "valid:", f"  from: {r['valid_from']}", f"  to: {r['valid_to']}",
            "notes: " + q("STPs submitted their plans to NHS England and NHS Improvement for assessment under planning guidance, not statute."),
            sources([SRC["guidance"]])]))
        n += 2
    by_id = {r["id"]: r for r in rows}
    for l in read("stp-links.csv"):
        stp = by_id[l["stp"]]
        frm, to = (l["member"], stp["id"]) if l["type"] == "member-of" else (stp["id"], l["member"])
        lid = f"{frm}-{l['type']}-{to}"
        write(os.path.join(OUT, stp["folder"], "links", lid + ".yaml"), "\n".join([
            "kind: link", f"id: {lid}", f"from: {frm}", f"to: {to}", f"type: {l['type']}",
            f"basis: {l['basis']}", "forum: administrative",
            f"powers: [{', '.join(l['powers'].split())}]",
            "valid:", f"  from: {l['from']}", f"  to: {stp['valid_to']}",
            "notes: " + q(l["notes"]), sources([(l["url"], l["title"])])]))
        n += 1
    print(f"stps.py: {len(rows)} footprints ({len(rows) - len(HAND)} written, "
          f"{len(HAND)} kept by hand), {n} files in {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
