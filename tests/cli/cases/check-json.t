check --format json prints one JSON object on stdout.
--- args
-r tests/fixtures/valid/minimal check --format json
--- exit
0
--- stdout
{"registry":"test-minimal","revision":"working tree","files":8,"entities":10,"bodies":5,"boards":1,"contracts":1,"links":3,"errors":0,"warnings":0,"infos":0,"diagnostics":[],"findings":[]}
--- stderr
