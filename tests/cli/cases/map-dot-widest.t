map --format dot golden for fixture (b) (every body in region england, so
no footprint cluster): voters on the top rank; A 0.90, 0.81, 0.73 in the
palest band; edges coloured by type (elected-by blue, accountable-to
black, appointed-by orange), solid for statute, dotted for the voluntary
link, penwidth 0.5 + 3 x strength (3.20, 2.93 for 0.81, 0.74 for 0.081);
width 1.6 + 0.3 log10(10) = 1.90 for the £10m trust.
--- args
-r tests/fixtures/analysis/widest --on 2024-06-01 map --format dot
--- exit
0
--- stdout
digraph govmap {
	graph [fontname=Helvetica,
		fontsize=20,
		label="govmap: test-analysis-widest, working tree, on 2024-06-01\l",
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
			label="Test electorate\nvoters",
			shape=house,
			style=filled,
			tooltip="Test electorate (voters): accountability 1.000 (strong: the voters themselves), deficit 0.000, 0 links to voters; public money unknown, \
exposure unknown"];
		legend	[label=<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="#ffffff"><TR><TD COLSPAN="2"><B>Legend</B></TD><TD WIDTH="12"></TD></TR><TR><TD BGCOLOR="#2166ac"> </TD><TD ALIGN="LEFT"><FONT>electorate (voters)</FONT></TD></TR><TR><TD BGCOLOR="#ffffb2"> </TD><TD ALIGN="LEFT">deficit under 0.2</TD></TR><TR><TD BGCOLOR="#fecc5c"> </TD><TD ALIGN="LEFT">0.2 to 0.4</TD></TR><TR><TD BGCOLOR="#fd8d3c"> </TD><TD ALIGN="LEFT">0.4 to 0.6</TD></TR><TR><TD BGCOLOR="#f03b20"> </TD><TD ALIGN="LEFT">0.6 to 0.8</TD></TR><TR><TD BGCOLOR="#bd0026"> </TD><TD ALIGN="LEFT">0.8 to 1 (no or very weak chain)</TD></TR><TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD BGCOLOR="#0072B2" WIDTH="20" HEIGHT="3" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT">elected by</TD></TR><TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD BGCOLOR="#000000" WIDTH="20" HEIGHT="3" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT">accountable to / reports to</TD></TR><TR><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD BGCOLOR="#E69F00" WIDTH="20" HEIGHT="3" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT">appointed by / nominated by</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">line: solid statute, dashed contract/guidance<BR/>or seats, dotted none; width = strength</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">A = accountability, D = deficit = 1 - A;<BR/>box width = public money</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">A in words: strong 0.7+, moderate 0.4+,<BR/>weak 0.2+, very weak, none; "a to b": worst<BR/>to best case where powers or seat fills<BR/>are not recorded</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">cut corners: money not recorded for this<BR/>year (unknown, not zero)</TD></TR></TABLE>>,
			shape=plaintext,
			style="",
			tooltip=legend];
	}
	n1	[fillcolor="#ffffb2",
		fontcolor="#000000",
		label="Test Parliament\nA 0.90 (strong)  D 0.10\nmoney not recorded",
		margin="0.2,0.055",
		style="filled,rounded,diagonals",
		tooltip="Test Parliament (parliament): accountability 0.900 (strong: statutory; can impose consequences; 1 link from voters), deficit 0.100, \
1 link to voters; public money unknown, exposure unknown"];
	n0 -> n1	[color="#0072B2",
		penwidth=3.20,
		style=solid,
		tooltip="link 'test-parliament-elected-by-electorate' (elected-by); strength 0.900"];
	n2	[fillcolor="#ffffb2",
		fontcolor="#000000",
		label="Test Council\nA 0.90 (strong)  D 0.10\nmoney not recorded",
		margin="0.2,0.055",
		style="filled,rounded,diagonals",
		tooltip="Test Council (council): accountability 0.900 (strong: statutory; can impose consequences; 1 link from voters), deficit 0.100, 1 \
link to voters; public money unknown, exposure unknown"];
	n0 -> n2	[color="#0072B2",
		penwidth=3.20,
		style=solid,
		tooltip="link 'test-council-elected-by-electorate' (elected-by); strength 0.900"];
	n4	[fillcolor="#fecc5c",
		fontcolor="#000000",
		label="Test X Trust\nA 0.73 (strong)  D 0.27\n£10m a year",
		tooltip="Test X Trust (NHS trust): accountability 0.729 (strong: statutory; can impose consequences; 3 links from voters), deficit 0.271, \
3 links to voters; public money £10m (2024/25 budget), exposure £3m; top finding: no commissioner of Test X Trust is recorded \
on this date: no commissioned-by link in force and no contract naming it as provider",
		width=1.90];
	n1 -> n4	[color="#000000",
		penwidth=0.74,
		style=dotted,
		tooltip="link 'test-x-reports-to-parliament' (reports-to); strength 0.081"];
	n5	[fillcolor="#fecc5c",
		fontcolor="#000000",
		label="Test Y Regulator\nA 0.73 (strong)  D 0.27\nmoney not recorded",
		margin="0.2,0.055",
		style="filled,rounded,diagonals",
		tooltip="Test Y Regulator (regulator): accountability 0.729 (strong: statutory; can impose consequences; 2 links from voters), deficit 0.271, \
2 links to voters; public money unknown, exposure unknown"];
	n1 -> n5	[color="#E69F00",
		penwidth=2.93,
		style=solid,
		tooltip="link 'test-y-appointed-by-parliament' (appointed-by); strength 0.810"];
	n3	[fillcolor="#ffffb2",
		fontcolor="#000000",
		label="Test Combined Authority\nA 0.81 (strong)  D 0.19\nmoney not recorded",
		margin="0.2,0.055",
		style="filled,rounded,diagonals",
		tooltip="Test Combined Authority (combined authority): accountability 0.810 (strong: statutory; can impose consequences; 2 links from voters), \
deficit 0.190, 2 links to voters; public money unknown, exposure unknown"];
	n2 -> n3	[color="#000000",
		penwidth=3.20,
		style=solid,
		tooltip="link 'test-combined-accountable-to-council' (accountable-to); strength 0.900"];
	n3 -> n4	[color="#000000",
		penwidth=3.20,
		style=solid,
		tooltip="link 'test-x-accountable-to-combined' (accountable-to); strength 0.900"];
	n3 -> n5	[color="#000000",
		penwidth=3.20,
		style=solid,
		tooltip="link 'test-y-accountable-to-combined' (accountable-to); strength 0.900"];
}
--- stderr
