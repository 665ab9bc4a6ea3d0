map --format dot with hostile names (tests/fixtures/analysis/hostile):
backslashes doubled so \N \G \L stay literal, quotes escaped by cgraph,
newlines, tabs and control characters gone, DOT syntax and HTML kept inside
quoted labels and tooltips; node names (n0, ghost0, legend) are our own;
a 'no route to voters' ghost and two vacant-seat ghosts.
--- args
-r tests/fixtures/analysis/hostile --on 2024-06-01 map --format dot
--- exit
0
--- stdout
digraph govmap {
	graph [fontname=Helvetica,
		fontsize=20,
		label="govmap: test-hostile <script>alert(0)</script> \\G \"t\" ] ; a -> b, working\ltree, on 2024-06-01\l",
		labeljust=l,
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
		n0	[fillcolor="#2166ac",
			fontcolor="#ffffff",
			label="Test electorate 'quoted'\n\\\\ double \\N\nvoters",
			shape=house,
			style=filled,
			tooltip="Test electorate 'quoted' \\\\\\\\ double \\\\N (voters): accountability 1.000 (strong: the voters themselves), deficit 0.000, 0 \
links to voters; public money unknown, exposure unknown"];
		legend	[label=<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="#ffffff"><TR><TD COLSPAN="2"><B>Legend</B></TD><TD WIDTH="12"></TD></TR><TR><TD BGCOLOR="#2166ac"> </TD><TD ALIGN="LEFT"><FONT>electorate (voters)</FONT></TD></TR><TR><TD BGCOLOR="#ffffb2"> </TD><TD ALIGN="LEFT">deficit under 0.2</TD></TR><TR><TD BGCOLOR="#fecc5c"> </TD><TD ALIGN="LEFT">0.2 to 0.4</TD></TR><TR><TD BGCOLOR="#fd8d3c"> </TD><TD ALIGN="LEFT">0.4 to 0.6</TD></TR><TR><TD BGCOLOR="#f03b20"> </TD><TD ALIGN="LEFT">0.6 to 0.8</TD></TR><TR><TD BGCOLOR="#bd0026"> </TD><TD ALIGN="LEFT">0.8 to 1 (no or very weak chain)</TD></TR><TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD BGCOLOR="#0072B2" WIDTH="20" HEIGHT="3" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT">elected by</TD></TR><TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD BGCOLOR="#E69F00" WIDTH="20" HEIGHT="3" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT">appointed by / nominated by</TD></TR><TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD BGCOLOR="#009E73" WIDTH="20" HEIGHT="3" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT">scrutinised by</TD></TR><TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD BGCOLOR="#777777" WIDTH="20" HEIGHT="3" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT" BALIGN="LEFT">commissioned by, member or part of;<BR/>a board to the body it is of</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">line: solid statute, dashed contract/guidance<BR/>or seats, dotted none; width = strength</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">A = accountability, D = deficit = 1 - A;<BR/>box width = public money</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">A in words: strong 0.7+, moderate 0.4+,<BR/>weak 0.2+, very weak, none; "a to b": worst<BR/>to best case where powers or seat fills<BR/>are not recorded</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">cut corners: money not recorded for this<BR/>year (unknown, not zero)</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">dashed boxes: 3 missing forums and vacant seats</TD></TR></TABLE>>,
			shape=plaintext,
			style="",
			tooltip=legend];
	}
	n1	[fillcolor="#ffffb2",
		fontcolor="#000000",
		label="Test \\N \\G \\L \\E \\T \\H \\l\n\\r Council\nA 0.90 (strong)  D 0.10\n£100m a year",
		tooltip="Test \\\\N \\\\G \\\\L \\\\E \\\\T \\\\H \\\\l \\\\r Council (council): accountability 0.900 (strong: statutory; can impose consequences; \
1 link from voters), deficit 0.100, 1 link to voters; public money £100m (2024/25 budget), exposure £10m",
		width=2.20];
	n0 -> n1	[color="#0072B2",
		penwidth=3.20,
		style=solid,
		tooltip="link 'test-council-elected-by-electorate' (elected-by); strength 0.900"];
	n2	[fillcolor="#f03b20",
		fontcolor="#000000",
		label="Test <script>alert(1)</script>\nTrust &amp;amp; \"Friends\" &amp;lt;i&amp;gt;\nA 0.22 (weak)  D 0.78\n£20m a year",
		tooltip="Test <script>alert(1)</script> Trust &amp;amp; \"Friends\" &amp;lt;i&amp;gt; (NHS trust): accountability 0.216 (weak: weakest step: \
appointed seats; 3 links from voters), deficit 0.784, 3 links to voters; public money £20m (2024/25 budget), exposure £16m; top \
finding: no forum can impose consequences on Test <script>alert(1)</script> Trust &amp;amp; \"Friends\" &amp;lt;i&amp;gt;: its only \
accountability link does not carry the power to sanction",
		width=1.99];
	n1 -> n2	[color="#009E73",
		penwidth=0.91,
		style=dashed,
		tooltip="link 'test-trust-scrutinised-by-council' (scrutinised-by); strength 0.135"];
	n4	[fillcolor="#f03b20",
		fontcolor="#000000",
		label="Test <b>bold</b> Board second\nline tab end\\\nA 0.22 (weak)  D 0.78\nmoney not recorded",
		margin="0.2,0.055",
		style="filled,rounded,diagonals",
		tooltip="Test <b>bold</b> Board second line tab end\\\\ (board): accountability 0.216 (weak: weakest step: appointed seats; 2 links from \
voters), deficit 0.784, 2 links to voters; public money unknown, exposure unknown; top finding: 1 of 1 'Trailing backslash \\\\' \
seat on Test <b>bold</b> Board second line tab end\\\\ is vacant"];
	n1 -> n4	[color="#E69F00",
		penwidth=1.22,
		style=dashed,
		tooltip="1 seat ('Role <script>alert(2)</script> \\\\N \"q\" next') appointed by; strength 0.240"];
	n2 -> n4	[color="#666666",
		penwidth=3.20,
		style=solid,
		tooltip="board of (answers to its body); strength 0.900"];
	n3	[fillcolor="#bd0026",
		fontcolor="#ffffff",
		label="Test \"] ; x -> y [label=\"\nBody } digraph { z\nA 0.00 (none)  D 1.00\nmoney not recorded",
		margin="0.2,0.055",
		style="filled,rounded,diagonals",
		tooltip="Test \"] ; x -> y [label=\" Body } digraph { z (company): accountability 0.000 (none: no chain to voters recorded), deficit 1.000, \
0 links to voters; public money unknown, exposure unknown; top finding: Test \"] ; x -> y [label=\" Body } digraph { z has no chain \
of accountability to any electorate"];
	n4 -> n2	[color="#666666",
		penwidth=3.50,
		style=solid,
		tooltip="decides through its governing board; strength 1.000"];
	ghost0	[color="#555555",
		fontcolor="#333333",
		label="no route to voters",
		style=dashed,
		tooltip="no chain of accountability reaches any electorate"];
	ghost0 -> n3	[arrowhead=none,
		color="#555555",
		style=dashed];
	ghost1	[color="#555555",
		fontcolor="#333333",
		label="1 vacant seat\nRole <script>alert(2)</script> \\N \"q\" next",
		style=dashed,
		tooltip="a seat the board's rules provide for is vacant"];
	ghost1 -> n4	[arrowhead=none,
		color="#555555",
		style=dashed];
	ghost2	[color="#555555",
		fontcolor="#333333",
		label="1 vacant seat\nTrailing backslash \\",
		style=dashed,
		tooltip="a seat the board's rules provide for is vacant"];
	ghost2 -> n4	[arrowhead=none,
		color="#555555",
		style=dashed];
}
--- stderr
