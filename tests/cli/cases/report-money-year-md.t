report --format md: the money column gives the year of the figure used (2023/24); the council, whose only figure is for 2024/25, has unknown money on 2024-01-15.
--- args
-r tests/fixtures/analysis/money-year --on 2024-01-15 report --format md
--- exit
0
--- stdout
# govmap report

test-money-year, working tree, on 2024-01-15

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to 1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0, none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind a score.

## Totals

- Public money in 2023/24: £100m known, for 1 of 2 bodies; 1 not recorded.
- Other years: the only body with no figure for 2023/24 has one for another year. --nearest-year uses each body's nearest year (marked as such).
- Decided by bodies whose best chain to voters is weaker than 0.25 (0 of 2 bodies): no bodies.
- 0 bodies have no chain to voters at all; exposure (deficit x money) is £56m in 2023/24, for the 1 of 2 bodies whose money is known.
- Deficit findings: 0 errors, 1 warning, 0 for information only; coverage findings (gaps in the registry): 1; data findings: 0; 0 suppressed.

## Bodies ranked by exposure (known money only; sorted at the worst case, A low)

| # | body | A, in words, and why | D | money a year | exposure |
|---|---|---|---|---|---|
| 1 | Test Trust (`test-trust`) | 0.437 moderate: by regulation; can question but not sanction; 2 links from voters | 0.563 | £100m (2023/24 budget) | £56m |

## Weak bodies with no money recorded for 2023/24

None.

## Deficit findings by region and rule

### england/testshire

**core/no-sanction** (basis: Bovens (2007): accountability needs information, debate and consequences)

- warning: no forum can impose consequences on Test Trust: its only accountability link does not carry the power to sanction

## Coverage findings: what the registry does not record

### england/testshire

**core/no-commissioner** (basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract))

- info: no commissioner of Test Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider

## Suppressed findings

None.
--- stderr
