#!/bin/sh
# 10,000 columns (max_fields is 1024): in a data row the row is rejected
# with R010; in the header row R010 and V103 reject the file's rows; an
# Excel-style run of 10,000 empty trailing cells is no problem at all.
. ../hostile.inc
hdr='person_id;org_id;birth_date;position;ped_experience'
many() {
	# $1 copies of the string $2
	yes "$2" | head -n "$1" | tr -d '\n'
}
{
	echo "$hdr"
	printf '202-302-403 73;SCH1;01.02.1980;методист;10'
	many 10000 ';x'
	printf '\n203-303-404 85;SCH1;01.02.1980;методист;10\n'
	printf '204-304-405 97;SCH1;01.02.1980;методист;10'
	many 10000 ';'
	printf '\n'
} >"$in/кадры2.csv"
{
	printf '%s' "$hdr"
	many 10000 ';столбец'
	printf '\n205-305-406 08;SCH1;01.02.1980;методист;10\n'
} >"$in/кадры3.csv"
run
expect_rc 1
expect_diag 'кадры2.csv:2: error: R010: .*1024'
expect_diag 'кадры3.csv:1: error: R010: .*1024'
expect_diag 'кадры3.csv:1: error: V103: '
expect_counts кадры2.csv 3 2 1 0
expect_counts кадры3.csv 1 0 1 0
expect_good_files
expect_one_line_each
finish
