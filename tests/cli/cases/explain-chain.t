explain: a body with a two-link chain to voters (fixture (a), hand-worked in
tests/fixtures/analysis/README.md): A = 0.9 x 0.27 = 0.243, every factor,
its finding, the best single change (0.243 / 0.27 x 0.9 = 0.81) and the
questions for the missing stage.
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 explain test-body
--- exit
0
--- stdout
Test Body (body 'test-body', nhs-trust)
  region england/testshire; in force: from 2000-01-01; defined at tests/fixtures/analysis/chain/bodies.yaml:26:1
  on 2024-06-01: accountability A = 0.243 (weak: by guidance only; can question but not sanction; 2 links from voters), deficit D = 0.757
  public money £100m (2024/25 budget); exposure D x money = £76m

Strongest chain to voters (2 links; A is the product of the strengths):
  1. Test Body -> Test Council
     link 'test-body-scrutinised-by-council' (scrutinised-by)
     basis guidance, forum political, powers inform, question; in force: no dates recorded
     strength 0.270: step 0.90 x basis guidance 0.50 x powers 0.60 x type scrutinised-by 1.00 = 0.270
     source: Test source for the scrutiny <https://example.org/test/link-2> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/chain/links.yaml:14:1
  2. Test Council -> Test electorate
     link 'test-council-elected-by-electorate' (elected-by)
     basis statute, forum political, powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source for the election <https://example.org/test/link-1> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/chain/links.yaml:1:1
  reaches: Test electorate (voters)

Findings:
  info [core/no-commissioner] no commissioner of Test Body is recorded on this date: no commissioned-by link in force and no contract naming it as provider
      basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract)
  warning [core/no-sanction] no forum can impose consequences on Test Body: its only accountability link does not carry the power to sanction
      basis: Bovens (2007): accountability needs information, debate and consequences

Single change that would raise A most:
  strengthen link 'test-body-scrutinised-by-council' (scrutinised-by) (Test Body -> Test Council, now 0.270) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.243 to 0.810 (deficit 0.757 -> 0.190).

Questions for a committee:
  Consequences (no forum can impose them):
    - Who can overturn Test Body's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
