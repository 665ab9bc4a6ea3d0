report with weights overridden in govmap.yaml (issue 15): the title says non-default weights; the trust's unrecorded powers count 0.2 x 1.5.
--- args
-r tests/fixtures/analysis/weights --on 2024-06-01 report --format md
--- exit
0
--- stdout
# govmap report

test-weights, working tree, on 2024-06-01, with non-default weights (govmap.yaml)

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to 1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0, none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind a score.

## Totals

- Public money in 2024/25: £400m known, for 2 of 4 bodies; 2 not recorded.
- Decided by bodies whose best chain to voters is weaker than 0.25 (2 of 4 bodies): £100m known, for 1 of 2 bodies; 1 not recorded.
- 1 body has no chain to voters at all; exposure (deficit x money) is £106m in 2024/25, for the 2 of 4 bodies whose money is known.
- Deficit findings: 0 errors, 1 warning, 0 for information only; coverage findings (gaps in the registry): 3; data findings: 0; 0 suppressed.

## Bodies ranked by exposure (known money only; sorted at the worst case, A low)

| # | body | A, in words, and why | D | money a year | exposure |
|---|---|---|---|---|---|
| 1 | Test Trust (`test-trust`) | 0.243 to 0.810 weak: statutory; powers not recorded; 2 links from voters | 0.757 | £100m (2024/25 budget) | £76m |
| 2 | Test Council (`test-council`) | 0.900 strong: statutory; can impose consequences; 1 link from voters | 0.100 | £300m (2024/25 budget) | £30m |

## Weak bodies with no money recorded for 2024/25

| # | body | A, in words, and why | D |
|---|---|---|---|
| 1 | Test Partnership (`test-partnership`) | 0.000 none: no chain to voters recorded | 1.000 |

## Deficit findings by region and rule

### england/testshire

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: Test Partnership has no chain of accountability to any electorate

## Coverage findings: what the registry does not record

### england/testshire

**core/no-commissioner** (basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract))

- info: no commissioner of Test Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider

**core/powers-unknown** (basis: the instrument behind each link; links with no powers recorded give the score's interval (CONTRIBUTING.md))

- info: whether any forum can impose consequences on Test Trust is not recorded: its only accountability link records no powers

**core/unstated-seat** (basis: the instrument that creates the seats; such seats count towards the board's total, give no chain at worst and the score's interval at best (CONTRIBUTING.md))

- info: 2 of the 4 seats on Test Panel (first 'Community member') are filled in a way its source does not state: a voting one gives no chain at worst, and at best is appointed by the board's strongest recorded member, if it has one

## Suppressed findings

None.
--- stderr
