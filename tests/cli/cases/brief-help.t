govmap brief --help prints the brief's usage on stdout and exits 0.
--- args
brief --help
--- exit
0
--- stdout
usage: govmap [global options] brief --region R [--format html|pdf]
              [-o FILE [--force]]

Write the area brief of region R for committee papers: at most two A4
pages with the headline figures, a map of the five largest deficits and
their chains to voters printed large enough to read (no text under 8 pt),
those five with their reasons, money and sources (at most two bodies of one
type, the rest of the type summarised; equal deficits ranked by exposure
where the money is known), the coverage note (money recorded, dates
unknown) and the questions to ask.

  --region R       a region path (england/greater-manchester), or its last
                   part or name when only one region has it ("greater
                   manchester")
  --format F       html (default, or from -o's extension) or pdf
  -o, --output FILE  write to FILE (atomically); default standard output
                   (-o - too); an existing FILE that is not a regular file
                   (a symbolic link, FIFO, device) is refused
  --force          write into such a FILE in place (a link followed)
  -h, --help       show this help
--- stderr
