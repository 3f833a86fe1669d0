#!/bin/bash
# make bench: generate synthetic municipalities of 1,000 / 50,000 /
# 1,000,000 staff (cached in build/bench/), run `kadry report` on each
# several times and print the median wall time per stage, throughput, peak
# RSS, and the raw libcsv floor with our ratio to it.
#
#   SIZES="1000 50000" RUNS=3 KADRY=build/perf/kadry B=build/perf/bench \
#       tests/bench/run.sh
#
# KADRY is the binary under test (default ./kadry), B the folder for the
# generated inputs, outputs and raw timings (default build/bench).
set -eu
cd "$(dirname "$0")/../.."
SIZES=${SIZES:-"1000 50000 1000000"}
RUNS=${RUNS:-3}
KADRY=${KADRY:-./kadry}
B=${B:-build/bench}
mkdir -p "$B"
cc -O2 -o "$B/gen" tests/bench/gen.c
cc -O2 -o "$B/floor" tests/bench/floor.c -lcsv
export SOURCE_DATE_EPOCH=1797811200 KADRY_TIMING=1

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

hfmt='%-8s %6s %8s %8s %7s %7s %6s %7s %6s %7s %6s %7s %6s %8s %7s %5s %5s\n'
fmt='%-8s %6.1f %8d %8.3f %7.3f %7.3f %6.3f %7.3f %6.3f %7.3f %6.3f %7.3f'
fmt="$fmt %6.1f %8.0f %7.1f %5.0f %5.2f\n"
printf "$hfmt" staff MB rows read+val compute analysis csv xlsx pdf writers \
	commit total MB/s rows/s RSS_MB B/row floor
for n in $SIZES; do
	d="$B/in-$n"
	# regenerate when the generator changed
	stamp=$(cksum <tests/bench/gen.c)
	[ -f "$d/.done" ] && [ "$(cat "$d/.done")" = "$stamp" ] || {
		rm -rf "$d"; "$B/gen" "$n" "$d"; echo "$stamp" >"$d/.done"; }
	bytes=$(cat "$d"/*.csv | wc -c)
	: >"$B/t-$n"
	for r in $(seq "$RUNS"); do
		# the last run's output still being written back to disk
		# would slow this run's reading: flush it first
		sync
		"$KADRY" report "$d" -o "$B/out-$n" --period 2026-12 --force \
			--quiet 2>"$B/err-$n" >/dev/null || true
		grep '^timing:' "$B/err-$n" | sed "s/^/$r /" >>"$B/t-$n"
	done
	# rows accepted, from the per-file lines of the last run
	rows=$(sed -n 's/.*принято \([0-9]*\),.*/\1/p' "$B/err-$n" |
		awk '{s += $1} END {print s + 0}')
	fl=$( for r in $(seq "$RUNS"); do
		"$B/floor" "$d"/*.csv | awk '{print $(NF - 1)}'
	done | median )
	st() {
		awk -v k="$1" '$3 == k {print $4}' "$B/t-$n" | median
	}
	rv=$(st read+validate); tot=$(st total)
	rss=$(awk '$3 == "peak_rss" {print $4}' "$B/t-$n" | median)
	calc() { echo "$1" | bc -l; }
	printf "$fmt" "$n" "$(calc "$bytes/1048576")" "$rows" "$rv" \
		"$(st compute)" "$(st analysis)" \
		"$(st summary+validation.csv)" "$(st xlsx)" "$(st pdf)" \
		"$(st writers)" "$(st commit+sha256)" "$tot" \
		"$(calc "$bytes/1048576/$rv")" "$(calc "$rows/$rv")" \
		"$(calc "$rss/1024")" "$(calc "$rss*1024/$rows")" \
		"$(calc "$rv/$fl")"
done
echo "Medians of $RUNS runs of $KADRY. rows: rows accepted (all files);"
echo "rows/s: accepted rows per second of read+validate; B/row: peak RSS per"
echo "accepted row; csv: summary.csv + validation.csv (with diagnostics"
echo "sorted); xlsx: the three workbooks, pdf: the note, each its own time;"
echo "writers: the wall time of both threads writing them in parallel;"
echo "commit: output rename and SHA256SUMS. floor: libcsv tokenising the"
echo "same files with empty callbacks; the last column is read+validate"
echo "divided by that floor."
