A registry path with spaces (quoted in args) that does not exist.
--- args
-r 'tests/fixtures/no such registry' check
--- exit
2
--- stdout
--- stderr
govmap: error: no registry directory at 'tests/fixtures/no such registry': give -r PATH or set GOVMAP_REGISTRY
