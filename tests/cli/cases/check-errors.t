A registry with a data error exits 1 and prints the summary.
--- args
-r tests/fixtures/invalid/duplicate-id check
--- exit
1
--- stdout
invalid-duplicate-id (working tree): 2 files, 2 entities (2 bodies, 0 boards, 0 contracts, 0 links): 2 errors, 0 warnings
--- stderr
tests/fixtures/invalid/duplicate-id/council-again.yaml:2:5: error: duplicate id 'test-council' (also defined at tests/fixtures/invalid/duplicate-id/council.yaml:2:5)
tests/fixtures/invalid/duplicate-id/council.yaml:2:5: error: duplicate id 'test-council' (also defined at tests/fixtures/invalid/duplicate-id/council-again.yaml:2:5)
