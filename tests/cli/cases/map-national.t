map --national (DOT): one node per footprint (england/testshire: 4 bodies,
£460m, deficit weighted by money 0.195; england/otherside: 1 body, 0.190),
voters and the national parliament as themselves, no clusters, no ghosts.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 map --format dot --national
--- exit
0
--- stdout
digraph govmap {
	graph [fontname=Helvetica,
		fontsize=20,
		label="govmap: test-analysis-collapse, working tree, on 2024-06-01",
		labelloc=t,
		nodesep=0.25,
		outputorder=edgesfirst,
		rankdir=TB,
		ranksep=0.6
	];
	node [fontname=Helvetica,
		fontsize=10,
		shape=box,
		style="filled,rounded"
	];
	edge [dir=back];
	subgraph voters {
		graph [rank=min];
		legend	[label=<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="#ffffff"><TR><TD COLSPAN="2"><B>Legend</B></TD></TR><TR><TD BGCOLOR="#2166ac"> </TD><TD ALIGN="LEFT"><FONT>electorate (voters)</FONT></TD></TR><TR><TD BGCOLOR="#ffffb2"> </TD><TD ALIGN="LEFT">deficit under 0.2</TD></TR><TR><TD BGCOLOR="#fecc5c"> </TD><TD ALIGN="LEFT">0.2 to 0.4</TD></TR><TR><TD BGCOLOR="#fd8d3c"> </TD><TD ALIGN="LEFT">0.4 to 0.6</TD></TR><TR><TD BGCOLOR="#f03b20"> </TD><TD ALIGN="LEFT">0.6 to 0.8</TD></TR><TR><TD BGCOLOR="#bd0026"> </TD><TD ALIGN="LEFT">0.8 to 1 (no or very weak chain)</TD></TR><TR><TD><FONT COLOR="#0072B2"><B>&#8212;&#8212;</B></FONT></TD><TD ALIGN="LEFT">elected by</TD></TR><TR><TD><FONT COLOR="#000000"><B>&#8212;&#8212;</B></FONT></TD><TD ALIGN="LEFT">accountable to / reports to</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">line: solid statute, dashed contract/guidance<BR/>or seats, dotted none; width = strength</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">A = accountability, D = deficit = 1 - A;<BR/>box width = public money</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">A in words: strong 0.7+, moderate 0.4+,<BR/>weak 0.2+, very weak, none; "a to b": worst<BR/>to best case where powers or seat fills<BR/>are not recorded</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">cut corners: money not recorded for this<BR/>year (unknown, not zero)</TD></TR></TABLE>>,
			shape=plaintext,
			style="",
			tooltip=legend];
	}
	n0	[fillcolor="#f03b20",
		fontcolor="#000000",
		label="Testshire\n5 bodies, weakest D 0.76\nD 0.19 weighted by money\n£460m a year (4 of 5 known)",
		shape=box3d,
		style=filled,
		tooltip="5 bodies summarised (Testshire); deficit weighted by money 0.195; largest: Test Council",
		width=2.40];
	n1	[fillcolor="#ffffb2",
		fontcolor="#000000",
		label="Test Parliament\nA 0.90 (strong)  D 0.10\nmoney not recorded",
		style="filled,rounded,diagonals",
		tooltip="Test Parliament (parliament): accountability 0.900 (strong: statutory; can impose consequences; 1 link from voters), deficit 0.100, \
1 link to voters; public money unknown, exposure unknown"];
	n0 -> n1	[color="#0072B2",
		penwidth=3.20,
		style=solid,
		tooltip="link 'test-parliament-elected-by-electorate' (elected-by); strength 0.900"];
	n2	[fillcolor="#ffffb2",
		fontcolor="#000000",
		label="Otherside\n1 body, weakest D 0.19\nD 0.19 weighted by money\n£20m a year",
		shape=box3d,
		style=filled,
		tooltip="1 bodies summarised (Otherside); deficit weighted by money 0.190; largest: Test Other Trust",
		width=1.99];
	n1 -> n2	[color="#000000",
		penwidth=3.20,
		style=solid,
		tooltip="link 'test-other-trust-reports-to-parliament' (reports-to); strength 0.900"];
}
--- stderr
