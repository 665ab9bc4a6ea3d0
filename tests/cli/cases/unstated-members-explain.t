explain a partnership whose members board has seats that name no filler (a Welsh RPB's shape, issue 15): A is an interval, 0.109 at worst (the seats give no chain) to 0.389 at best (appointed by the strongest partner, Test Council B, a member of the board).
--- args
-r tests/fixtures/analysis/unstated-members --on 2024-06-01 explain test-rpb
--- exit
0
--- stdout
Test Regional Partnership (body 'test-rpb', partnership)
  region wales/testshire; in force: from 2016-04-06; defined at tests/fixtures/analysis/unstated-members/registry.yaml:55:1
  on 2024-06-01: accountability A = 0.109 to 0.389 (very weak: by guidance only; is informed only: no questions, no sanction; 2 links from voters), deficit D = 0.891
  A is 0.109 if what is not recorded (a link's powers, how seats are filled) gives no chain, 0.389 at best (weak)
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

Strongest chain to voters (2 links; A is the product of the strengths):
  1. Test Regional Partnership -> Test Council A
     link 'test-rpb-reports' (reports-to)
     basis guidance, forum (unset), powers inform; in force: from 2016-04-06
     strength 0.135: step 0.90 x basis guidance 0.50 x powers 0.30 x type reports-to 1.00 = 0.135
     source: Test source <https://example.org/test/rpb-reports> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/unstated-members/registry.yaml:68:1
  2. Test Council A -> Test voters
     link 'test-council-a-elected' (elected-by)
     basis regulation, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.810: step 0.90 x basis regulation 0.90 x powers 1.00 x type elected-by 1.00 = 0.810
     source: Test source <https://example.org/test/council-a-elected> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/unstated-members/registry.yaml:21:1
  reaches: Test voters (voters)

Findings:
  warning [core/no-sanction] no forum can impose consequences on Test Regional Partnership: its only accountability link does not carry the power to sanction
      basis: Bovens (2007): accountability needs information, debate and consequences

Single change that would raise A most:
  strengthen link 'test-rpb-reports' (reports-to) (Test Regional Partnership -> Test Council A, now 0.135) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.109 to 0.729 (deficit 0.891 -> 0.271).

Questions for a committee:
  Debate (no forum can question it):
    - Which elected body can call Test Regional Partnership's leaders to answer questions in public?
    - Will it attend this committee when invited?
  Consequences (no forum can impose them):
    - Who can overturn Test Regional Partnership's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
