#!/bin/sh
# NUL bytes: a few inside values of a text file become U+FFFD with one R005
# warning per record (the rows are kept); a file of mostly NULs is not text
# (R002); UTF-16 (Excel's "Unicode text") is named as such with its BOM
# (R013) and refused as not text without one (R002).
. ../hostile.inc
/usr/bin/python3 - "$in" <<'PY'
import sys
d = sys.argv[1]

def snils(n):
    ds = "%09d" % n
    s = sum(int(c) * w for c, w in zip(ds, range(9, 0, -1)))
    c = s if s < 100 else 0 if s in (100, 101) else s % 101 % 100
    return "%s-%s-%s %02d" % (ds[:3], ds[3:6], ds[6:], c)

hdr = "person_id;org_id;full_name;birth_date;position;ped_experience\n"
rows = [hdr]
for i in range(40):
    name = "Иванов\0Иван" if i in (0, 7) else "Иванов Иван"
    exp = "1\0" if i == 9 else "10"
    rows.append("%s;SCH1;%s;01.02.1980;методист;%s\n" %
                (snils(300300300 + i), name, exp))
open(d + "/кадры2.csv", "wb").write("".join(rows).encode())
open(d + "/кадры3.csv", "wb").write(hdr.encode() + b"\0" * 5000 + b"\n")
u16 = (hdr + rows[1]).encode("utf-16-le")
open(d + "/кадры4.csv", "wb").write(b"\xff\xfe" + u16)
open(d + "/кадры5.csv", "wb").write(u16)
PY
run
expect_rc 1
expect_diag 'кадры2.csv:2: warning: R005: '
expect_diag 'кадры2.csv:9: warning: R005: '
expect_diag 'кадры2.csv:11: warning: R005: '
expect_diag 'кадры2.csv:11: ped_experience: error: V113: '
expect_diag 'кадры3.csv: error: R002: '
expect_diag 'кадры4.csv: error: R013: '
expect_diag 'кадры5.csv: error: R002: '
expect_counts кадры2.csv 40 39 1 3
expect_counts кадры3.csv 0 0 0 0
expect_counts кадры4.csv 0 0 0 0
expect_counts кадры5.csv 0 0 0 0
expect_good_files
expect_one_line_each
finish
