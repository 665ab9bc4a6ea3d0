govmap --version prints the version.
--- args
--version
--- exit
0
--- stdout
govmap 0.2.0
registry schema 1
plugin ABI 1
--- stderr
