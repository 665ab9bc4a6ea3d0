report (text) on fixture (g): ranked by exposure (f £75.7m, council £40m,
g £30.155m, h £20m, the edge board £6m, i £0), totals £120m of £578m
weaker than 0.25 (3 of 6: the board at exactly 0.25 is not weaker), 1 with
no chain, exposure £171.855m, findings by region and rule, one suppressed
(tests/fixtures/analysis/README.md).
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report
--- exit
0
--- stdout
govmap report: test-analysis-exposure, working tree, on 2024-06-01

Totals
  £120m of £578m a year is decided by bodies whose best chain to voters is weaker than 0.25 (3 of 6 bodies).
  1 body has no chain to voters at all; total exposure (deficit x money) is £172m.
  Findings: 0 errors, 2 warnings, 0 info; 1 suppressed.

Bodies ranked by exposure (top 6 of 6)
    1. Test F Trust                                     A 0.243  D 0.757     £100m  exposure £76m  (money: 2024/25)
    2. Test Council                                     A 0.900  D 0.100     £400m  exposure £40m  (money: 2024/25)
    3. Test G Company                                   A 0.397  D 0.603      £50m  exposure £30m  (money: 2024/25)
    4. Test H Charity                                   A 0.000  D 1.000      £20m  exposure £20m  (money: 2024/25)
    5. Test Edge Board                                  A 0.250  D 0.750       £8m  exposure £6m  (money: 2024/25)
    6. Test I Partnership                               A 0.243  D 0.757    unknown  exposure £0

Findings by region and rule
  england/north
    core/no-sanction, basis: Bovens (2007): accountability needs information, debate and consequences
      warning: no forum can impose consequences on Test F Trust: none of its 1 accountability link carries the power to sanction
  england/south
    core/no-chain, basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md
      warning: Test H Charity has no chain of accountability to any electorate

Suppressed findings (reviewed exceptions)
    [core/no-sanction] test-i-partnership: no forum can impose consequences on Test I Partnership: none of its 1 accountability link carries the power to sanction
      reason: test exception, reviewed
--- stderr
