map --region must match whole path segments: england/testshir is not
england/testshire (exit 2); the near misses are listed.
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 map --format dot --region england/testshir
--- exit
2
--- stdout
--- stderr
govmap: error: map: no region 'england/testshir' in the registry; did you mean:
  england/testshire
