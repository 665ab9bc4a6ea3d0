report --since --region: nothing changed in england/otherton.
--- args
-r tests/fixtures/cli/since --on 2024-07-01 report --since 2022-01-01 --region england/otherton
--- exit
0
--- stdout
Changes from 2022-01-01 to 2024-07-01: test-since, working tree, on 2024-07-01, region england/otherton
  0 created, 0 abolished, 0 with a stronger chain, 0 with a weaker chain, 0 with dates not known

  No body or board was created or abolished, and no chain changed.
--- stderr
