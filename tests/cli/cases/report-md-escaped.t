report --format md on fixture site, whose names, contract, manifest and
suppression reason hold markup: every piece of registry text is escaped
for Markdown (cli_md_text, as diff --format md does), so that none of it
becomes markup where the report is posted or rendered; before, the
report's Markdown wrote <script> and <svg onload=...> as they were.
--- args
-r tests/fixtures/site --on 2025-01-01 report --format md
--- exit
0
--- stdout
# govmap report

Testshire &lt;script&gt;alert('manifest')&lt;/script&gt; &amp; "test" registry, working tree, on 2025-01-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to 1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0, none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind a score.

## Totals

- Public money in 2024/25: £2.9bn known, for 5 of 9 bodies; 4 not recorded.
- Other years: 1 of the 4 bodies with no figure for 2024/25 has one for another year. --nearest-year uses each body's nearest year (marked as such).
- Decided by bodies whose best chain to voters is weaker than 0.25 (2 of 9 bodies): £60m known, for all 2 bodies.
- 1 body has no chain to voters at all; exposure (deficit x money) is £1.2bn in 2024/25, for the 5 of 9 bodies whose money is known.
- Deficit findings: 0 errors, 6 warnings, 1 for information only; coverage findings (gaps in the registry): 1; data findings: 0; 1 suppressed.

## Bodies ranked by exposure (known money only; sorted at the worst case, A low)

| # | body | A, in words, and why | D | money a year | exposure |
|---|---|---|---|---|---|
| 1 | Test Department of Health &amp; Care (`test-department`) | 0.486 moderate: statutory; can question but not sanction; 2 links from voters | 0.514 | £2.0bn (2024/25 budget) | £1.0bn |
| 2 | Testshire Wellbeing Partnership (`test-partnership`) | 0.000 none: no chain to voters recorded | 1.000 | £50m (2024/25 budget) | £50m |
| 3 | Testshire Council (`test-council`) | 0.900 strong: statutory; can impose consequences; 1 link from voters | 0.100 | £500m (2024/25 budget) | £50m |
| 4 | Cyngor Cwm Prawf (Test Valleys Council) (`test-valleys-council`) | 0.900 strong: statutory; can impose consequences; 1 link from voters | 0.100 | £300m (2024/25 budget) | £30m |
| 5 | &lt;script&gt;alert("name")&lt;/script&gt; &amp; 'quotes' javascript:alert(1) (`hostile-body`) | 0.064 very weak: by contract; is informed only: no questions, no sanction; 3 links from voters | 0.936 | £10m (2024/25 budget) | £9m |

## Weak bodies with no money recorded for 2024/25

None.

## Deficit findings by region and rule

### england

**core/no-sanction** (basis: Bovens (2007): accountability needs information, debate and consequences)

- warning: no forum can impose consequences on Test Department of Health &amp; Care: its only accountability link does not carry the power to sanction

**core/no-statutory-basis** (basis: ultra vires: public bodies act only within powers given by law)

- warning: Test Department of Health &amp; Care has no statutory basis, yet it controls public money

### england/testshire

**core/no-chain** (basis: Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md)

- warning: Testshire Wellbeing Partnership has no chain of accountability to any electorate

**core/no-statutory-basis** (basis: ultra vires: public bodies act only within powers given by law)

- warning: Testshire Wellbeing Partnership has no statutory basis, yet it controls public money

**core/unpublished-contract** (basis: Public Contracts Regulations 2015 reg. 50 and 106 (SI 2015/102); Procurement Act 2023)

- warning: contract '&lt;svg onload=alert('contract')&gt; services' from Testshire Council has not been published

**core/untendered-contract** (basis: by the start date, for an English commissioner: from 2024-01-01 the Health Care Services (Provider Selection Regime) Regulations 2023 (SI 2023/1348); from 2013-04-01 to 2023-12-31 the National Health Service (Procurement, Patient Choice and Competition) (No. 2) Regulations 2013 (SI 2013/500); otherwise the Public Contracts Regulations 2015 (SI 2015/102))

- warning: contract '&lt;svg onload=alert('contract')&gt; services' from Testshire Council was awarded without a tender; its start date is not recorded, so whether the 2013 NHS procurement regulations or the Provider Selection Regime (from 1 January 2024) governed it cannot be said

### england/testshire/north-testshire

**core/vacant-seat** (basis: the board's constitution or standing orders)

- info: 1 of 3 'Non-executive director' seats on North Testshire NHS Trust Board is vacant

## Coverage findings: what the registry does not record

### england/testshire/north-testshire

**core/no-commissioner** (basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract))

- info: no commissioner of North Testshire NHS Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider

## Suppressed findings

- `core/no-sanction` on hostile-body: no forum can impose consequences on &lt;script&gt;alert("name")&lt;/script&gt; &amp; 'quotes' javascript:alert(1): its only accountability link does not carry the power to sanction. Reason: &lt;script&gt;alert('reason')&lt;/script&gt; &amp; accepted
--- stderr
