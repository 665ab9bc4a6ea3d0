export warns on stderr, once, of a registry file it did not read (a .yml file), as report does; the export on stdout is unchanged.
--- args
-r tests/fixtures/cli/yml --on 2024-06-01 export --format kumu
--- exit
0
--- stdout
{"elements":[
  {"id":"test-electorate","label":"Test electorate","type":"electorate","description":null,"tags":["body","england/testshire"],"region":"england/testshire","accountability":1.000000,"deficit":0.000000,"chain_links":0,"money_gbp":null,"exposure_gbp":null,"money_year":null,"money_kind":null,"electorate":true,"findings":0},
  {"id":"test-council","label":"Test Council","type":"local-authority","description":null,"tags":["body","england/testshire"],"region":"england/testshire","accountability":0.900000,"deficit":0.100000,"chain_links":1,"money_gbp":null,"exposure_gbp":null,"money_year":null,"money_kind":null,"electorate":false,"findings":0}],
"connections":[
  {"id":"edge.0","from":"test-council","to":"test-electorate","type":"elected-by","direction":"directed","description":"link 'test-council-elected-by-electorate' (elected-by)","link":"test-council-elected-by-electorate","basis":"statute","strength":0.900000}]}
--- stderr
tests/fixtures/cli/yml/bodies/test-trust.yml: warning: not read: only files ending in '.yaml' are registry data; rename it to end in '.yaml'
