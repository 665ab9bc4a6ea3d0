map --focus on a body not yet in force is a usage error (exit 2).
--- args
-r tests/fixtures/analysis/dates --on 2024-05-31 map --format json --focus test-new-body
--- exit
2
--- stdout
--- stderr
govmap: error: --focus: no body or board 'test-new-body' in force on this date
