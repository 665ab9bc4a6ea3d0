--rev refuses a revision that looks like an option.
--- args
-r tests/fixtures/valid/minimal --rev=--upload-pack=x check
--- exit
2
--- stdout
--- stderr
govmap: error: '--upload-pack=x' is not a revision govmap accepts: use a commit id, a branch or tag name, optionally followed by ~N or ^N
