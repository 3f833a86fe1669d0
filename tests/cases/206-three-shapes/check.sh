# The same municipality in the three shapes input.md allows gives a
# byte-identical summary.csv: per-school folders in Windows-1251 with ';'
# and Russian labels (the run of `args`), the same files flattened into one
# folder, and one flat UTF-8 folder with ',' and English keys.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir "$t/flat"
for f in $(cd ../../../samples/lenin && find . -name '*.csv' | sort); do
	d=$(dirname "$f" | tr -d './')
	b=$(basename "$f" .csv)
	cp "../../../samples/lenin/$f" "$t/flat/${b}_${d:-top}.csv"
done
for shape in flat utf8; do
	in="$t/flat"
	[ $shape = utf8 ] && in=../../../samples/lenin-utf8
	"$KADRY" report "$in" -o "$t/$shape" --period 2026-12 --quiet \
		--template ../../../templates/default 2>/dev/null || true
	cmp "$1/2026-12/summary.csv" "$t/$shape/2026-12/summary.csv"
done
