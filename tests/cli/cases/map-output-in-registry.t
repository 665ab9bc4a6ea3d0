map -o inside the registry directory is refused before the layout: a
generated file there would go into the registry's commits.
--- args
-r tests/fixtures/analysis/collapse map -o tests/fixtures/analysis/collapse/map.svg
--- exit
2
--- stdout
--- stderr
govmap: error: map: refusing to write tests/fixtures/analysis/collapse/map.svg into the registry directory (a file there would go into the registry's commits): choose a path outside it
