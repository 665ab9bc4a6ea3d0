report --since --region by a name, as report takes it ("Testshire", the
last part of england/testshire): resolved to the region's path, and the
header names it.  Taken as given, a name matched no region path and the
report said "No body or board was created or abolished, and no chain
changed" (of Greater Manchester since 2022, where the ICB was created
and 23 bodies and boards abolished).
--- args
-r tests/fixtures/cli/since --on 2024-07-01 report --since 2022-01-01 --region Testshire
--- exit
0
--- stdout
Changes from 2022-01-01 to 2024-07-01: test-since, working tree, on 2024-07-01, region england/testshire
  1 created, 1 abolished, 1 with a stronger chain, 1 with a weaker chain, 1 with dates not known

  england/testshire
    created:
      test-icb (NHS Testshire ICB, body): in force from 2022-07-01; A 0.810 (strong)
    abolished:
      test-ccg (NHS Testshire CCG, body): ended 2022-07-01
    chain stronger:
      test-trust (Testshire NHS Trust, body): A 0.486 -> 0.810 (moderate -> strong)
    chain weaker:
      test-agency (Testshire Care Agency, body): A 0.810 -> 0.121 (strong -> very weak)
    dates not known:
      test-hospice (Testshire Hospice, body): in force on both dates not known (a date of its period is not given)
