#!/bin/sh
# Invalid UTF-8 inside a UTF-8 file (a stray 0xFF, a cut 2-byte character, a
# surrogate, an overlong '/'): each bad sequence becomes U+FFFD with one
# R004 warning per record, the rows are kept, and the file stays UTF-8 (the
# other rows' Cyrillic is read as written, not as Windows-1251).
. ../hostile.inc
/usr/bin/python3 - "$in" <<'PY'
import sys
d = sys.argv[1]
bad = {2: b"\xff", 3: b"\xd0", 4: b"\xed\xa0\x80", 5: b"\xc0\xaf"}
with open(d + "/кадры2.csv", "wb") as f:
    f.write("person_id;org_id;full_name;birth_date;position;"
            "ped_experience\n".encode())
    snils = ["202-302-403 73", "203-303-404 85", "204-304-405 97",
             "205-305-406 08", "206-306-407 20", "207-307-408 32"]
    for line, s in enumerate(snils, start=2):
        name = "Петров Пётр Петрович".encode()
        name = name[:6] + bad.get(line, b"") + name[6:]
        f.write(s.encode() + b";SCH1;" + name +
                "; 01.02.1980;учитель физики;10\n".encode())
PY
run
expect_rc 0
expect_diag 'кадры2.csv:2: warning: R004: .*0xFF'
expect_diag 'кадры2.csv:3: warning: R004: .*0xD0'
expect_diag 'кадры2.csv:4: warning: R004: .*0xED'
expect_diag 'кадры2.csv:5: warning: R004: .*0xC0'
expect_counts кадры2.csv 6 6 0 4
expect_good_files
expect_one_line_each
finish
