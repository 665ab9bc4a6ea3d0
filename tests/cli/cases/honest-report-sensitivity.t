report --sensitivity (issue 15): the ranks each body takes under the 11 documented variations, and each ranking called robust or not.
--- args
-r tests/fixtures/analysis/honest --on 2024-06-01 report --sensitivity
--- exit
0
--- same-stdout-as
-r tests/fixtures/analysis/honest --on 2024-06-01 report
--- stdout-diff
@@ -30,0 +31,14 @@
+Sensitivity: the ranks each body takes under 11 variations of the model
+  variations: basis weights +25%; basis weights -25%; powers weights +25%;
+    powers weights -25%; type weights +25%; type weights -25%; seat fill weights
+    +25%; seat fill weights -25%; step weight +25%; step weight -25%; chain =
+    its weakest link
+
+  Ranked by exposure: robust (no body moves more than one place)
+      1. Test Trust                                       1 to 2
+      2. Test Council                                     1 to 2
+
+  Weak bodies with no money, by deficit: robust (no body moves more than one
+    place)
+      1. Test Partnership                                 always 1
+
--- stderr
