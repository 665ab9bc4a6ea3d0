report --top 0 is a usage error.
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --top 0
--- exit
2
--- stdout
--- stderr
govmap: error: report: --top must be a number from 1 to 100000
