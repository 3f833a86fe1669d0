#!/bin/sh
# Converts every workbook of a period folder to PDF with LibreOffice
# headless and fails when a conversion fails, prints an error or gives an
# empty document.  Usage: lo_check.sh PERIOD_DIR
set -u
dir=$1
if ! command -v soffice >/dev/null 2>&1; then
	echo "lo_check: LibreOffice (soffice) is not installed: skipped"
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0 n=0
for x in "$dir"/monitoring.xlsx "$dir"/forecast.xlsx "$dir"/personal/lists.xlsx \
	 $(ls "$dir"/personal/returns/*.xlsx 2>/dev/null | head -n 2); do
	[ -f "$x" ] || continue
	n=$((n + 1))
	cp "$x" "$work/book$n.xlsx"
	if ! (cd "$work" && timeout 300 soffice --headless \
		-env:UserInstallation="file://$work/profile" \
		--convert-to pdf "book$n.xlsx" >"log$n" 2>&1); then
		echo "lo_check: $x: conversion failed"; cat "$work/log$n"
		fail=1; continue
	fi
	if grep -qi "error" "$work/log$n"; then
		echo "lo_check: $x: LibreOffice complained:"; cat "$work/log$n"
		fail=1
	fi
	pages=$(pdfinfo "$work/book$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	if [ -z "$pages" ] || [ "$pages" -lt 1 ]; then
		echo "lo_check: $x: no pages after conversion"; fail=1
	fi
done
[ "$n" -ge 3 ] || { echo "lo_check: only $n workbooks found"; fail=1; }
# a report's folder has the regional forms too (the roll-up's has none)
if [ -f "$dir/report.pdf" ] && [ -d "$dir/personal" ] &&
   [ ! -f "$dir/forecast.xlsx" ]; then
	echo "lo_check: $dir/forecast.xlsx is missing"; fail=1
fi
exit $fail
