explain of a body whose entry was saved as .yml: the warning that the file was not read comes before the miss, so the reader sees why (exit 2).
--- args
-r tests/fixtures/cli/yml --on 2024-06-01 explain test-trust
--- exit
2
--- stdout
--- stderr
tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'
govmap: error: explain: no body or board has the id, name or code 'test-trust'
