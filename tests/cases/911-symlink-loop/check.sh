#!/bin/sh
# Symbolic links that loop back into the input folder (x -> ., y -> .,
# z -> .): every real file must be read once and the run must end.  The
# folder scan used to follow links down to depth 16, so three such links
# gave 3^16 paths: the run never ended and its memory grew (two links: 2^16
# copies of each file, 0.5 million diagnostics).  Expected: each folder
# visited once (by device and inode), the files counted once.
. ../hostile.inc
ln -s . "$in/x"
ln -s . "$in/y"
ln -s . "$in/z"
rc=0
timeout 10 "$KADRY" check "$in" --period 2026-12 >"$tmp/stdout" \
	2>"$err" || rc=$?
[ "$rc" != 124 ] || bad "no end in 10 s"
expect_rc 0
expect_good_files
n=$(grep -c ': прочитано ' "$err" || true)
[ "$n" = 2 ] || bad "$n files in the count table, expected 2"
finish
