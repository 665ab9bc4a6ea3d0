map --region matching nothing is a usage error (exit 2).
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 map --format dot --region scotland
--- exit
2
--- stdout
--- stderr
govmap: error: map: no region 'scotland' in the registry (govmap complete regions lists them)
