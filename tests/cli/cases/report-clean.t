report on a registry where no rule fires.
--- args
-r tests/fixtures/analysis/clean --on 2024-06-01 report
--- exit
0
--- stdout
govmap report: test-analysis-clean, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: £350m known, for 2 of 3 bodies; 1 not recorded.
  Decided by bodies whose best chain to voters is weaker than 0.25 (0 of 3
    bodies): no bodies.
  0 bodies have no chain to voters at all; exposure (deficit x money) is £44m in
    2024/25, for the 2 of 3 bodies whose money is known.
  Deficit findings: 0 errors, 0 warnings, 0 for information only; coverage
    findings (gaps in the registry): 0; data findings: 0; 0 suppressed.

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 2 of 2)
    1. Test Council                                    A 0.900 (strong)  D 0.100
       money £300m (2024/25 budget); exposure £30m
       why: statutory; can impose consequences; 1 link from voters
    2. Test Trust                                      A 0.729 (strong)  D 0.271
       money £50m (2024/25 budget); exposure £14m
       why: by regulation; can impose consequences; 2 links from voters

Weak bodies with no money recorded for 2024/25 (A below 0.25, by deficit at the
  worst case; top 0 of 0)
    none

Deficit findings by region and rule
    none

Coverage findings: what the registry does not record (gaps, not failings)
    none

Suppressed findings (reviewed exceptions)
    none
--- stderr
