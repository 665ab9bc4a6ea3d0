map --collapse 0 is a usage error.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 map --format dot --collapse 0
--- exit
2
--- stdout
--- stderr
govmap: error: map: --collapse must be a number from 1 to 50
