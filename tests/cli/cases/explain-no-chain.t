explain: a body whose only link goes to a body with no chain: A = 0, the
no-chain finding, and the advice to add a link (no edge to strengthen).
--- args
-r tests/fixtures/analysis/nochain --on 2024-06-01 explain test-orphan-child
--- exit
0
--- stdout
Test Orphan Child (body 'test-orphan-child', charity)
  region england/testshire; in force: no dates recorded; defined at tests/fixtures/analysis/nochain/registry.yaml:38:1
  on 2024-06-01: accountability A = 0.000 (none: no chain to voters recorded), deficit D = 1.000
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

Chain to voters: none. No chain of accountability from Test Orphan Child reaches any electorate.

Findings:
  warning [core/no-chain] Test Orphan Child has no chain of accountability to any electorate
      basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md

Single change that would raise A most:
  add an accountability link from Test Orphan Child to a forum that answers to voters (a council, Parliament, the Senedd)

Questions for a committee:
  All three stages are covered by its links; ask whether they are used.
--- stderr
