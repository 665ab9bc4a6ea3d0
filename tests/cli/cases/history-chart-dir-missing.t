history --chart into a directory that does not exist is refused before the walk (it walked and printed the whole history, then failed).
--- args
-r tests/fixtures/analysis/exposure history --chart no-such-directory/chart.svg
--- exit
2
--- stdout
--- stderr
govmap: error: history: cannot write no-such-directory/chart.svg: its directory does not exist
