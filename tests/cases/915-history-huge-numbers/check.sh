#!/bin/sh
# A history summary.csv with 16- and 18-digit numerators: the percent
# 2000 * n overflowed 64 bits in percent_tenths() (UBSan stops make asan's
# run).  Numbers of more than 12 digits are now refused (H007) and 12-digit
# ones are read; the run goes on (exit 1: rows were rejected).
set -eu
: "${KADRY:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$KADRY" report input -o "$tmp/o" --period 2026-12 --force \
	--template ../../../templates/default --history history \
	>/dev/null 2>"$tmp/err" || rc=$?
[ "${rc:-0}" = 1 ] || { echo "exit ${rc:-0}, expected 1"; exit 1; }
for line in 3 4 6; do
	grep -q "^history/summary.csv:$line: .*error: H007: " "$tmp/err" || {
		echo "no H007 on line $line"
		cat "$tmp/err"
		exit 1
	}
done
grep -q 'summary.csv: прочитано 5, принято 2, отклонено 3' "$tmp/err" || {
	echo "counts differ"
	cat "$tmp/err"
	exit 1
}
