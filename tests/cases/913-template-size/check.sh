#!/bin/sh
# A template file is capped at 1 MiB (exit 2, «файл шаблона больше 1 МБ»).
# The reader doubled its buffer before comparing, so files up to 2 MiB got
# through; here 1.5 MiB is refused, and exactly 1 MiB is still read.
. ../hostile.inc
cp -r ../../../templates/default "$tmp/t"
pad() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
s = open(path, "rb").read()
line = b"; " + b"x" * 97 + b"\n"
n = (size - len(s)) // len(line)
s += line * n
s += b";" + b"x" * (size - len(s) - 2) + b"\n"
open(path, "wb").write(s)
PY
}
cp "$tmp/t/template.ini" "$tmp/orig.ini"
pad "$tmp/t/template.ini" 1572864
rc=0
"$KADRY" report "$in" -o "$tmp/o" --period 2026-12 --force \
	--template "$tmp/t" >"$tmp/stdout" 2>"$err" || rc=$?
expect_rc 2
grep -q 'template.ini: файл шаблона больше 1 МБ' "$err" ||
	bad "no «файл шаблона больше 1 МБ»"
cp "$tmp/orig.ini" "$tmp/t/template.ini"
pad "$tmp/t/template.ini" 1048576
[ "$(wc -c <"$tmp/t/template.ini")" = 1048576 ] || bad "pad: wrong size"
rc=0
"$KADRY" report "$in" -o "$tmp/o" --period 2026-12 --force \
	--template "$tmp/t" >"$tmp/stdout" 2>"$err" || rc=$?
expect_rc 0
finish
