# Each deliberate mistake of samples/lenin (see its README.md) must be
# reported at its file:line; the exact wording is fixed by the validator.
err=$(dirname "$1")/stderr
fail=0
for loc in \
	01_zaplavinskaya/курсы.csv:42: \
	02_tsarevskaya/диагностика.csv:24: \
	03_leninsk1/кадры.csv:33: \
	04_leninsk2/курсы.csv:50: \
	05_leninsk3/наставничество.csv:3: \
	06_malyaevskaya/кадры.csv:15: \
	08_pokrovskaya/вакансии.csv:4: \
	09_stepnovskaya/кадры.csv:14: \
	10_bakhtiyarovskaya/кадры.csv:4: \
	11_ilichevskaya/диагностика.csv:6: \
	07_kolombinskaya/кадры.csv:1:
do
	if ! grep -qF -- "$loc" "$err"; then
		echo "not reported: $loc"
		fail=1
	fi
done
# every other row of the sample is accepted: 9 rejected rows in all
rej=$(sed -n 's/.*, отклонено \([0-9]*\),.*/\1/p' "$err" |
	awk '{ n += $1 } END { print n + 0 }')
if [ "$rej" != 9 ]; then
	echo "rejected rows: $rej, expected 9"
	fail=1
fi
exit $fail
