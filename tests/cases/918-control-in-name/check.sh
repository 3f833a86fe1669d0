#!/bin/sh
# Control bytes (C0, DEL) in an organization's name and in a subject (a
# school's cells may hold them): summary.csv carried them, and the summary
# reader refuses C0 (H016), so next year's --history lost those rows (and
# DEL made a small summary "binary", R002: fuzz_summary's corpus entry
# regress_del_roundtrip).  Now they are written as U+FFFD and next year's
# run reads every row back.
set -eu
: "${KADRY:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
t=../../../templates/default
"$KADRY" report input -o "$tmp/a" --period 2025-12 --template $t \
	>/dev/null 2>"$tmp/err1"
"$KADRY" report input -o "$tmp/b" --period 2026-12 --template $t \
	--history "$tmp/a" >/dev/null 2>"$tmp/err2"
if grep -q 'H016' "$tmp/err2" ||
   ! grep -q 'summary.csv: прочитано [0-9]*, принято [0-9]*, отклонено 0,' \
	"$tmp/err2"; then
	echo "history rows lost:"
	grep 'summary.csv' "$tmp/err2" | head -5
	exit 1
fi
