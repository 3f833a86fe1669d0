#!/bin/sh
# A 1 MB field (over max_field, 64 KiB) and a 3 MB line (over max_record,
# 1 MiB): each record is rejected with R008 / R009 naming the cap, the next
# row of the same file and the other files are read as usual.
. ../hostile.inc
hdr='person_id;org_id;full_name;birth_date;position;ped_experience'
{
	echo "$hdr"
	printf '202-302-403 73;SCH1;'
	head -c 1000000 /dev/zero | tr '\0' a
	printf ';01.02.1980;методист;10\n'
	printf '203-303-404 85;SCH1;Б;01.02.1980;методист;10\n'
} >"$in/кадры2.csv"
{
	echo "$hdr"
	printf '204-304-405 97;SCH1;'
	yes я | head -n 1500000 | tr -d '\n'
	printf ';01.02.1980;методист;10\n'
	printf '205-305-406 08;SCH1;Е;01.02.1980;методист;10\n'
} >"$in/кадры3.csv"
run
expect_rc 1
expect_diag 'кадры2.csv:2: error: R008: .*65536'
expect_diag 'кадры3.csv:2: error: R009: .*1048576'
expect_counts кадры2.csv 2 1 1 0
expect_counts кадры3.csv 2 1 1 0
expect_good_files
expect_one_line_each
finish
