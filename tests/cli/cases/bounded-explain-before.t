explain (issue 17): a council of governors whose start is not known but no later than 2024-04-01 is not known to be in force the day before, so it is listed as dates not known and not scored.
--- args
-r tests/fixtures/analysis/bounded --on 2024-03-31 explain test-governors
--- exit
0
--- stdout
Council of governors of Test Trust (board 'test-governors', council-of-governors)
  region england/testshire; in force: start date not known, no later than 2024-04-01; no end date recorded; defined at tests/fixtures/analysis/bounded/registry.yaml:71:1
  dates not known (see its notes): not counted in force on 2024-03-31, so not scored
--- stderr
