map --focus test-council --national --format json is refused, not drawn
with an option silently dropped.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 map --focus test-council --national --format json
--- exit
2
--- stdout
--- stderr
govmap: error: map: --focus draws one body's links wherever they lead: drop --national
