govmap with no command prints the usage on stderr and exits 2.
--- args

--- exit
2
--- stdout
--- same-stderr-as
--help
