govmap --version prints the version.
--- args
--version
--- exit
0
--- stdout
govmap 0.2.0
--- stderr
