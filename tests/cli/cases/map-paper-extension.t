--paper with -o FILE.svg is refused: the extension names another format.
--- args
-r tests/fixtures/analysis/collapse map --paper a3 -o /tmp/govmap-map-paper.svg
--- exit
2
--- stdout
--- stderr
govmap: error: map: --paper prints a PDF: write to a .pdf file, not /tmp/govmap-map-paper.svg
