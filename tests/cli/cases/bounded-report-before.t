report (issue 17): before the bound the membership and council of governors are listed under dates not known, with their bound in words.
--- args
-r tests/fixtures/analysis/bounded --on 2024-03-31 report
--- exit
0
--- stdout
govmap report: test-bounded, working tree, on 2024-03-31

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2023/24: no money recorded for any of 2 bodies.
  Decided by bodies whose best chain to voters is weaker than 0.25 (0 of 2
    bodies): no bodies.
  0 bodies have no chain to voters at all; exposure (deficit x money) cannot be
    worked out: no body's money is known for 2023/24.
  Deficit findings: 0 errors, 1 warning, 0 for information only; coverage
    findings (gaps in the registry): 1; data findings: 0; 0 suppressed.
  2 bodies or boards whose dates are not known are not counted in force (listed
    below).

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 0 of 0)
    none: no body here has a money figure for 2023/24

Weak bodies with no money recorded for 2023/24 (A below 0.25, by deficit at the
  worst case; top 0 of 0)
    none

Dates not known (not counted in force on this date)
    Council of governors of Test Trust (test-governors): start date not known,
      no later than 2024-04-01; no end date recorded
    Members of Test Trust (test-membership): start date not known, no later than
      2024-04-01; no end date recorded

Deficit findings by region and rule
  england/testshire
    core/no-sanction, basis: Bovens (2007): accountability needs information,
      debate and consequences
      warning: no forum can impose consequences on Test Trust: its only
        accountability link does not carry the power to sanction

Coverage findings: what the registry does not record (gaps, not failings)
  england/testshire
    core/no-commissioner, basis: National Health Service Act 2006 s.3 (an
      integrated care board, a clinical commissioning group before 1 July 2022,
      arranges hospital and community health services) and s.9 (NHS contracts);
      a contract names its commissioner (registry/README.md, contract)
      info: no commissioner of Test Trust is recorded on this date: no
        commissioned-by link in force and no contract naming it as provider

Suppressed findings (reviewed exceptions)
    none
--- stderr
