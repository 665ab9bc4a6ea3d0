map --national (DOT): one box per footprint (england/testshire: 5 bodies,
£460m, filled by its weakest chain 0.76, deficit weighted by known money 0.195;
england/otherside: 1 body, 0.190) and the national parliament as itself,
in one box for England packed by osage (packmode, sortv), the legend
after it; no lines (the legend counts the 2 links), no ghosts.
--- args
-r tests/fixtures/analysis/collapse --on 2024-06-01 map --format dot --national
--- exit
0
--- stdout
digraph govmap {
	graph [fontname=Helvetica,
		fontsize=20,
		label="govmap: test-analysis-collapse, working tree, on 2024-06-01\l",
		labeljust=l,
		labelloc=t,
		nodesep=0.25,
		outputorder=edgesfirst,
		pack=12,
		packmode=array_u3,
		rankdir=TB,
		ranksep=0.6
	];
	node [fontname=Helvetica,
		fontsize=10,
		shape=box,
		style="filled,rounded"
	];
	edge [dir=back];
	subgraph cluster_0 {
		graph [color="#999999",
			fontsize=12,
			label=England,
			labeljust=c,
			pack=8,
			packmode=array_u3,
			sortv=0,
			style=rounded
		];
		n0	[fillcolor="#f03b20",
			fontcolor="#000000",
			label="Testshire\nD weakest 0.76, by known money 0.19\n5 bodies, £460m a year (4 of 5 known)",
			sortv=6,
			style=filled,
			tooltip="5 bodies summarised (Testshire); weakest chain: deficit 0.757; deficit weighted by known money 0.195; largest: Test Council"];
		n1	[fillcolor="#ffffb2",
			fontcolor="#000000",
			label="Test Parliament\nA 0.90 (strong)  D 0.10\nmoney not recorded",
			margin="0.2,0.055",
			sortv=4,
			style="filled,rounded,diagonals",
			tooltip="Test Parliament (parliament): accountability 0.900 (strong: statutory; can impose consequences; 1 link from voters), deficit 0.100, \
1 link to voters; public money unknown, exposure unknown"];
		n2	[fillcolor="#ffffb2",
			fontcolor="#000000",
			label="Otherside\nD weakest 0.19, by money 0.19\n1 body, £20m a year",
			sortv=8,
			style=filled,
			tooltip="1 body summarised (Otherside); weakest chain: deficit 0.190; deficit weighted by money 0.190; largest: Test Other Trust"];
	}
	subgraph voters {
		graph [rank=min];
	}
	subgraph legendrank {
		graph [rank=sink];
		legend	[label=<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="#ffffff"><TR><TD COLSPAN="2"><B>Legend</B></TD><TD WIDTH="12"></TD></TR><TR><TD BGCOLOR="#2166ac"> </TD><TD ALIGN="LEFT"><FONT>electorate (voters)</FONT></TD></TR><TR><TD BGCOLOR="#ffffb2"> </TD><TD ALIGN="LEFT">deficit under 0.2</TD></TR><TR><TD BGCOLOR="#fecc5c"> </TD><TD ALIGN="LEFT">0.2 to 0.4</TD></TR><TR><TD BGCOLOR="#fd8d3c"> </TD><TD ALIGN="LEFT">0.4 to 0.6</TD></TR><TR><TD BGCOLOR="#f03b20"> </TD><TD ALIGN="LEFT">0.6 to 0.8</TD></TR><TR><TD BGCOLOR="#bd0026"> </TD><TD ALIGN="LEFT">0.8 to 1 (no or very weak chain)</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">A = accountability, D = deficit = 1 - A;<BR/>an area: its ICB, board or trust, filled<BR/>by its weakest chain (largest D)</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">A in words: strong 0.7+, moderate 0.4+,<BR/>weak 0.2+, very weak, none; "a to b": worst<BR/>to best case where powers or seat fills<BR/>are not recorded</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">cut corners: money not recorded for this<BR/>year (unknown, not zero)</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT" BALIGN="LEFT">2 links between these areas and bodies<BR/>not drawn: the map of each region<BR/>draws them</TD></TR></TABLE>>,
			shape=plaintext,
			sortv=4,
			style="",
			tooltip=legend];
	}
}
--- stderr
