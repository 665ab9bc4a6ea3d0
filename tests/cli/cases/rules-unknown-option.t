govmap rules --bogus: one message naming the argument, exit 2 (as every command).
--- args
-r tests/fixtures/valid/minimal rules --bogus
--- exit
2
--- stdout
--- stderr
govmap: error: rules: unknown option '--bogus' (run 'govmap rules --help')
