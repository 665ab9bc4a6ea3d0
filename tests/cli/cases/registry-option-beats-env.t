-r wins over GOVMAP_REGISTRY.
--- args
-r valid/minimal check
--- cwd
tests/fixtures
--- env
GOVMAP_REGISTRY=no-such-registry
--- exit
0
--- stdout
test-minimal (working tree): 8 files, 10 entities (5 bodies, 1 board, 1 contract, 3 links): 0 errors, 0 warnings
--- stderr
