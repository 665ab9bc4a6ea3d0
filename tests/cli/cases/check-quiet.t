check -q prints errors only: the warning is hidden (the summary still counts it).
--- args
-r tests/fixtures/cli/warnings check -q
--- exit
0
--- stdout
test-warnings (working tree): 2 files, 3 entities (2 bodies, 0 boards, 0 contracts, 1 link): 0 errors, 1 warning
--- stderr
