Run inside a registry (its govmap.yaml here) with no -r, no ./registry and no GOVMAP_REGISTRY: the error, and a note naming the registry found above (here '.'), as a campaigner working in one of its folders needs.
--- args
check
--- cwd
tests/fixtures/cli/since
--- env
-GOVMAP_REGISTRY
--- exit
2
--- stdout
--- stderr
govmap: error: no registry directory at 'registry': give -r PATH or set GOVMAP_REGISTRY
govmap: note: a registry is at '.' (it holds govmap.yaml): give -r .
