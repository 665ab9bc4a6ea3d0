govmap help with no argument prints the usage.
--- args
help
--- exit
0
--- same-stdout-as
--help
--- stderr
