explain: a link is not a body or board (exit 2).
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 explain test-body-scrutinised-by-council
--- exit
2
--- stdout
--- stderr
govmap: error: explain: no body or board with id 'test-body-scrutinised-by-council'
