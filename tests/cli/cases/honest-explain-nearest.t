explain --nearest-year (issue 15): no figure for 2025/26, so the 2024/25 budget is used and marked as not this date's.
--- args
--nearest-year -r tests/fixtures/analysis/honest --on 2025-06-01 explain test-trust
--- exit
0
--- stdout
Test Trust (body 'test-trust', nhs-trust)
  region england/testshire; in force: from 2000-01-01; defined at tests/fixtures/analysis/honest/registry.yaml:38:1
  on 2025-06-01: accountability A = 0.162 to 0.810 (very weak: statutory; powers not recorded; 2 links from voters), deficit D = 0.838
  A is 0.162 if what is not recorded (a link's powers, how seats are filled) gives no chain, 0.810 at best (strong)
  public money £100m (2024/25 budget; the nearest year recorded, not this date's); exposure D x money = £84m

Strongest chain to voters (2 links; A is the product of the strengths):
  1. Test Trust -> Test Council
     link 'test-trust-scrutinised' (scrutinised-by)
     basis statute, forum (unset), powers none listed; in force: no dates recorded
     strength 0.180: step 0.90 x basis statute 1.00 x powers 0.20 x type scrutinised-by 1.00 = 0.180
     source: Test source <https://example.org/test/trust-scrutinised> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/honest/registry.yaml:63:1
  2. Test Council -> Test voters
     link 'test-council-elected' (elected-by)
     basis statute, forum (unset), powers inform, question, sanction; in force: no dates recorded
     strength 0.900: step 0.90 x basis statute 1.00 x powers 1.00 x type elected-by 1.00 = 0.900
     source: Test source <https://example.org/test/council-elected> (accessed 2024-05-01)
     defined at tests/fixtures/analysis/honest/registry.yaml:26:1
  reaches: Test voters (voters)

Findings:
  info [core/no-commissioner] no commissioner of Test Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider
      basis: National Health Service Act 2006 s.3 (an integrated care board, a clinical commissioning group before 1 July 2022, arranges hospital and community health services) and s.9 (NHS contracts); a contract names its commissioner (registry/README.md, contract)
  info [core/powers-unknown] whether any forum can impose consequences on Test Trust is not recorded: its only accountability link records no powers
      basis: the instrument behind each link; links with no powers recorded give the score's interval (CONTRIBUTING.md)

Single change that would raise A most:
  strengthen link 'test-trust-scrutinised' (scrutinised-by) (Test Trust -> Test Council, now 0.180) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
  A would rise from 0.162 to 0.810 (deficit 0.838 -> 0.190).

Questions for a committee:
  (some of its links record no powers: what they allow is not known)
  Information (no link records that a forum has a right to be informed):
    - What does Test Trust publish about its decisions and spending, and when?
    - Are its board papers and minutes public, and does it meet in public?
  Debate (no link records that a forum can question it):
    - Which elected body can call Test Trust's leaders to answer questions in public?
    - Will it attend this committee when invited?
  Consequences (no link records that a forum can impose them):
    - Who can overturn Test Trust's decisions, withhold its funds or remove its chair?
    - What happens if it ignores this committee's recommendations?
--- stderr
