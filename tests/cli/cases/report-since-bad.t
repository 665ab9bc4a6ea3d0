report --since with something that is not a date.
--- args
-r tests/fixtures/cli/since report --since yesterday
--- exit
2
--- stdout
--- stderr
govmap: error: report: --since: 'yesterday' is not a date: write YYYY-MM-DD
