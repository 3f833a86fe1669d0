#!/bin/sh
# Old Mac line ends (a lone CR), and CR, LF and CRLF mixed in one file: rows
# are split where they should be, a quoted CR stays inside its value, and
# every diagnostic names the physical line where its row starts.
. ../hostile.inc
h='person_id;org_id;full_name;birth_date;position;ped_experience'
printf '%s\r202-302-403 73;SCH1;Б;01.02.1980;методист;10\r\r203-303-404 85;SCH1;В;01.02.1980;методист;1x\r204-304-405 97;SCH1;"Д\rД";01.02.1980;методист;10\r205-305-406 08;SCH1;Е;01.02.1980;методист;99\r' \
	"$h" >"$in/кадры2.csv"
printf '%s\r\n206-306-407 20;SCH1;Ж;01.02.1980;методист;10\n207-307-408 32;SCH1;З;01.02.1980;методист;1y\r208-308-409 44;SCH1;И;01.02.1980;методист;10\r\n\n209-309-410 48;SCH1;К;01.02.1980;методист;2z' \
	"$h" >"$in/кадры3.csv"
run
expect_rc 1
expect_diag 'кадры2.csv:4: ped_experience: error: V113: '
expect_diag 'кадры2.csv:7: ped_experience: error: V131: '
expect_counts кадры2.csv 4 2 2 0
expect_diag 'кадры3.csv:3: ped_experience: error: V113: '
expect_diag 'кадры3.csv:6: ped_experience: error: V113: '
expect_counts кадры3.csv 4 2 2 0
expect_good_files
expect_one_line_each
finish
