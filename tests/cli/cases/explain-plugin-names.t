explain names the bodies and boards a plugin rule names by id (quotes dropped), as report does: "integrated care partnership Test ICP of ICB NHS Test_Shire *ICB* leaves out ...: Council B", not their ids.
--- args
-r tests/fixtures/cli/plugin-names --on 2024-06-01 explain test-icp
--- exit
0
--- stdout
Test ICP (body 'test-icp', icp)
  region england/test; in force: from 2000-01-01; defined at tests/fixtures/cli/plugin-names/icp.yaml:1:1
  on 2024-06-01: accountability A = 0.000 (none: no chain to voters recorded), deficit D = 1.000
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

Chain to voters: none. No chain of accountability from Test ICP reaches any electorate.

Findings:
  warning [core/no-chain] Test ICP has no chain of accountability to any electorate
      basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md
  error [england-ics/icp-membership] integrated care partnership Test ICP of ICB NHS Test_Shire *ICB* leaves out 1 of the area's councils: Council B [borough]
      basis: Local Government and Public Involvement in Health Act 2007 s.116ZA (inserted by Health and Care Act 2022 s.26)

Single change that would raise A most:
  add an accountability link from Test ICP to a forum that answers to voters (a council, Parliament, the Senedd)

Questions for a committee:
  Information (no forum has a right to be informed):
    - What does Test ICP publish about its decisions and spending, and when?
    - Are its board papers and minutes public, and does it meet in public?
  Debate (no forum can question it):
    - Which elected body can call Test ICP's leaders to answer questions in public?
    - Will it attend this committee when invited?
  Consequences (no forum can impose them):
    - Who can overturn Test ICP's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
