#!/usr/bin/env python3
"""registry/import/scotland.py - Scotland's councils, territorial NHS boards
and integration authorities as registry YAML.

Input: registry/import/data/scotland-areas.csv, one row per council area:
its ONS council area code (S12, 2019 codes), the integration authority it
belongs to and that authority's health and social care partnership code
(S37, HSCP2019), its territorial health board (S08, HB2019), and the day
its integration joint board was established where the establishment order
was read (SSI 2015/88 and its amendment SSI 2016/2), `lead-agency` for
Highland, or empty when the order that established it was not read.
registry/README.md ("Scotland") says where each column comes from.

Output: registry/scotland/<health-board>/ (the board, its links) and
registry/scotland/<health-board>/<area>/ (councils, electorates, the IJB
or Highland's lead agency arrangement, its board and links).  Existing
files are overwritten; nothing else is touched.  Run from anywhere:

    python3 registry/import/scotland.py [--new-schema]

--new-schema writes each seat's `post:` (added by the "schema:" commit;
leave it off for a govmap that does not know the key).  An IJB whose
establishment order was not read gets no `valid.from`, not `unknown`: an
unknown start keeps an entity out of every dated view, and these IJBs are
in force today (registry/README.md, Scotland gaps).
Python 3 standard library only.
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(os.path.dirname(HERE), "scotland")
ACCESSED = "2026-12-06"
NEW_SCHEMA = "--new-schema" in sys.argv[1:]

ACT = ("https://www.legislation.gov.uk/asp/2014/9/contents",
       "Public Bodies (Joint Working) (Scotland) Act 2014 (asp 9): s.1-2 "
       "integration schemes and models, s.9 integration joint boards, s.10 "
       "chief officer, s.13 (s.95 of the Local Government (Scotland) Act "
       "1973 applied), s.61 constituent authorities")
ORDER = ("https://www.legislation.gov.uk/ssi/2014/285/contents",
         "The Public Bodies (Joint Working) (Integration Joint Boards) "
         "(Scotland) Order 2014 (SSI 2014/285): art. 3 and 5 membership, art. "
         "4 and 6 chair and vice-chair (art. 5 and 6 and the explanatory "
         "note read as made)")
ORDER405 = ("https://www.legislation.gov.uk/ssi/2025/405/made",
            "The Public Bodies (Joint Working) (Integration Joint Boards) "
            "(Scotland) Amendment Order 2025 (SSI 2025/405), in force 1 "
            "September 2026: 'voting member' redefined to add members under "
            "art. 3(7)(b)-(d) and 5(7)(b)-(d)")
EST2015 = ("https://www.legislation.gov.uk/ssi/2015/88/made",
           "The Public Bodies (Joint Working) (Integration Joint Board "
           "Establishment) (Scotland) Order 2015 (SSI 2015/88): East, North "
           "and South Ayrshire IJBs established on 1 April 2015")
EST2016 = ("https://www.legislation.gov.uk/ssi/2016/2/made",
           "The Public Bodies (Joint Working) (Integration Joint Board "
           "Establishment) (Scotland) Amendment Order 2016 (SSI 2016/2): "
           "Aberdeen City, Aberdeenshire, Scottish Borders, Glasgow City, "
           "Moray and Orkney Islands IJBs established on 6 February 2016")
GUIDANCE = ("https://www.gov.scot/publications/roles-responsibilities-"
            "membership-integration-joint-board/pages/3/",
            "Scottish Government, Integration Joint Board: roles, "
            "responsibilities and membership, section 2 (membership: at "
            "least three nominees of each constituent authority, in equal "
            "numbers; councillors and health board non-executive directors)")
ALLIANCE = ("https://www.alliance-scotland.org.uk/health-and-social-care-"
            "integration/integration-support/about-integration/integration-"
            "joint-boards-planning-groups/",
            "The ALLIANCE: Integration Joint Boards and planning groups "
            "(the non-voting members an IJB must have; Highland the only "
            "lead agency model, with a joint monitoring committee)")
JMC = ("https://www.legislation.gov.uk/ssi/2014/281/contents",
       "The Public Bodies (Joint Working) (Integration Joint Monitoring "
       "Committees) (Scotland) Order 2014 (SSI 2014/281)")
LG94 = ("https://www.legislation.gov.uk/ukpga/1994/39/schedule/1",
        "Local Government etc. (Scotland) Act 1994, section 2 and Schedule 1 "
        "(the 32 local government areas and their councils)")
LG04 = ("https://www.legislation.gov.uk/asp/2004/9/contents",
        "Local Governance (Scotland) Act 2004 (councillors elected by the "
        "single transferable vote)")
VOTING_AGE = ("https://www.legislation.gov.uk/asp/2015/7/contents",
              "Scottish Elections (Reduction of Voting Age) Act 2015 (16 and "
              "17 year olds vote at local government elections)")
NHS78 = ("https://www.legislation.gov.uk/ukpga/1978/29/section/2",
         "National Health Service (Scotland) Act 1978, section 2 (Health "
         "Boards, constituted by order of the Scottish Ministers; members "
         "appointed under Schedule 1)")
HB2013 = ("http://www.legislation.gov.uk/ssi/2013/347/note/made",
          "The National Health Service (Variation of Areas of Health Boards) "
          "(Scotland) Order 2013 (SSI 2013/347), in force 1 April 2014: each "
          "Health Board's area is the combined area of the local authorities "
          "listed in its Schedule 1 (explanatory note read)")
SGMAPS = ("https://maps.gov.scot/server/rest/services/ScotGov/HealthSocialCare/"
          "MapServer/layers",
          "Scottish Government spatial data, Health and Social Care layers: "
          "14 NHS boards aligned with the council areas they serve (SSI "
          "2013/347); 31 integration authorities, each coterminous with its "
          "council area except Clackmannanshire and Stirling, which form one")
ONS = ("https://geoportal.statistics.gov.uk/",
       "ONS Open Geography Portal: GSS codes for council areas (S12, 2019), "
       "health boards (S08, HB2019) and health and social care partnerships "
       "(S37, HSCP2019)")

LG73 = ("https://legislation.gov.uk/ukpga/1973/65/section/97/data.html",
        "Local Government (Scotland) Act 1973, section 97 (the Accounts "
        "Commission for Scotland; members appointed by the Secretary of "
        "State, now the Scottish Ministers) and Part VII (accounts and audit)")
PFA00 = ("https://www.legislation.gov.uk/asp/2000/1/notes/division/2/41/1/1"
         "?view=plain",
         "Public Finance and Accountability (Scotland) Act 2000, Explanatory "
         "Notes: sections 96 to 106 and Schedule 8 of the 1973 Act as "
         "amended, the Scottish Ministers in place of the Secretary of State")
ACT_EN13 = ("https://www.legislation.gov.uk/asp/2014/9/notes/division/3/1/2/5",
            "Public Bodies (Joint Working) (Scotland) Act 2014, Explanatory "
            "Notes, section 13: Part 7 of the Local Government (Scotland) "
            "Act 1973 applies to integration joint boards, whose accounts "
            "are audited under the Accounts Commission for Scotland")

# Councils whose name is not "<area> Council" (Local Government etc.
# (Scotland) Act 1994 Sch. 1 and the councils' own styles).
COUNCIL_NAMES = {
    "City of Edinburgh": "The City of Edinburgh Council",
    "Highland": "The Highland Council",
    "Na h-Eileanan Siar": "Comhairle nan Eilean Siar",
}


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sources(*srcs):
    out = ["sources:"]
    for url, title in srcs:
        out += ["  - url: " + url, "    title: " + q(title),
                "    accessed: " + ACCESSED]
    return "\n".join(out) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def link(folder, frm, to, typ, basis, powers, notes, srcs, forum="political",
         valid=""):
    lid = "%s-%s-%s" % (frm, typ, to)
    write(os.path.join(folder, "links", lid + ".yaml"),
          "kind: link\nid: %s\nfrom: %s\nto: %s\ntype: %s\nbasis: %s\n"
          "forum: %s\npowers: [%s]\n%snotes: %s\n%s"
          % (lid, frm, to, typ, basis, forum, ", ".join(powers), valid,
             q(notes), sources(*srcs)))


def seat(role, post, voting, fill, notes, count=1, elected_member=None):
    s = "  - role: %s\n" % q(role)
    if NEW_SCHEMA and post:
        s += "    post: %s\n" % post
    if count != 1:
        s += "    count: %d\n" % count
    s += "    %s\n" % fill
    if elected_member is not None:
        s += "    elected_member: %s\n" % ("true" if elected_member else
                                          "false")
    s += "    voting: %s\n" % ("true" if voting else "false")
    s += "    notes: %s\n" % q(notes)
    return s


def main():
    with open(os.path.join(HERE, "data", "scotland-areas.csv"),
              encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    boards = {}
    areas = {}
    for r in rows:
        boards.setdefault(r["hb_name"], r["hb_code"])
        areas.setdefault(r["area"], []).append(r)

    # the 14 territorial health boards
    for name, code in boards.items():
        hid = "nhs-" + slug(name)
        folder = os.path.join(ROOT, slug(name))
        write(os.path.join(folder, hid + ".yaml"),
              "kind: body\nid: %s\nname: %s\ntype: health-board\n"
              "region: scotland/%s\n"
              "statutory_basis: \"National Health Service (Scotland) Act "
              "1978, section 2\"\nlegal_form: \"Health Board (body "
              "corporate)\"\ncodes:\n  ons: %s\nnotes: %s\n%s"
              % (hid, q("NHS " + name), slug(name), code,
                 q("Territorial health board (%s Health Board). Plans and "
                   "provides NHS services for its area; a constituent "
                   "authority of each integration authority of its area, "
                   "whose voting members it nominates in equal number with "
                   "the council(s)." % name),
                 sources(NHS78, HB2013, SGMAPS, ONS)))
        link(folder, hid, "scottish-government", "accountable-to", "statute",
             ["inform", "question", "sanction"],
             "The Scottish Ministers constitute health boards, appoint their "
             "members under Schedule 1 of the 1978 Act, fund and direct them.",
             [NHS78])

    # the Accounts Commission, which secures the audit of every IJB
    nat = os.path.join(ROOT, "national")
    write(os.path.join(nat, "accounts-commission.yaml"),
          "kind: body\nid: accounts-commission\nname: \"Accounts Commission "
          "for Scotland\"\ntype: arms-length-body\nregion: scotland\n"
          "statutory_basis: \"Local Government (Scotland) Act 1973, section "
          "97 and Schedule 8\"\nlegal_form: \"body corporate\"\nnotes: %s\n%s"
          % (q("Secures the audit of councils' accounts and, since the 2014 "
               "Act, of integration joint boards'; considers the auditors' "
               "reports. Six to twelve members appointed by the Scottish "
               "Ministers after consulting local government."),
             sources(LG73, PFA00, ACT_EN13)))
    link(nat, "accounts-commission", "scottish-government", "appointed-by",
         "statute", ["inform", "question", "sanction"],
         "The Scottish Ministers appoint the members (1973 Act s.97(1), the "
         "Secretary of State's functions now theirs) and may remove them "
         "(Sch. 8 para. 2(4)).", [LG73, PFA00])

    for area, members in areas.items():
        hb_name = members[0]["hb_name"]
        hid = "nhs-" + slug(hb_name)
        region = "scotland/%s/%s" % (slug(hb_name), slug(area))
        folder = os.path.join(ROOT, slug(hb_name), slug(area))
        councils = []
        for r in members:
            cname = COUNCIL_NAMES.get(r["council_name"],
                                      r["council_name"] + " Council")
            cid = slug(cname.replace("The ", "", 1)
                       if cname.startswith("The ") else cname)
            eid = slug(r["council_name"]) + "-electorate"
            councils.append((cid, cname))
            write(os.path.join(folder, cid + ".yaml"),
                  "kind: body\nid: %s\nname: %s\ntype: local-authority\n"
                  "region: %s\nstatutory_basis: \"Local Government etc. "
                  "(Scotland) Act 1994, section 2\"\nlegal_form: \"council "
                  "(body corporate) of a local government area\"\n"
                  "meets_in_public: true\npublishes_papers: true\ncodes:\n"
                  "  ons: %s\nnotes: %s\n%s"
                  % (cid, q(cname), region, r["council_code"],
                     q("Unitary council and social work authority; a "
                       "constituent authority of the %s integration "
                       "authority with %s." % (area, "NHS " + hb_name)),
                     sources(LG94, ONS, ACT, HB2013)))
            write(os.path.join(folder, eid + ".yaml"),
                  "kind: body\nid: %s\nname: %s\ntype: electorate\n"
                  "region: %s\nstatutory_basis: \"Local Government etc. "
                  "(Scotland) Act 1994; Local Governance (Scotland) Act 2004; "
                  "Scottish Elections (Reduction of Voting Age) Act 2015\"\n"
                  "notes: %s\n%s"
                  % (eid, q("%s local government electorate" % cname),
                     region,
                     q("Local government electors of the area of %s, "
                       "including 16 and 17 year olds. The number of "
                       "electors is not recorded." % cname),
                     sources(LG94, LG04, VOTING_AGE)))
            link(folder, cid, eid, "elected-by", "statute",
                 ["inform", "question", "sanction"],
                 "Councillors are elected by the local government electors "
                 "of the area, by the single transferable vote in multi-member "
                 "wards.", [LG94, LG04])

        est = members[0]["ijb_established"]
        hscp = members[0]["hscp_code"]
        if est == "lead-agency":
            write_lead_agency(folder, region, area, hscp, hid, hb_name,
                              councils)
        else:
            write_ijb(folder, region, area, hscp, hid, hb_name, councils,
                      est)


def write_ijb(folder, region, area, hscp, hid, hb_name, councils, est):
    iid = slug(area) + "-ijb"
    if est == "2015-04-01":
        valid, srcs = "valid:\n  from: 2015-04-01\n", [ACT, EST2015, SGMAPS, ONS]
        when = "Established on 1 April 2015 by SSI 2015/88."
    elif est == "2016-02-06":
        valid, srcs = "valid:\n  from: 2016-02-06\n", [ACT, EST2016, SGMAPS, ONS]
        when = ("Established on 6 February 2016 by SSI 2016/2, which added "
                "it to the Schedule of SSI 2015/88.")
    else:
        valid, srcs = "", [ACT, SGMAPS, ONS]
        when = ("Established under s.9 by an amendment of the Public Bodies "
                "(Joint Working) (Integration Joint Board Establishment) "
                "(Scotland) Order 2015 (SSI 2015/88) in 2015 or 2016; which "
                "amendment and the day were not read, so no start date is "
                "recorded (registry/README.md, Scotland gaps).")
    two = len(councils) > 1
    cnames = " and ".join(c[1] for c in councils)
    write(os.path.join(folder, iid + ".yaml"),
          "kind: body\nid: %s\nname: %s\ntype: integration-joint-board\n"
          "region: %s\nstatutory_basis: \"Public Bodies (Joint Working) "
          "(Scotland) Act 2014, section 9\"\nlegal_form: \"integration joint "
          "board (body corporate)\"\n%scodes:\n  ons: %s\nnotes: %s\n%s"
          % (iid, q(area + " Integration Joint Board"), region, valid, hscp,
             q("The integration authority for the area of %s (body corporate "
               "model): plans the health and social care functions that %s "
               "and NHS %s delegate to it, and directs them to deliver them. "
               "%s The name follows the Order's form '<area> Integration "
               "Joint Board'; the ONS code is its health and social care "
               "partnership's." % (cnames, cnames, hb_name, when)),
             sources(*srcs)))
    link(folder, iid, "accounts-commission", "audited-by", "statute",
         ["inform", "question"],
         "Part 7 of the Local Government (Scotland) Act 1973 applies to the "
         "IJB (Act s.13): it keeps accounts, appoints a proper officer and "
         "has its accounts audited under the Accounts Commission, which "
         "considers the auditors' reports. Audit of its accounts, not a "
         "forum for its decisions.", [ACT_EN13, LG73], forum="administrative",
         valid=valid)
    # voting members: SSI 2014/285 art. 3(1) (one council: at least three
    # each) or art. 5(2) (two councils: at least two per council, the
    # health board the same total)
    per = 2 if two else 3
    total = per * len(councils)
    fromdate = est if est in ("2015-04-01", "2016-02-06") else None
    seats = ""
    for cid, cname in councils:
        seats += seat("Voting member nominated by " + cname, "member", True,
                      "nominated_by: " + cid,
                      ("SSI 2014/285 art. 5(2)(a): at least two councillors "
                       "nominated by each of the two councils"
                       if two else
                       "SSI 2014/285 art. 3(1)(a): at least three "
                       "councillors nominated by the council") +
                      "; the number is the Order's minimum, the integration "
                      "scheme may set more (not sourced). The chair or "
                      "vice-chair is one of these members, appointed in "
                      "turn with the health board (art. 4 / 6); which holds "
                      "which now is not recorded.",
                      count=per, elected_member=True)
    seats += seat("Voting member nominated by NHS " + hb_name, "member",
                  True, "nominated_by: " + hid,
                  "SSI 2014/285 art. 3(1)(b) / 5(2)(b): the same number as "
                  "the councillors; non-executive directors of the health "
                  "board (Scottish Government guidance, section 2.1); here "
                  "the Order's minimum.", count=total)
    seats += seat("Chief officer", "chief-officer", False,
                  "fill_unstated: true",
                  "The IJB's chief officer (the post is provided for by Act "
                  "s.10, whose text was not read here, so who appoints is not "
                  "recorded); its accountable officer (Explanatory Notes, "
                  "s.13); a non-voting member (SSI 2014/285 art. 3, 5(2)(d)).")
    seats += seat("Chief finance officer (section 95 officer)",
                  "finance-officer", False, "appointed_by: " + iid,
                  "The proper officer for the IJB's financial affairs under "
                  "s.95 of the Local Government (Scotland) Act 1973, which "
                  "the IJB must appoint (Act s.13, Explanatory Notes); "
                  "non-voting (art. 5(2)(e)).")
    for cid, cname in councils[:1] if two else councils:
        seats += seat("Chief social work officer" +
                      (" of one of the councils" if two else ""),
                      "social-work-officer", False, "ex_officio: true",
                      "The chief social work officer of %s (art. 3; art. "
                      "5(2)(c): of one of the councils); non-voting." %
                      ("one of the councils" if two else cname))
    for role, where in (
            ("Registered medical practitioner (primary medical services)",
             "art. 5(2)(f)"),
            ("Registered nurse employed by the health board", "art. 5(2)(g)"),
            ("Registered medical practitioner employed by the health board "
             "(not primary care)", "art. 5(2)(h)")):
        seats += seat(role, "adviser", False, "fill_unstated: true",
                      "Required by SSI 2014/285 (%s, and its art. 3 "
                      "equivalent); non-voting. Who appoints the member was "
                      "not read in the Order's text." % where)
    for role in ("Member for staff of the constituent authorities",
                 "Member for third sector bodies",
                 "Member for unpaid carers",
                 "Member for service users"):
        seats += seat(role, "member", False, "fill_unstated: true",
                      "A stakeholder member every IJB must have (SSI "
                      "2014/285 art. 3; the ALLIANCE's summary); non-voting "
                      "as the Order was made. Who appoints the member was "
                      "not read. SSI 2025/405 makes some art. 3(7) members "
                      "voting from 1 September 2026; whether these are they "
                      "was not read.")
    write(os.path.join(folder, iid + "-board.yaml"),
          "kind: board\nid: %s-board\nname: %s\ntype: board\nof: %s\n%s"
          "statutory_basis: \"Public Bodies (Joint Working) (Integration "
          "Joint Boards) (Scotland) Order 2014 (SSI 2014/285), article %s\"\n"
          "decides:\n  - the strategic plan for the integrated functions\n"
          "  - directions to the council(s) and the health board, with the "
          "budget for each\nseats:\n%s%s"
          % (iid, q("Members of the " + area + " Integration Joint Board"),
             iid, valid, "5" if two else "3", seats,
             sources(ORDER, ORDER405, ACT, ACT_EN13, GUIDANCE, ALLIANCE)))


def write_lead_agency(folder, region, area, hscp, hid, hb_name, councils):
    aid = slug(area) + "-lead-agency"
    cid, cname = councils[0]
    write(os.path.join(folder, aid + ".yaml"),
          "kind: body\nid: %s\nname: %s\ntype: lead-agency-arrangement\n"
          "region: %s\nstatutory_basis: \"Public Bodies (Joint Working) "
          "(Scotland) Act 2014, section 1(4)(b) and (c) (lead agency "
          "models)\"\nlegal_form: \"integration scheme between two bodies "
          "(no body corporate)\"\ncodes:\n  ons: %s\nnotes: %s\n%s"
          % (aid, q(area + " lead agency arrangement (integration "
                    "authority)"), region, hscp,
             q("Highland is the only area to use the lead agency model: "
               "under the integration scheme of %s and NHS %s each "
               "delegates functions to the other, which leads them, instead "
               "of to an integration joint board. Its integration joint "
               "monitoring committee oversees it. Which functions each "
               "leads, and the scheme's date, are not recorded." %
               (cname, hb_name)),
             sources(ACT, ALLIANCE, SGMAPS, ONS)))
    for to, who in ((hid, "NHS " + hb_name), (cid, cname)):
        link(folder, aid, to, "accountable-to", "statute",
             ["inform", "question", "sanction"],
             "%s is one of the two lead agencies: it carries out the "
             "functions delegated to it under the integration scheme and "
             "answers for them (Act s.1(4)(b)-(c))." % who, [ACT, ALLIANCE],
             forum="administrative")
    seats = seat("Councillor nominated by " + cname, "member", True,
                 "nominated_by: " + cid,
                 "At least three councillors (SSI 2014/281, as summarised "
                 "for a scheme of two or more councils in its art. 4(2)(a); "
                 "the single-council article was not read); the actual "
                 "number is not sourced.", count=3, elected_member=True)
    seats += seat("Member nominated by NHS " + hb_name, "member", True,
                  "nominated_by: " + hid,
                  "At least three persons nominated by the health board "
                  "(SSI 2014/281 art. 4(2)(b) form); the actual number is "
                  "not sourced.", count=3)
    write(os.path.join(folder, aid + "-jmc.yaml"),
          "kind: board\nid: %s-jmc\nname: %s\n"
          "type: integration-joint-monitoring-committee\nof: %s\n"
          "statutory_basis: \"The Public Bodies (Joint Working) (Integration "
          "Joint Monitoring Committees) (Scotland) Order 2014 (SSI "
          "2014/281)\"\nseats:\n%s%s"
          % (aid, q(area + " Integration Joint Monitoring Committee"), aid,
             seats, sources(JMC, ALLIANCE)))


if __name__ == "__main__":
    main()
