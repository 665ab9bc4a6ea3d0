check takes no operands: one message naming the argument (not the whole usage).
--- args
-r tests/fixtures/valid/minimal check extra
--- exit
2
--- stdout
--- stderr
govmap: error: check: unexpected argument 'extra' (run 'govmap check --help')
