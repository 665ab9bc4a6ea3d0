map --region takes a region's last part (or its name) when only one
region has it, as brief does: "Testshire" is england/testshire.
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 map --format json --region Testshire
--- exit
0
--- stderr
--- same-stdout-as
-r tests/fixtures/analysis/chain --on 2024-06-01 map --format json --region england/testshire
