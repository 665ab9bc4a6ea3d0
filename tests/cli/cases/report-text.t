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

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: £578m known, for 5 of 6 bodies; 1 not recorded.
  Decided by bodies whose best chain to voters is weaker than 0.25 (3 of 6
    bodies): £120m known, for 2 of 3 bodies; 1 not recorded.
  1 body has no chain to voters at all; exposure (deficit x money) is £172m in
    2024/25, for the 5 of 6 bodies whose money is known.
  Deficit findings: 0 errors, 2 warnings, 0 for information only; coverage
    findings (gaps in the registry): 1; data findings: 0; 1 suppressed.

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 5 of 5)
    1. Test F Trust                                    A 0.243 (weak)    D 0.757
       money £100m (2024/25 budget); exposure £76m
       why: by guidance only; can question but not sanction; 2 links from voters
    2. Test Council                                    A 0.900 (strong)  D 0.100
       money £400m (2024/25 budget); exposure £40m
       why: statutory; can impose consequences; 1 link from voters
    3. Test G Company                                  A 0.397 (weak)    D 0.603
       money £50m (2024/25 budget); exposure £30m
       why: by contract; can impose consequences; 2 links from voters
    4. Test H Charity                                  A 0.000 (none)    D 1.000
       money £20m (2024/25 budget); exposure £20m
       why: no chain to voters recorded
    5. Test Edge Board                                 A 0.250 (weak)    D 0.750
       money £8m (2024/25 budget); exposure £6m
       why: weakest step: elected seats; 1 link from voters

Weak bodies with no money recorded for 2024/25 (A below 0.25, by deficit at the
  worst case; top 1 of 1)
    1. Test I Partnership                                A 0.243 (weak)  D 0.757
       why: statutory; is informed only: no questions, no sanction; 2 links from
            voters

Deficit findings by region and rule
  england/north
    core/no-sanction, basis: Bovens (2007): accountability needs information,
      debate and consequences
      warning: no forum can impose consequences on Test F Trust: its only
        accountability link does not carry the power to sanction
  england/south
    core/no-chain, basis: Bovens (2007), 'Analysing and assessing
      accountability'; the democratic-deficit model in CONTRIBUTING.md
      warning: Test H Charity has no chain of accountability to any electorate

Coverage findings: what the registry does not record (gaps, not failings)
  england/north
    core/no-commissioner, basis: National Health Service Act 2006 s.3 (an
      integrated care board, a clinical commissioning group before 1 July 2022,
      arranges hospital and community health services) and s.9 (NHS contracts);
      a contract names its commissioner (registry/README.md, contract)
      info: no commissioner of Test F Trust is recorded on this date: no
        commissioned-by link in force and no contract naming it as provider

Suppressed findings (reviewed exceptions)
    [core/no-sanction] test-i-partnership: no forum can impose consequences on
      Test I Partnership: its only accountability link does not carry the power
      to sanction
      reason: test exception, reviewed
--- stderr
