explain (issue 17): a provider whose chain runs through a contract in force with a known value: A = 0.9 x 0.441 = 0.3969, its money the contract's 2024/25 value (£10m), exposure 0.6031 x £10m.
--- args
-r tests/fixtures/analysis/contracts --on 2024-06-01 explain test-provider-known
--- exit
0
--- stdout
Test Provider Known Ltd (body 'test-provider-known', company)
  region england/testshire; in force: from 2000-01-01; defined at tests/fixtures/analysis/contracts/bodies.yaml:38:1
  on 2024-06-01: accountability A = 0.397 (weak: by contract; its commissioner can impose consequences; 2 links from voters), deficit D = 0.603
  public money £10m (2024/25 contract value: 1 contract in force); exposure D x money = £6m
  (no figure of its own for the year: the sum of its contracts' values, money its commissioners' figures already hold, so report totals count it apart)
  contracts in force as provider: 1, 0 of them with no value for this year
    - 'test-contract-known' from Test Council: £10m (2024/25)

Strongest chain to voters (2 links; A is the product of the strengths):
  1. Test Provider Known Ltd -> Test Council
     contract 'test-contract-known' (contract management)
     contract management: Test Council is informed, can question and can impose the consequences the contract gives (withholding payment, termination)
     term 2024-04-01 to 2025-03-31 (last day included); value this year £10m (2024/25)
     strength 0.441: step 0.90 x basis contract 0.70 x powers 1.00 x type commissioned-by 0.70 = 0.441
     source: Test source <https://example.org/test/contract-known> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/contracts/contracts.yaml:1:1
  2. Test Council -> Test voters
     link 'test-council-elected' (elected-by)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source <https://example.org/test/council-elected> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/contracts/bodies.yaml:26:1
  reaches: Test voters (voters)

Findings:
  none

Single change that would raise A most:
  strengthen contract 'test-contract-known' (contract management) (Test Provider Known Ltd -> Test Council, now 0.441) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.397 to 0.810 (deficit 0.603 -> 0.190).

Questions for a committee:
  All three stages are covered by its links; ask whether they are used.
--- stderr
