--paper takes a4 or a3 only.
--- args
-r tests/fixtures/analysis/collapse map --paper letter
--- exit
2
--- stdout
--- stderr
govmap: error: map: --paper takes a4 or a3, not 'letter'
