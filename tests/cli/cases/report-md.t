report --format md on fixture (g).
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --format md
--- exit
0
--- stdout
# govmap report

test-analysis-exposure, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to 1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0, none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind a score.

## Totals

- Public money in 2024/25: £578m known, for 5 of 6 bodies; 1 not recorded.
- Decided by bodies whose best chain to voters is weaker than 0.25 (3 of 6 bodies): £120m known, for 2 of 3 bodies; 1 not recorded.
- 1 body has no chain to voters at all; exposure (deficit x money) is £172m in 2024/25, for the 5 of 6 bodies whose money is known.
- Deficit findings: 0 errors, 2 warnings, 0 for information only; coverage findings (gaps in the registry): 1; data findings: 0; 1 suppressed.

## Bodies ranked by exposure (known money only; sorted at the worst case, A low)

| # | body | A, in words, and why | D | money a year | exposure |
|---|---|---|---|---|---|
| 1 | Test F Trust (`test-f-trust`) | 0.243 weak: by guidance only; can question but not sanction; 2 links from voters | 0.757 | £100m (2024/25 budget) | £76m |
| 2 | Test Council (`test-council`) | 0.900 strong: statutory; can impose consequences; 1 link from voters | 0.100 | £400m (2024/25 budget) | £40m |
| 3 | Test G Company (`test-g-company`) | 0.397 weak: by contract; can impose consequences; 2 links from voters | 0.603 | £50m (2024/25 budget) | £30m |
| 4 | Test H Charity (`test-h-charity`) | 0.000 none: no chain to voters recorded | 1.000 | £20m (2024/25 budget) | £20m |
| 5 | Test Edge Board (`test-edge-board`) | 0.250 weak: weakest step: elected seats; 1 link from voters | 0.750 | £8m (2024/25 budget) | £6m |

## Weak bodies with no money recorded for 2024/25

| # | body | A, in words, and why | D |
|---|---|---|---|
| 1 | Test I Partnership (`test-i-partnership`) | 0.243 weak: statutory; is informed only: no questions, no sanction; 2 links from voters | 0.757 |

## Deficit findings by region and rule

### england/north

**core/no-sanction** (basis: Bovens (2007): accountability needs information, debate and consequences)

- warning: no forum can impose consequences on Test F Trust: its only accountability link does not carry the power to sanction

### england/south

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: Test H Charity has no chain of accountability to any electorate

## Coverage findings: what the registry does not record

### england/north

**core/no-commissioner** (basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract))

- info: no commissioner of Test F Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider

## Suppressed findings

- `core/no-sanction` on test-i-partnership: no forum can impose consequences on Test I Partnership: its only accountability link does not carry the power to sanction. Reason: test exception, reviewed
--- stderr
