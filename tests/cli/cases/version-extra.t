govmap version extra: one message naming the argument, exit 2 (as every command).
--- args
-r tests/fixtures/valid/minimal version extra
--- exit
2
--- stdout
--- stderr
govmap: error: version: unexpected argument 'extra' (run 'govmap version --help')
