govmap -V is --version.
--- args
-V
--- exit
0
--- stdout
govmap 0.2.0
--- stderr
