stats: NHS trusts in force (ODS codes, commissioned), contract providers by type, contracts by state on the date (a contract with a missing start or end is never "in force"), the contracts in force with a value for the year (known, not known), contracts by the procurement regime of their start date (untendered in brackets), tendered and published as yes / no / not known, bodies with money by type.
--- args
-r tests/fixtures/cli/supply --on 2024-06-01 stats --oldest 0
--- exit
0
--- stdout
test-supply (working tree): 12 entities, in force on 2024-06-01 as counted below
  sourced: 12 of 12 entities (100.0%)
  official codes (ONS or ODS): 2 of 6 bodies (33.3%)
  public money: 3 entities with a money series, 3 of them with a figure for 2024/25 (the financial year of 2024-06-01)

Kinds (in force / all)
  body          5      6
  contract      4      4
  link          1      2

Types (in force / all)
  commissioned-by            1      2
  company                    2      2
  foundation-trust           1      1
  government-department      1      1
  nhs-trust                  1      2

Regions (in force / all)
  england                3      3
  england/testshire      2      3

Types by area (the first two levels of the region) (in force / all)
  england/testshire: foundation-trust      1      1
  england/testshire: nhs-trust             1      2
  england: company                         2      2
  england: foundation-trust                1      1
  england: government-department           1      1
  england: nhs-trust                       1      2

Providers and contracts
  NHS trusts and foundation trusts in force: 2 (1 nhs-trust, 1 foundation-trust)
    with an ODS code: 1; with a commissioned-by link or a contract not known to be out of force: 1
  contract providers (all dates): 3 bodies (company 2, foundation-trust 1)
  contracts: 4 (in force 1, ended 1, not yet started 1, dates not known 1)
    with a value: 1; tendered: 1 yes, 1 no, 2 not known; published: 1 yes, 0 no, 3 not known
    in force with a value for the financial year: 1 known, 0 not known
    by the procurement rules of the start date (untendered in brackets): start not recorded 1 (0), Provider Selection Regime 1 (0), 2013 regulations 1 (0), other 1 (1)

Bodies in force with a money series (any year), by type
  company: 1 of 2
  foundation-trust: 0 of 1
  government-department: 1 of 1
  nhs-trust: 0 of 1

Least recently checked (newest source accessed)
--- stderr
