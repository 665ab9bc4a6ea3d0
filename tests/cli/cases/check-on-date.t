--on DATE adds the number of entities in force on that date to the summary.
--- args
-r tests/fixtures/valid/minimal --on 2025-01-01 check
--- exit
0
--- stdout
test-minimal (working tree): 8 files, 10 entities (5 bodies, 1 board, 1 contract, 3 links), 9 in force on 2025-01-01: 0 errors, 0 warnings
--- stderr
