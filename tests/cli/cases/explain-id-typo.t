explain with an id typed with a slip ('test-elctorate' for
'test-electorate'), whose name is nothing like the id: the id is
suggested (before, "no body or board has the id, name or code").
--- args
-r tests/fixtures/valid/minimal explain test-elctorate
--- exit
2
--- stdout
--- stderr
govmap: error: explain: 'test-elctorate' does not name one body or board; did you mean:
  Test electorate (voters of Testshire) (test-electorate)
