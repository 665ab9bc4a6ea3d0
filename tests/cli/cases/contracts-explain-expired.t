explain (issue 17): a provider whose only contract ended before the date: no chain, no money, though the contract has a figure for 2024/25.
--- args
-r tests/fixtures/analysis/contracts --on 2024-06-01 explain test-provider-expired
--- exit
0
--- stdout
Test Provider Expired Ltd (body 'test-provider-expired', company)
  region england/testshire; in force: from 2000-01-01; defined at tests/fixtures/analysis/contracts/bodies.yaml:74:1
  on 2024-06-01: accountability A = 0.000 (none: no chain to voters recorded), deficit D = 1.000
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

Chain to voters: none. No chain of accountability from Test Provider Expired Ltd reaches any electorate.

Findings:
  warning [core/no-chain] Test Provider Expired Ltd has no chain of accountability to any electorate
      basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md

Single change that would raise A most:
  add an accountability link from Test Provider Expired Ltd to a forum that answers to voters (a council, Parliament, the Senedd)

Questions for a committee:
  Information (no forum has a right to be informed):
    - What does Test Provider Expired Ltd publish about its decisions and spending, and when?
    - Are its board papers and minutes public, and does it meet in public?
  Debate (no forum can question it):
    - Which elected body can call Test Provider Expired Ltd's leaders to answer questions in public?
    - Will it attend this committee when invited?
  Consequences (no forum can impose them):
    - Who can overturn Test Provider Expired Ltd's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
