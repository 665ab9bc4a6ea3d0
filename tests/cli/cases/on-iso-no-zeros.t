--on with a date written without its zeros, or as a day, month and year: the error names the date meant, as check does for one in the registry (govmap_date_meant).
--- args
--on 2024-1-1 check
--- exit
2
--- stdout
--- stderr
govmap: error: --on: '2024-1-1' is not a date: write YYYY-MM-DD (did you mean 2024-01-01?)
