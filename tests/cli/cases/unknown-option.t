An unknown global option is a usage error (exit 2) and prints nothing on
stdout.  stderr is deliberately not pinned: getopt prefixes its message
with argv[0] (the binary's path, which differs between build/, build/asan
and build/valgrind) rather than "govmap:" - reported to the core owner.
--- args
--frobnicate check
--- exit
2
--- stdout
