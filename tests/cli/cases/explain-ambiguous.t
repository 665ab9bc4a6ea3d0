explain with a word that several bodies' names hold lists them as near
misses and exits 2.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 explain trust
--- exit
2
--- stdout
--- stderr
govmap: error: explain: 'trust' does not name one body or board; did you mean:
  Test Other Trust (test-other-trust)
  Test Trust 1 (test-trust-1)
  Test Trust 2 (test-trust-2)
  Test Trust 3 (test-trust-3)
  Test Council (test-council)
