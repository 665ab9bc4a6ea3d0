govmap plugins --quiet --bogus: one message naming the argument, exit 2 (as every command).
--- args
-r tests/fixtures/valid/minimal plugins --quiet --bogus
--- exit
2
--- stdout
--- stderr
govmap: error: plugins: unknown option '--bogus' (run 'govmap plugins --help')
