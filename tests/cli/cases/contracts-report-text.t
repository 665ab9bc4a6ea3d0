report (issue 17): providers ranked by exposure with the rest; their contract money counted apart from the totals; untendered contracts judged by the regime of their start date; the coverage rules.
--- args
-r tests/fixtures/analysis/contracts --on 2024-06-01 report
--- exit
0
--- stdout
govmap report: test-contracts, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: £300m known, for 1 of 7 bodies; 6 not recorded; and
    £12m held by 2 providers under contracts, inside their commissioners' money,
    not added.
  Decided by bodies whose best chain to voters is weaker than 0.25 (5 of 9
    bodies): no money recorded for any of 5 bodies.
  3 bodies have no chain to voters at all; exposure (deficit x money) is £30m in
    2024/25, for the 1 of 7 bodies whose money is known.
  Held by 2 providers under contracts in force: £12m, exposure £7m; counted
    apart, not added to the figures above, because the commissioners' money
    already holds it.
  Deficit findings: 0 errors, 8 warnings, 0 for information only; coverage
    findings (gaps in the registry): 2; data findings: 0; 0 suppressed.
  1 body or board whose dates are not known is not counted in force (listed
    below).

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 3 of 3)
    1. Test Council                                    A 0.900 (strong)  D 0.100
       money £300m (2024/25 budget); exposure £30m
       why: statutory; can impose consequences; 1 link from voters
    2. Test Provider Known Ltd                         A 0.397 (weak)    D 0.603
       money £10m (2024/25 contract value: 1 contract in force); exposure £6m
       why: by contract; its commissioner can impose consequences; 2 links from
            voters
    3. Test Provider 2013 Ltd                          A 0.397 (weak)    D 0.603
       money £2m (2024/25 contract value: 1 contract in force); exposure £1m
       why: by contract; its commissioner can impose consequences; 2 links from
            voters

Weak bodies with no money recorded for 2024/25 (A below 0.25, by deficit at the
  worst case; top 5 of 5)
    1. Test Provider Expired Ltd                         A 0.000 (none)  D 1.000
       why: no chain to voters recorded
    2. Test Provider Undated Ltd                         A 0.000 (none)  D 1.000
       why: no chain to voters recorded
    3. Test Alone NHS Trust                              A 0.000 (none)  D 1.000
       why: no chain to voters recorded
    4. Test Bare NHS Foundation Trust                    A 0.238 (weak)  D 0.762
       why: by contract; can question but not sanction; 2 links from voters
    5. Test Governed NHS Foundation Trust                A 0.238 (weak)  D 0.762
       why: by contract; can question but not sanction; 2 links from voters

Dates not known (not counted in force on this date)
    Council of governors of Test Governed NHS Foundation Trust
      (test-ft-governed-council-of-governors): start date not known; no end date
      recorded

Deficit findings by region and rule
  england/testshire
    core/no-chain, basis: Bovens (2007), 'Analysing and assessing
      accountability'; the democratic-deficit model in CONTRIBUTING.md
      warning: Test Provider Expired Ltd has no chain of accountability to any
        electorate
      warning: Test Provider Undated Ltd has no chain of accountability to any
        electorate
      warning: Test Alone NHS Trust has no chain of accountability to any
        electorate
    core/no-sanction, basis: Bovens (2007): accountability needs information,
      debate and consequences
      warning: no forum can impose consequences on Test Bare NHS Foundation
        Trust: its only accountability link does not carry the power to sanction
      warning: no forum can impose consequences on Test Governed NHS Foundation
        Trust: its only accountability link does not carry the power to sanction
    core/untendered-contract, basis: National Health Service (Procurement,
      Patient Choice and Competition) (No. 2) Regulations 2013 (SI 2013/500)
      regs. 3 and 5, in force 1 April 2013 to 31 December 2023 (integrated care
      boards read for CCGs from 1 July 2022: SI 2022/734 reg. 21); other
      purchases: the Public Contracts Regulations 2015 (SI 2015/102)
      warning: contract 'Test contract let in 2019' from Test Council was let
        without competition; it started on 2019-04-01, under the NHS procurement
        regulations of 2013: NHS England and clinical commissioning groups
        (integrated care boards from 1 July 2022) could award health care
        services without advertising only where that provider alone could
        provide them (reg. 5), acting transparently and treating providers
        equally (reg. 3)
      warning: contract 'Test contract with no term recorded' from Test Council
        was awarded without a tender; its start date is not recorded, so whether
        the 2013 NHS procurement regulations or the Provider Selection Regime
        (from 1 January 2024) governed it cannot be said
      warning: contract 'Test contract with no value recorded' from Test Council
        was let without competition; it started on 2024-04-01, under the
        Provider Selection Regime: health care services bought by NHS England,
        an integrated care board, an NHS trust or foundation trust or a council
        may be awarded without competition only through Direct Award Process A,
        B or C, the Most Suitable Provider Process or an urgent award, each with
        a notice published: which process was used, and where is its notice?

Coverage findings: what the registry does not record (gaps, not failings)
  england/testshire
    core/governors-not-recorded, basis: National Health Service Act 2006,
      Schedule 7, paragraphs 7-10 (a foundation trust's constitution provides
      for a council of governors, most of them elected by its members) and
      paragraph 17 (the council appoints the chair and non-executive directors)
      info: no council of governors of Test Bare NHS Foundation Trust is
        recorded: the governors its members elect appoint its chair and
        non-executive directors, so its chain through its members cannot be
        scored
    core/no-commissioner, basis: National Health Service Act 2006 s.3 (an
      integrated care board, a clinical commissioning group before 1 July 2022,
      arranges hospital and community health services) and s.9 (NHS contracts);
      a contract names its commissioner (registry/README.md, contract)
      info: no commissioner of Test Alone NHS Trust is recorded on this date: no
        commissioned-by link in force and no contract naming it as provider

Suppressed findings (reviewed exceptions)
    none
--- stderr
