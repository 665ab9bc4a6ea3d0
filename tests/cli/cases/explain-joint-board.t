explain: a joint board of three: 0.9 / 3 = 0.3 to each member, best via the
council elected with strength 0.9: A = 0.27 (fixture (e)).
--- args
-r tests/fixtures/analysis/joint --on 2024-06-01 explain test-joint-board
--- exit
0
--- stdout
Test Joint Board (board 'test-joint-board', joint-committee)
  region england/testshire; in force: no dates recorded; defined at tests/fixtures/analysis/joint/board.yaml:1:1
  on 2024-06-01: accountability A = 0.270 (weak: weakest step: a joint board shared by several bodies; 2 links from voters), deficit D = 0.730
  public money £30m (2024/25 budget); exposure D x money = £22m

Strongest chain to voters (2 links; A is the product of the strengths):
  1. Test Joint Board -> Test Council A
     joint board member (one of 3)
     strength 0.300
     source: Test source for the joint board <https://example.org/test/joint-board> (accessed 2024-05-01)
  2. Test Council A -> Test electorate A
     link 'test-council-a-elected-by-electorate-a' (elected-by)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source for test-council-a-elected-by-electorate-a <https://example.org/test/test-council-a-elected-by-electorate-a> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/joint/bodies.yaml:53:1
  reaches: Test electorate A (voters)

Findings:
  none

Single change that would raise A most:
  strengthen joint board member (one of 3) (Test Joint Board -> Test Council A, now 0.300) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.270 to 0.810 (deficit 0.730 -> 0.190).

Questions for a committee:
  Information (no forum has a right to be informed):
    - What does Test Joint Board publish about its decisions and spending, and when?
    - Are its board papers and minutes public, and does it meet in public?
  Debate (no forum can question it):
    - Which elected body can call Test Joint Board's leaders to answer questions in public?
    - Will it attend this committee when invited?
  Consequences (no forum can impose them):
    - Who can overturn Test Joint Board's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
