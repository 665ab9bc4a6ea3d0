report --since --region naming no region: refused with its near misses
(exit 2), as report refuses it, not "No body or board was created or
abolished".
--- args
-r tests/fixtures/cli/since --on 2024-07-01 report --since 2022-01-01 --region england/othertown
--- exit
2
--- stdout
--- stderr
govmap: error: report: no region 'england/othertown' in the registry; did you mean:
  england/otherton
