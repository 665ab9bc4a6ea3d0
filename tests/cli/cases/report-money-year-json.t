report --format json: money_year is the year of the figure used ("2023/24"), or null with money_gbp null when no figure is for the date's year.
--- args
-r tests/fixtures/analysis/money-year --on 2024-01-15 report --format json
--- exit
0
--- stdout
{"title":"test-money-year, working tree, on 2024-01-15","region":null,"money_year":"2023/24","nearest_year":false,"totals":{"bodies":2,"with_money":1,"money_unknown":1,"money_other_year":0,"money_known_gbp":100000000,"coverage":"£100m known, for 1 of 2 bodies; 1 not recorded","exposure_known_gbp":56260000,"weak_threshold":0.25,"weak_bodies":0,"weak_with_money":0,"weak_money_known_gbp":0,"weak_coverage":"no bodies","no_chain":0,"dates_unknown":0,"findings":{"deficit":1,"coverage":0,"data":0,"suppressed":0}},"ranked_by":"exposure of known money","ranked":[{"id":"test-trust","name":"Test Trust","accountability":0.437400,"deficit":0.562600,"money_gbp":100000000,"money_year":"2023/24","money_kind":"budget","money_other_year":false,"exposure_gbp":56260000,"hops":2}],"weak_without_money":[],"dates_unknown":[],"findings":[{"region":"england/testshire","rule":"core/no-sanction","category":"deficit","severity":"warning","entity":"test-trust","message":"no forum can impose consequences on Test Trust: none of its 1 accountability link carries the power to sanction","basis":"Bovens (2007): accountability needs information, debate and consequences","suppressed":null}],"coverage_findings":[],"data_findings":[]}
--- stderr
