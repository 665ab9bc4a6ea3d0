report --format md: the money column gives the year of the figure used (2023/24); the council, whose only figure is for 2024/25, has unknown money on 2024-01-15.
--- args
-r tests/fixtures/analysis/money-year --on 2024-01-15 report --format md
--- exit
0
--- stdout
# govmap report

test-money-year, working tree, on 2024-01-15

## Totals

- £0 of £100m a year is decided by bodies whose best chain to voters is weaker than 0.25 (0 of 2 bodies).
- 0 bodies have no chain to voters at all; total exposure (deficit x money) is £56m.
- Findings: 0 errors, 1 warning, 0 info; 0 suppressed.

## Bodies ranked by exposure

| # | body | A | D | money a year | exposure |
|---|---|---|---|---|---|
| 1 | Test Trust (`test-trust`) | 0.437 | 0.563 | £100m (2023/24) | £56m |
| 2 | Test Council (`test-council`) | 0.900 | 0.100 | unknown | £0 |

## Findings by region and rule

### england/testshire

**core/no-sanction** (basis: Bovens (2007): accountability needs information, debate and consequences)

- warning: no forum can impose consequences on Test Trust: none of its 1 accountability link carries the power to sanction

## Suppressed findings

None.
--- stderr
