"""forecast.xlsx against summary.csv: every cell of both forms equals the
summary row it comes from, the total rows equal the district figures
K.vacancies, K.need, K.teachers60, K.target_contract, M.* and I12-I14, the
organization rows add up as the forms say, and no personal data is in it.
Usage: check.py PERIOD_DIR INPUT_DIR"""
import csv
import glob
import sys
import zipfile

import openpyxl

period, sample = sys.argv[1], sys.argv[2]
fails = []


def fail(msg):
    fails.append(msg)


rows = {}
with open(f"{period}/summary.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        rows[(r["scope"], r["scope_id"], r["code"], r["breakdown"])] = r
district = next(k[1] for k in rows if k[0] == "district")


def num(scope, sid, code, bd=""):
    r = rows.get((scope, sid, code, bd))
    return int(r["numerator"]) if r and r["numerator"] != "" else 0


def den(scope, sid, code, bd=""):
    r = rows.get((scope, sid, code, bd))
    return int(r["denominator"]) if r and r["denominator"] != "" else 0


def table(ws):
    """The table's rows: from under the headers to the first blank row."""
    out = []
    for r in ws.iter_rows(min_row=6, values_only=True):
        if r[0] is None:
            break
        out.append(r)
    return out


def eq(what, got, want):
    if got != want:
        fail(f"{what}: {got!r}, expected {want!r}")


wb = openpyxl.load_workbook(f"{period}/forecast.xlsx")
eq("sheets", wb.sheetnames,
   ["Прогноз потребности", "Целевая модель наставничества"])

# --- the forecast ---
ws = wb["Прогноз потребности"]
h1 = [c.value for c in ws[4]]
h2 = [c.value for c in ws[5]]
eq("first headers", h1[:2], ["Код ОО", "Организация"])
HZ = ["текущая", "среднесрочная", "долгосрочная"]
groups = []
c = 2
while h1[c] != "Всего по горизонтам":
    label = h1[c]
    bd = ("position:учитель" if label == "учитель (предмет не указан)"
          else f"subject:{label}" if (("district", district, "K.vacancies",
                                       f"subject:{label}") in rows)
          else f"position:{label}")
    groups.append((c, bd))
    eq(f"horizons of {label}", h2[c:c + 3],
       ["текущая", "на 1–3 года", "более 3 лет"])
    c += 3
ct = c
data = table(ws)
orgs = [r for r in data if r[0] != "Итого"]
total = [r for r in data if r[0] == "Итого"]
eq("one total row", len(total), 1)
total = total[0]
eq("total's name", total[1], district)
org_ids = sorted({k[1] for k in rows if k[0] == "org"})
eq("organizations, in id order", [r[0] for r in orgs], org_ids)
if len(groups) < 3:
    fail(f"only {len(groups)} column groups")
for r in orgs + [total]:
    scope, sid = ("district", district) if r is total else ("org", r[0])
    for c, bd in groups:
        for h in range(3):
            eq(f"{sid} {bd} {HZ[h]}", r[c + h],
               num(scope, sid, "F.need", f"horizon:{HZ[h]};{bd}"))
    for h in range(3):
        eq(f"{sid} total {HZ[h]}", r[ct + h],
           num(scope, sid, "F.need", f"horizon:{HZ[h]}"))
        eq(f"{sid} groups add to {HZ[h]}",
           sum(r[c + h] for c, _ in groups), r[ct + h])
    eq(f"{sid} vacancies", r[ct + 3], num(scope, sid, "K.vacancies"))
    eq(f"{sid} need", r[ct + 4], r[ct] + r[ct + 1])
    for k, code in enumerate(["F.need.teachers60", "F.need.retiring",
                              "F.need.expected", "F.supply.target"]):
        eq(f"{sid} {code}", r[ct + 5 + k], num(scope, sid, code))
    if not all(isinstance(v, int) for v in r[2:]):
        fail(f"{sid}: a cell is not a number")
D = ("district", district)
eq("total = K.vacancies", total[ct + 3], num(*D, "K.vacancies"))
eq("total = K.need", total[ct + 4], num(*D, "K.need"))
eq("total = K.teachers60", total[ct + 5], num(*D, "K.teachers60"))
eq("total = K.target_contract", total[ct + 8], num(*D, "K.target_contract"))
for h in range(3):
    eq(f"total = K.vacancies/{HZ[h]}", total[ct + h],
       num(*D, "K.vacancies", f"horizon:{HZ[h]}"))
# vacancies belong to one organization; persons may be in several
for k in range(2, ct + 5):
    eq(f"column {k + 1}: organizations add to the total",
       sum(r[k] for r in orgs), total[k])
for k in range(ct + 5, ct + 9):
    if sum(r[k] for r in orgs) < total[k]:
        fail(f"column {k + 1}: organizations below the total")
eq("expected need: 60+ and retiring, once",
   total[ct + 7] <= total[ct + 5] + total[ct + 6], True)
if not any("сумма строк организаций" in str(r[0])
           for r in ws.iter_rows(values_only=True)):
    fail("forecast: no note on the part-timers")
eq("print: landscape", ws.page_setup.orientation, "landscape")
eq("print: A4", int(ws.page_setup.paperSize), 9)
scale = ws.page_setup.scale
fit = ws.sheet_properties.pageSetUpPr
if not ((scale and int(scale) >= 80) or (fit and fit.fitToPage)):
    fail(f"print scale {scale}")
eq("header rows repeat", ws.print_title_rows.replace("$", ""), "4:5")

# --- the target model of mentoring ---
ws = wb["Целевая модель наставничества"]
data = table(ws)
orgs = [r for r in data if r[0] != "Итого"]
total = [r for r in data if r[0] == "Итого"][0]
eq("mentoring: organizations", [r[0] for r in orgs], org_ids)
cols = [("I12", num), ("F.tm.mentors", num), ("F.tm.mentees", num),
        ("F.tm.pairs", num)]
forms = ["педагог — педагог", "руководитель — педагог", "реверсивное",
         "групповое", "педагог — студент", "другое"]
for r in orgs + [total]:
    scope, sid = ("district", district) if r is total else ("org", r[0])
    mn, md = num(scope, sid, "F.tm.model"), den(scope, sid, "F.tm.model")
    want = (f"{mn} из {md}" if r is total else
            "—" if md == 0 else "да" if mn else "нет")
    eq(f"{sid} model", r[2], want)
    got = list(r[3:])
    want = [num(scope, sid, "I12"), num(scope, sid, "F.tm.mentors"),
            num(scope, sid, "F.tm.mentees"), num(scope, sid, "F.tm.pairs")]
    want += [num(scope, sid, "F.tm.pairs", f"form:{f}") for f in forms]
    b, bc = num(scope, sid, "M.beginners"), \
        num(scope, sid, "M.beginners.covered")
    want += [b, bc, got[12] if b == 0 else round(bc / b, 3)]
    want += [den(scope, sid, "I13"), num(scope, sid, "I13"),
             num(scope, sid, "F.tm.paid"), num(scope, sid, "M.new_hires"),
             num(scope, sid, "M.new_hires.covered"),
             den(scope, sid, "F.tm.arrived"), num(scope, sid, "F.tm.arrived")]
    if isinstance(got[12], float):
        got[12] = round(got[12], 3)
    eq(f"{sid} mentoring cells", got, want)
t = list(total[3:])
eq("total = I12", t[0], num(*D, "I12"))
eq("total = M.mentors.active", t[1], num(*D, "M.mentors.active"))
eq("total = M.mentees.active", t[2], num(*D, "M.mentees.active"))
eq("total = M.pairs.active", t[3], num(*D, "M.pairs.active"))
for k, f in enumerate(forms):
    eq(f"total = M.pairs.active/{f}", t[4 + k],
       num(*D, "M.pairs.active", f"form:{f}"))
eq("total = M.beginners", t[10], num(*D, "M.beginners"))
eq("total = M.beginners.covered", t[11], num(*D, "M.beginners.covered"))
eq("total = I13", (t[13], t[14]), (den(*D, "I13"), num(*D, "I13")))
eq("total = M.new_hires.covered", (t[16], t[17]),
   (num(*D, "M.new_hires"), num(*D, "M.new_hires.covered")))
eq("total = M.arrived.covered", (t[18], t[19]),
   (den(*D, "M.arrived.covered"), num(*D, "M.arrived.covered")))
eq("total = I14", total[2], f"{num(*D, 'I14')} из {den(*D, 'I14')}")
eq("paid mentors at most the mentors", t[15] <= t[1], True)

# --- no personal data: no name or SNILS of the staff files ---
text = ""
with zipfile.ZipFile(f"{period}/forecast.xlsx") as z:
    for n in z.namelist():
        text += z.read(n).decode("utf-8", "replace")
names = set()
for path in glob.glob(f"{sample}/**/кадры.csv", recursive=True):
    with open(path, encoding="cp1251") as f:
        for r in csv.DictReader(f, delimiter=";"):
            for col in ("СНИЛС", "ФИО"):
                v = (r.get(col) or "").strip()
                if len(v) >= 8:     # a real SNILS or full name
                    names.add(v)
leaks = [n for n in names if n and n in text]
eq("personal data in forecast.xlsx", leaks[:3], [])
if len(names) < 100:
    fail(f"only {len(names)} names and SNILS read from the sample")

for m in fails:
    print(m)
sys.exit(1 if fails else 0)
