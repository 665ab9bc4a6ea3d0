map --format gif is a usage error (exit 2).
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 map --format gif
--- exit
2
--- stdout
--- stderr
govmap: error: map: unknown format 'gif' (use svg, png, pdf, dot or json)
