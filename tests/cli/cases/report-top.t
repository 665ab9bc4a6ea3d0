report --top 2: the two largest exposures of six.
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --top 2
--- exit
0
--- stdout
govmap report: test-analysis-exposure, working tree, on 2024-06-01

Totals
  £120m of £578m a year is decided by bodies whose best chain to voters is weaker than 0.25 (3 of 6 bodies).
  1 body has no chain to voters at all; total exposure (deficit x money) is £172m.
  Findings: 0 errors, 2 warnings, 0 info; 1 suppressed.

Bodies ranked by exposure (top 2 of 6)
    1. Test F Trust                                     A 0.243  D 0.757     £100m  exposure £76m  (money: 2024/25)
    2. Test Council                                     A 0.900  D 0.100     £400m  exposure £40m  (money: 2024/25)

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
