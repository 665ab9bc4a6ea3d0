report --format json: money_year is the year of the figure used ("2023/24"), or null with money_gbp null when no figure is for the date's year.
--- args
-r tests/fixtures/analysis/money-year --on 2024-01-15 report --format json
--- exit
0
--- stdout
{"title":"test-money-year, working tree, on 2024-01-15","region":null,"totals":{"bodies":2,"with_money":1,"money_gbp":100000000,"exposure_gbp":56260000,"weak_threshold":0.25,"weak_bodies":0,"weak_money_gbp":0,"no_chain":0},"ranked":[{"id":"test-trust","name":"Test Trust","accountability":0.437400,"deficit":0.562600,"money_gbp":100000000,"money_year":"2023/24","exposure_gbp":56260000,"hops":2},{"id":"test-council","name":"Test Council","accountability":0.900000,"deficit":0.100000,"money_gbp":null,"money_year":null,"exposure_gbp":0,"hops":1}],"findings":[{"region":"england/testshire","rule":"core/no-sanction","severity":"warning","entity":"test-trust","message":"no forum can impose consequences on Test Trust: none of its 1 accountability link carries the power to sanction","basis":"Bovens (2007): accountability needs information, debate and consequences","suppressed":null}]}
--- stderr
