--on with a date that is not on the calendar is a usage error.
--- args
--on 2023-02-29 check
--- exit
2
--- stdout
--- stderr
govmap: error: --on: '2023-02-29' is not a real calendar date (1800-01-01 to 2199-12-31)
