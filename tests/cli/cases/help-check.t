govmap help check prints the check command's help: the same as check --help (pinned in check-help.t).
--- args
help check
--- exit
0
--- same-stdout-as
check --help
--- stderr
