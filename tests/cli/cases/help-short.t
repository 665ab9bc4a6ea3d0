govmap -h is --help.
--- args
-h
--- exit
0
--- same-stdout-as
--help
--- stderr
