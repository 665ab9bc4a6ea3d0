An unknown --format is a usage error (exit 2).
--- args
-r tests/fixtures/valid/minimal check --format xml
--- exit
2
--- stdout
--- stderr
govmap: error: check: unknown format 'xml' (use text or json)
