# The independent Python oracle (scripts/check_sample.py: its own CSV
# reading, validation rules and formulas) agrees with kadry on every
# sample: each district line it computes is in kadry's summary.csv, byte
# for byte, and it rejects as many rows.  Needs /usr/bin/python3 only.
out=$1
root=../../..
fails=0
# same SAMPLE KADRY_OUT: the oracle's lines against kadry's summary.csv
same() {
	sum=$2/2026-12/summary.csv
	/usr/bin/python3 $root/scripts/check_sample.py $root/samples/$1 \
		--period 2026-12 >"$2.oracle" || { echo "$1: oracle failed"; return 1; }
	n=0
	grep -v '^#' "$2.oracle" | tail -n +2 >"$2.lines"
	while IFS= read -r line; do
		n=$((n + 1))
		grep -qxF -- "$line" "$sum" || { echo "$1: kadry differs: $line"; fails=1; }
	done <"$2.lines"
	# the 18 indicators and the staff, mentoring, deficit and need figures
	ni=$(cut -d, -f5 "$2.lines" | grep -c '^I[0-9][0-9]$')
	[ $n -ge 50 ] && [ "$ni" = 18 ] ||
		{ echo "$1: only $n oracle lines, $ni indicators"; return 1; }
	want=$(sed -n 's/^# rejected rows: //p' "$2.oracle")
	got=$(awk -F'отклонено ' 'NF > 1 {split($2, a, ","); s += a[1]}
		END {print s + 0}' "$2.err")
	[ "$want" = "$got" ] ||
		{ echo "$1: oracle rejects $want rows, kadry $got"; return 1; }
	echo "$1: $n oracle lines checked, $got rows rejected by both"
}
cp "$(dirname "$out")/stderr" "$out.err"
same lenin "$out" || fails=1
for s in lenin-utf8 variants/gorodishchensky variants/sredneakhtubinsky; do
	o=$out-$(basename $s)
	"$KADRY" report $root/samples/$s -o "$o" --period 2026-12 \
		--template $root/templates/lenin >/dev/null 2>"$o.err"
	[ $? -le 1 ] || { cat "$o.err"; exit 1; }
	same $s "$o" || fails=1
done
exit $fails
