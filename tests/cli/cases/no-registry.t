No -r, no ./registry and no GOVMAP_REGISTRY: exit 2, with a note naming the registry found above (the repository's own).
--- args
check
--- cwd
tests/fixtures
--- exit
2
--- stdout
--- stderr
govmap: error: no registry directory at 'registry': give -r PATH or set GOVMAP_REGISTRY
govmap: note: a registry is at '../../registry' (it holds govmap.yaml): give -r ../../registry
