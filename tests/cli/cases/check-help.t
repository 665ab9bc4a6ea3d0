govmap check --help is the same as govmap help check.
--- args
check --help
--- exit
0
--- stdout
usage: govmap [global options] check [--format text|json] [--quiet]
                                    [--changed-since REV] [--findings]

Load the registry, validate every entity and reference, and
print each problem as FILE:LINE:COL: SEVERITY: MESSAGE.

  --format text|json  text (default) prints diagnostics on stderr and
                      a summary on stdout; json prints one object on stdout
  -q, --quiet         print errors only, and warnings that a file was not
                      read (no other warnings or info)
  --changed-since REV first list the files that differ from Git revision
                      REV and the entities in them (text only)
  --findings          also analyse the registry on the --on date and run
                      the core rules (no chain, no sanction, ...), as
                      report does, besides the plugins' rules; a registry
                      with errors is not analysed (then only the plugins'
                      rules run, and a note says so)
  -h, --help          show this help

Exit status: 0 no errors (warnings allowed), 1 data errors,
2 usage or I/O errors (no registry, unknown revision).
--- stderr
