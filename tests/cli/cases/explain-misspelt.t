explain with a name a letter or two off suggests the body and exits 2.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 explain 'Test Councl'
--- exit
2
--- stdout
--- stderr
govmap: error: explain: 'Test Councl' does not name one body or board; did you mean:
  Test Council (test-council)
