explain without an id: one message, exit 2 (not the whole usage).
--- args
-r tests/fixtures/valid/minimal explain
--- exit
2
--- stdout
--- stderr
govmap: error: explain: give exactly one id, name or code (run 'govmap explain --help')
