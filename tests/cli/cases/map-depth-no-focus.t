map --depth 2 --format json is refused, not drawn with an option
silently dropped.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 map --depth 2 --format json
--- exit
2
--- stdout
--- stderr
govmap: error: map: --depth goes with --focus (the bodies within N links of one body)
