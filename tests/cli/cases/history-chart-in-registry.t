history --chart inside the registry directory is refused before the walk.
--- args
-r tests/fixtures/analysis/collapse history --chart tests/fixtures/analysis/collapse/chart.svg some-body
--- exit
2
--- stdout
--- stderr
govmap: error: history: refusing to write tests/fixtures/analysis/collapse/chart.svg into the registry directory (a file there would go into the registry's commits): choose a path outside it
