explain: money for the financial year of the date (the money series has 2023/24), with its year and kind.
--- args
-r tests/fixtures/analysis/money-year --on 2024-01-15 explain test-trust
--- exit
0
--- stdout
Test Trust (body 'test-trust', nhs-trust)
  region england/testshire; in force: from 2000-01-01; defined at tests/fixtures/analysis/money-year/all.yaml:38:1
  on 2024-01-15: accountability A = 0.437 (moderate: by regulation; can question but not sanction; 2 links from voters), deficit D = 0.563
  public money £100m (2023/24 budget); exposure D x money = £56m

Strongest chain to voters (2 links; A is the product of the strengths):
  1. Test Trust -> Test Council
     link 'test-trust-scrutinised-by-council' (scrutinised-by)
     basis regulation, forum (unset), powers inform, question; in force: no dates recorded
     strength 0.486: step 0.90 x basis regulation 0.90 x powers 0.60 x type scrutinised-by 1.00 = 0.486
     source: Test source for the scrutiny of the trust <https://example.org/test/test-trust-scrutinised-by-council> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/money-year/all.yaml:55:1
  2. Test Council -> Test electorate
     link 'test-council-elected-by-electorate' (elected-by)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source for the election of the council <https://example.org/test/test-council-elected-by-electorate> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/money-year/all.yaml:26:1
  reaches: Test electorate (voters)

Findings:
  info [core/no-commissioner] no commissioner of Test Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider
      basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract)
  warning [core/no-sanction] no forum can impose consequences on Test Trust: its only accountability link does not carry the power to sanction
      basis: Bovens (2007): accountability needs information, debate and consequences

Single change that would raise A most:
  strengthen link 'test-trust-scrutinised-by-council' (scrutinised-by) (Test Trust -> Test Council, now 0.486) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.437 to 0.810 (deficit 0.563 -> 0.190).

Questions for a committee:
  Consequences (no forum can impose them):
    - Who can overturn Test Trust's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
