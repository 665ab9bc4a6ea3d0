explain: an id that names nothing is a usage error (exit 2).
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 explain test-nope
--- exit
2
--- stdout
--- stderr
govmap: error: explain: no body or board has the id, name or code 'test-nope'
