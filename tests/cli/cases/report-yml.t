report warns on stderr, once, of a registry file it did not read (bodies/test-trust.yml: only *.yaml is read), as check does; its stdout is as without the file.
--- args
-r tests/fixtures/cli/yml --on 2024-06-01 report
--- exit
0
--- stdout
govmap report: test-yml, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: no money recorded for any of 1 body.
  Decided by bodies whose best chain to voters is weaker than 0.25 (0 of 1
    bodies): no bodies.
  0 bodies have no chain to voters at all; exposure (deficit x money) cannot be
    worked out: no body's money is known for 2024/25.
  Deficit findings: 0 errors, 0 warnings, 0 for information only; coverage
    findings (gaps in the registry): 0; data findings: 0; 0 suppressed.

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 0 of 0)
    none: no body here has a money figure for 2024/25

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
tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'
