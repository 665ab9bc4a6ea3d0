report --since as JSON.
--- args
-r tests/fixtures/cli/since --on 2024-07-01 report --since 2022-01-01 --format json
--- exit
0
--- stdout
{"since":"2022-01-01","on":"2024-07-01","region":null,"counts":{"created":1,"abolished":1,"stronger":1,"weaker":1,"dates_unknown":1},"regions":[{"region":"england/testshire","changes":[{"id":"test-icb","name":"NHS Testshire ICB","kind":"body","type":"arms-length-body","change":"created","accountability_after":0.810000},{"id":"test-ccg","name":"NHS Testshire CCG","kind":"body","type":"arms-length-body","change":"abolished"},{"id":"test-trust","name":"Testshire NHS Trust","kind":"body","type":"nhs-trust","change":"stronger","accountability_before":0.486000,"accountability_after":0.810000},{"id":"test-agency","name":"Testshire Care Agency","kind":"body","type":"arms-length-body","change":"weaker","accountability_before":0.810000,"accountability_after":0.121500},{"id":"test-hospice","name":"Testshire Hospice","kind":"body","type":"charity","change":"dates_unknown"}]}]}
--- stderr
