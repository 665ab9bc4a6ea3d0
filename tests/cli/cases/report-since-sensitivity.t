report --since does not take --sensitivity.
--- args
-r tests/fixtures/cli/since report --since 2022-01-01 --sensitivity
--- exit
2
--- stdout
--- stderr
govmap: error: report: --since lists what changed; it takes no --sensitivity
