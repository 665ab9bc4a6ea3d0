stats --oldest out of range
--- args
-r tests/fixtures/valid/minimal stats --oldest 5000
--- exit
2
--- stdout
--- stderr
govmap: error: stats: --oldest must be a number from 0 to 1000
