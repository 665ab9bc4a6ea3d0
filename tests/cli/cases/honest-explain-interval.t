explain (issue 15): a board with two unstated seats: A is an interval (worst case: the unstated seats give no chain; best: filled like the stated ones), with its word and reason.
--- args
-r tests/fixtures/analysis/honest --on 2024-06-01 explain test-panel
--- exit
0
--- stdout
Test Panel (board 'test-panel', partnership-board)
  region england/testshire; in force: from 2010-04-01; defined at tests/fixtures/analysis/honest/registry.yaml:88:1
  on 2024-06-01: accountability A = 0.324 to 0.648 (weak: weakest step: appointed seats; 2 links from voters), deficit D = 0.676
  A is 0.324 if what is not recorded (a link's powers, how seats are filled) gives no chain, 0.648 at best (moderate)
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

Strongest chain to voters (2 links; A is the product of the strengths):
  1. Test Panel -> Test Council
     2 seats ('Council member') appointed by
     strength 0.360 = step 0.90 x (2 appointed x 0.8) / 4 voting seats
     source: Test source <https://example.org/test/panel> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/honest/registry.yaml:96:5
  2. Test Council -> Test voters
     link 'test-council-elected' (elected-by)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source <https://example.org/test/council-elected> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/honest/registry.yaml:26:1
  reaches: Test voters (voters)

Findings:
  info [core/unstated-seat] 2 of the 4 seats on Test Panel (first 'Community member') are filled in a way its source does not state: a voting one gives no chain at worst, and at best is appointed by the board's strongest recorded member, if it has one
      basis: the instrument that creates the seats; such seats count towards the board's total, give no chain at worst and the score's interval at best (CONTRIBUTING.md)

Single change that would raise A most:
  strengthen 2 seats ('Council member') appointed by (Test Panel -> Test Council, now 0.360) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.324 to 0.810 (deficit 0.676 -> 0.190).

Questions for a committee:
  Information (no forum has a right to be informed):
    - What does Test Panel publish about its decisions and spending, and when?
    - Are its board papers and minutes public, and does it meet in public?
  Debate (no forum can question it):
    - Which elected body can call Test Panel's leaders to answer questions in public?
    - Will it attend this committee when invited?
  Consequences (no forum can impose them):
    - Who can overturn Test Panel's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
