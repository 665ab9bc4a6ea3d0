explain: an electorate is the root, A = 1.
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 explain test-electorate
--- exit
0
--- stdout
Test electorate (body 'test-electorate', electorate)
  region england/testshire; in force: no dates recorded; defined at tests/fixtures/analysis/chain/bodies.yaml:1:1
  on 2024-06-01: accountability A = 1.000 (strong: the voters themselves), deficit D = 0.000
  public money unknown: no figure recorded for 2024/25; exposure cannot be computed

  An electorate: the root of democratic accountability (A = 1).
--- stderr
