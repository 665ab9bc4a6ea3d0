report --format xml is a usage error.
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --format xml
--- exit
2
--- stdout
--- stderr
govmap: error: report: unknown format 'xml' (use text, md or json)
