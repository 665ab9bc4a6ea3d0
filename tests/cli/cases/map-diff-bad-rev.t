map --diff with a revision govmap refuses: one message, exit 2 (the newer
side, never opened, used to be read and the map crashed).
--- args
-r tests/fixtures/valid/minimal map --diff HEAD@{1} --format json
--- exit
2
--- stdout
--- stderr
govmap: error: 'HEAD@{1}' is not a revision govmap accepts: use a commit id, a branch or tag name, optionally followed by ~N or ^N
