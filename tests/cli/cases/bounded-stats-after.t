stats (issue 17): from the bound on the membership and council of governors are counted in force (board 1 of 1, body 4 of 4); the rest as the day before.
--- args
-r tests/fixtures/analysis/bounded --on 2024-04-01 stats
--- exit
0
--- same-stdout-as
-r tests/fixtures/analysis/bounded --on 2024-03-31 stats
--- stdout-diff
@@ -1 +1 @@
-test-bounded (working tree): 7 entities, in force on 2024-03-31 as counted below
+test-bounded (working tree): 7 entities, in force on 2024-04-01 as counted below
@@ -4 +4 @@
-  public money: 0 entities with a money series, 0 of them with a figure for 2023/24 (the financial year of 2024-03-31)
+  public money: 0 entities with a money series, 0 of them with a figure for 2024/25 (the financial year of 2024-04-01)
@@ -7,2 +7,2 @@
-  board      0      1
-  body       3      4
+  board      1      1
+  body       4      4
@@ -13 +13 @@
-  council-of-governors      0      1
+  council-of-governors      1      1
@@ -17 +17 @@
-  membership                0      1
+  membership                1      1
@@ -21 +21 @@
-  england/testshire      3      4
+  england/testshire      4      4
@@ -24 +24 @@
-  england/testshire: council-of-governors      0      1
+  england/testshire: council-of-governors      1      1
@@ -27 +27 @@
-  england/testshire: membership                0      1
+  england/testshire: membership                1      1
@@ -29 +29 @@
-  england: council-of-governors                0      1
+  england: council-of-governors                1      1
@@ -32 +32 @@
-  england: membership                          0      1
+  england: membership                          1      1
@@ -46,0 +47 @@
+  membership: 0 of 1
--- stderr
