Warnings are printed but do not fail the check (exit 0).
--- args
-r tests/fixtures/cli/warnings check
--- exit
0
--- stdout
test-warnings (working tree): 2 files, 3 entities (2 bodies, 0 boards, 0 contracts, 1 link): 0 errors, 1 warning
--- stderr
tests/fixtures/cli/warnings/link.yaml:2:5: warning: link 'test-trust-reports-to-council' claims the power to sanction with no basis: name the statute, regulation or contract that gives it
