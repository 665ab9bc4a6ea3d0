No -r, no ./registry and no GOVMAP_REGISTRY: exit 2.
--- args
check
--- cwd
tests/fixtures
--- exit
2
--- stdout
--- stderr
govmap: error: no registry directory at 'registry': give -r PATH or set GOVMAP_REGISTRY
