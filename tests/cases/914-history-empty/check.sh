#!/bin/sh
# --history on a folder without any summary.csv (the first year): the run
# goes on without dynamics.  history_load() passed qsort a NULL array, which
# UBSan stops (make asan runs this case).
set -eu
test -f "$1/2026-12/summary.csv"
