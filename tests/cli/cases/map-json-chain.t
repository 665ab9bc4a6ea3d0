map --format json for fixture (a).
--- args
-r tests/fixtures/analysis/chain --on 2024-06-01 map --format json
--- exit
0
--- stdout
{"title":"govmap: test-analysis-chain, working tree, on 2024-06-01","date":"2024-06-01","nodes":[{"node":"n0","kind":"entity","id":"test-electorate","name":"Test electorate","type":"electorate","region":"england/testshire","accountability":1.000000,"accountability_high":1.000000,"strength":"strong","deficit":0.000000,"hops":0,"money":null,"exposure":null,"context":false},{"node":"n1","kind":"entity","id":"test-council","name":"Test Council","type":"local-authority","region":"england/testshire","accountability":0.900000,"accountability_high":0.900000,"strength":"strong","deficit":0.100000,"hops":1,"money":500000000,"exposure":50000000,"context":false},{"node":"n2","kind":"entity","id":"test-body","name":"Test Body","type":"nhs-trust","region":"england/testshire","accountability":0.243000,"accountability_high":0.243000,"strength":"weak","deficit":0.757000,"hops":2,"money":100000000,"exposure":75700000,"context":false}],"edges":[{"from":"n1","to":"n0","strength":0.900000,"count":1,"what":"link 'test-council-elected-by-electorate' (elected-by)"},{"from":"n2","to":"n1","strength":0.270000,"count":1,"what":"link 'test-body-scrutinised-by-council' (scrutinised-by)"}],"hidden_edges":0}
--- stderr
