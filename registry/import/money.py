#!/usr/bin/env python3
"""registry/import/money.py - dated money figures from public tables.

Reads the public files kept in registry/import/data/ and writes:

  * data/icb-allocations.csv: NHS England's revenue allocation to each
    integrated care board for 2024/25 and 2025/26, stream by stream, in
    £ thousand rounded as NHS England publishes it (see STREAMS below);
  * data/asc-net-expenditure.csv: each English upper-tier council's adult
    social care net current expenditure from MHCLG's Revenue Outturn
    Service Expenditure Summary (RSX), in £ thousand as published.

With --apply it also writes those figures into the registry: a `money:`
entry on each ICB (found by its `ods` code) and on each council (found by
its `ons` code), and the cited file in the entity's `sources`.  Entries
this script wrote before (same source URL) are replaced; an entry of the
same year and kind from another source is replaced too, and reported, so
that a body holds one figure per year and kind.

Inputs (public, unmodified unless stated):
  nhse-icb-allocations-2023-24-to-2024-25.xlsx  NHS England, "ICB
      allocations 2023/24 to 2024/25 (all funding streams)" (running cost
      sheet marked v1.2)
  nhse-icb-allocations-2025-26.xlsx  NHS England, "ICB allocations 2025/26
      (all funding streams)" (running cost sheet marked v1.4)
  mhclg-rsx-2023-24-by-la.csv  MHCLG, "Revenue Outturn (RO) 2023-24:
      Service Expenditure Summary (RSX) data", last updated 12 December 2024
  mhclg-rsx-2021-22-by-la-birmingham.csv  DLUHC, RSX 2021-22 Final (last
      updated 23 November 2023): the header rows and Birmingham's row only,
      byte for byte (Birmingham made no 2022-23 or 2023-24 return)
  mhclg-ro-timeseries-2024-25-westmorland-and-furness.json  Westmorland
      and Furness's 2024-25 record (its 2023-24 return is blank) from a
      derived copy of MHCLG's Revenue Outturn multi-year CSV v3.1:
      JuanBlanco9/German-Budget-Galaxy, data/uk/fiscal/
      uk_council_finance_2024_25.json (commit 84b5aa83), an exact subset

The copies were read from public GitHub repositories (the publishers'
sites could not be reached from the workplace where they were taken):
  the two NHS England workbooks from JuanBlanco9/German-Budget-Galaxy,
  data/recipients/uk/nhs_allocations_2023_2025.xlsx and
  nhs_allocations_2025_26.xlsx (commit 9c9f79d6); the RSX files from
  BenGoodair/childrens_social_care_qualitative, Data/Raw/ (commit 2532f7f1).
  sha256: 04388f69... (2023-24 to 2024-25), 4199abdd... (2025-26),
  6897c074... (RSX 2023-24).  Their version labels are in the files (the
  running cost sheets' notes, the RSX title rows).

Python 3 standard library only.  Usage:
  python3 registry/import/money.py            # write the two CSV extracts
  python3 registry/import/money.py --apply    # ... and update registry/
  python3 registry/import/money.py --check    # exit 1 if the extracts or
                                              # the registry are out of date
"""

import csv
import io
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
REGISTRY = os.path.dirname(HERE)
ACCESSED = "2026-12-06"

SRC_2425 = {
    "url": "https://www.england.nhs.uk/publication/allocation-of-resources-2023-24-to-2024-25/",
    "title": "NHS England: Allocation of resources 2023/24 to 2024/25, ICB allocations (all funding streams) spreadsheet (running cost sheet marked v1.2, revised for the final 2023/24 pay award)",
    "notes": "2024/25 revenue allocations by ICB and stream, £ thousand: core services, primary medical care, other primary care (pharmacy, optometry and dental), running cost allowance. Copy in registry/import/data/nhse-icb-allocations-2023-24-to-2024-25.xlsx.",
}
SRC_2526 = {
    "url": "https://www.england.nhs.uk/allocations/previous/allocations-for-2025-26",
    "title": "NHS England: Allocations for 2025/26, ICB allocations 2025/26 (all funding streams, spreadsheet) (running cost sheet marked v1.4, revised for employer NICs)",
    "notes": "2025/26 revenue allocations by ICB and stream, £ thousand: core services, delegated specialised services, primary medical care, pharmacy, optometry and dental, running cost allowance. Copy in registry/import/data/nhse-icb-allocations-2025-26.xlsx.",
}
SRC_RSX_2324 = {
    "url": "https://www.gov.uk/government/statistics/local-authority-revenue-expenditure-and-financing-england-2023-to-2024-individual-local-authority-data-outturn",
    "title": "MHCLG: Local authority revenue expenditure and financing England: 2023 to 2024 individual local authority data - outturn, Revenue Outturn Service Expenditure Summary (RSX) data by LA, last updated 12 December 2024",
    "notes": "Adult social care net current expenditure 2023-24 (RSX line 360, column 7), £ thousand. Copy in registry/import/data/mhclg-rsx-2023-24-by-la.csv.",
}
SRC_RSX_2122 = {
    "url": "https://www.gov.uk/government/statistics/local-authority-revenue-expenditure-and-financing-england-2021-to-2022-individual-local-authority-data-outturn",
    "title": "DLUHC: Local authority revenue expenditure and financing England: 2021 to 2022 individual local authority data - outturn, Revenue Outturn 2021-22 Final Service Expenditure Summary (RSX) data by LA, last updated 23 November 2023",
    "notes": "Adult social care net current expenditure 2021-22 (RSX line 360, column 7), £ thousand. Extract (Birmingham's row) in registry/import/data/mhclg-rsx-2021-22-by-la-birmingham.csv.",
}
SRC_RO_TS = {
    "url": "https://www.gov.uk/government/statistics/local-authority-revenue-expenditure-and-financing-england-revenue-outturn-multi-year-data-set",
    "title": "MHCLG: Local authority revenue expenditure and financing England: Revenue Outturn multi-year data set (Revenue_Outturn_time_series_data_v3.1.csv, 2017-18 to 2024-25)",
    "notes": "Adult social care net current expenditure 2024-25 (RS_asc_net_exp), £ thousand, read through a derived copy (GitHub JuanBlanco9/German-Budget-Galaxy, data/uk/fiscal/uk_council_finance_2024_25.json, commit 84b5aa83, built from the CSV with sha256 7baaccae...); extract in registry/import/data/mhclg-ro-timeseries-2024-25-westmorland-and-furness.json.",
}
# Single figures read from a page or a table, not a bulk file: by entity
# id, (year, kind, £, source, notes).
SRC_NHSE_2425 = {
    "url": "https://www.gov.uk/government/publications/2024-to-2025-revised-financial-directions-to-nhs-england/2024-to-2025-revised-financial-directions-to-nhs-england",
    "title": "DHSC: 2024 to 2025 revised financial directions to NHS England (published 31 March 2025, presented to Parliament under section 223D of the NHS Act 2006)",
    "notes": "Annex A1: total revenue resource use limit £196,269 million; total capital resource use limit £5,270 million.",
}
SRC_NHSE_2526 = {
    "url": "https://www.gov.uk/government/publications/2025-to-2026-financial-directions-to-nhs-england/2025-to-2026-financial-directions-to-nhs-england",
    "title": "DHSC: 2025 to 2026 financial directions to NHS England (published 31 March 2025, presented to Parliament under section 223D of the NHS Act 2006)",
    "notes": "Annex A1: total revenue resource use limit £205,111 million; total capital resource use limit £4,857 million.",
}
SRC_DHSC_2425 = {
    "url": "https://commonslibrary.parliament.uk/research-briefings/cdp-2025-0049/",
    "title": "House of Commons Library, CDP-2025-0049: estimates day debate on the spending of the Department of Health and Social Care, 5 March 2025 (Supplementary Estimate 2024/25)",
    "notes": "DHSC resource DEL £198,491.1 million at the Supplementary Estimate 2024/25, up from £187,636.2 million at the Main Estimate; capital DEL £11,644.4 million.",
}
SRC_DHSC_2526 = {
    "url": "https://commonslibrary.parliament.uk/research-briefings/cdp-2025-0140/",
    "title": "House of Commons Library, CDP-2025-0140: estimates day debate on the Department of Health and Social Care's Main Estimate 2025/26",
    "notes": "DHSC resource DEL to rise from £198.5 billion in 2024/25 to £208.1 billion in 2025/26; capital DEL from £11.6 billion to £13.6 billion.",
}
SRC_GM_2016 = {
    "url": "https://managementinpractice.com/news/devolution-to-greater-manchester-comes-into-force",
    "title": "Management in Practice, 1 April 2016: Greater Manchester Health and Social Care Partnership takes charge of the £6bn budget",
    "notes": "Greater Manchester 'has become the first region to take full control of its combined health and social care budgets of £6 billion'; the partnership 'took charge of the budget from today'.",
}
SRC_BCUHB_2324 = {
    "url": "https://www.cambrian-news.co.uk/news/betsi-cadwaladrs-overspend-reduced-and-gp-access-improves-808268",
    "title": "Cambrian News: Betsi Cadwaladr's overspend reduced and GP access improves (report of the health board's annual report 2023/24)",
    "notes": "The board 'overspent its 2.3 billion revenue budget for 2023/24 by £7.6m'; Herald.Wales reports the same figures.",
}
SRC_HDUHB_1720 = {
    "url": "https://vdocument.in/76-final-accounts-for-201920-presenter-huw-thomas-final-.html",
    "title": "Hywel Dda University Health Board, Audit and Risk Assurance Committee, 23 June 2020, item 7.6: Final Accounts for 2019/20 (copy on vdocument.in)",
    "notes": "Note 2.1 of the audited accounts, revenue resource performance: revenue resource funding £766,027,000 (2017/18), £828,698,000 (2018/19), £895,107,000 (2019/20); total operating expenses £835,457,000, £864,136,000, £930,050,000.",
}
SRC_PTHB_2324 = {
    "url": "https://www.shropshirestar.com/news/local-hubs/mid-wales/2023/12/02/health-board-faces-challenges-to-meet-12m-deficit-target/",
    "title": "Shropshire Star, 2 December 2023: Health board faces challenges to meet £12 million deficit target (Powys Teaching Health Board board meeting of 29 November 2023)",
    "notes": "'Initially the health board had been expecting to post a £33.5 million deficit on its £390 million 2023/2024 budget.'",
}
SRC_PTHB_2425 = {
    "url": "https://www.brecon-radnor.co.uk/news/powys-teaching-health-board-misses-balancing-three-year-rolling-budget-target-by-ps347-million-832624",
    "title": "Brecon and Radnor Express, September 2025: Powys Teaching Health Board misses balancing three-year rolling budget target by £34.7 million (annual general meeting of 15 September 2025, accounts for 2024/25)",
    "notes": "'An overspend of £15.7 million for last year on a budget of £464 million'; over 2022/23 to 2024/25, operating expenses of £1.295 billion against a revenue allocation of £1.260 billion.",
}
SRC_SBUHB_2223 = {
    "url": "https://news.wales/south/swansea-council/swansea-bay-health-board-breaks-even-for-first-time-in-seven-years-in-massive-achievement-2023-07-36203.html",
    "title": "news.wales, 20 July 2023: Swansea Bay Health Board breaks even for first time in seven years (report of the health board's accounts for 2022-23)",
    "notes": "'The accounts for 2022-23 showed net expenditure of £1.16bn, which takes into account income of £305m'; total expenditure £1.46bn.",
}
SRC_ABUHB_2425 = {
    "url": "https://caerphilly.observer/news/1039153/gwent-aneurin-bevan-health-board-set-for-overspend",
    "title": "Caerphilly Observer (Local Democracy Reporting Service), 2024: Gwent's Aneurin Bevan health board set for overspend (the health board's meeting of May 2024, financial year 2024/25)",
    "notes": "'In total it has £1.7 billion in funding from the Welsh Government for the current financial year'; best case deficit £48.9m, worst case £60m, £40m of planned savings. The year is 2024/25: the same paper's later report (caerphilly.observer/?p=1043270) puts the £48.9m 'best case' in the year before 2025/26, and a copy of the same Local Democracy Reporting Service story (thelemmy.club post 12910700) gives the same deficits.",
}
SRC_CTMUHB_1113 = {
    "url": "https://www.yumpu.com/en/document/view/29468776/cwm-taf-health-board-pdf-243-kb-seneddassemblywalesorg-",
    "title": "Cwm Taf Health Board, letter of 25 June 2012 to Mark Drakeford AM, Chair of the National Assembly for Wales Health and Social Care Committee: financial scrutiny (the committee's published paper from senedd.assemblywales.org, copy on yumpu.com)",
    "notes": "'1. Original Revenue and Capital Allocations for 2011/12 & 2012/13': revenue £509.8m (2011/12) and £523.6m (2012/13); capital £46.9m and £35.0m. The board was Cwm Taf University Health Board until 31 March 2019 (Rhondda Cynon Taf and Merthyr Tydfil); it took on Bridgend and its present name on 1 April 2019 (the board's bulletin of March 2019, cwmtafmorgannwg.wales/news-from-the-board-7/).",
}
SRC_TV_2627 = {
    "url": "https://feeds.bbci.co.uk/news/articles/c5yl046l00zo",
    "title": "BBC News, October 2025: Redundancies warning for merged NHS spending body (the new Thames Valley Integrated Care Board, to be formally launched in April 2026; its chief executive designate's report to a joint health overview and scrutiny committee)",
    "notes": "'The new ICB will cover about 2.5m people and control a £5.6bn budget.' The same figure: NHS Thames Valley ICB's own page (testing.thamesvalley.icb.nhs.uk/about-us/nhs-frimley: 'Thames Valley Integrated Care Board will be formally established in April 2026 ... how best to use the health budget of £5.6 billion') and Hello Rayo, 23 October 2025 ('the £5.6 billion healthcare board').",
}
MANUAL = {
    "thames-valley-icb": [
        ("2026/27", "budget", 5_600_000_000, SRC_TV_2627,
         "The budget of NHS Thames Valley ICB, about £5.6 billion (rounded by the sources to £0.1 billion), as its chief executive designate reported it in October 2025 for the new ICB to be established on 1 April 2026; the ICB's own page and Hello Rayo give the same figure. Recorded for 2026/27, the ICB's first year, which the sources describe but do not name; it was given before NHS England published the 2026/27 allocations and is not NHS England's allocation to the ICB (not found), nor the sum of its predecessors' allocations."),
    ],
    "nhs-england": [
        ("2024/25", "budget", 196_269_000_000, SRC_NHSE_2425,
         "NHS England's total revenue resource use limit for 2024/25, £196,269 million, set by the Secretary of State under section 223D of the NHS Act 2006 in the revised financial directions of 31 March 2025: a limit, not outturn. It includes the allocations NHS England passes to integrated care boards, so it overlaps the ICBs' own figures."),
        ("2025/26", "budget", 205_111_000_000, SRC_NHSE_2526,
         "NHS England's total revenue resource use limit for 2025/26, £205,111 million, set under section 223D of the NHS Act 2006 in the financial directions of 31 March 2025: a limit, not outturn. It includes the ICBs' allocations, so it overlaps their figures."),
    ],
    "dhsc": [
        ("2024/25", "budget", 198_491_100_000, SRC_DHSC_2425,
         "DHSC's resource DEL (day-to-day spending) for 2024/25 at the Supplementary Estimate, £198,491.1 million, as the House of Commons Library gives it: a limit voted by Parliament, not outturn. It includes NHS England's revenue limit, so it overlaps NHS England's and the ICBs' figures."),
        ("2025/26", "budget", 208_100_000_000, SRC_DHSC_2526,
         "DHSC's resource DEL for 2025/26 at the Main Estimate, £208.1 billion as the House of Commons Library gives it (rounded by the source to £0.1 billion): a limit, not outturn. It includes NHS England's revenue limit."),
    ],
    "gm-hscp": [
        ("2016/17", "budget", 6_000_000_000, SRC_GM_2016,
         "The combined health and social care budget of Greater Manchester, about £6 billion a year (rounded by the source; the partnership's own pages said 'more than £6 billion'), of which the partnership took charge on 1 April 2016. The money stayed in the budgets of the CCGs, the ten councils and NHS England, which decided through the partnership, so the figure overlaps theirs."),
    ],
    "betsi-cadwaladr-uhb": [
        ("2023/24", "budget", 2_300_000_000, SRC_BCUHB_2324,
         "The health board's revenue budget for 2023/24, £2.3 billion (rounded by the source to £0.1 billion), as reported from its annual report 2023/24, which says it overspent it by £7.6 million."),
    ],
    "powys-thb": [
        ("2023/24", "budget", 390_000_000, SRC_PTHB_2324,
         "The health board's revenue budget for 2023/24 as reported in December 2023, £390 million (rounded by the source), before the Welsh Government's in-year funding of October 2023 (£18.3 million more for this board)."),
        ("2024/25", "budget", 464_000_000, SRC_PTHB_2425,
         "The health board's budget for 2024/25 as its director of finance reported it with the accounts, £464 million (rounded by the source), which it overspent by £15.7 million. The same paper reported an annual budget of £421 million in July 2024, before in-year allocations; the three-year revenue allocation of £1.260 billion for 2022/23 to 2024/25 it also gives is consistent with the two years recorded here."),
    ],
    "swansea-bay-uhb": [
        ("2022/23", "outturn", 1_160_000_000, SRC_SBUHB_2223,
         "Net expenditure in 2022/23 from the health board's accounts, £1.16 billion as reported (rounded by the source to £0.01 billion): total expenditure of £1.46 billion less £305 million of income."),
    ],
    "aneurin-bevan-uhb": [
        ("2024/25", "allocation", 1_700_000_000, SRC_ABUHB_2425,
         "The health board's funding from the Welsh Government for 2024/25, £1.7 billion as reported from its board meeting of May 2024 (rounded by the source to £0.1 billion; in-year allocations after May not included). A local press report of the board's papers, like the Betsi Cadwaladr, Powys and Swansea Bay figures, not the allocation letter or the accounts."),
    ],
    "cwm-taf-morgannwg-uhb": [
        ("2011/12", "allocation", 509_800_000, SRC_CTMUHB_1113,
         "The health board's original revenue allocation for 2011/12, £509.8 million, as the board gave it to the Assembly's Health and Social Care Committee in June 2012 (rounded by the source to £0.1 million; additional in-year funding not included). The board was then Cwm Taf University Health Board, for Rhondda Cynon Taf and Merthyr Tydfil only: Bridgend joined on 1 April 2019, so the figure is not comparable with later years."),
        ("2012/13", "allocation", 523_600_000, SRC_CTMUHB_1113,
         "The health board's original revenue allocation for 2012/13, £523.6 million, as the board gave it to the Assembly's Health and Social Care Committee in June 2012 (rounded by the source to £0.1 million; in-year allocations not included). For Rhondda Cynon Taf and Merthyr Tydfil only (Bridgend joined on 1 April 2019)."),
    ],
    "hywel-dda-uhb": [
        ("2017/18", "allocation", 766_027_000, SRC_HDUHB_1720,
         "Revenue resource funding allotted to the health board for 2017/18 (note 2.1 of its audited accounts), £766,027 thousand."),
        ("2018/19", "allocation", 828_698_000, SRC_HDUHB_1720,
         "Revenue resource funding allotted to the health board for 2018/19 (note 2.1 of its audited accounts), £828,698 thousand."),
        ("2019/20", "allocation", 895_107_000, SRC_HDUHB_1720,
         "Revenue resource funding allotted to the health board for 2019/20 (note 2.1 of its audited 2019/20 accounts), £895,107 thousand."),
    ],
}
OWNED_URLS = {s["url"] for s in (SRC_2425, SRC_2526, SRC_RSX_2324, SRC_RSX_2122, SRC_RO_TS)}
OWNED_URLS |= {e[3]["url"] for es in MANUAL.values() for e in es}

# (year, source, workbook, [(stream label, sheet, header text of the column)])
STREAMS = [
    ("2024/25", SRC_2425, "nhse-icb-allocations-2023-24-to-2024-25.xlsx", [
        ("core services", "ICB Core Allocations 2024-25",
         "2024/25 Combined allocation (inc. COVID, additional elective and discharge)"),
        ("primary medical care", "PMC Allocations 2024-25",
         "2024/25 Recurrent allocation (£k)"),
        ("other primary care (pharmacy, optometry and dental)",
         "Other Primary Care", "2024/25 Recurrent allocation £k"),
        ("running cost allowance", "ICB running cost allowance", "2024/25 £k"),
    ]),
    ("2025/26", SRC_2526, "nhse-icb-allocations-2025-26.xlsx", [
        ("core services", "ICB Core Allocations 2025-26",
         "2025/26 Total allocation (£k)"),
        ("delegated specialised services", "Specialised Allocations 2025-26",
         "2025/26 Physical health services + MH resource allocation (£k)"),
        ("primary medical care", "PMC Allocation 2025-26",
         "Revised recurrent allocation (£k)"),
        ("pharmacy, optometry and dental", "POD Allocation 2025-26",
         "2025/26 Total allocation (£k)"),
        ("running cost allowance", "ICB running cost allowance",
         "2025/26 (£k)"),
    ]),
]

ICB_NOTES = {
    "2024/25": ("NHS England's revenue allocation to the ICB for 2024/25 as "
                "published for the two-year round 2023/24 to 2024/25: "
                "the sum of the four streams of its all-streams workbook, "
                "each rounded to £1,000 as published: {streams}. Delegated "
                "specialised services (delegated to some ICBs from April "
                "2024) are not in this workbook and not included; in-year "
                "changes after publication are not included."),
    "2025/26": ("NHS England's revenue allocation to the ICB for 2025/26 "
                "(all-streams workbook): the sum of its five streams, "
                "each rounded to £1,000 as published: {streams}. Specialised "
                "services are those delegated to the ICB (physical health "
                "services and delegated mental health, without the high-cost "
                "drugs and devices NHS England keeps); in-year changes after "
                "publication are not included."),
}

CLASSES = ("UA", "MD", "LB", "SC")   # the upper-tier classes of the RSX


# ---------------------------------------------------------------- readers

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def _col(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_xlsx(path):
    """{sheet name: [{column index: cell text}]} for every sheet."""
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in root.findall("m:si", _NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % _NS["m"])))
    rels = {r.get("Id"): r.get("Target")
            for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    out = {}
    for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", _NS):
        target = rels[sheet.get("{%s}id" % _NS["r"])].lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        rows = []
        for row in ET.fromstring(z.read(target)).iter("{%s}row" % _NS["m"]):
            cells = {}
            for c in row.findall("m:c", _NS):
                v = c.find("m:v", _NS)
                if c.get("t") == "s" and v is not None:
                    text = shared[int(v.text)]
                elif c.get("t") == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter("{%s}t" % _NS["m"]))
                else:
                    text = v.text if v is not None else None
                cells[_col(c.get("r"))] = text
            rows.append(cells)
        out[sheet.get("name")] = rows
    return out


def _norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def icb_allocations():
    """[(ods, name, year, stream, £k rounded)] in workbook order."""
    out = []
    for year, _src, fname, streams in STREAMS:
        book = read_xlsx(os.path.join(DATA, fname))
        for label, sheet, header in streams:
            rows = book[sheet]
            col = hdr = None
            for i, r in enumerate(rows[:6]):
                for k, v in r.items():
                    if _norm(v).startswith(_norm(header)):
                        col, hdr = k, i
            if col is None:
                sys.exit("money.py: %s: sheet %r has no column %r" % (fname, sheet, header))
            seen = set()
            for r in rows[hdr + 1:]:
                ods, name = _norm(r.get(2)), _norm(r.get(3))
                # ICB rows: an ODS code in column C and "NHS ... ICB" in D
                if not re.fullmatch(r"Q[A-Z0-9]{2}", ods) or not name.startswith("NHS "):
                    continue
                if ods in seen:
                    sys.exit("money.py: %s %s: %s twice" % (fname, sheet, ods))
                seen.add(ods)
                val = r.get(col)
                try:
                    k = float(val)
                except (TypeError, ValueError):
                    sys.exit("money.py: %s %s %s: %r is not a number" % (fname, sheet, ods, val))
                out.append((ods, name, year, label, int(round(k))))
            if len(seen) != 42:
                sys.exit("money.py: %s %s: %d ICBs, want 42" % (fname, sheet, len(seen)))
    return out


def read_rsx(fname):
    """{ons: (name, class, £k or None)} for the upper-tier councils."""
    with open(os.path.join(DATA, fname), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    codes = next(r for r in rows if "RSX-asc-net-cur-exp" in r)
    col = codes.index("RSX-asc-net-cur-exp")
    head = next(i for i, r in enumerate(rows) if r and r[0] == "E-code")
    out = {}
    for r in rows[head + 1:]:
        if len(r) <= col or r[4] not in CLASSES or not re.fullmatch(r"E\d{8}", r[1]):
            continue
        v = r[col].replace(",", "")
        out[r[1]] = (r[2], r[4], int(v) if re.fullmatch(r"-?\d+", v) else None)
    return out


def read_timeseries_extract(fname):
    """{ons: (name, £k)} from the derived copy of the RO time series (£)."""
    with open(os.path.join(DATA, fname), encoding="utf-8") as f:
        d = json.load(f)
    out = {}
    for c in d["councils"]:
        gbp = c["services_net_gbp"]["Adult Social Care"]
        if gbp % 1000:
            sys.exit("money.py: %s: %s is not whole £ thousand" % (fname, c["ons_code"]))
        out[c["ons_code"]] = (c["name"], gbp // 1000)
    return out


def asc_outturn():
    """[(ons, name, year, £k, source)]: 2023/24; where 2023/24 has no
    return, 2021/22 (Birmingham) or 2024/25 (Westmorland and Furness)."""
    y24 = read_rsx("mhclg-rsx-2023-24-by-la.csv")
    y22 = read_rsx("mhclg-rsx-2021-22-by-la-birmingham.csv")
    y25 = read_timeseries_extract("mhclg-ro-timeseries-2024-25-westmorland-and-furness.json")
    out = []
    for ons in sorted(y24):
        name, _cls, k = y24[ons]
        if k is not None:
            out.append((ons, name, "2023/24", k, SRC_RSX_2324))
        elif ons in y22 and y22[ons][2] is not None:
            out.append((ons, y22[ons][0], "2021/22", y22[ons][2], SRC_RSX_2122))
        elif ons in y25:
            out.append((ons, y25[ons][0], "2024/25", y25[ons][1], SRC_RO_TS))
        else:
            out.append((ons, name, "2023/24", None, SRC_RSX_2324))
    return out


# ---------------------------------------------------------------- extracts

def extracts():
    """{file name: text} of the two CSV extracts."""
    a = io.StringIO()
    w = csv.writer(a, lineterminator="\n")
    w.writerow(["ods", "icb", "year", "stream", "gbp_thousand"])
    for row in icb_allocations():
        w.writerow(row)
    b = io.StringIO()
    w = csv.writer(b, lineterminator="\n")
    w.writerow(["ons", "council", "year", "asc_net_current_expenditure_gbp_thousand"])
    for ons, name, year, k, _src in asc_outturn():
        w.writerow([ons, name, year, "" if k is None else k])
    return {"icb-allocations.csv": a.getvalue(), "asc-net-expenditure.csv": b.getvalue()}


# ---------------------------------------------------------------- money

def money_entries():
    """{("ods"|"ons"|"id", code): [entry]}; an entry is a dict with year, gbp,
    kind, source (a source mapping) and notes."""
    by = {}
    totals = {}
    for ods, _name, year, label, k in icb_allocations():
        totals.setdefault((ods, year), []).append((label, k))
    for (ods, year), parts in totals.items():
        src = SRC_2425 if year == "2024/25" else SRC_2526
        streams = "; ".join("%s £%s" % (lab, "{:,}".format(k * 1000)) for lab, k in parts)
        by.setdefault(("ods", ods), []).append({
            "year": year, "kind": "allocation", "source": src,
            "gbp": sum(k for _l, k in parts) * 1000,
            "notes": ICB_NOTES[year].format(streams=streams)})
    for ons, _name, year, k, src in asc_outturn():
        if k is None:
            continue
        fy = year.replace("/", "-")
        where = ("RSX line 360, column 7" if year != "2024/25" else
                 "RS_asc_net_exp, the measure of RSX line 360, column 7")
        note = ("Adult social care net current expenditure in %s (total "
                "expenditure less sales, fees, charges and other income; %s) "
                "as the council returned it to the Revenue Outturn, £%s "
                "thousand." % (fy, where, "{:,}".format(k)))
        if year == "2021/22":
            note += (" The council made no Revenue Outturn return for 2022-23 "
                     "or 2023-24 (shown [x] in the 2023-24 tables), so this is "
                     "the latest year published.")
        if year == "2024/25":
            note += (" The council's 2023-24 return is blank in the RSX tables "
                     "([x]); this is its 2024-25 figure in MHCLG's multi-year "
                     "data set, read through a derived copy "
                     "that equals the RSX 2023-24 figure for every other "
                     "upper-tier council.")
        by.setdefault(("ons", ons), []).append({
            "year": year, "kind": "outturn", "source": src,
            "gbp": k * 1000, "notes": note})
    for eid, es in MANUAL.items():
        for year, kind, gbp, src, note in es:
            by.setdefault(("id", eid), []).append({
                "year": year, "kind": kind, "source": src, "gbp": gbp, "notes": note})
    return by


# ---------------------------------------------------------------- YAML edits
# The registry's entity files are block YAML with top-level keys at column
# 0, lists indented two spaces ("  - key: value") and continuation lines
# four.  These edits touch only the `money:` and `sources:` blocks.

TOP = re.compile(r"^([a-z_]+):")


def _blocks(lines):
    """[(key or None, [lines])]: the file cut at each top-level key."""
    out = [(None, [])]
    for ln in lines:
        m = TOP.match(ln)
        if m:
            out.append((m.group(1), [ln]))
        else:
            out[-1][1].append(ln)
    return out


def _items(block):
    """The list items of a block (its first line is the key)."""
    items, cur = [], None
    for ln in block[1:]:
        if ln.startswith("  - "):
            cur = [ln]
            items.append(cur)
        elif cur is not None:
            cur.append(ln)
    return items


def _field(item, key):
    for ln in item:
        m = re.match(r"^\s*(?:- )?%s:\s*(.*?)\s*$" % key, ln)
        if m:
            return m.group(1).strip("'\"")
    return None


def _q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _money_item(e):
    return ["  - year: %s\n" % e["year"],
            "    gbp: %s\n" % "{:_}".format(e["gbp"]),
            "    kind: %s\n" % e["kind"],
            "    source: %s\n" % e["source"]["url"],
            "    notes: %s\n" % _q(e["notes"])]


def _source_item(s):
    return ["  - url: %s\n" % s["url"],
            "    title: %s\n" % _q(s["title"]),
            "    accessed: %s\n" % ACCESSED,
            "    notes: %s\n" % _q(s["notes"])]


def edit(text, entries, log, where):
    """text with `entries` in its money and their sources in its sources."""
    blocks = _blocks(text.splitlines(True))
    keys = [k for k, _b in blocks]
    new = {(e["year"], e["kind"]) for e in entries}
    kept = []
    if "money" in keys:
        for item in _items(blocks[keys.index("money")][1]):
            src, yk = _field(item, "source"), (_field(item, "year"), _field(item, "kind"))
            if src in OWNED_URLS:
                continue
            if yk in new:
                log.append("%s: replaced the %s %s entry from %s" % (where, yk[0], yk[1], src))
                continue
            kept.append(item)
    body = ["money:\n"] + [ln for it in kept for ln in it]
    for e in sorted(entries, key=lambda e: (e["year"], e["kind"])):
        body += _money_item(e)
    if "money" in keys:
        blocks[keys.index("money")] = ("money", body)
    else:
        at = next((keys.index(k) for k in ("meets_in_public", "codes", "valid", "notes", "sources")
                   if k in keys), len(blocks))
        blocks.insert(at, ("money", body))
        keys.insert(at, "money")
    # the sources this script cites are rewritten from SRC_*, so a change
    # of title reaches every file; the others are kept as they are
    i = keys.index("sources")
    old = blocks[i][1]
    src_block = [old[0]]
    for it in _items(old):
        if _field(it, "url") not in OWNED_URLS:
            src_block += it
    if not src_block[-1].endswith("\n"):
        src_block[-1] += "\n"
    have = {_field(it, "url") for it in _items(src_block)}
    for e in sorted(entries, key=lambda e: (e["year"], e["kind"])):
        if e["source"]["url"] not in have:
            src_block += _source_item(e["source"])
            have.add(e["source"]["url"])
    blocks[i] = ("sources", src_block)
    return "".join(ln for _k, b in blocks for ln in b)


def find_entities():
    """{("id"|"ods"|"ons", value): path} for the bodies of the registry."""
    out = {}
    for d, _dirs, files in os.walk(REGISTRY):
        if os.path.join(REGISTRY, "import") in d:
            continue
        for f in files:
            if not f.endswith(".yaml") or f == "govmap.yaml":
                continue
            p = os.path.join(d, f)
            with open(p, encoding="utf-8") as fh:
                t = fh.read()
            if not re.search(r"^kind: body\s*$", t, re.M):
                continue
            m = re.search(r"^id: (\S+)\s*$", t, re.M)
            if m:
                out[("id", m.group(1).strip("'\""))] = p
            # codes are shared across types (an STP footprint and the ICB
            # that succeeded it have one ODS code): ICBs are found by ODS
            # code and councils by ONS code, other bodies by id only
            ty = re.search(r"^type: (\S+)\s*$", t, re.M)
            ty = ty.group(1) if ty else ""
            for scheme, want in (("ods", "icb"), ("ons", "local-authority")):
                m = re.search(r"^  %s: (\S+)\s*$" % scheme, t, re.M)
                if m and ty == want:
                    out[(scheme, m.group(1).strip("'\""))] = p
    return out


def apply(check_only):
    ents = find_entities()
    log, stale, missing = [], [], []
    for key, entries in sorted(money_entries().items()):
        path = ents.get(key)
        if path is None:
            missing.append("%s %s" % key)
            continue
        with open(path, encoding="utf-8") as f:
            old = f.read()
        new = edit(old, entries, log, os.path.relpath(path, REGISTRY))
        if new != old:
            stale.append(os.path.relpath(path, REGISTRY))
            if not check_only:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    for m in missing:
        print("money.py: no registry body with code %s (not written)" % m, file=sys.stderr)
    for ln in log:
        print("money.py: " + ln, file=sys.stderr)
    return sorted(stale)


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__.strip())
        return 0
    check = "--check" in argv
    bad = []
    for name, text in extracts().items():
        p = os.path.join(DATA, name)
        old = open(p, encoding="utf-8").read() if os.path.exists(p) else None
        if old != text:
            bad.append("registry/import/data/" + name)
            if not check:
                with open(p, "w", encoding="utf-8") as f:
                    f.write(text)
    if check or "--apply" in argv:
        bad += ["registry/" + p for p in apply(check)]
    if check and bad:
        for b in bad[:5]:
            print("money.py: out of date: " + b, file=sys.stderr)
        if len(bad) > 5:
            print("money.py: ... and %d more (run with --apply)" % (len(bad) - 5), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
