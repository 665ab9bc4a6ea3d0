A region the registry does not have is exit 2, with the near misses (a
letter off the last part of a path).
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 brief --region testshir
--- exit
2
--- stdout
--- stderr
govmap: error: brief: no region 'testshir' in the registry; did you mean:
  england/testshire
