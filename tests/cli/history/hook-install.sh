#!/bin/sh
# Git pre-commit hook written by 'govmap hook install'.
# Checks the registry as staged for this commit (the index, not the
# working tree) and stops the commit if it has errors.  Skip once with
# 'git commit --no-verify'; replace with 'govmap hook install --force'.
# Set GOVMAP to use another govmap binary.
GOVMAP=${GOVMAP:-'@BIN@'}
exec "$GOVMAP" -r 'reg' --staged check --quiet
