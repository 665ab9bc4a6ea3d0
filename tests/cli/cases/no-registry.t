No -r, no ./registry and no GOVMAP_REGISTRY: exit 2.
--- args
check
--- cwd
tests/fixtures
--- exit
2
--- stdout
--- stderr
govmap: error: registry: No such file or directory
