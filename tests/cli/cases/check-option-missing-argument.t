check --format without a value is a usage error (exit 2).  stderr is not
pinned: getopt's message starts "check: option '--format' requires an
argument" (argv[0] of the sub-command) rather than "govmap: check: ...".
--- args
-r tests/fixtures/valid/minimal check --format
--- exit
2
--- stdout
