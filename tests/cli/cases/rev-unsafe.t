--rev refuses revision syntax it does not accept, before opening any repository.
--- args
-r tests/fixtures/valid/minimal --rev HEAD@{1} check
--- exit
2
--- stdout
--- stderr
govmap: error: 'HEAD@{1}' is not a revision govmap accepts: use a commit id, a branch or tag name, optionally followed by ~N or ^N
