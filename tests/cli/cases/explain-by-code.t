explain accepts a body's ONS or ODS code, in any case.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 explain e99999999
--- exit
0
--- same-stdout-as
-r tests/fixtures/analysis/collapse --on 2024-06-01 explain test-council
--- stderr
