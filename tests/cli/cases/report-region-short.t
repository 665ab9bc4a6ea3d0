report --region takes a last part only one region has, as map and brief do: the same report as the full path.
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --region north --format json
--- same-stdout-as
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --region england/north --format json
