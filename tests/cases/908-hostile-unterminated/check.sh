#!/bin/sh
# A quote opened and never closed.  Over a 5 MB file: the record is cut at
# max_record (1 MiB) with R009, the rest of that physical line is dropped
# and reading resumes at the next line, so every later row is read (and
# here accepted); memory stays bounded.  In a small file: R007 at the end of
# the file names the line where the open record started.
. ../hostile.inc
/usr/bin/python3 - "$in" >"$tmp/want" <<'PY'
import sys
d = sys.argv[1]
line2 = 'SCH1;методист;"физика;1\n'.encode()
row = "SCH1;методист;;1\n".encode()
n = 5 * 1024 * 1024 // len(row)
with open(d + "/вакансии.csv", "wb") as f:
    f.write("org_id;position;subject;count\n".encode())
    f.write(line2)
    f.write(row * n)
# The byte that passes max_record (1048576 bytes from the record's start,
# line 2) is dropped with the rest of its line; reading resumes after it.
b = 1048576
cut = 2 if b < len(line2) else 3 + (b - len(line2)) // len(row)
later = n + 2 - cut             # lines cut + 1 .. n + 2
print(cut + 1, 1 + later, later)
with open(d + "/кадры2.csv", "wb") as f:
    f.write("""person_id;org_id;full_name;birth_date;position;ped_experience
202-302-403 73;SCH1;Б;01.02.1980;методист;10
203-303-404 85;SCH1;"Сидоров;01.02.1980;методист;10
204-304-405 97;SCH1;Д;01.02.1980;методист;10
205-305-406 08;SCH1;Е;01.02.1980;методист;10
""".encode())
PY
read -r resume nread nacc <"$tmp/want"
run
expect_rc 1
expect_diag "вакансии.csv:2: error: R009: .*1048576.* $resume\$"
expect_counts вакансии.csv "$nread" "$nacc" 1 0
expect_diag 'кадры2.csv:3: error: R007: '
expect_counts кадры2.csv 2 1 1 0
expect_good_files
expect_one_line_each
finish
