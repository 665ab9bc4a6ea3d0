govmap stats on the minimal fixture (text): counts per kind, type, region and area; sourcing; oldest sources.
--- args
-r tests/fixtures/valid/minimal --on 2024-06-01 stats --format text
--- exit
0
--- stdout
test-minimal (working tree): 10 entities, in force on 2024-06-01 as counted below
  sourced: 10 of 10 entities (100.0%)
  official codes (ONS or ODS): 3 of 5 bodies (60.0%)
  public money: 2 entities with a money series, 2 of them with a figure for 2024/25 (the financial year of 2024-06-01)

Kinds (in force / all)
  board         1      1
  body          5      5
  contract      1      1
  link          2      3

Types (in force / all)
  committee                  1      1
  elected-by                 1      1
  electorate                 1      1
  government-department      1      1
  local-authority            1      1
  nhs-trust                  1      1
  parliament                 1      1
  reports-to                 1      1
  scrutinised-by             0      1

Regions (in force / all)
  england                2      2
  england/testshire      3      3

Types by area (the first two levels of the region) (in force / all)
  england/testshire: committee            1      1
  england/testshire: electorate           1      1
  england/testshire: local-authority      1      1
  england/testshire: nhs-trust            1      1
  england: committee                      1      1
  england: electorate                     1      1
  england: government-department          1      1
  england: local-authority                1      1
  england: nhs-trust                      1      1
  england: parliament                     1      1

Providers and contracts
  NHS trusts and foundation trusts in force: 1 (1 nhs-trust, 0 foundation-trust)
    with an ODS code: 1; with a commissioned-by link or a contract not known to be out of force: 1
  contract providers (all dates): 1 body (nhs-trust 1)
  contracts: 1 (in force 1, ended 0, not yet started 0, dates not known 0)
    with a value: 1; tendered: 1 yes, 0 no, 0 not known; published: 0 yes, 1 no, 0 not known
    in force with a value for the financial year: 0 known, 1 not known
    by the procurement rules of the start date (untendered in brackets): start not recorded 0 (0), Provider Selection Regime 0 (0), 2013 regulations 1 (0), other 0 (0)

Bodies in force with a money series (any year), by type
  electorate: 0 of 1
  government-department: 1 of 1
  local-authority: 0 of 1
  nhs-trust: 1 of 1
  parliament: 0 of 1

Least recently checked (newest source accessed)
  2024-05-01  test-community-services-contract
  2024-05-01  test-council
  2024-05-01  test-department-of-health
  2024-05-01  test-department-reports-to-parliament
  2024-05-01  test-electorate
--- stderr
