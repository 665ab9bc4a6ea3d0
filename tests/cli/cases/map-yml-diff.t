map --diff: the .yml file is on both sides, and warned of once.
--- args
-r tests/fixtures/cli/yml --on 2024-06-01 map --diff HEAD --format json
--- exit
0
--- stdout
{"title":"govmap: changes from HEAD to the working tree: test-yml, working tree, on 2024-06-01","date":"2024-06-01","nodes":[{"node":"n0","kind":"entity","id":"test-electorate","name":"Test electorate","type":"electorate","region":"england/testshire","accountability":1.000000,"accountability_high":1.000000,"strength":"strong","deficit":0.000000,"hops":0,"money":null,"exposure":null,"context":false},{"node":"n1","kind":"entity","id":"test-council","name":"Test Council","type":"local-authority","region":"england/testshire","accountability":0.900000,"accountability_high":0.900000,"strength":"strong","deficit":0.100000,"hops":1,"money":null,"exposure":null,"context":false}],"edges":[{"from":"n1","to":"n0","strength":0.900000,"count":1,"what":"link 'test-council-elected-by-electorate' (elected-by)"}],"hidden_edges":0}
--- stderr
HEAD:tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'
