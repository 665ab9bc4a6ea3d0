report --format md: the names in rule messages escaped for Markdown like every name (no markup from registry text).
--- args
-r tests/fixtures/cli/plugin-names --on 2024-06-01 report --format md
--- exit
0
--- stdout
# govmap report

test-plugin-names, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to 1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0, none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind a score.

## Totals

- Public money in 2024/25: no money recorded for any of 10 bodies.
- Decided by bodies whose best chain to voters is weaker than 0.25 (5 of 10 bodies): no money recorded for any of 5 bodies.
- 4 bodies have no chain to voters at all; exposure (deficit x money) cannot be worked out: no body's money is known for 2024/25.
- Deficit findings: 0 errors, 5 warnings, 1 for information only; coverage findings (gaps in the registry): 2; data findings: 1; 1 suppressed.

## Bodies ranked by exposure (known money only; sorted at the worst case, A low)

None: no body here has a money figure for 2024/25.

## Weak bodies with no money recorded for 2024/25

| # | body | A, in words, and why | D |
|---|---|---|---|
| 1 | nhs-england (`nhs-england`) | 0.000 none: no chain to voters recorded | 1.000 |
| 2 | Test ICP (`test-icp`) | 0.000 none: no chain to voters recorded | 1.000 |
| 3 | test-jhsc (`test-jhsc`) | 0.000 none: no chain to voters recorded | 1.000 |
| 4 | Test Secretary of State (`test-sos`) | 0.000 none: no chain to voters recorded | 1.000 |
| 5 | Healthwatch &lt;Test&gt; (`test-healthwatch`) | 0.170 very weak: statutory; is informed only: no questions, no sanction; 2 links from voters | 0.830 |

## Deficit findings by region and rule

### england

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: nhs-england has no chain of accountability to any electorate

### england/test

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: Test ICP has no chain of accountability to any electorate
- warning: test-jhsc has no chain of accountability to any electorate

**core/no-sanction** (basis: Bovens (2007): accountability needs information, debate and consequences)

- warning: no forum can impose consequences on Healthwatch &lt;Test&gt;: its only accountability link does not carry the power to sanction

**england-ics/councils-per-icb** (basis: NHS Act 2006 s.14Z25 (ICB areas set by NHS England order))

- info: ICB NHS Test\_Shire \*ICB\* commissions for 2 upper-tier councils' areas (Council A, Council B \[borough\]): one NHS body, several electorates, none of which chooses it

### uk

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: Test Secretary of State has no chain of accountability to any electorate

## Coverage findings: what the registry does not record

### england/test

**england-ics/icb-scrutiny** (basis: NHS Act 2006 s.244; Local Authority (Public Health, Health and Wellbeing Boards and Health Scrutiny) Regulations 2013 (SI 2013/218) regs. 21-23)

- warning: ICB NHS Test\_Shire \*ICB\* has no scrutinised-by link to 1 of its councils (health scrutiny, NHS Act 2006 s.244): Council B \[borough\]

**england-ics/icp-membership** (basis: Local Government and Public Involvement in Health Act 2007 s.116ZA (inserted by Health and Care Act 2022 s.26))

- error: integrated care partnership Test ICP of ICB NHS Test\_Shire \*ICB\* leaves out 1 of the area's councils: Council B \[borough\]

## Data findings: records that disagree

### england/test

**england-ics/referral-ended** (basis: SI 2013/218 reg. 23(9), omitted by the Local Authority (Public Health, Health and Wellbeing Boards and Health Scrutiny) (Amendment and Saving Provision) Regulations 2024 (SI 2024/16) reg. 2, in force 31 January 2024)

- error: link 'icb-referral' gives Council A the power to sanction NHS Test\_Shire \*ICB\* after 2024-01-31, but the power to refer NHS changes to the Secretary of State ended that day (SI 2024/16): end this link on 2024-01-31 and add one with powers \[inform, question\]

## Suppressed findings

- `england-ics/healthwatch-funded-by-council` on test-healthwatch: Healthwatch Healthwatch &lt;Test&gt; is funded by Council A, whose care services it reports on (it sits on Council A Health &amp; Wellbeing Board): the council pays its own critic, and can re-let or cut the contract. Reason: reviewed, 'council-a' keeps the contract at arm's length
--- stderr
