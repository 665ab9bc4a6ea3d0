--on with something that is not YYYY-MM-DD is a usage error.
--- args
--on 1/2/2023 check
--- exit
2
--- stdout
--- stderr
govmap: error: --on: '1/2/2023' is not a date: write YYYY-MM-DD (did you mean 2023-02-01?)
