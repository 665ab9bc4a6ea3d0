report --region england/south --format json on fixture (g): 4 in scope
(the board counts in its body's region), £78m, exposure £56.155m, 2 weaker
than 0.25 holding £20m, 1 with no chain; only the region's findings.
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --region england/south --format json
--- exit
0
--- stdout
{"title":"test-analysis-exposure, working tree, on 2024-06-01","region":"england/south","totals":{"bodies":4,"with_money":3,"money_gbp":78000000,"exposure_gbp":56155000,"weak_threshold":0.25,"weak_bodies":2,"weak_money_gbp":20000000,"no_chain":1},"ranked":[{"id":"test-g-company","name":"Test G Company","accountability":0.396900,"deficit":0.603100,"money_gbp":50000000,"money_year":"2024/25","exposure_gbp":30155000,"hops":2},{"id":"test-h-charity","name":"Test H Charity","accountability":0.000000,"deficit":1.000000,"money_gbp":20000000,"money_year":"2024/25","exposure_gbp":20000000,"hops":0},{"id":"test-edge-board","name":"Test Edge Board","accountability":0.250000,"deficit":0.750000,"money_gbp":8000000,"money_year":"2024/25","exposure_gbp":6000000,"hops":1},{"id":"test-i-partnership","name":"Test I Partnership","accountability":0.243000,"deficit":0.757000,"money_gbp":null,"money_year":null,"exposure_gbp":0,"hops":2}],"findings":[{"region":"england/south","rule":"core/no-chain","severity":"warning","entity":"test-h-charity","message":"Test H Charity has no chain of accountability to any electorate","basis":"Bovens (2007), 'Analysing and assessing accountability'; the democratic-deficit model in CONTRIBUTING.md","suppressed":null},{"region":"england/south","rule":"core/no-sanction","severity":"warning","entity":"test-i-partnership","message":"no forum can impose consequences on Test I Partnership: none of its 1 accountability link carries the power to sanction","basis":"Bovens (2007): accountability needs information, debate and consequences","suppressed":"test exception, reviewed"}]}
--- stderr
