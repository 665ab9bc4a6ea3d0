brief --format takes html or pdf only.
--- args
-r tests/fixtures/analysis/collapse brief --region england --format svg
--- exit
2
--- stdout
--- stderr
govmap: error: brief: unknown format 'svg' (use html or pdf)
