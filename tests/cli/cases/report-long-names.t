report on fixture long-names: a name longer than its column is wrapped at
a space onto lines of its own under it (never cut off: four Healthwatch
names read "...for the area of B" when they were); a word longer than the
column is cut there, and no two- or three-byte letter (ô, é, —, ŵ) is cut
in two or counted as more than one column.  Every line fits a terminal 80
columns wide: the name column is what the A and D columns leave (A's as
wide as the list's widest), the money and exposure go on a line under the
name, and prose (totals, headings, variations, findings) is wrapped at a
space with a hanging indent (rows of 120 columns wrapped in the terminal
and broke the columns).
--- args
-r tests/fixtures/cli/long-names --on 2024-06-01 report --sensitivity
--- exit
0
--- stdout
govmap report: test-long-names, working tree, on 2024-06-01

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: £21m known, for 2 of 4 bodies; 2 not recorded.
  Decided by bodies whose best chain to voters is weaker than 0.25 (4 of 4
    bodies): £21m known, for 2 of 4 bodies; 2 not recorded.
  4 bodies have no chain to voters at all; exposure (deficit x money) is £21m in
    2024/25, for the 2 of 4 bodies whose money is known.
  Deficit findings: 0 errors, 4 warnings, 0 for information only; coverage
    findings (gaps in the registry): 0; data findings: 0; 0 suppressed.

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 2 of 2)
    1. Test Organisation for the Area of Ynys Môn and    A 0.000 (none)  D 1.000
       Gwynedd with Conwy, Sir Ddinbych and Wrecsam
       money £20m (2024/25 budget); exposure £20m
       why: no chain to voters recorded
    2. Test Short Café                                   A 0.000 (none)  D 1.000
       money £1m (2024/25 budget); exposure £1m
       why: no chain to voters recorded

Weak bodies with no money recorded for 2024/25 (A below 0.25, by deficit at the
  worst case; top 2 of 2)
    1. Testwatch organisation for the area of Bwrdd      A 0.000 (none)  D 1.000
       Iechyd Prifysgol — a name of many words
       why: no chain to voters recorded
    2. Testnamewithoutanyspacesthatislongerthanthecolumn A 0.000 (none)  D 1.000
       soitiscutwithinaword ŵŷ
       why: no chain to voters recorded

Sensitivity: the ranks each body takes under 11 variations of the model
  variations: basis weights +25%; basis weights -25%; powers weights +25%;
    powers weights -25%; type weights +25%; type weights -25%; seat fill weights
    +25%; seat fill weights -25%; step weight +25%; step weight -25%; chain =
    its weakest link

  Ranked by exposure: robust (no body moves more than one place)
      1. Test Organisation for the Area of Ynys Môn and   always 1
         Gwynedd with Conwy, Sir Ddinbych and Wrecsam
      2. Test Short Café                                  always 2

  Weak bodies with no money, by deficit: robust (no body moves more than one
    place)
      1. Testwatch organisation for the area of Bwrdd     always 1
         Iechyd Prifysgol — a name of many words
      2. Testnamewithoutanyspacesthatislongerthanthecolum always 2
         nsoitiscutwithinaword ŵŷ

Deficit findings by region and rule
  wales
    core/no-chain, basis: Bovens (2007), 'Analysing and assessing
      accountability'; the democratic-deficit model in CONTRIBUTING.md
      warning: Test Organisation for the Area of Ynys Môn and Gwynedd with
        Conwy, Sir Ddinbych and Wrecsam has no chain of accountability to any
        electorate
      warning: Testwatch organisation for the area of Bwrdd Iechyd Prifysgol — a
        name of many words has no chain of accountability to any electorate
      warning:
        Testnamewithoutanyspacesthatislongerthanthecolumnsoitiscutwithinaword ŵŷ
        has no chain of accountability to any electorate
      warning: Test Short Café has no chain of accountability to any electorate

Coverage findings: what the registry does not record (gaps, not failings)
    none

Suppressed findings (reviewed exceptions)
    none
--- stderr
