An unknown command is a usage error (exit 2).
--- args
frobnicate
--- exit
2
--- stdout
--- stderr
govmap: error: unknown command 'frobnicate' (run 'govmap help')
