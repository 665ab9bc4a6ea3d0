report on fixture (h): each core rule fires once, with its basis.
--- args
-r tests/fixtures/analysis/rules --on 2024-06-01 report --format md
--- exit
0
--- stdout
# govmap report

test-analysis-rules, working tree, on 2024-06-01

## Totals

- £0 of £6m a year is decided by bodies whose best chain to voters is weaker than 0.25 (1 of 12 bodies).
- 1 body has no chain to voters at all; total exposure (deficit x money) is £2m.
- Findings: 0 errors, 7 warnings, 3 info; 0 suppressed.

## Bodies ranked by exposure

| # | body | A | D | money a year | exposure |
|---|---|---|---|---|---|
| 1 | Test Sock Puppet Ltd (`test-sock-puppet`) | 0.583 | 0.417 | £5m (2024/25) | £2m |
| 2 | Test Y Trust (`test-y-trust`) | 0.729 | 0.271 | £1m (2024/25) | £271k |
| 3 | Test Orphan Charity (`test-orphan`) | 0.000 | 1.000 | unknown | £0 |
| 4 | Test Y2 Trust (`test-y2-trust`) | 0.486 | 0.514 | unknown | £0 |
| 5 | Test Sock Puppet Ltd Board of Directors (`test-sock-puppet-board`) | 0.583 | 0.417 | unknown | £0 |
| 6 | Test Department (`test-department`) | 0.729 | 0.271 | unknown | £0 |
| 7 | Test Partnership Board (`test-partnership-board`) | 0.729 | 0.271 | unknown | £0 |
| 8 | Test Minister (`test-minister`) | 0.810 | 0.190 | unknown | £0 |
| 9 | Test Partnership (`test-partnership`) | 0.810 | 0.190 | unknown | £0 |
| 10 | Test Scrutiny Panel (`test-scrutiny-panel`) | 0.810 | 0.190 | £0 (2024/25) | £0 |
| 11 | Test Council (`test-council`) | 0.900 | 0.100 | unknown | £0 |
| 12 | Test Parliament (`test-parliament`) | 0.900 | 0.100 | unknown | £0 |

## Findings by region and rule

### england

**core/stale-source** (basis: registry convention: sources carry an accessed date)

- info: the newest source of 'test-department' was checked on 2021-03-01, over two years ago: check it is still right

### england/testshire

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: Test Orphan Charity has no chain of accountability to any electorate

**core/no-sanction** (basis: Bovens (2007): accountability needs information, debate and consequences)

- warning: no forum can impose consequences on Test Y2 Trust: none of its 1 accountability link carries the power to sanction

**core/no-statutory-basis** (basis: ultra vires: public bodies act only within powers given by law)

- warning: Test Partnership has no statutory basis, yet it takes decisions

**core/sock-puppet** (basis: the 'sock puppet' test of independence (seed: National Academy for Social Prescribing))

- warning: Test Sock Puppet Ltd is a company whose directors are all appointed by Test Minister and whose funding all comes from government (2 funders): it is not independent of government

**core/unpublished-contract** (basis: Public Contracts Regulations 2015 reg. 50 and 106 (SI 2015/102); Procurement Act 2023)

- warning: contract 'Test Unpublished Contract' from Test Council has not been published

**core/unresourced-scrutiny** (basis: Local Government Act 2000 s.9FA; Centre for Governance and Scrutiny guidance)

- warning: Test Scrutiny Panel scrutinises others but has no budget of its own (money: 0 for this year)

**core/unstated-seat** (basis: the instrument that creates the seats; such seats count towards the board's total but give no chain (CONTRIBUTING.md))

- info: 1 of the 4 seats on Test Partnership Board (first 'Observer') is filled in a way its source does not state: it gives no chain to voters

**core/untendered-contract** (basis: Public Contracts Regulations 2015 (SI 2015/102); NHS Provider Selection Regime 2023 (SI 2023/1348))

- warning: contract 'Test Untendered Contract' from Test Council was awarded without a tender

**core/vacant-seat** (basis: the board's constitution or standing orders)

- info: 1 of 3 'Member' seats on Test Partnership Board is vacant

## Suppressed findings

None.
--- stderr
