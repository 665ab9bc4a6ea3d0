brief without --region is exit 2 and says how to list the regions.
--- args
-r tests/fixtures/analysis/collapse brief
--- exit
2
--- stdout
--- stderr
govmap: error: brief: give the region: --region R (govmap complete regions lists them)
