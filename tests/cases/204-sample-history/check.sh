# A history summary that itself holds year: rows (as a run with --history
# writes them) must not give nested breakdowns such as year:2025;year:2024.
sum=$(ls "$1"/*/summary.csv | head -n 1)
if grep -q 'year:[0-9]*;year:' "$sum"; then
	echo "nested year breakdowns:"; grep 'year:[0-9]*;year:' "$sum"
	exit 1
fi
