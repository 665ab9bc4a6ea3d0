-r naming a missing directory is an I/O error (exit 2).
--- args
-r tests/fixtures/no-such-registry check
--- exit
2
--- stdout
--- stderr
govmap: error: no registry directory at 'tests/fixtures/no-such-registry': give -r PATH or set GOVMAP_REGISTRY
