map --format json for fixture (c): the two bodies with no chain (A 0, D 1).
--- args
-r tests/fixtures/analysis/nochain --on 2024-06-01 map --format json
--- exit
0
--- stdout
{"title":"govmap: test-analysis-nochain, working tree, on 2024-06-01","date":"2024-06-01","nodes":[{"node":"n0","kind":"entity","id":"test-electorate","name":"Test electorate","type":"electorate","region":"england/testshire","accountability":1.000000,"deficit":0.000000,"hops":0,"money":null,"exposure":null,"context":false},{"node":"n1","kind":"entity","id":"test-council","name":"Test Council","type":"local-authority","region":"england/testshire","accountability":0.900000,"deficit":0.100000,"hops":1,"money":null,"exposure":null,"context":false},{"node":"n2","kind":"entity","id":"test-orphan","name":"Test Orphan Company","type":"company","region":"england/testshire","accountability":0.000000,"deficit":1.000000,"hops":0,"money":20000000,"exposure":20000000,"context":false},{"node":"n3","kind":"entity","id":"test-orphan-child","name":"Test Orphan Child","type":"charity","region":"england/testshire","accountability":0.000000,"deficit":1.000000,"hops":0,"money":null,"exposure":null,"context":false}],"edges":[{"from":"n1","to":"n0","strength":0.900000,"count":1,"what":"link 'test-council-elected-by-electorate' (elected-by)"},{"from":"n3","to":"n2","strength":0.900000,"count":1,"what":"link 'test-orphan-child-accountable-to-orphan' (accountable-to)"}],"hidden_edges":0}
--- stderr
