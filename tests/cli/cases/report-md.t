report --format md on fixture (g).
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --format md
--- exit
0
--- stdout
# govmap report

test-analysis-exposure, working tree, on 2024-06-01

## Totals

- £120m of £578m a year is decided by bodies whose best chain to voters is weaker than 0.25 (3 of 6 bodies).
- 1 body has no chain to voters at all; total exposure (deficit x money) is £172m.
- Findings: 0 errors, 2 warnings, 0 info; 1 suppressed.

## Bodies ranked by exposure

| # | body | A | D | money a year | exposure |
|---|---|---|---|---|---|
| 1 | Test F Trust (`test-f-trust`) | 0.243 | 0.757 | £100m (2024/25) | £76m |
| 2 | Test Council (`test-council`) | 0.900 | 0.100 | £400m (2024/25) | £40m |
| 3 | Test G Company (`test-g-company`) | 0.397 | 0.603 | £50m (2024/25) | £30m |
| 4 | Test H Charity (`test-h-charity`) | 0.000 | 1.000 | £20m (2024/25) | £20m |
| 5 | Test Edge Board (`test-edge-board`) | 0.250 | 0.750 | £8m (2024/25) | £6m |
| 6 | Test I Partnership (`test-i-partnership`) | 0.243 | 0.757 | unknown | £0 |

## Findings by region and rule

### england/north

**core/no-sanction** (basis: Bovens (2007): accountability needs information, debate and consequences)

- warning: no forum can impose consequences on Test F Trust: none of its 1 accountability link carries the power to sanction

### england/south

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: Test H Charity has no chain of accountability to any electorate

## Suppressed findings

- `core/no-sanction` on test-i-partnership: no forum can impose consequences on Test I Partnership: none of its 1 accountability link carries the power to sanction. Reason: test exception, reviewed
--- stderr
