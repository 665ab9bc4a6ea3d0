export with a registry path that does not exist gives the message every
command gives (it used to say it refused to write into the registry).
--- args
-r tests/fixtures/no-such-registry export --format popolo -o @ROOT@/build/x.json
--- exit
2
--- stdout
--- stderr
govmap: error: no registry directory at 'tests/fixtures/no-such-registry': give -r PATH or set GOVMAP_REGISTRY
