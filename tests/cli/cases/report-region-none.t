report --region matching nothing is a usage error (exit 2).
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --region scotland
--- exit
2
--- stdout
--- stderr
govmap: error: report: no region 'scotland' in the registry (govmap complete regions lists them)
