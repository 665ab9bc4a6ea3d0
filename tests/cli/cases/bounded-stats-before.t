stats (issue 17): the day before the bound the membership and council of governors are not counted in force.
--- args
-r tests/fixtures/analysis/bounded --on 2024-03-31 stats
--- exit
0
--- stdout
test-bounded (working tree): 7 entities, in force on 2024-03-31 as counted below
  sourced: 7 of 7 entities (100.0%)
  official codes (ONS or ODS): 0 of 4 bodies (0.0%)
  public money: 0 entities with a money series, 0 of them with a figure for 2023/24 (the financial year of 2024-03-31)

Kinds (in force / all)
  board      0      1
  body       3      4
  link       2      2

Types (in force / all)
  accountable-to            1      1
  council-of-governors      0      1
  elected-by                1      1
  electorate                1      1
  local-authority           1      1
  membership                0      1
  nhs-trust                 1      1

Regions (in force / all)
  england/testshire      3      4

Types by area (the first two levels of the region) (in force / all)
  england/testshire: council-of-governors      0      1
  england/testshire: electorate                1      1
  england/testshire: local-authority           1      1
  england/testshire: membership                0      1
  england/testshire: nhs-trust                 1      1
  england: council-of-governors                0      1
  england: electorate                          1      1
  england: local-authority                     1      1
  england: membership                          0      1
  england: nhs-trust                           1      1

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
  local-authority: 0 of 1
  nhs-trust: 0 of 1

Least recently checked (newest source accessed)
  2024-05-01  test-council
  2024-05-01  test-council-elected
  2024-05-01  test-governors
  2024-05-01  test-membership
  2024-05-01  test-trust
--- stderr
