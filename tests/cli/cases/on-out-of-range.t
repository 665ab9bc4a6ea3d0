--on with a real calendar date outside the years govmap reads says which
years those are (it said only "a real calendar date").
--- args
-r tests/fixtures/valid/minimal --on 2200-01-01 check
--- exit
2
--- stdout
--- stderr
govmap: error: --on: '2200-01-01' is not a real calendar date (1800-01-01 to 2199-12-31)
