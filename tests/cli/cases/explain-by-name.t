explain accepts a body's name (any case, extra spaces and punctuation
ignored) as well as its id.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 explain '  test COUNCIL. '
--- exit
0
--- same-stdout-as
-r tests/fixtures/analysis/collapse --on 2024-06-01 explain test-council
--- stderr
