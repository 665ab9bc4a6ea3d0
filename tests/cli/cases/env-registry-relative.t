A relative GOVMAP_REGISTRY is relative to the working directory, and so are the paths in messages.
--- args
check
--- cwd
tests/fixtures
--- env
GOVMAP_REGISTRY=invalid/duplicate-key
--- exit
1
--- stdout
invalid-duplicate-key (working tree): 1 file, 0 entities (0 bodies, 0 boards, 0 contracts, 0 links): 1 error, 0 warnings
--- stderr
invalid/duplicate-key/body.yaml:6:1: error: duplicate key 'name' (first at 3:1)
