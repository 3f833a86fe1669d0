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
	10_bakhtiyarovskaya/кадры.csv:3: \
	11_ilichevskaya/диагностика.csv:6: \
	07_kolombinskaya/кадры.csv:1:
do
	if ! grep -qF -- "$loc" "$err"; then
		echo "not reported: $loc"
		fail=1
	fi
done
# the sample's real rows are all accepted: 9 rejected rows in all
grep -q 'отклонено' "$err" || { echo "no per-file count lines"; fail=1; }
exit $fail
