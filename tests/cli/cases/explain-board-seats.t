explain: a trust that decides through its governing board, whose best
chain runs through 4 of 10 voting seats appointed by a minister:
1.0 x (0.9 x 0.8 x 4/10) x 0.9 x 0.9 = 0.23328 (fixture (d)).
--- args
-r tests/fixtures/analysis/board-seats --on 2024-06-01 explain test-trust
--- exit
0
--- stdout
Test Trust (body 'test-trust', nhs-trust)
  region england/testshire; in force: from 2000-01-01; defined at tests/fixtures/analysis/board-seats/bodies.yaml:41:1
  on 2024-06-01: accountability A = 0.233 (weak: weakest step: appointed seats; 4 links from voters), deficit D = 0.767
  public money £200m (2024/25 budget); exposure D x money = £153m

Strongest chain to voters (4 links; A is the product of the strengths):
  1. Test Trust -> Test Trust Board
     decides through its governing board
     strength 1.000
     source: Test source for the trust board <https://example.org/test/trust-board> (accessed 2024-05-01)
  2. Test Trust Board -> Test Minister
     4 seats ('Ministerial member') appointed by
     strength 0.288 = step 0.90 x (4 appointed x 0.8) / 10 voting seats
     source: Test source for the trust board <https://example.org/test/trust-board> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/board-seats/boards.yaml:7:5
  3. Test Minister -> Test Parliament
     link 'test-minister-accountable-to-parliament' (accountable-to)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type accountable-to 1.00 = 0.900
     source: Test source for test-minister-accountable-to-parliament <https://example.org/test/test-minister-accountable-to-parliament> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/board-seats/bodies.yaml:70:1
  4. Test Parliament -> Test electorate
     link 'test-parliament-elected-by-electorate' (elected-by)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source for test-parliament-elected-by-electorate <https://example.org/test/test-parliament-elected-by-electorate> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/board-seats/bodies.yaml:58:1
  reaches: Test electorate (voters)

Findings:
  info [core/no-commissioner] no commissioner of Test Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider
      basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract)

Single change that would raise A most:
  strengthen 4 seats ('Ministerial member') appointed by (Test Trust Board -> Test Minister, now 0.288) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.233 to 0.729 (deficit 0.767 -> 0.271).

Questions for a committee:
  Information (no forum has a right to be informed):
    - What does Test Trust publish about its decisions and spending, and when?
    - Are its board papers and minutes public, and does it meet in public?
  Debate (no forum can question it):
    - Which elected body can call Test Trust's leaders to answer questions in public?
    - Will it attend this committee when invited?
  Consequences (no forum can impose them):
    - Who can overturn Test Trust's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
