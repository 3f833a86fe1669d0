#!/bin/bash
# make bench: generate synthetic municipalities of 1,000 / 50,000 /
# 1,000,000 staff (cached in build/bench/), run `kadry report` on each
# several times and print the median wall time per stage, throughput, peak
# RSS, and the raw libcsv floor with our ratio to it.
#
#   SIZES="1000 50000" RUNS=3 tests/bench/run.sh
set -eu
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"1000 50000 1000000"}
RUNS=${RUNS:-3}
B=build/bench
mkdir -p "$B"
cc -O2 -o "$B/gen" tests/bench/gen.c
cc -O2 -o "$B/floor" tests/bench/floor.c -lcsv
export SOURCE_DATE_EPOCH=1797811200 KADRY_TIMING=1

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

printf '%-9s %9s %9s %8s %8s %8s %8s %8s %9s %8s %9s %8s %6s\n' \
	staff MB rows read+val compute analysis xlsx pdf total MB/s rows/s \
	RSS_MB floor
for n in $SIZES; do
	d="$B/in-$n"
	[ -f "$d/.done" ] || { rm -rf "$d"; "$B/gen" "$n" "$d"; touch "$d/.done"; }
	bytes=$(cat "$d"/*.csv | wc -c)
	rows=$(cat "$d"/*.csv | wc -l)
	: >"$B/t-$n"
	for r in $(seq "$RUNS"); do
		./kadry report "$d" -o "$B/out-$n" --period 2026-12 --force \
			--quiet 2>"$B/err-$n" >/dev/null || true
		grep '^timing:' "$B/err-$n" | sed "s/^/$r /" >>"$B/t-$n"
	done
	fl=$( for r in $(seq "$RUNS"); do
		/usr/bin/time -f %e "$B/floor" "$d"/*.csv 2>&1 >/dev/null | tail -n1
	done | median )
	st() { awk -v k="$1" '$3 == k {print $4}' "$B/t-$n" | median; }
	rv=$(st read+validate); tot=$(st total)
	rss=$(awk '$3 == "peak_rss" {print $4}' "$B/t-$n" | median)
	printf '%-9s %9.1f %9d %8.3f %8.3f %8.3f %8.3f %8.3f %9.3f %8.1f %9.0f %8.1f %6.2f\n' \
		"$n" "$(echo "$bytes/1048576" | bc -l)" "$rows" "$rv" \
		"$(st compute)" "$(st analysis)" "$(st xlsx)" "$(st pdf)" "$tot" \
		"$(echo "$bytes/1048576/$rv" | bc -l)" "$(echo "$rows/$rv" | bc -l)" \
		"$(echo "$rss/1024" | bc -l)" "$(echo "$rv/$fl" | bc -l)"
done
echo "floor: libcsv tokenising the same files with empty callbacks;"
echo "       the last column is read+validate divided by that floor."
