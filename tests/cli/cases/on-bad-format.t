--on with something that is not YYYY-MM-DD is a usage error.
--- args
--on 1/2/2023 check
--- exit
2
--- stdout
--- stderr
govmap: error: --on: '1/2/2023' is not a date (write YYYY-MM-DD, a real calendar date from 1800-01-01 to 2199-12-31)
