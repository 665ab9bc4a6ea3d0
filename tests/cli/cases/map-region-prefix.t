map --region must match whole path segments: england/testshir is not
england/testshire (exit 2).
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 map --format dot --region england/testshir
--- exit
2
--- stdout
--- stderr
govmap: error: --region: nothing in force in region 'england/testshir' on this date
