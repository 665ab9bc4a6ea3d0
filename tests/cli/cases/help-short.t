govmap -h is --help.
--- args
-h
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
      --on DATE        the registry as it stood on DATE (YYYY-MM-DD;
                       default today)
      --plugin-path DIR  look for plugins in DIR first
  -h, --help           show this help
  -V, --version        print the version

Commands:
  check      validate the registry and print diagnostics
  explain    show why a body scores as it does, link by link
  help       show help for govmap or for one command
  map        draw the accountability map (svg, png, pdf, dot, json)
  report     rank bodies by exposure and list findings
  version    print the version

Run 'govmap COMMAND --help' for a command's options.
--- stderr
