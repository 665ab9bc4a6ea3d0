-r naming a file, not a directory, exits 2.
--- args
-r tests/fixtures/valid/minimal/govmap.yaml check
--- exit
2
--- stdout
--- stderr
govmap: error: no registry directory at 'tests/fixtures/valid/minimal/govmap.yaml': give -r PATH or set GOVMAP_REGISTRY
