# The regional roll-up over three sample municipalities (samples/lenin and
# the two variants): each region row is the sum of the three district rows
# (numerators and denominators), SHA256SUMS verifies, and the argument
# order does not change a byte.
out=$1
root=../../..
tpl=$root/templates/lenin
for s in lenin variants/sredneakhtubinsky; do
	"$KADRY" report $root/samples/$s -o "$out-$(basename $s)" \
		--period 2026-12 --template $tpl --quiet 2>/dev/null
	[ $? -le 1 ] || { echo "report $s failed"; exit 1; }
done
a=$out/2026-12/summary.csv
b=$out-lenin/2026-12/summary.csv
c=$out-sredneakhtubinsky/2026-12/summary.csv
"$KADRY" rollup "$a" "$b" "$c" -o "$out-region" --template $tpl --quiet ||
	{ echo "rollup: exit $?"; exit 1; }
"$KADRY" rollup "$c" "$a" "$b" -o "$out-region2" --template $tpl --quiet ||
	exit 1
for f in summary.csv monitoring.xlsx report.pdf report.docx validation.csv \
	SHA256SUMS; do
	cmp "$out-region/2026-12/$f" "$out-region2/2026-12/$f" || exit 1
done
(cd "$out-region/2026-12" && sha256sum --quiet -c SHA256SUMS) || exit 1
# the region's note in its two renderings says the same words
case "${KADRY:-}" in
*asan*) ;;
*) /usr/bin/python3 $root/tests/docx/docx_check.py "$out-region/2026-12" \
	>/dev/null || exit 1 ;;
esac
sum=$out-region/2026-12/summary.csv
# every region total and breakdown (statuses aside) = the sum over the three
awk -F, -v sum="$sum" '
	FNR == 1 { next }
	FILENAME != sum && $2 == "district" && $5 !~ /status$/ {
		k = $5 "|" $6
		if ($7 != "") { n[k] += $7; has[k] = 1 }
		if ($8 != "") d[k] += $8
		next
	}
	FILENAME == sum && $2 == "region" && $5 !~ /status$/ {
		k = $5 "|" $6; seen++
		if (($7 == "" && has[k]) || ($7 != "" && $7 != n[k]) ||
		    ($8 != "" && $8 != d[k])) {
			print "region " k ": " $7 "/" $8 ", sum " n[k] "/" d[k]
			bad++
		}
	}
	END { if (bad || seen < 200) { print seen " rows checked"; exit 1 } }
' "$a" "$b" "$c" "$sum" || exit 1
# I01 by hand from the three samples: 158 + 221 + 164 = 543 of
# 289 + 365 + 286 = 940 -> 57.8 % (their percents average 57.5)
grep -qx '2026-12,region,Волгоградская область,,I01,,543,940,57.8' "$sum" ||
	{ grep ',region,.*,I01,,' "$sum"; exit 1; }
# the municipalities' own rows are there unchanged
grep -F ',district,Ленинский муниципальный район,' "$b" | grep -v '^$' |
	while IFS= read -r line; do
		grep -qxF -- "$line" "$sum" || { echo "lost: $line"; exit 1; }
	done
