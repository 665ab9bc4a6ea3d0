map -o FILE.gif: the format comes from the extension, and gif is unknown
(exit 2).
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 map -o /nonexistent/map.gif
--- exit
2
--- stdout
--- stderr
govmap: error: map: unknown format 'gif' (use svg, png, pdf, dot or json)
