# The two regional forms (forecast.xlsx): every cell against summary.csv
# and the district figures on the sample (check.py, openpyxl of the system
# Python), and the same on a generated municipality of 1000 teachers
# (tests/bench/gen.c); the file is listed in SHA256SUMS and in the bundle;
# the roll-up of three municipalities sums every form row exactly.
# LibreOffice opens forecast.xlsx in case 305 (tests/xlsx/lo_check.sh).
out=$1
root=../../..
p=$out/2026-12
/usr/bin/python3 check.py "$p" $root/samples/lenin || exit 1
grep -q '  forecast.xlsx$' "$p/SHA256SUMS" || { echo "not in SHA256SUMS"; exit 1; }
(cd "$p" && sha256sum --quiet -c SHA256SUMS) || exit 1
unzip -l "$p"/*.zip | grep -q ' forecast.xlsx$' || { echo "not in the bundle"; exit 1; }
# a generated municipality: 1000 teachers, about 30 organizations
cc -O2 -o "$out-gen" ../../bench/gen.c || exit 1
"$out-gen" 1000 "$out-genin" || exit 1
"$KADRY" report "$out-genin" -o "$out-genout" --period 2026-12 --quiet \
	2>/dev/null
[ $? -le 1 ] || { echo "report of the generated input failed"; exit 1; }
/usr/bin/python3 check.py "$out-genout/2026-12" "$out-genin" || exit 1
# the roll-up: the sample and its two variants
tpl=$root/templates/lenin
for s in variants/gorodishchensky variants/sredneakhtubinsky; do
	"$KADRY" report $root/samples/$s -o "$out-$(basename $s)" \
		--period 2026-12 --template $tpl --quiet 2>/dev/null
	[ $? -le 1 ] || { echo "report $s failed"; exit 1; }
done
a=$p/summary.csv
b=$out-gorodishchensky/2026-12/summary.csv
c=$out-sredneakhtubinsky/2026-12/summary.csv
"$KADRY" rollup "$a" "$b" "$c" -o "$out-region" --template $tpl --quiet ||
	{ echo "rollup: exit $?"; exit 1; }
sum=$out-region/2026-12/summary.csv
awk -F, -v sum="$sum" '
	FNR == 1 { next }
	FILENAME != sum && $2 == "district" && $5 ~ /^F\./ {
		k = $5 "|" $6
		if ($7 != "") { n[k] += $7; has[k] = 1 }
		if ($8 != "") d[k] += $8
		keys[k] = 1
		next
	}
	FILENAME == sum && $2 == "region" && $5 ~ /^F\./ {
		k = $5 "|" $6; seen[k] = 1; cnt++
		if (($7 == "" && has[k]) || ($7 != "" && $7 != n[k]) ||
		    ($8 != "" && $8 != d[k])) {
			print "region " k ": " $7 "/" $8 ", sum " n[k] "/" d[k]
			bad++
		}
	}
	END {
		for (k in keys) if (!(k in seen)) { print "no region " k; bad++ }
		if (bad || cnt < 40) { print cnt " form rows checked"; exit 1 }
	}
' "$a" "$b" "$c" "$sum" || exit 1
# by hand: teachers 60+ of the three districts, and the region equals them
t=0
for f in "$a" "$b" "$c"; do
	v=$(grep ',district,[^,]*,[^,]*,K.teachers60,,' "$f" | cut -d, -f7)
	t=$((t + v))
done
grep -q ",region,.*,F.need.teachers60,,$t,," "$sum" ||
	{ echo "region F.need.teachers60 is not $t"; exit 1; }
