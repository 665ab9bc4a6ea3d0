explain with weights overridden in govmap.yaml (issue 15): says so, and the strengths show the scaled weights.
--- args
-r tests/fixtures/analysis/weights --on 2024-06-01 explain test-trust
--- exit
0
--- same-stdout-as
--nearest-year -r tests/fixtures/analysis/honest --on 2025-06-01 explain test-trust
--- stdout-diff
@@ -2,4 +2,5 @@
-  region england/testshire; in force: from 2000-01-01; defined at tests/fixtures/analysis/honest/registry.yaml:38:1
-  on 2025-06-01: accountability A = 0.162 to 0.810 (very weak: statutory; powers not recorded; 2 links from voters), deficit D = 0.838
-  A is 0.162 if what is not recorded (a link's powers, how seats are filled) gives no chain, 0.810 at best (strong)
-  public money £100m (2024/25 budget; the nearest year recorded, not this date's); exposure D x money = £84m
+  (scored with non-default weights set in govmap.yaml)
+  region england/testshire; in force: from 2000-01-01; defined at tests/fixtures/analysis/weights/registry.yaml:38:1
+  on 2024-06-01: accountability A = 0.243 to 0.810 (weak: statutory; powers not recorded; 2 links from voters), deficit D = 0.757
+  A is 0.243 if what is not recorded (a link's powers, how seats are filled) gives no chain, 0.810 at best (strong)
+  public money £100m (2024/25 budget); exposure D x money = £76m
@@ -11 +12 @@
-     strength 0.180: step 0.90 x basis statute 1.00 x powers 0.20 x type scrutinised-by 1.00 = 0.180
+     strength 0.270: step 0.90 x basis statute 1.00 x powers 0.30 x type scrutinised-by 1.00 = 0.270
@@ -13 +14 @@
-     defined at tests/fixtures/analysis/honest/registry.yaml:63:1
+     defined at tests/fixtures/analysis/weights/registry.yaml:59:1
@@ -19 +20 @@
-     defined at tests/fixtures/analysis/honest/registry.yaml:26:1
+     defined at tests/fixtures/analysis/weights/registry.yaml:26:1
@@ -29,2 +30,2 @@
-  strengthen link 'test-trust-scrutinised' (scrutinised-by) (Test Trust -> Test Council, now 0.180) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
-  A would rise from 0.162 to 0.810 (deficit 0.838 -> 0.190).
+  strengthen link 'test-trust-scrutinised' (scrutinised-by) (Test Trust -> Test Council, now 0.270) to full strength (0.9): a statutory footing with the powers to inform, question and sanction.
+  A would rise from 0.243 to 0.810 (deficit 0.757 -> 0.190).
--- stderr
