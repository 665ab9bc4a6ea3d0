A registry path with spaces (quoted in args) that does not exist.
--- args
-r 'tests/fixtures/no such registry' check
--- exit
2
--- stdout
--- stderr
govmap: error: tests/fixtures/no such registry: No such file or directory
