explain warns on stderr, once, of a registry file it did not read (a .yml file), as check does.
--- args
-r tests/fixtures/cli/yml --on 2024-06-01 explain test-council
--- exit
0
--- stdout
Test Council (body 'test-council', local-authority)
  region england/testshire; in force: no dates recorded; defined at tests/fixtures/cli/yml/registry.yaml:11:1
  on 2024-06-01: accountability A = 0.900 (strong: statutory; can impose consequences; 1 link from voters), deficit D = 0.100
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

Strongest chain to voters (1 link; A is the product of the strengths):
  1. Test Council -> Test electorate
     link 'test-council-elected-by-electorate' (elected-by)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source for test-council-elected-by-electorate <https://example.org/test/test-council-elected-by-electorate> (accessed 2024-05-01)
     defined at tests/fixtures/cli/yml/registry.yaml:21:1
  reaches: Test electorate (voters)

Findings:
  none

Single change that would raise A most:
  add an accountability link from Test Council to a forum that answers to voters (a council, Parliament, the Senedd)

Questions for a committee:
  All three stages are covered by its links; ask whether they are used.
--- stderr
tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'
