govmap --help prints the usage on stdout and exits 0.
--- args
--help
--- exit
0
--- stdout
usage: govmap [global options] COMMAND [args]

govmap maps who answers to whom in UK health and care, and where the
democratic deficit lies.

Global options:
  -r, --registry PATH  the registry directory (default ./registry when
                       present, else $GOVMAP_REGISTRY)
      --rev REV        read the registry as committed at Git revision REV
                       (no checkout; HEAD~1, a branch, a commit id)
      --staged         read the registry as staged in Git's index (what
                       the next commit would hold; the pre-commit hook)
      --on DATE        the registry as it stood on DATE (YYYY-MM-DD;
                       default today)
      --nearest-year   where a body has no money figure for the financial
                       year of the date, use its nearest year's (and say so)
      --plugin-path DIR  look for plugins in DIR first
  -h, --help           show this help
  -V, --version        print the version

Commands:
  blame      the commit that last changed each field of an entity
  brief      the area brief for committee papers: two A4 pages, HTML or PDF
  check      validate the registry and print diagnostics
  diff       compare two revisions: entities, scores, findings
  explain    show why a body scores as it does, link by link
  export     the registry and scores as Popolo, FollowTheMoney, GraphML, Kumu, CSV
  help       show help for govmap or for one command
  history    the commits that changed the registry or one body, with scores
  hook       install a Git pre-commit hook that checks the staged registry
  map        draw the accountability map (svg, png, pdf, dot, json)
  new        write a skeleton file for a new body, board, contract or link
  plugins    list the loaded region plugins and any that failed to load
  rename     give an entity a new id, and every reference to it
  report     rank bodies by exposure and list findings
  rules      list every rule, core and plugin, with its legal basis
  site       write a static web site for scrutiny committees
  stats      count entities per kind, type and region; sourcing
  version    print the version

Run 'govmap COMMAND --help' for a command's options.
--- stderr
