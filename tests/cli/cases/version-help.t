govmap version --help.
--- args
version --help
--- exit
0
--- stdout
usage: govmap version

Print govmap's version, the registry schema version it reads
(govmap.yaml's 'schema') and the plugin ABI version it loads.
--- stderr
