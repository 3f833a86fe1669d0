#!/bin/sh
# Converts every workbook of a period folder to PDF with LibreOffice
# headless - all in one soffice run, since starting it is most of the
# cost - and fails when a conversion fails, prints an error or gives an
# empty document.  Usage: lo_check.sh PERIOD_DIR
# Exit 77 (skipped; a failure under CI=true, see tests/run_cases.sh) when
# soffice or pdfinfo is not installed.
set -u
dir=$1
for tool in soffice pdfinfo; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "lo_check: $tool is not installed (scripts/install-deps.sh installs it): skipped"
		exit 77
	fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0 n=0 books=""
for x in "$dir"/monitoring.xlsx "$dir"/forecast.xlsx "$dir"/personal/lists.xlsx \
	 $(ls "$dir"/personal/returns/*.xlsx 2>/dev/null | head -n 2); do
	[ -f "$x" ] || continue
	n=$((n + 1))
	cp "$x" "$work/book$n.xlsx"
	echo "$x" >"$work/name$n"
	books="$books book$n.xlsx"
done
[ "$n" -ge 3 ] || { echo "lo_check: only $n workbooks found"; exit 1; }
if ! (cd "$work" && timeout 300 soffice --headless \
	-env:UserInstallation="file://$work/profile" \
	--convert-to pdf $books >log 2>&1); then
	echo "lo_check: soffice failed:"; cat "$work/log"; fail=1
fi
if grep -qi "error" "$work/log"; then
	echo "lo_check: LibreOffice complained:"; cat "$work/log"; fail=1
fi
i=1
while [ $i -le $n ]; do
	pages=$(pdfinfo "$work/book$i.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	if [ -z "$pages" ] || [ "$pages" -lt 1 ]; then
		echo "lo_check: $(cat "$work/name$i"): no pages after conversion"
		fail=1
	fi
	i=$((i + 1))
done
# a report's folder has the regional forms too (the roll-up's has none)
if [ -f "$dir/report.pdf" ] && [ -d "$dir/personal" ] &&
   [ ! -f "$dir/forecast.xlsx" ]; then
	echo "lo_check: $dir/forecast.xlsx is missing"; fail=1
fi
exit $fail
