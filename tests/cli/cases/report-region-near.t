report --region with a region no entity has lists the near misses (it read as 'nothing in force in region X').
--- args
-r tests/fixtures/analysis/exposure --on 2024-06-01 report --region england/nort
--- exit
2
--- stdout
--- stderr
govmap: error: report: no region 'england/nort' in the registry; did you mean:
  england/north
