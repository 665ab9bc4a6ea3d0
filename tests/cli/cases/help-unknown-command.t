govmap help NAME with an unknown command exits 2.
--- args
help frobnicate
--- exit
2
--- stdout
--- stderr
govmap: error: help: unknown command 'frobnicate'
