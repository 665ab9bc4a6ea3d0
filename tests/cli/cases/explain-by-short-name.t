explain accepts a short name: the name without "City", "Council",
"Borough" ... ("sheffield" for Sheffield City Council; here "test" for
Test Council), when no other body has that short name.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 explain test
--- exit
0
--- same-stdout-as
-r tests/fixtures/analysis/collapse --on 2024-06-01 explain test-council
--- stderr
