check --findings on a registry with errors: no analysis, a note says the core rules did not run.
--- args
-r tests/fixtures/invalid/bad-url check --findings
--- exit
1
--- stdout
invalid-bad-url (working tree): 1 file, 1 entity (1 body, 0 boards, 0 contracts, 0 links): 2 errors, 0 warnings
--- stderr
govmap: note: check: --findings: the registry has errors, so it was not analysed and the core rules did not run
tests/fixtures/invalid/bad-url/body.yaml:7:10: error: 'ftp://example.org/test' is not a usable source URL: it must start with https:// or http:// and contain no spaces, quotes or angle brackets
tests/fixtures/invalid/bad-url/body.yaml:10:10: error: 'https://example.org/a page' is not a usable source URL: it must start with https:// or http:// and contain no spaces, quotes or angle brackets
