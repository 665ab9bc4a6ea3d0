history with -r naming a file exits 2 with the message every command
gives (it used to walk the commits, find none that changed a directory
of that name and exit 0: "no commit changed the registry").
--- args
-r tests/fixtures/valid/minimal/govmap.yaml history --no-scores
--- exit
2
--- stdout
--- stderr
govmap: error: no registry directory at 'tests/fixtures/valid/minimal/govmap.yaml': give -r PATH or set GOVMAP_REGISTRY
