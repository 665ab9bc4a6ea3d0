check --findings: the core findings (no chain, no sanction) as well as the plugins', so a campaigner sees what a change does to scores before review (issue 19).
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 check --findings
--- exit
0
--- stdout
test-analysis-exposure (working tree): 2 files, 11 entities (6 bodies, 1 board, 0 contracts, 4 links), 11 in force on 2024-06-01: 0 errors, 0 warnings; rules: 0 errors, 2 warnings, 1 info, 1 suppressed
--- stderr
tests/fixtures/analysis/exposure/registry.yaml:26:1: info: [core/no-commissioner] no commissioner of Test F Trust is recorded on this date: no commissioned-by link in force and no contract naming it as provider
tests/fixtures/analysis/exposure/registry.yaml:26:1: warning: [core/no-sanction] no forum can impose consequences on Test F Trust: its only accountability link does not carry the power to sanction
tests/fixtures/analysis/exposure/registry.yaml:60:1: warning: [core/no-chain] Test H Charity has no chain of accountability to any electorate
suppressed findings (reviewed exceptions):
tests/fixtures/analysis/exposure/registry.yaml:75:1: suppressed warning: [core/no-sanction] no forum can impose consequences on Test I Partnership: its only accountability link does not carry the power to sanction (reason: test exception, reviewed)
