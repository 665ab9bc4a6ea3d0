#!/usr/bin/env python3
"""extract_ons_lookups.py - reduce the ONS lookups of CCGs to councils and
to STPs (2015-2020) to the small extracts that ccgs.py reads.

    python3 registry/import/extract_ons_lookups.py DIR

DIR holds the ONS files as the public repository jtrim-ons/ons-lookups keeps
them (csv/NNN.csv, numbered in its datasets.md; commit 85d0ba6, June 2021).
The LSOA lookups are about 3 MB each, too big to keep here, so this script
keeps only what the registry uses:

  data/ons-ccg-lad-lsoas.csv  per lookup and CCG: each local authority
                              district it covers, the upper-tier council
                              of that district (the district itself for a
                              unitary, metropolitan or London borough, else
                              its county from the ONS district-to-county
                              lookup of the same year) and how many LSOAs
  data/ons-ccg-stp.csv        per lookup: each CCG and its STP

Run it again to check the extracts against the files.  Python 3 standard
library only.
"""
import csv
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

# (the date the lookup describes, LSOA-CCG-LAD file, LAD-to-county file)
LAD = [("2015-07-01", "212", "020"), ("2016-04-01", "211", "015"),
       ("2017-04-01", "226", "019"), ("2018-04-01", "216", "023"),
       ("2019-04-01", "217", "025"), ("2020-04-01", "219", "030")]
# (the date, CCG-to-STP file)
STP = [("2017-04-01", "066"), ("2018-04-01", "065"), ("2019-04-01", "028"),
       ("2020-04-01", "031")]


def rows(d, num):
    with open(os.path.join(d, "csv", num + ".csv"), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            yield {k[:3] + k[5:] if k[3:5].isdigit() else k: v for k, v in r.items()}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: extract_ons_lookups.py DIR (a checkout of jtrim-ons/ons-lookups)")
    d = sys.argv[1]
    with open(os.path.join(DATA, "ons-ccg-lad-lsoas.csv"), "w", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "ccg_ons", "ccg_ods", "ccg_name", "lad", "lad_name",
                    "upper_tier", "lsoas"])
        for date, lsoa_file, cty_file in LAD:
            county = {r["LADCD"]: r["CTYCD"] for r in rows(d, cty_file)}
            n = Counter()
            names = {}
            for r in rows(d, lsoa_file):
                key = (r["CCGCD"], r["CCGCDH"], r["LADCD"])
                n[key] += 1
                names[key] = (r["CCGNM"], r["LADNM"])
            for key in sorted(n):
                ccg, ods, lad = key
                upper = county[lad] if lad.startswith("E07") else lad
                w.writerow([date, ccg, ods, names[key][0], lad, names[key][1], upper, n[key]])
    with open(os.path.join(DATA, "ons-ccg-stp.csv"), "w", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "ccg_ons", "ccg_ods", "stp_ons"])
        for date, num in STP:
            for r in sorted(rows(d, num), key=lambda r: r["CCGCD"]):
                w.writerow([date, r["CCGCD"], r["CCGCDH"], r["STPCD"]])


if __name__ == "__main__":
    main()
