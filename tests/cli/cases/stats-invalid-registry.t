stats counts a registry with errors as far as it loaded, and says so on
standard error (it said nothing: the counts read as the whole registry's).
--- args
-r tests/fixtures/invalid/yaml-syntax stats --format json
--- exit
0
--- stderr
govmap: note: the registry has 1 error (run 'govmap check'): what they keep from loading is not counted
