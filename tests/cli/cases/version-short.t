govmap -V is --version.
--- args
-V
--- exit
0
--- stdout
govmap 0.1.0
registry schema 1
plugin ABI 1
--- stderr
