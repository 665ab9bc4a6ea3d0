report on fixture (h): each core rule fires once, with its basis.
--- args
-r tests/fixtures/analysis/rules --on 2024-06-01 report --format md
--- exit
0
--- stdout
# govmap report

test-analysis-rules, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to 1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0, none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind a score.

## Totals

- Public money in 2024/25: £6m known, for 3 of 14 bodies; 11 not recorded.
- Decided by bodies whose best chain to voters is weaker than 0.25 (2 of 14 bodies): no money recorded for any of 2 bodies.
- 1 body has no chain to voters at all; exposure (deficit x money) is £2m in 2024/25, for the 3 of 14 bodies whose money is known.
- Deficit findings: 0 errors, 7 warnings, 1 for information only; coverage findings (gaps in the registry): 4; data findings: 0; 0 suppressed.

## Bodies ranked by exposure (known money only; sorted at the worst case, A low)

| # | body | A, in words, and why | D | money a year | exposure |
|---|---|---|---|---|---|
| 1 | Test Sock Puppet Ltd (`test-sock-puppet`) | 0.583 moderate: weakest step: appointed seats; 4 links from voters | 0.417 | £5m (2024/25 budget) | £2m |
| 2 | Test Y Trust (`test-y-trust`) | 0.729 strong: statutory; can impose consequences; 3 links from voters | 0.271 | £1m (2024/25 budget) | £271k |
| 3 | Test Scrutiny Panel (`test-scrutiny-panel`) | 0.810 strong: statutory; can impose consequences; 2 links from voters | 0.190 | £0 (2024/25 budget) | £0 |

## Weak bodies with no money recorded for 2024/25

| # | body | A, in words, and why | D |
|---|---|---|---|
| 1 | Test Orphan Charity (`test-orphan`) | 0.000 none: no chain to voters recorded | 1.000 |
| 2 | Test Y3 Trust (`test-y3-trust`) | 0.162 to 0.810 very weak: statutory; powers not recorded; 2 links from voters | 0.838 |

## Deficit findings by region and rule

### england/testshire

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: Test Orphan Charity has no chain of accountability to any electorate

**core/no-sanction** (basis: Bovens (2007): accountability needs information, debate and consequences)

- warning: no forum can impose consequences on Test Z Trust: its only accountability link does not carry the power to sanction

**core/no-statutory-basis** (basis: ultra vires: public bodies act only within powers given by law)

- warning: Test Partnership has no statutory basis, yet it takes decisions

**core/sock-puppet** (basis: the 'sock puppet' test of independence (seed: National Academy for Social Prescribing))

- warning: Test Sock Puppet Ltd is a company whose directors are all appointed by Test Minister and whose funding all comes from government (2 funders): it is not independent of government

**core/unpublished-contract** (basis: Public Contracts Regulations 2015 reg. 50 and 106 (SI 2015/102); Procurement Act 2023)

- warning: contract 'Test Unpublished Contract' from Test Council has not been published

**core/unresourced-scrutiny** (basis: Local Government Act 2000 s.9FA; Centre for Governance and Scrutiny guidance)

- warning: Test Scrutiny Panel scrutinises others but has no budget of its own (money: 0 for this year)

**core/untendered-contract** (basis: National Health Service (Procurement, Patient Choice and Competition) (No. 2) Regulations 2013 (SI 2013/500) regs. 3 and 5, in force 1 April 2013 to 31 December 2023 (integrated care boards read for CCGs from 1 July 2022: SI 2022/734 reg. 21); other purchases: the Public Contracts Regulations 2015 (SI 2015/102))

- warning: contract 'Test Untendered Contract' from Test Council was let without competition; it started on 2023-04-01, under the NHS procurement regulations of 2013: NHS England and clinical commissioning groups (integrated care boards from 1 July 2022) could award health care services without advertising only where that provider alone could provide them (reg. 5), acting transparently and treating providers equally (reg. 3)

**core/vacant-seat** (basis: the board's constitution or standing orders)

- info: 1 of 3 'Member' seats on Test Partnership Board is vacant

## Coverage findings: what the registry does not record

### england

**core/stale-source** (basis: registry convention: sources carry an accessed date)

- info: the newest source of Test Department was checked on 2021-03-01, over two years ago: check it is still right

### england/testshire

**core/no-commissioner** (basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract))

- info: no commissioner of Test Z Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider

**core/powers-unknown** (basis: the instrument behind each link; links with no powers recorded give the score's interval (CONTRIBUTING.md))

- info: whether any forum can impose consequences on Test Y3 Trust is not recorded: its only accountability link records no powers

**core/unstated-seat** (basis: the instrument that creates the seats; such seats count towards the board's total, give no chain at worst and the score's interval at best (CONTRIBUTING.md))

- info: 1 of the 4 seats on Test Partnership Board (first 'Observer') is filled in a way its source does not state: a voting one gives no chain at worst, and at best is appointed by the board's strongest recorded member, if it has one

## Suppressed findings

None.
--- stderr
