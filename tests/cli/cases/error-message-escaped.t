An argument printed in an error message is escaped: the escape character
of a terminal control sequence shows as \x1B, not sent to the terminal.
--- args
-r tests/fixtures/analysis/collapse map --format [2Jsvg
--- exit
2
--- stdout
--- stderr
govmap: error: map: unknown format '\x1B[2Jsvg' (use svg, png, pdf, dot or json)
