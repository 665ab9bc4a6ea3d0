#!/usr/bin/env python3
"""forums.py - generate each English upper-tier council's health and
wellbeing board, its local Healthwatch, the Healthwatch contract and the
links between them, from the councils already in the registry.

Usage (from the repository root):

    python3 registry/import/forums.py            # write registry/england/forums/
    python3 registry/import/forums.py --check    # exit 1 if the files differ

Input: the registry itself.  The councils are the bodies of `type:
local-authority` under registry/england whose ONS code marks an upper-tier
authority (E06 unitary, E08 metropolitan district, E09 London borough or
the City, E10 county): the authorities that section 194 of the Health and
Social Care Act 2012 and section 221 of the Local Government and Public
Involvement in Health Act 2007 apply to.  Their names, ids, regions and
dates are sourced in their own files.  The NHS members of each board are
read from the registry's `scrutinised-by` links from an ICB (from
2022-07-01) or a CCG (2013-2022) to the council: the same "area lies
wholly or partly in" relation that section 194(2)(f) uses ("each relevant
integrated care board").

What is generated, per council C (ids derived from C's id):

  <C>-hwb                 board of C, type health-and-wellbeing-board,
                          with the members section 194(2) requires
  <C>-healthwatch         body, type healthwatch: the Local Healthwatch
                          organisation for C's area (s.222(2A) of the 2007
                          Act gives it that designation)
  <C>-healthwatch-contract  contract, commissioner C, provider the
                          Healthwatch (s.221(1): "Each local authority
                          must make contractual arrangements")
  links: the Healthwatch funded-by C; the Healthwatch reports-to
         Healthwatch England (s.221(2)(d) and (f))

Nothing here is a fact about one council beyond what the statutes require
of every upper-tier council: the organisation's own name, the company that
holds the contract, the contract's value and term, and each board's local
terms of reference are not in the registry (see registry/README.md,
"Coverage and gaps").  Names are therefore the statutory designations.

Python 3 standard library only.  Output is sorted and deterministic.
"""

import csv
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
REG = os.path.join(ROOT, "registry")
OUT = os.path.join(REG, "england", "forums")
# Published Local Healthwatch contracts (award notices), one row each:
# the council, the notice's title, value, term and provider, and the URLs
# read.  A council listed here gets a dated contract with the published
# facts, and its undated "arrangements" contract ends the day it starts.
AWARDS = os.path.join(os.path.dirname(__file__), "data", "healthwatch-contracts.csv")
ACCESSED = "2026-12-06"
START = "2013-04-01"          # ss.194 HSCA 2012 and 221-222 LGPIHA 2007 in force
UPPER = ("E06", "E08", "E09", "E10")

SRC_HWB = [
    ("https://www.legislation.gov.uk/ukpga/2012/7/part/5/chapter/2/crossheading/health-and-wellbeing-boards-establishment",
     "Health and Social Care Act 2012, section 194 (establishment of Health and Wellbeing Boards): membership, s.194(2)-(8); a committee of the authority, s.194(11)"),
    ("https://www.legislation.gov.uk/ukpga/2012/7/notes/division/5/5/2/3",
     "Health and Social Care Act 2012, Explanatory Notes to section 194 (paras 1191-1195)"),
    ("https://www.legislation.gov.uk/uksi/2013/218/contents",
     "The Local Authority (Public Health, Health and Wellbeing Boards and Health Scrutiny) Regulations 2013 (S.I. 2013/218), in force 1 April 2013"),
]
SRC_HW = [
    ("https://www.legislation.gov.uk/ukpga/2007/28/section/221",
     "Local Government and Public Involvement in Health Act 2007, section 221 (each local authority must make contractual arrangements for the Local Healthwatch activities; s.221 heading substituted 1.4.2013 by Health and Social Care Act 2012 s.182(10) and S.I. 2013/160)"),
    ("https://www.legislation.gov.uk/ukpga/2012/7/section/183",
     "Health and Social Care Act 2012, section 183 (s.222 of the 2007 Act: arrangements with a body corporate which is a social enterprise, known as the Local Healthwatch organisation for the area)"),
    ("https://www.legislation.gov.uk/ukpga/2012/7/section/189",
     "Health and Social Care Act 2012, section 189 (Local Healthwatch organisations added to the Public Bodies (Admission to Meetings) Act 1960 and the Freedom of Information Act 2000)"),
]
SRC_HWE_PAGE = [
    ("https://healthwatch.co.uk/our-history-and-functions",
     "Healthwatch England: Our history and functions (local Healthwatch are funded by and accountable to local authorities)"),
]
SRC_ABOLITION = [
    ("https://petition.parliament.uk/petitions/732993",
     "UK Parliament petition 732993, Review decision to abolish independent local Healthwatch: Government response of 21 November 2025 (the Government will close Healthwatch, following Dr Penny Dash's review)"),
    ("https://www.nuffieldtrust.org.uk/resource/whats-in-the-new-health-bill",
     "Nuffield Trust, What's in the new Health Bill? (18 May 2026): the Bill abolishes Healthwatch"),
]


# ---- a reader for the registry's own YAML (flat keys, one level of nesting)

def parse_docs(path):
    """Yield one dict per document: top-level scalars, and the nested
    `valid` and `codes` mappings (block or flow style)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for doc in re.split(r"(?m)^---\s*$", text):
        d, parent = {}, None
        for line in doc.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^([a-z_]+):\s*(.*)$", line)
            if m:
                key, val = m.group(1), m.group(2).strip()
                parent = None
                if val.startswith("{") and val.endswith("}"):
                    d[key] = flow(val)
                elif val == "" or val in (">-", ">", "|"):
                    parent = key
                    d.setdefault(key, {})
                else:
                    d[key] = unquote(val)
                continue
            m = re.match(r"^\s+([a-z_]+):\s*(.*)$", line)
            if m and parent in ("valid", "codes"):
                d[parent][m.group(1)] = unquote(m.group(2).strip())
        if d.get("kind"):
            yield d


def flow(val):
    out = {}
    for part in val.strip("{}").split(","):
        if ":" in part:
            k, v = part.split(":", 1)
            out[k.strip()] = unquote(v.strip())
    return out


def unquote(v):
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        return v[1:-1]
    return v


def load():
    ents = []
    for dirpath, dirnames, files in os.walk(REG):
        dirnames.sort()
        if os.path.abspath(dirpath).startswith(os.path.abspath(OUT)):
            continue
        for fn in sorted(files):
            if fn.endswith(".yaml") and fn != "govmap.yaml":
                ents.extend(parse_docs(os.path.join(dirpath, fn)))
    return ents


# ---- periods ------------------------------------------------------------

def period(e):
    v = e.get("valid") or {}
    return v.get("from") or "", v.get("to") or ""


def clip(p, q):
    """Intersection of two [from, to) periods ('' = open); None if empty."""
    f = max(p[0], q[0])
    t = min([x for x in (p[1], q[1]) if x] or [""])
    if t and f and f >= t:
        return None
    return (f, t)


def merge(periods):
    """Union of adjacent or overlapping periods."""
    out = []
    for f, t in sorted(periods):
        if out and (out[-1][1] == "" or f <= out[-1][1]):
            last = out[-1]
            out[-1] = (last[0], "" if "" in (last[1], t) else max(last[1], t))
        else:
            out.append((f, t))
    return out


# ---- YAML writing -------------------------------------------------------

def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def valid_yaml(p, indent=""):
    f, t = p
    parts = []
    if f:
        parts.append("from: " + f)
    if t:
        parts.append("to: " + t)
    return indent + "valid: {" + ", ".join(parts) + "}\n" if parts else ""


def sources_yaml(srcs):
    s = "sources:\n"
    for url, title in srcs:
        s += "  - url: %s\n    title: %s\n    accessed: %s\n" % (url, q(title), ACCESSED)
    return s


def seat(role, how, post, p, notes=None, elected_member=None):
    s = "  - role: %s\n" % q(role)
    s += "    %s\n" % how
    s += "    post: %s\n" % post
    if elected_member is not None:
        s += "    elected_member: %s\n" % ("true" if elected_member else "false")
    s += valid_yaml(p, "    ")
    if notes:
        s += "    notes: %s\n" % q(notes)
    return s


# ---- the entities ---------------------------------------------------------

def next_day(d):
    import datetime
    return (datetime.date.fromisoformat(d) + datetime.timedelta(days=1)).isoformat()


def load_awards():
    with open(AWARDS, encoding="utf-8", newline="") as f:
        return {r["council_id"]: r for r in csv.DictReader(f)}


def generate(ents):
    awards = load_awards()
    byid = {e["id"]: e for e in ents if "id" in e}
    councils = [e for e in ents
                if e.get("kind") == "body" and e.get("type") == "local-authority"
                and e.get("region", "").startswith("england")
                and (e.get("codes") or {}).get("ons", "")[:3] in UPPER]
    councils.sort(key=lambda e: e["id"])
    nhs = {}  # council id -> [(nhs body id, period)]
    for e in ents:
        if e.get("kind") != "link" or e.get("type") != "scrutinised-by":
            continue
        src = byid.get(e.get("from"))
        if src and src.get("type") in ("icb", "ccg"):
            nhs.setdefault(e.get("to"), []).append((src["id"], period(e)))

    files = {}
    for c in councils:
        cid, cname = c["id"], c["name"]
        cp = period(c)
        p = clip(cp, (START, ""))
        if p is None:
            continue
        hwb, hw = cid + "-hwb", cid + "-healthwatch"

        # the health and wellbeing board
        y = "kind: board\nid: %s\n" % hwb
        y += "name: %s\n" % q("Health and Wellbeing Board of " + cname)
        y += "type: health-and-wellbeing-board\nof: %s\n" % cid
        y += "statutory_basis: %s\n" % q(
            "Health and Social Care Act 2012, section 194 (a committee of the "
            "local authority, treated as appointed under section 102 of the "
            "Local Government Act 1972: s.194(11)); functions under sections "
            "116 and 116A of the Local Government and Public Involvement in "
            "Health Act 2007 (Health and Social Care Act 2012, s.196)")
        y += valid_yaml(p)
        y += "seats:\n"
        y += seat("Councillor of the authority (at least one)",
                  "appointed_by: " + cid, "member", p,
                  "s.194(2)(a) and (3): nominated by the elected mayor or "
                  "executive leader where the council operates executive "
                  "arrangements, otherwise by the council; under s.194(4) the "
                  "mayor or leader may sit instead of or as well as a nominee.",
                  elected_member=True)
        for role, para in (("Director of adult social services", "(b)"),
                           ("Director of children's services", "(c)"),
                           ("Director of public health", "(d)")):
            y += seat(role, "ex_officio: true", "officer", p,
                      "s.194(2)%s: the council's own director sits by virtue "
                      "of the post." % para)
        y += seat("Representative of the Local Healthwatch organisation",
                  "appointed_by: " + hw, "member", p,
                  "s.194(2)(e) and (5): the Local Healthwatch organisation for "
                  "the area must appoint one person to represent it.")
        for body, periods in sorted(group(nhs.get(cid, [])).items()):
            b = byid[body]
            for lp in merge(periods):
                sp = clip(lp, p)
                if sp is None:
                    continue
                kind = ("integrated care board" if b["type"] == "icb"
                        else "clinical commissioning group")
                para = "(f) and (6)" if b["type"] == "icb" else "(f) and (6) as enacted"
                y += seat("Representative of " + b["name"],
                          "appointed_by: " + body, "partner-member", sp,
                          "s.194(2)%s: each relevant %s must appoint a "
                          "person to represent it (the council's area lies "
                          "wholly or partly in its area; dates follow the "
                          "registry's scrutiny link)." % (para, kind))
        y += "decides:\n"
        y += "  - joint strategic needs assessment (LGPIHA 2007 s.116)\n"
        y += "  - joint local health and wellbeing strategy (LGPIHA 2007 s.116A)\n"
        y += "notes: %s\n" % q(
            "Every upper-tier council must establish a Health and Wellbeing "
            "Board (s.194(1)); boards ran in shadow form from 2012 and took "
            "their statutory functions on 1 April 2013. The name is "
            "descriptive. Only the statutory members are recorded: members "
            "the council adds under s.194(2)(g) or the board under s.194(8), "
            "the chair and voting rights follow each council's constitution "
            "and are not yet sourced.")
        y += sources_yaml(SRC_HWB)
        files[os.path.join("hwb", hwb + ".yaml")] = y

        # the local Healthwatch
        y = "kind: body\nid: %s\n" % hw
        y += "name: %s\n" % q("Local Healthwatch organisation for the area of " + cname)
        y += "type: healthwatch\nregion: %s\n" % c["region"]
        y += "statutory_basis: %s\n" % q(
            "Local Government and Public Involvement in Health Act 2007, "
            "sections 221 and 222 (as amended by the Health and Social Care "
            "Act 2012, sections 182 and 183)")
        y += "legal_form: %s\n" % q("body corporate which is a social enterprise (LGPIHA 2007 s.222(2))")
        y += "meets_in_public: true\n"
        y += valid_yaml(p)
        y += "notes: %s\n" % q(
            "The body the council contracts with to carry on the Local "
            "Healthwatch activities for its area (s.221(2)); while the "
            "arrangements are in force it is known as the Local Healthwatch "
            "organisation for the area (s.222(2A)). The name recorded is that "
            "statutory designation: the organisation's own name, the provider "
            "holding the contract and any change of provider are not yet "
            "sourced, so this entry stands for whichever body held the "
            "contract. Its meetings about those activities are open to the "
            "public under the Public Bodies (Admission to Meetings) Act 1960 "
            "(HSCA 2012 s.189). Announced, not in force: the Government "
            "accepted the recommendation of Dr Penny Dash's review of patient "
            "safety across the health and care landscape (published 7 July "
            "2025) to abolish local Healthwatch (petition response, 21 "
            "November 2025), and the Health Bill introduced in May 2026 would "
            "do it; no Act abolishing it was found in force on 2026-12-06, "
            "so no end date is recorded.")
        y += sources_yaml(SRC_HW + SRC_HWE_PAGE + SRC_ABOLITION)
        files[os.path.join("healthwatch", hw + ".yaml")] = y

        # the contract(s)
        award = awards.get(cid)
        gp = p if not award else clip(p, ("", award["start"]))
        y = "kind: contract\nid: %s-contract\n" % hw
        y += "name: %s\n" % q("Local Healthwatch arrangements of " + cname)
        y += "type: local-healthwatch\n"
        y += "commissioner: %s\nprovider: %s\n" % (cid, hw)
        y += valid_yaml(gp)
        y += "services:\n"
        y += "  - the Local Healthwatch activities for the council's area (LGPIHA 2007 s.221(2))\n"
        y += "notes: %s\n" % q(
            "Section 221(1) requires the council to make contractual "
            "arrangements; section 222(6) lets them include payments by the "
            "council. This entry stands for the arrangements in force over "
            "the period, whichever contracts they were: their value, terms, "
            "whether they were tendered and whether they were published are "
            "not yet sourced for this council" +
            ("." if not award else
             ", up to the published contract that began on %s." % award["start"]))
        y += sources_yaml(SRC_HW[:2])
        files[os.path.join("healthwatch", hw + "-contract.yaml")] = y
        if award:
            ap = clip(p, (award["start"], next_day(award["end"])))
            aid = "%s-contract-%s" % (hw, award["start"][:4])
            y = "kind: contract\nid: %s\n" % aid
            y += "name: %s\n" % q(award["name"])
            y += "type: local-healthwatch\n"
            y += "commissioner: %s\nprovider: %s\n" % (cid, hw)
            y += "value_gbp: %d\n" % int(award["value_gbp"])
            y += "start: %s\nend: %s\n" % (award["start"], award["end"])
            for flag in ("tendered", "published"):    # empty: not known
                if award[flag]:
                    y += "%s: %s\n" % (flag, award[flag])
            y += valid_yaml(ap)
            y += "services:\n"
            y += "  - the Local Healthwatch activities for the council's area (LGPIHA 2007 s.221(2))\n"
            y += "notes: %s\n" % q(
                "The award: value £%s, awarded to %s; the Local "
                "Healthwatch entry stands for that organisation while the "
                "contract runs."
                % ("{:,}".format(int(award["value_gbp"])), award["provider_name"]) +
                ((" " + award["notes"]) if award.get("notes") else ""))
            y += sources_yaml([(award["url"], award["title"]),
                               (award["url2"], award["title2"])] + SRC_HW[:1])
            files[os.path.join("healthwatch", aid + ".yaml")] = y

        # links
        lid = "%s-funded-by-%s" % (hw, cid)
        files[os.path.join("healthwatch", "links", lid + ".yaml")] = link(
            lid, hw, cid, "funded-by", p,
            "The council funds the Local Healthwatch for its area through the "
            "arrangements s.221(1) requires, and the Healthwatch reports on "
            "care services the council commissions and provides (s.221(2)(d)). "
            "The contract terms are not sourced, so no power to question or "
            "sanction is recorded.", SRC_HW[:2] + SRC_HWE_PAGE)
        lid = "%s-reports-to-healthwatch-england" % hw
        files[os.path.join("healthwatch", "links", lid + ".yaml")] = link(
            lid, hw, "healthwatch-england", "reports-to", p,
            "Local Healthwatch make people's views, reports and "
            "recommendations known to the Healthwatch England committee of the "
            "CQC (s.221(2)(d), (f) and (g)); Healthwatch England advises and "
            "assists them but has no power over them.", SRC_HW[:1])
    return files


def link(lid, frm, to, typ, p, notes, srcs):
    """A statutory link with the power to require information only."""
    y = "kind: link\nid: %s\nfrom: %s\nto: %s\n" % (lid, frm, to)
    y += "type: %s\nbasis: statute\nforum: administrative\n" % typ
    y += "powers: [inform]\n"
    y += valid_yaml(p)
    y += "notes: %s\n" % q(notes)
    return y + sources_yaml(srcs)


def group(pairs):
    out = {}
    for body, p in pairs:
        out.setdefault(body, []).append(p)
    return out


def main(argv):
    files = generate(load())
    check = "--check" in argv
    differ = 0
    for rel, text in sorted(files.items()):
        path = os.path.join(OUT, rel)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old == text:
            continue
        differ += 1
        if not check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    councils = sum(1 for r in files if r.startswith("hwb" + os.sep))
    print("forums: %d councils, %d files, %d %s" %
          (councils, len(files), differ,
           "differ" if check else "written"), file=sys.stderr)
    return 1 if check and differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
