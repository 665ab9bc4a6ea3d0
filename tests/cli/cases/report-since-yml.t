report --since warns on stderr, once, of a registry file it did not read (a .yml file), as report does.
--- args
-r tests/fixtures/cli/yml --on 2024-06-01 report --since 2023-01-01
--- exit
0
--- stdout
Changes from 2023-01-01 to 2024-06-01: test-yml, working tree, on 2024-06-01
  0 created, 0 abolished, 0 with a stronger chain, 0 with a weaker chain, 0 with dates not known

  No body or board was created or abolished, and no chain changed.
--- stderr
tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'
