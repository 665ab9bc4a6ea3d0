report (issue 15): money known for 2 of 4 bodies, an interval for unrecorded powers, the weak body with no money listed apart, the unstated seats as a coverage finding.
--- args
-r tests/fixtures/analysis/honest --on 2024-06-01 report
--- exit
0
--- stdout
govmap report: test-honest, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: £400m known, for 2 of 4 bodies; 2 not recorded.
  Decided by bodies whose best chain to voters is weaker than 0.25 (2 of 4
    bodies): £100m known, for 1 of 2 bodies; 1 not recorded.
  1 body has no chain to voters at all; exposure (deficit x money) is £114m in
    2024/25, for the 2 of 4 bodies whose money is known.
  Deficit findings: 0 errors, 1 warning, 0 for information only; coverage
    findings (gaps in the registry): 3; data findings: 0; 0 suppressed.

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 2 of 2)
    1. Test Trust                          A 0.162 to 0.810 (very weak)  D 0.838
       money £100m (2024/25 budget); exposure £84m
       why: statutory; powers not recorded; 2 links from voters
    2. Test Council                        A 0.900 (strong)              D 0.100
       money £300m (2024/25 budget); exposure £30m
       why: statutory; can impose consequences; 1 link from voters

Weak bodies with no money recorded for 2024/25 (A below 0.25, by deficit at the
  worst case; top 1 of 1)
    1. Test Partnership                                  A 0.000 (none)  D 1.000
       why: no chain to voters recorded

Deficit findings by region and rule
  england/testshire
    core/no-chain, basis: Bovens (2007), 'Analysing and assessing
      accountability'; the democratic-deficit model in CONTRIBUTING.md
      warning: Test Partnership has no chain of accountability to any electorate

Coverage findings: what the registry does not record (gaps, not failings)
  england/testshire
    core/no-commissioner, basis: National Health Service Act 2006 s.3 (an
      integrated care board, a clinical commissioning group before 1 July 2022,
      arranges hospital and community health services) and s.9 (NHS contracts);
      a contract names its commissioner (registry/README.md, contract)
      info: no commissioner of Test Trust is recorded on this date: no
        commissioned-by link in force and no contract naming it as provider
    core/powers-unknown, basis: the instrument behind each link; links with no
      powers recorded give the score's interval (CONTRIBUTING.md)
      info: whether any forum can impose consequences on Test Trust is not
        recorded: its only accountability link records no powers
    core/unstated-seat, basis: the instrument that creates the seats; such seats
      count towards the board's total, give no chain at worst and the score's
      interval at best (CONTRIBUTING.md)
      info: 2 of the 4 seats on Test Panel (first 'Community member') are filled
        in a way its source does not state: a voting one gives no chain at
        worst, and at best is appointed by the board's strongest recorded
        member, if it has one

Suppressed findings (reviewed exceptions)
    none
--- stderr
