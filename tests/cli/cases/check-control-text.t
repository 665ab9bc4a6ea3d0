check warns of a control character in free text (an escape sequence, a bell), escaped in the message; a tab and a line break are free text's own and not warned of.
--- args
-r tests/fixtures/cli/control-text check
--- exit
0
--- stdout
test-control-text (working tree): 1 file, 1 entity (1 body, 0 boards, 0 contracts, 0 links): 0 errors, 1 warning
--- stderr
tests/fixtures/cli/control-text/bodies.yaml:10:8: warning: 'notes' holds a control character (\x1B): every output escapes it, but it has no place in the record: remove it ('set the title \x1B]0;pwned\x07 here')
