explain (issue 17): from the day its start is bounded by (2024-04-01) the council of governors counts in force and is scored through its membership (0.9 x 0.5 = 0.45, tests/fixtures/analysis/README.md).
--- args
-r tests/fixtures/analysis/bounded --on 2024-04-01 explain test-governors
--- exit
0
--- stdout
Council of governors of Test Trust (board 'test-governors', council-of-governors)
  region england/testshire; in force: start date not known, no later than 2024-04-01; no end date recorded; defined at tests/fixtures/analysis/bounded/registry.yaml:71:1
  on 2024-04-01: accountability A = 0.450 (moderate: weakest step: elected seats; 1 link from voters), deficit D = 0.550
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

Strongest chain to voters (1 link; A is the product of the strengths):
  1. Council of governors of Test Trust -> Members of Test Trust
     1 seat ('Public governors') elected by
     strength 0.900 = step 0.90 x (1 elected x 1.0) / 1 voting seats
     source: Test source <https://example.org/test/governors> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/bounded/registry.yaml:81:5
  reaches: Members of Test Trust (voters)

Findings:
  none

Single change that would raise A most:
  add an accountability link from Council of governors of Test Trust to a forum that answers to voters (a council, Parliament, the Senedd)

Questions for a committee:
  Information (no forum has a right to be informed):
    - What does Council of governors of Test Trust publish about its decisions and spending, and when?
    - Are its board papers and minutes public, and does it meet in public?
  Debate (no forum can question it):
    - Which elected body can call Council of governors of Test Trust's leaders to answer questions in public?
    - Will it attend this committee when invited?
  Consequences (no forum can impose them):
    - Who can overturn Council of governors of Test Trust's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
