explain of a governing board (type board: its trust decides through it):
it answers through its trust, so the Bovens stages its questions are
about are the trust's links' (here all three), and it says so.  Every
board was asked "no forum has a right to be informed / can question it /
can impose them" beside a chain "by regulation; can impose consequences"
through that same trust.
--- args
-r tests/fixtures/analysis/clean --on 2024-06-01 explain test-trust-board
--- exit
0
--- stdout
Test Trust Board (board 'test-trust-board', board)
  region england/testshire; in force: no dates recorded; defined at tests/fixtures/analysis/clean/board.yaml:1:1
  on 2024-06-01: accountability A = 0.656 (moderate: by regulation; can impose consequences; 3 links from voters), deficit D = 0.344
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

Strongest chain to voters (3 links; A is the product of the strengths):
  1. Test Trust Board -> Test Trust
     board of (answers to its body)
     strength 0.900
     source: Test source for the trust board <https://example.org/test/trust-board> (accessed 2024-05-01)
  2. Test Trust -> Test Council
     link 'test-trust-scrutinised-by-council' (scrutinised-by)
     basis regulation, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.810: step 0.90 x basis regulation 0.90 x powers 1.00 x type scrutinised-by 1.00 = 0.810
     source: Test source for test-trust-scrutinised-by-council <https://example.org/test/test-trust-scrutinised-by-council> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/clean/bodies.yaml:56:1
  3. Test Council -> Test electorate
     link 'test-council-elected-by-electorate' (elected-by)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source for test-council-elected-by-electorate <https://example.org/test/test-council-elected-by-electorate> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/clean/bodies.yaml:44:1
  reaches: Test electorate (voters)

Findings:
  none

Single change that would raise A most:
  strengthen 2 seats ('Elected member') elected by (Test Trust Board -> Test electorate, now 0.600) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.656 to 0.900 (deficit 0.344 -> 0.100).

Questions for a committee:
  (a governing board answers through its body, Test Trust: the stages are that body's)
  All three stages are covered by its body's links; ask whether they are used.
