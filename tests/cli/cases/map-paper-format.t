--paper prints a PDF: another format is refused, not ignored.
--- args
-r tests/fixtures/analysis/collapse map --paper a4 --format svg
--- exit
2
--- stdout
--- stderr
govmap: error: map: --paper prints a PDF: drop --format svg
