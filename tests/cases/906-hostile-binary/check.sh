#!/bin/sh
# Binary garbage: 200 KB of random bytes and a workbook saved as .csv are
# refused as not text (R002); 72 KB of text rows (more than the 64 KiB the
# binary check looks at) followed by 300 KB of garbage are
# read without a crash and every record is counted (read = accepted +
# rejected).  The other files go through.
. ../hostile.inc
/usr/bin/python3 - "$in" <<'PY'
import io, random, sys, zipfile
d = sys.argv[1]
r = random.Random(9)
open(d + "/кадры2.csv", "wb").write(r.randbytes(200000))
z = io.BytesIO()
with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(zipfile.ZipInfo("[Content_Types].xml", (2026, 1, 1, 0, 0, 0)),
                "<Types/>" * 100)
    zf.writestr(zipfile.ZipInfo("xl/workbook.xml", (2026, 1, 1, 0, 0, 0)),
                "<workbook/>" * 100)
open(d + "/кадры3.csv", "wb").write(z.getvalue())
with open(d + "/вакансии.csv", "wb") as f:
    f.write("org_id;position;count\n".encode())
    f.write("SCH1;методист;1\n".encode() * 3000)
    f.write(r.randbytes(300000))
PY
run
expect_rc 1
expect_diag 'кадры2.csv: error: R002: '
expect_diag 'кадры3.csv: error: R002: '
expect_counts кадры2.csv 0 0 0 0
expect_counts кадры3.csv 0 0 0 0
line=$(grep '^вакансии.csv: прочитано' "$err" || true)
echo "$line" | awk '{ r = $3 + 0; a = $5 + 0; j = $7 + 0;
	exit !(r > 3000 && r == a + j) }' || bad "вакансии.csv: «$line»"
expect_good_files
expect_one_line_each
finish
