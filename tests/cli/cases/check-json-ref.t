check --format json gives each diagnostic's "ref": the id a reference error names (here one that does not exist), so that no program reads it out of the message; null for other diagnostics (check-json-errors.t).
--- args
-r tests/fixtures/invalid/ref-missing-suggest check --format json
--- exit
1
--- stdout
{"registry":"invalid-ref-missing-suggest","revision":"working tree","files":3,"entities":3,"bodies":2,"boards":0,"contracts":0,"links":1,"errors":1,"warnings":0,"infos":0,"diagnostics":[{"file":"tests/fixtures/invalid/ref-missing-suggest/link.yaml","line":4,"col":5,"severity":"error","code":"unknown-ref","message":"'to' names 'test-councl', which does not exist (did you mean 'test-council'?)","ref":"test-councl"}],"findings":[]}
--- stderr
