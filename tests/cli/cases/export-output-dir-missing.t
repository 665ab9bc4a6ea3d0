export -o into a directory that does not exist says so (it used to say
it refused to write into the registry).
--- args
-r tests/fixtures/valid/minimal export --format popolo -o /nonexistent-govmap-dir/x.json
--- exit
2
--- stdout
--- stderr
govmap: error: export: cannot write /nonexistent-govmap-dir/x.json: No such file or directory
