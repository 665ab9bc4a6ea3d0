report --region in text, on a registry whose findings all lie in the
region: three trusts and a council in england/testshire (the parliament
and the otherside trust are out of scope).
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 report --region england/testshire
--- exit
0
--- stdout
govmap report: test-analysis-collapse, working tree, on 2024-06-01, region england/testshire

Totals
  £50m of £460m a year is decided by bodies whose best chain to voters is weaker than 0.25 (1 of 4 bodies).
  0 bodies have no chain to voters at all; total exposure (deficit x money) is £90m.
  Findings: 0 errors, 1 warning, 0 info; 0 suppressed.

Bodies ranked by exposure (top 4 of 4)
    1. Test Trust 2                                     A 0.243  D 0.757      £50m  exposure £38m  (money: 2024/25)
    2. Test Council                                     A 0.900  D 0.100     £300m  exposure £30m  (money: 2024/25)
    3. Test Trust 1                                     A 0.810  D 0.190     £100m  exposure £19m  (money: 2024/25)
    4. Test Trust 3                                     A 0.729  D 0.271      £10m  exposure £3m  (money: 2024/25)

Findings by region and rule
  england/testshire
    core/no-sanction, basis: Bovens (2007): accountability needs information, debate and consequences
      warning: no forum can impose consequences on Test Trust 2: none of its 1 accountability link carries the power to sanction

Suppressed findings (reviewed exceptions)
    none
--- stderr
