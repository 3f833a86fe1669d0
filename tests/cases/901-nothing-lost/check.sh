#!/bin/sh
# Nothing lost: the per-file counts of README.md hold in stderr,
# validation.csv, the workbook's «Качество данных» sheet and the report's
# completeness section.  Runs `kadry report` itself (stderr is needed).
set -eu
: "${KADRY:?KADRY must point at the binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
"$KADRY" report input -o "$tmp/o" --period 2026-12 --force \
	--template ../../../templates/default >"$tmp/stdout" 2>"$tmp/stderr" ||
	rc=$?
if [ "$rc" != 1 ]; then
	echo "report: exit $rc, expected 1"
	cat "$tmp/stderr"
	exit 1
fi
pdftotext -q -layout "$tmp/o/2026-12/report.pdf" "$tmp/report.txt"
exec /usr/bin/python3 - "$tmp" <<'EOF'
import csv, re, sys
import openpyxl

tmp = sys.argv[1]
out = tmp + "/o/2026-12"
fails = []

def check(cond, what):
    if not cond:
        fails.append(what)

# The expected table from README.md.
want = {}
kinds = {}
for line in open("README.md", encoding="utf-8"):
    m = re.match(r"\| (\S+) \| (\w+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$",
                 line.strip())
    if m:
        want[m[1]] = tuple(int(x) for x in m.groups()[2:])
        kinds[m[1]] = m[2]
assert len(want) == 11, "README table not parsed"
for f, (rd, ac, rj, wn) in want.items():
    check(rd == ac + rj, f"README: {f}: read != accepted + rejected")
tot = [sum(v[i] for v in want.values()) for i in range(4)]

# 1. stderr's count table.
got = {}
for line in open(tmp + "/stderr", encoding="utf-8"):
    m = re.match(r"(.+): прочитано (\d+), принято (\d+), отклонено (\d+), "
                 r"предупреждений (\d+)$", line.rstrip("\n"))
    if m:
        got[m[1]] = tuple(int(x) for x in m.groups()[1:])
check(got == want, f"stderr table {got} != README {want}")
for f, (rd, ac, rj, wn) in got.items():
    check(rd == ac + rj, f"stderr: {f}: read {rd} != {ac} + {rj}")

# 2. validation.csv: distinct error lines per file = rejected rows, unless a
# file-level error rejects every row; warnings per file alike.
FILE_LEVEL = {"R001", "R002", "R013", "V102", "V103", "V104"}
errlines, warns, filelevel, nerr, nwarn = {}, {}, set(), 0, 0
with open(out + "/validation.csv", encoding="utf-8", newline="") as fh:
    rows = list(csv.DictReader(fh))
for r in rows:
    f = r["file"]
    check(f in want, f"validation.csv: unknown file {f}")
    if r["severity"] == "error":
        nerr += 1
        if r["code"] in FILE_LEVEL:
            filelevel.add(f)
        elif r["line"]:
            errlines.setdefault(f, set()).add(int(r["line"]))
    else:
        check(r["severity"] == "warning", f"severity {r['severity']}")
        nwarn += 1
        warns[f] = warns.get(f, 0) + 1
for f, (rd, ac, rj, wn) in want.items():
    check(warns.get(f, 0) == wn,
          f"validation.csv: {f}: {warns.get(f, 0)} warnings, want {wn}")
    if f in filelevel:
        check(ac == 0 and rj == rd,
              f"{f}: file-level error but {ac} rows accepted")
    else:
        n = len(errlines.get(f, ()))
        check(n == rj, f"validation.csv: {f}: {n} error lines, "
              f"want {rj} rejected")
check((nerr, nwarn) == (39, 8), f"validation.csv: {nerr} errors, "
      f"{nwarn} warnings, want 39 and 8")

# 3. The workbook's «Качество данных»: the files table and the list.
wb = openpyxl.load_workbook(out + "/monitoring.xlsx", read_only=True)
ws = wb["Качество данных"]
cells = [list(r) for r in ws.iter_rows(values_only=True)]
hdr = next(i for i, r in enumerate(cells) if "Прочитано" in r)
c0 = cells[hdr].index("Файл", 1)
cols = {n: cells[hdr].index(n) for n in
        ("Прочитано", "Принято", "Отклонено", "Предупреждений")}
sheet = {}
for r in cells[hdr + 1:]:
    if len(r) > c0 and r[c0]:
        sheet[r[c0]] = tuple(int(r[cols[n]]) for n in
                             ("Прочитано", "Принято", "Отклонено",
                              "Предупреждений"))
check(sheet == want, f"Качество данных: files {sheet} != README {want}")
listed = [r for r in cells[hdr + 1:] if r[0]]
check(len(listed) == len(rows),
      f"Качество данных: {len(listed)} diagnostics, validation.csv "
      f"{len(rows)}")
sev = {"ошибка": "error", "предупреждение": "warning"}
for f in want:
    el = {int(r[1]) for r in listed if r[0] == f and r[1] and
          sev.get(r[3]) == "error" and r[4] not in FILE_LEVEL}
    check(el == errlines.get(f, set()),
          f"Качество данных: {f}: error lines {sorted(el)}")
text = " ".join(str(c[0]) for c in cells[:hdr] if c and c[0])
check(f"Ошибок: {nerr}, предупреждений: {nwarn}" in text,
      f"Качество данных: no «Ошибок: {nerr}, предупреждений: {nwarn}»")

# 4. report.pdf, «Источники данных и полнота сведений».
txt = open(tmp + "/report.txt", encoding="utf-8").read()
sec = txt[txt.index("Источники данных и полнота"):]
sec = sec[:re.search(r"\n\s*2\. ", sec).start()]
flat = " ".join(sec.split())
# -layout keeps the hyphens of words hyphenated at a line end
flat = re.sub(r"(?<=[а-яё])- (?=[а-яё])", "", flat)
m = re.search(r"прочитано (\d+) строк\w*, принято (\d+), отклонено (\d+)\. "
              r"Зарегистрировано (\d+) ошиб\w* и (\d+) предупрежден", flat)
check(m is not None, "report: no totals sentence")
if m:
    check(tuple(int(x) for x in m.groups()) == (tot[0], tot[1], tot[2],
                                                nerr, nwarn),
          f"report: totals {m.groups()} != {tot[:3]}, {nerr}, {nwarn}")
# Per kind: a row is a label then files, read, accepted, rejected, warnings.
KIND_RU = {"Образовательные": "orgs", "Педагогические": "staff",
           "Диагностика": "diagnostics", "Повышение": "courses",
           "Наставничество": "mentoring", "Вакансии": "vacancies",
           "Не": "unknown", "Всего": "total"}
perkind = {}
for line in sec.splitlines():
    m = re.match(r"\s*(\S+).*?\s(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$",
                 line)
    if m and m[1] in KIND_RU:
        perkind[KIND_RU[m[1]]] = tuple(int(x) for x in m.groups()[1:])
for k in set(kinds.values()):
    fs = [f for f in want if kinds[f] == k]
    exp = (len(fs),) + tuple(sum(want[f][i] for f in fs) for i in range(4))
    check(perkind.get(k) == exp, f"report: kind {k}: {perkind.get(k)} "
          f"!= {exp}")
check(perkind.get("total") == (len(want),) + tuple(tot),
      f"report: total row {perkind.get('total')}")
# Files with rejected rows: path, read, rejected, warnings.
rej = {}
for line in sec.splitlines():
    m = re.match(r"\s*(\S+\.csv)\s+(\d+)\s+(\d+)\s+(\d+)\s*$", line)
    if m:
        rej[m[1]] = tuple(int(x) for x in m.groups()[1:])
exp = {f: (v[0], v[2], v[3]) for f, v in want.items() if v[2]}
check(rej == exp, f"report: rejected files {rej} != {exp}")
m = re.search(r"Строки отклонены в (\d+) файл", flat)
check(m is not None and int(m[1]) == len(exp),
      "report: no «Строки отклонены в N файлах»")

for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
EOF
