stats: how many bodies have money, and how many of those say its year.
--- args
-r tests/fixtures/analysis/money-year --on 2024-01-15 stats
--- exit
0
--- stdout
test-money-year (working tree): 5 entities, in force on 2024-01-15 as counted below
  sourced: 5 of 5 entities (100.0%)
  official codes (ONS or ODS): 0 of 3 bodies (0.0%)
  public money: 2 entities with a money series, 1 of them with a figure for 2023/24 (the financial year of 2024-01-15)

Kinds (in force / all)
  body      3      3
  link      2      2

Types (in force / all)
  elected-by           1      1
  electorate           1      1
  local-authority      1      1
  nhs-trust            1      1
  scrutinised-by       1      1

Regions (in force / all)
  england/testshire      3      3

Types by area (the first two levels of the region) (in force / all)
  england/testshire: electorate           1      1
  england/testshire: local-authority      1      1
  england/testshire: nhs-trust            1      1
  england: electorate                     1      1
  england: local-authority                1      1
  england: nhs-trust                      1      1

Providers and contracts
  NHS trusts and foundation trusts in force: 1 (1 nhs-trust, 0 foundation-trust)
    with an ODS code: 0; with a commissioned-by link or a contract not known to be out of force: 0
  contract providers (all dates): 0 bodies
  contracts: 0 (in force 0, ended 0, not yet started 0, dates not known 0)
    with a value: 0; tendered: 0 yes, 0 no, 0 not known; published: 0 yes, 0 no, 0 not known
    in force with a value for the financial year: 0 known, 0 not known
    by the procurement rules of the start date (untendered in brackets): start not recorded 0 (0), Provider Selection Regime 0 (0), 2013 regulations 0 (0), other 0 (0)

Bodies in force with a money series (any year), by type
  electorate: 0 of 1
  local-authority: 1 of 1
  nhs-trust: 1 of 1

Least recently checked (newest source accessed)
  2024-05-01  test-council
  2024-05-01  test-council-elected-by-electorate
  2024-05-01  test-electorate
  2024-05-01  test-trust
  2024-05-01  test-trust-scrutinised-by-council
--- stderr
