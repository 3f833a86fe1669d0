#!/bin/sh
# A staff file 18 folders deep.  The folder scan used to stop at depth 16
# (its guard against symbolic-link loops) and skip the file without a
# word, so its rows vanished from every count.  Expected: the file is
# read, or at least a diagnostic names the folder that was not scanned.
. ../hostile.inc
d=1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18
mkdir -p "$in/$d"
printf '%s\n%s\n' 'person_id;org_id;birth_date;position;ped_experience' \
	'202-302-403 73;SCH1;01.02.1980;методист;10' >"$in/$d/кадры.csv"
run
expect_good_files
grep -q '1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17' "$err" ||
	bad "the file 18 folders deep is neither read nor reported"
finish
