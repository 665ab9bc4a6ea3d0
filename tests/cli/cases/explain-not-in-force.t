explain: a body that starts on 2024-06-01 is not scored on 2024-05-31.
--- args
-r tests/fixtures/analysis/dates --on 2024-05-31 explain test-new-body
--- exit
0
--- stdout
Test New Body (body 'test-new-body', nhs-trust)
  region england/testshire; in force: from 2024-06-01; defined at tests/fixtures/analysis/dates/registry.yaml:42:1
  not in force on 2024-05-31: nothing to score
--- stderr
