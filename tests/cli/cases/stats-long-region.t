stats: the key column is as wide as the longest key up to 64 characters (rows fit 80 columns); keys of 79 characters (as long as the real registry's) and one over 100 run on past the column, one space before their counts, and every row stays three fields (key, in force, all) for awk.
--- args
-r tests/fixtures/cli/long-region --on 2024-06-01 stats
--- exit
0
--- stdout
test-long-region (working tree): 4 entities, in force on 2024-06-01 as counted below
  sourced: 4 of 4 entities (100.0%)
  official codes (ONS or ODS): 0 of 4 bodies (0.0%)
  public money: 0 entities with a money series, 0 of them with a figure for 2024/25 (the financial year of 2024-06-01)

Kinds (in force / all)
  body      4      4

Types (in force / all)
  charity      4      4

Regions (in force / all)
  england                                                               1      1
  england/a-region-path-so-long/that-it-runs-past-the-widest-column-the-table-gives/any-key/and-on-further      1      1
  england/east-of-england/central-east/bedfordshire-luton-and-milton-keynes/north      1      1
  england/south-east/thames-valley/buckinghamshire-oxfordshire-and-berkshire-west      1      1

Types by area (the first two levels of the region) (in force / all)
  england/a-region-path-so-long: charity      1      1
  england/east-of-england: charity            1      1
  england/south-east: charity                 1      1
  england: charity                            4      4

Providers and contracts
  NHS trusts and foundation trusts in force: 0 (0 nhs-trust, 0 foundation-trust)
    with an ODS code: 0; with a commissioned-by link or a contract not known to be out of force: 0
  contract providers (all dates): 0 bodies
  contracts: 0 (in force 0, ended 0, not yet started 0, dates not known 0)
    with a value: 0; tendered: 0 yes, 0 no, 0 not known; published: 0 yes, 0 no, 0 not known
    in force with a value for the financial year: 0 known, 0 not known
    by the procurement rules of the start date (untendered in brackets): start not recorded 0 (0), Provider Selection Regime 0 (0), 2013 regulations 0 (0), other 0 (0)

Bodies in force with a money series (any year), by type
  charity: 0 of 4

Least recently checked (newest source accessed)
  2024-05-01  test-long
  2024-05-01  test-longer
  2024-05-01  test-over
  2024-05-01  test-short
--- stderr
