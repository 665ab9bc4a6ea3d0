map --focus naming nothing is a usage error (exit 2).
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 map --format dot --focus test-nope
--- exit
2
--- stdout
--- stderr
govmap: error: --focus: no body or board 'test-nope' in force on this date
