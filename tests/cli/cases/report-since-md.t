report --since in Markdown.
--- args
-r tests/fixtures/cli/since --on 2024-07-01 report --since 2022-01-01 --format md
--- exit
0
--- stdout
### Changes from 2022-01-01 to 2024-07-01

test-since, working tree, on 2024-07-01

1 created, 1 abolished, 1 with a stronger chain, 1 with a weaker chain, 1 with dates not known

#### england/testshire

**created**

- **NHS Testshire ICB** (`test-icb`, body): in force from 2022-07-01; A 0.810 (strong)

**abolished**

- **NHS Testshire CCG** (`test-ccg`, body): ended 2022-07-01

**chain stronger**

- **Testshire NHS Trust** (`test-trust`, body): A 0.486 → 0.810 (moderate → strong)

**chain weaker**

- **Testshire Care Agency** (`test-agency`, body): A 0.810 → 0.121 (strong → very weak)

**dates not known**

- **Testshire Hospice** (`test-hospice`, body): in force on both dates not known (a date of its period is not given)
--- stderr
