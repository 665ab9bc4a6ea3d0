map --focus with a name several bodies share lists the near misses and
exits 2.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 map --format json --focus 'test trust'
--- exit
2
--- stdout
--- stderr
govmap: error: map --focus: 'test trust' does not name one body or board; did you mean:
  Test Trust 1 (test-trust-1)
  Test Trust 2 (test-trust-2)
  Test Trust 3 (test-trust-3)
