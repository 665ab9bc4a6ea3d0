report --since a date after --on is a usage error.
--- args
-r tests/fixtures/cli/since --on 2021-07-01 report --since 2022-01-01
--- exit
2
--- stdout
--- stderr
govmap: error: report: --since 2022-01-01 is not before the --on date 2021-07-01
