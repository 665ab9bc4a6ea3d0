explain (issue 15): an undated company is not in force on any date its known end does not exclude.
--- args
-r tests/fixtures/analysis/honest --on 2020-01-01 explain test-old-company
--- exit
0
--- stdout
Test Old Company (body 'test-old-company', company)
  region england/testshire; in force: start date not known; until 2022-07-01; defined at tests/fixtures/analysis/honest/registry.yaml:110:1
  dates not known (see its notes): not counted in force on 2020-01-01, so not scored
--- stderr
