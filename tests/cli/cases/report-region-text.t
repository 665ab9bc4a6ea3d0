report --region in text, on a registry whose findings all lie in the
region: three trusts and a council in england/testshire (the parliament
and the otherside trust are out of scope).
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 report --region england/testshire
--- exit
0
--- stdout
govmap report: test-analysis-collapse, working tree, on 2024-06-01, region
  england/testshire

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: £460m known, for all 4 bodies.
  Decided by bodies whose best chain to voters is weaker than 0.25 (1 of 4
    bodies): £50m known, for the 1 body.
  0 bodies have no chain to voters at all; exposure (deficit x money) is £90m in
    2024/25, for the 4 of 4 bodies whose money is known.
  Deficit findings: 0 errors, 1 warning, 0 for information only; coverage
    findings (gaps in the registry): 3; data findings: 0; 0 suppressed.

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 4 of 4)
    1. Test Trust 2                                    A 0.243 (weak)    D 0.757
       money £50m (2024/25 budget); exposure £38m
       why: by guidance only; can question but not sanction; 2 links from voters
    2. Test Council                                    A 0.900 (strong)  D 0.100
       money £300m (2024/25 budget); exposure £30m
       why: statutory; can impose consequences; 1 link from voters
    3. Test Trust 1                                    A 0.810 (strong)  D 0.190
       money £100m (2024/25 budget); exposure £19m
       why: statutory; can impose consequences; 2 links from voters
    4. Test Trust 3                                    A 0.729 (strong)  D 0.271
       money £10m (2024/25 budget); exposure £3m
       why: by regulation; can impose consequences; 2 links from voters

Weak bodies with no money recorded for 2024/25 (A below 0.25, by deficit at the
  worst case; top 0 of 0)
    none

Deficit findings by region and rule
  england/testshire
    core/no-sanction, basis: Bovens (2007): accountability needs information,
      debate and consequences
      warning: no forum can impose consequences on Test Trust 2: its only
        accountability link does not carry the power to sanction

Coverage findings: what the registry does not record (gaps, not failings)
  england/testshire
    core/no-commissioner, basis: National Health Service Act 2006 s.3 (an
      integrated care board, a clinical commissioning group before 1 July 2022,
      arranges hospital and community health services) and s.9 (NHS contracts);
      a contract names its commissioner (registry/README.md, contract)
      info: no commissioner of Test Trust 1 is recorded on this date: no
        commissioned-by link in force and no contract naming it as provider
      info: no commissioner of Test Trust 2 is recorded on this date: no
        commissioned-by link in force and no contract naming it as provider
      info: no commissioner of Test Trust 3 is recorded on this date: no
        commissioned-by link in force and no contract naming it as provider

Suppressed findings (reviewed exceptions)
    none
--- stderr
