report --rev: the .yml file committed is not read either, and is warned of with the revision in its path (stdout not pinned: it names the commit).
--- args
-r tests/fixtures/cli/yml --on 2024-06-01 --rev HEAD report --format json
--- exit
0
--- stderr
HEAD:tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'
