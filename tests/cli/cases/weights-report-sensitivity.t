report --sensitivity with weights overridden in govmap.yaml (powers x 1.5): the variations are taken around the weights in use, and the output says so. Around them 'powers +25%' puts Test X (A 0.45 x 1.25) above Test Y, so both span ranks 1 to 2; around the documented weights each would keep its rank.
--- args
-r tests/fixtures/analysis/weights-sensitivity --on 2024-06-01 report --sensitivity
--- exit
0
--- stdout
govmap report: test-weights-sensitivity, working tree, on 2024-06-01, with
  non-default weights (govmap.yaml)

Key: A, a body's accountability to voters, runs from 0 (no chain to voters) to
  1; in words: strong 0.7 and over, moderate 0.4, weak 0.2, very weak above 0,
  none. D, its deficit, is 1 - A. 'govmap explain ID' gives every number behind
  a score.

Totals
  Public money in 2024/25: £200m known, for all 2 bodies.
  Decided by bodies whose best chain to voters is weaker than 0.25 (0 of 2
    bodies): no bodies.
  0 bodies have no chain to voters at all; exposure (deficit x money) is £114m
    in 2024/25, for the 2 of 2 bodies whose money is known.
  Deficit findings: 0 errors, 1 warning, 0 for information only; coverage
    findings (gaps in the registry): 0; data findings: 0; 0 suppressed.

Bodies ranked by exposure (deficit x money), known money only, sorted at the
  worst case (A low) (top 2 of 2)
    1. Test X                                        A 0.405 (moderate)  D 0.595
       money £100m (2024/25 budget); exposure £60m
       why: statutory; is informed only: no questions, no sanction; 1 link from
            voters
    2. Test Y                                        A 0.450 (moderate)  D 0.550
       money £100m (2024/25 budget); exposure £55m
       why: by guidance only; can impose consequences; 1 link from voters

Weak bodies with no money recorded for 2024/25 (A below 0.25, by deficit at the
  worst case; top 0 of 0)
    none

Sensitivity: the ranks each body takes under 11 variations of the model
  around the non-default weights set in govmap.yaml, not the documented ones
  variations: basis weights +25%; basis weights -25%; powers weights +25%;
    powers weights -25%; type weights +25%; type weights -25%; seat fill weights
    +25%; seat fill weights -25%; step weight +25%; step weight -25%; chain =
    its weakest link

  Ranked by exposure: robust (no body moves more than one place)
      1. Test X                                           1 to 2
      2. Test Y                                           1 to 2

  Weak bodies with no money, by deficit: robust (no body moves more than one
    place)
    none

Deficit findings by region and rule
  england/testshire
    core/no-sanction, basis: Bovens (2007): accountability needs information,
      debate and consequences
      warning: no forum can impose consequences on Test X: its only
        accountability link does not carry the power to sanction

Coverage findings: what the registry does not record (gaps, not failings)
    none

Suppressed findings (reviewed exceptions)
    none
--- stderr
