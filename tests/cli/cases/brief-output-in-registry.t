brief -o inside the registry directory (here a folder below its root) is
refused before the brief is built.
--- args
-r tests/fixtures/analysis brief --region england -o tests/fixtures/analysis/collapse/brief.html
--- exit
2
--- stdout
--- stderr
govmap: error: brief: refusing to write tests/fixtures/analysis/collapse/brief.html into the registry directory (a file there would go into the registry's commits): choose a path outside it
