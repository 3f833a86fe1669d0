#!/usr/bin/python3
"""check_workbook.py - read a period's monitoring.xlsx back and check it.

Usage: /usr/bin/python3 tests/xlsx/check_workbook.py PERIOD_DIR [INPUT_DIR]

PERIOD_DIR is kadry's output folder (e.g. output/2026-12) holding
monitoring.xlsx and summary.csv; INPUT_DIR, when given, is the input folder
whose staff files' ФИО column supplies names that must not appear outside
personal/.  Checks:
  - the sheet names, in order;
  - every value cell of Показатели (district) and По организациям (org)
    equals summary.csv's value when rounded to one decimal; «нет данных»
    where summary.csv's value is empty;
  - chart parts are present (xl/charts/chart*.xml);
  - no cell holds a formula (user text is written as text);
  - no personal data in monitoring.xlsx, summary.csv, validation.csv:
    no SNILS pattern ddd-ddd-ddd dd, no 11-digit number, no input name.
Prints what failed and exits 1, or prints "ok" and exits 0.
(Debian's python3-openpyxl imports only under /usr/bin/python3.)
"""
import csv
import os
import re
import sys
import zipfile

import openpyxl

SHEETS = ["Сводка", "Показатели", "По организациям", "По предметам",
          "Кадровый состав", "Наставничество", "Дефициты",
          "Потребность в кадрах", "Динамика", "Кластеры", "Рекомендации",
          "Качество данных"]
SNILS = re.compile(r"\d{3}-\d{3}-\d{3} \d{2}")
DIGITS11 = re.compile(r"(?<!\d)\d{11}(?!\d)")
NODATA = "нет данных"

errors = []


def fail(msg):
    errors.append(msg)


def read_summary(path):
    rows = {}
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rows[(r["scope"], r["scope_id"], r["code"], r["breakdown"])] = r
    return rows


def cell_value(v, kind_share):
    """A cell as summary.csv writes it: '40.5', '15' or '' (no data)."""
    if v is None or v == NODATA:
        return ""
    if isinstance(v, str):
        return None
    if kind_share:
        return "%.1f" % round(v * 100 + 1e-9, 1)
    return "%d" % round(v)


def same(cell, want):
    """summary's value vs the cell (shares compared to one decimal)."""
    if cell is None:
        return False
    if want == "" or cell == "":
        return want == cell
    return abs(float(cell) - float(want)) < 0.05 + 1e-9


def check_values(wb, summary):
    district = next((k[1] for k in summary if k[0] == "district"), None)
    ws = wb["Показатели"]
    seen = 0
    for row in ws.iter_rows(min_row=1):
        code = row[0].value
        if not isinstance(code, str) or not re.fullmatch(r"I\d\d", code):
            continue
        s = summary.get(("district", district, code, ""))
        if s is None:
            continue
        share = s["denominator"] != "" or "%" in (row[4].number_format or "")
        got = cell_value(row[4].value, share)
        if not same(got, s["value"]):
            fail("Показатели %s: ячейка %r, summary.csv %r"
                 % (code, row[4].value, s["value"]))
        seen += 1
    if seen == 0:
        fail("Показатели: ни одного показателя не найдено")
    ws = wb["По организациям"]
    hdr = None
    for row in ws.iter_rows():
        if row[0].value == "Код ОО":
            hdr = [str(c.value or "").split("\n")[0] for c in row]
            continue
        if hdr is None or not row[0].value or row[0].value == "Район":
            continue
        org = row[0].value
        for i, code in enumerate(hdr):
            if not re.fullmatch(r"I\d\d", code):
                continue
            s = summary.get(("org", org, code, ""))
            if s is None:
                continue
            share = s["denominator"] != ""
            got = cell_value(row[i].value, share)
            if not same(got, s["value"]):
                fail("По организациям %s %s: ячейка %r, summary.csv %r"
                     % (org, code, row[i].value, s["value"]))


def input_names(input_dir):
    """Full names from the ФИО / full_name column of the staff files."""
    names = set()
    for root, _, files in os.walk(input_dir):
        for fn in files:
            if not fn.lower().endswith((".csv", ".txt", ".tsv")):
                continue
            raw = open(os.path.join(root, fn), "rb").read()
            for enc in ("utf-8-sig", "cp1251"):
                try:
                    text = raw.decode(enc)
                    break
                except UnicodeDecodeError:
                    continue
            lines = text.splitlines()
            if not lines:
                continue
            first = lines[0]
            delim = max(";,\t", key=first.count)
            rows = list(csv.reader(lines, delimiter=delim))
            head = [h.strip().strip("*:").lower() for h in rows[0]]
            for key in ("фио", "full_name"):
                if key in head:
                    i = head.index(key)
                    for r in rows[1:]:
                        if i < len(r) and len(r[i].strip()) >= 5:
                            names.add(r[i].strip())
    return names


def check_personal(path, texts, names):
    for t in texts:
        if SNILS.search(t):
            fail("%s: похоже на СНИЛС: %r" % (path, SNILS.search(t)[0]))
            return
        if DIGITS11.search(t):
            fail("%s: 11 цифр подряд: %r" % (path, DIGITS11.search(t)[0]))
            return
    joined = "\n".join(texts)
    for n in sorted(names):
        if n in joined:
            fail("%s: ФИО из входных данных" % path)
            return


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    period = argv[1]
    xlsx = os.path.join(period, "monitoring.xlsx")
    summary = read_summary(os.path.join(period, "summary.csv"))
    wb = openpyxl.load_workbook(xlsx)
    if wb.sheetnames != SHEETS:
        fail("листы: %r" % wb.sheetnames)
    if "Показатели" in wb.sheetnames and "По организациям" in wb.sheetnames:
        check_values(wb, summary)
    with zipfile.ZipFile(xlsx) as z:
        if not any(re.fullmatch(r"xl/charts/chart\d+\.xml", n)
                   for n in z.namelist()):
            fail("нет диаграмм (xl/charts/chart*.xml)")
    texts = []
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    fail("%s!%s: формула %r" % (ws.title, c.coordinate,
                                                 c.value))
                if isinstance(c.value, str):
                    texts.append(c.value)
    names = input_names(argv[2]) if len(argv) > 2 else set()
    check_personal(xlsx, texts, names)
    for fn in ("summary.csv", "validation.csv"):
        p = os.path.join(period, fn)
        if os.path.exists(p):
            check_personal(p, [open(p, encoding="utf-8").read()], names)
    for e in errors[:50]:
        print(e)
    if errors:
        print("ошибок: %d" % len(errors))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
