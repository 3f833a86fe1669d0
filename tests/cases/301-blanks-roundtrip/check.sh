# The blank forms, filled programmatically and saved as CSV the way a
# Russian Excel saves them (Windows-1251, ';') and by LibreOffice, pass
# `kadry check` with no rejected row and no warning.  Without LibreOffice
# the rest is checked and the case ends skipped (exit 77: a failure in CI).
blanks=$1
work=$(dirname "$1")/filled
/usr/bin/python3 fill.py "$blanks" "$work" || exit 1

# check FOLDER: exit 0, six files read, none rejected or warned
clean() {
	"$KADRY" check "$1" --period 2026-12 2>"$1.err"
	rc=$?
	cat "$1.err"
	[ $rc = 0 ] || { echo "$1: kadry check: exit $rc"; return 1; }
	n=$(grep -c 'отклонено 0, предупреждений 0$' "$1.err")
	[ "$n" = 6 ] || { echo "$1: clean files: $n of 6"; return 1; }
	grep -q 'кадры.csv: прочитано 3, принято 3' "$1.err" ||
		{ echo "$1: staff rows not all read"; return 1; }
}
clean "$work/excel" || exit 1

lo=0
if command -v soffice >/dev/null 2>&1; then
	lo=1
	mkdir -p "$work/lo"
	# 59 = ';', 34 = '"', 76 = UTF-8 (LibreOffice's own default)
	(cd "$work/xlsx" && timeout 300 soffice --headless \
		-env:UserInstallation=file://$work/profile \
		--convert-to 'csv:Text - txt - csv (StarCalc):59,34,76' \
		--outdir "$work/lo" *.xlsx >/dev/null 2>&1)
	clean "$work/lo" || exit 1
fi

# the empty CSV templates themselves are recognised: headers only
"$KADRY" check "$blanks" --period 2026-12 2>"$work.err2" ||
	{ cat "$work.err2"; exit 1; }
if grep -q ': V1' "$work.err2"; then cat "$work.err2"; exit 1; fi
if [ $lo = 0 ]; then
	echo "LibreOffice (soffice) is not installed: its CSV files not checked"
	exit 77
fi
exit 0
