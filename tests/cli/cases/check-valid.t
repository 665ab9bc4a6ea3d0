check on a valid registry: no diagnostics, the summary on stdout, exit 0.
--- args
-r tests/fixtures/valid/minimal check
--- exit
0
--- stdout
test-minimal (working tree): 8 files, 10 entities (5 bodies, 1 board, 1 contract, 3 links): 0 errors, 0 warnings
--- stderr
