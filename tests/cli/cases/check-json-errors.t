check --format json carries the diagnostics in the object, exit 1.
--- args
-r tests/fixtures/invalid/duplicate-key check --format json
--- exit
1
--- stdout
{"registry":"invalid-duplicate-key","revision":"working tree","files":1,"entities":0,"bodies":0,"boards":0,"contracts":0,"links":0,"errors":1,"warnings":0,"infos":0,"diagnostics":[{"file":"tests/fixtures/invalid/duplicate-key/body.yaml","line":6,"col":1,"severity":"error","code":"duplicate-key","message":"duplicate key 'name' (first at 3:1)","ref":null}],"findings":[]}
--- stderr
