govmap version --help.
--- args
version --help
--- exit
0
--- stdout
usage: govmap version

Print govmap's version.
--- stderr
