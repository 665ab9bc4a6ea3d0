report on a registry where no rule fires.
--- args
-r tests/fixtures/analysis/clean --on 2024-06-01 report
--- exit
0
--- stdout
govmap report: test-analysis-clean, working tree, on 2024-06-01

Totals
  £0 of £350m a year is decided by bodies whose best chain to voters is weaker than 0.25 (0 of 3 bodies).
  0 bodies have no chain to voters at all; total exposure (deficit x money) is £44m.
  Findings: 0 errors, 0 warnings, 0 info; 0 suppressed.

Bodies ranked by exposure (top 3 of 3)
    1. Test Council                                     A 0.900  D 0.100     £300m  exposure £30m  (money: 2024/25)
    2. Test Trust                                       A 0.729  D 0.271      £50m  exposure £14m  (money: 2024/25)
    3. Test Trust Board                                 A 0.656  D 0.344    unknown  exposure £0

Findings by region and rule
    none

Suppressed findings (reviewed exceptions)
    none
--- stderr
