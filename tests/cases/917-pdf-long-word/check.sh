#!/bin/sh
# An organization name of 65,000 letters without a space (under the 64 KiB
# field cap, so it is accepted).  The report took 47 s (20,000 letters:
# 1.6 s, 10,000: 0.3 s): wrap() in pdf_layout.c breaks an over-long word by
# characters and after every cut measures the whole rest of the word again
# (text_w(s + k, we - k)), quadratic in the word's length, and the layout
# wraps the same text several times.  Expected: the run ends well within
# 10 s (linear: well under a second).
. ../hostile.inc
{
	printf 'org_id;name;type;municipality\nSCH2;'
	head -c 65000 /dev/zero | tr '\0' a
	printf ';ОО;Район\n'
} >"$in/organizations2.csv"
printf '%s\n%s\n' 'person_id;org_id;birth_date;position;ped_experience' \
	'202-302-403 73;SCH2;01.02.1980;методист;10' >"$in/кадры2.csv"
rc=0
timeout 10 "$KADRY" report "$in" -o "$tmp/o" --period 2026-12 --force \
	--template ../../../templates/default >"$tmp/stdout" 2>"$err" ||
	rc=$?
[ "$rc" != 124 ] || bad "report did not end in 10 s"
expect_rc 0
expect_good_files
expect_counts organizations2.csv 1 1 0 0
finish
