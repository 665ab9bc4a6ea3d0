report (issue 15): on 2020-01-01 the company whose start is unknown is listed under dates not known, not counted in force; the trust's money is for other years only, so unknown.
--- args
-r tests/fixtures/analysis/honest --on 2020-01-01 report
--- exit
0
--- stdout
govmap report: test-honest, working tree, on 2020-01-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2019/20: no money recorded for any of 4 bodies.
  Other years: 2 of the 4 bodies with no figure for 2019/20 have one for another
    year; most figures are for 2024/25 (2 bodies), then 2023/24 (1).
    --nearest-year uses each body's nearest year (marked as such); --on
    2025-03-31 shows 2024/25.
  Decided by bodies whose best chain to voters is weaker than 0.25 (2 of 4
    bodies): no money recorded for any of 2 bodies.
  1 body has no chain to voters at all; exposure (deficit x money) cannot be
    worked out: no body's money is known for 2019/20.
  Deficit findings: 0 errors, 1 warning, 0 for information only; coverage
    findings (gaps in the registry): 3; data findings: 0; 0 suppressed.
  1 body or board whose dates are not known is not counted in force (listed
    below).

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 0 of 0)
    none: no body here has a money figure for 2019/20

Weak bodies with no money recorded for 2019/20 (A below 0.25, by deficit at the
  worst case; top 2 of 2)
    1. Test Partnership                    A 0.000 (none)                D 1.000
       why: no chain to voters recorded
    2. Test Trust                          A 0.162 to 0.810 (very weak)  D 0.838
       why: statutory; powers not recorded; 2 links from voters

Dates not known (not counted in force on this date)
    Test Old Company (test-old-company): start date not known; until 2022-07-01

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
