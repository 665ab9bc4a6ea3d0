export -o inside the registry directory is refused, the path escaped.
--- args
-r tests/fixtures/analysis/collapse export --format popolo -o tests/fixtures/analysis/collapse/x.json
--- exit
2
--- stdout
--- stderr
govmap: error: export: refusing to write tests/fixtures/analysis/collapse/x.json into the registry directory (a file there would go into the registry's commits): choose a path outside it
