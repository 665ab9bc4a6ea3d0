explain on a registry with one error says "fix it first", not "fix
them first".
--- args
-r tests/fixtures/invalid/date-uk-order explain test-body
--- exit
1
--- stdout
--- stderr
tests/fixtures/invalid/date-uk-order/body.yaml:9:15: error: '1/5/2024' in 'accessed' is not a date: write YYYY-MM-DD (did you mean 2024-05-01?)
govmap: error: the registry has 1 error: fix it first (govmap check)
