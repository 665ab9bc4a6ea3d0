Types declared by a plugin the manifest does not list: one warning per type, at its first entity, however the types and kinds alternate (exit 0).
--- args
-r tests/fixtures/cli/unlisted check
--- exit
0
--- stdout
test-unlisted (working tree): 6 files, 7 entities (6 bodies, 0 boards, 0 contracts, 1 link): 0 errors, 2 warnings
--- stderr
tests/fixtures/cli/unlisted/a.yaml:1:1: warning: type 'icb' comes from plugin 'england-ics', which the manifest does not list under 'plugins': its rules will not run
tests/fixtures/cli/unlisted/d.yaml:1:1: warning: type 'local-health-board' comes from plugin 'wales-rpb', which the manifest does not list under 'plugins': its rules will not run
