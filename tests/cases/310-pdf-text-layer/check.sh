# The sample note (the demo's) and a roll-up note: readers take them
# silently (pdftotext, and once pdftoppm, print nothing on stderr), qpdf
# finds nothing, pypdf, pdfminer and pdftotext extract the same words
# (tests/pdf/words.py), justified lines keep word gaps of at most two
# spaces (95 %) and never over three (tests/pdf/gaps.py); every numbered
# section and the draft decision have a bookmark, opened on display; the
# language is Russian.
set -u
out=$1
root=../../..
py=/usr/bin/python3
pdf=$out/2026-12/report.pdf
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$KADRY" rollup "$out/2026-12/summary.csv" -o "$out-region" \
	--template $root/templates/lenin --quiet || bad "rollup: exit $?"
for f in "$pdf" "$out-region/2026-12/report.pdf"; do
	err=$(pdftotext "$f" /dev/null 2>&1)
	[ -z "$err" ] || bad "pdftotext $f: $err"
	qpdf --check "$f" >/dev/null 2>&1 || bad "qpdf --check $f"
done
# the one rendering of the test suite, at low resolution
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
err=$(pdftoppm -r 20 -png "$pdf" "$tmp/p" 2>&1)
[ -z "$err" ] || bad "pdftoppm: $err"
$py $root/tests/pdf/words.py "$pdf" || bad "words differ between tools"
$py $root/tests/pdf/gaps.py "$pdf" || bad "word gaps"
$py - "$pdf" <<'PY' || bad "bookmarks or metadata"
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
root = r.trailer['/Root']
assert root['/Lang'] == 'ru-RU', root.get('/Lang')
assert root['/PageMode'] == '/UseOutlines', root.get('/PageMode')
top = [o for o in r.outline if not isinstance(o, list)]
titles = [o.title for o in top]
want = [f'{i}. ' for i in range(1, 11)]
assert [t[:len(w)] for t, w in zip(titles, want)] == want, titles
assert titles[-1] == 'Проект решения коллегии', titles
assert titles[2] == '3. Кадровый состав', titles
# each bookmark points at the page its heading is on
for o in top:
    page = r.pages[r.get_destination_page_number(o)].extract_text()
    assert ' '.join(o.title.split()[1:3]) in ' '.join(page.split()), o.title
assert r.metadata.title.startswith('Аналитическая справка'), r.metadata
assert r.metadata.creator == 'Kadry', r.metadata
PY
exit $fail
