report on boards whose seats name no filler: the weak bodies show A as an interval where it is wider than 0.05, and the lonely board, with no partner recorded, has none; the unstated seats are coverage findings.
--- args
-r tests/fixtures/analysis/unstated-members --on 2024-06-01 report
--- exit
0
--- stdout
govmap report: test-unstated-members, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: no money recorded for any of 8 bodies.
  Decided by bodies whose best chain to voters is weaker than 0.25 (6 of 8
    bodies): no money recorded for any of 6 bodies.
  2 bodies have no chain to voters at all; exposure (deficit x money) cannot be
    worked out: no body's money is known for 2024/25.
  Deficit findings: 0 errors, 4 warnings, 0 for information only; coverage
    findings (gaps in the registry): 3; data findings: 0; 0 suppressed.

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 0 of 0)
    none: no body here has a money figure for 2024/25

Weak bodies with no money recorded for 2024/25 (A below 0.25, by deficit at the
  worst case; top 6 of 6)
    1. Test Second Partnership             A 0.000 to 0.350 (none)       D 1.000
       why: no chain to voters recorded
    2. Members of Test Second Partnership  A 0.000 to 0.350 (none)       D 1.000
       why: no chain to voters recorded
    3. Board of Test Lonely Partnership    A 0.098 (very weak)           D 0.902
       why: by guidance only; is informed only: no questions, no sanction; 3
            links from voters
    4. Members of Test Regional            A 0.098 to 0.389 (very weak)  D 0.902
       Partnership
       why: by guidance only; is informed only: no questions, no sanction; 3
            links from voters
    5. Test Lonely Partnership             A 0.109 (very weak)           D 0.891
       why: by guidance only; is informed only: no questions, no sanction; 2
            links from voters
    6. Test Regional Partnership           A 0.109 to 0.389 (very weak)  D 0.891
       why: by guidance only; is informed only: no questions, no sanction; 2
            links from voters

Deficit findings by region and rule
  wales/testshire
    core/no-chain, basis: Bovens (2007), 'Analysing and assessing
      accountability'; the democratic-deficit model in CONTRIBUTING.md
      warning: Test Second Partnership has no chain of accountability to any
        electorate
      warning: Members of Test Second Partnership has no chain of accountability
        to any electorate
    core/no-sanction, basis: Bovens (2007): accountability needs information,
      debate and consequences
      warning: no forum can impose consequences on Test Lonely Partnership: its
        only accountability link does not carry the power to sanction
      warning: no forum can impose consequences on Test Regional Partnership:
        its only accountability link does not carry the power to sanction

Coverage findings: what the registry does not record (gaps, not failings)
  wales/testshire
    core/unstated-seat, basis: the instrument that creates the seats; such seats
      count towards the board's total, give no chain at worst and the score's
      interval at best (CONTRIBUTING.md)
      info: 3 of the 3 seats on Board of Test Lonely Partnership (first
        'Representative of care providers') are filled in a way its source does
        not state: a voting one gives no chain at worst, and at best is
        appointed by the board's strongest recorded member, if it has one
      info: 3 of the 5 seats on Members of Test Regional Partnership (first
        'Elected member of a council') are filled in a way its source does not
        state: a voting one gives no chain at worst, and at best is appointed by
        the board's strongest recorded member, if it has one
      info: 3 of the 5 seats on Members of Test Second Partnership (first
        'Representative of third sector organisations') are filled in a way its
        source does not state: a voting one gives no chain at worst, and at best
        is appointed by the board's strongest recorded member, if it has one

Suppressed findings (reviewed exceptions)
    none
--- stderr
