#!/bin/sh
# Header cells typed with Alt+Enter (a quoted line break) and values holding
# CR, LF or ESC: the headers still match, and each diagnostic on stderr is
# one line (the break shows as «↵»), so a value cannot split a diagnostic
# or forge a count line.
. ../hostile.inc
printf 'СНИЛС;Код ОО;"Дата\nрождения";Должность;"Педагогический\r\nстаж, лет";"При\nмечание"\n202-302-403 73;SCH1;01.02.1980;методист;10;x\n203-303-404 85;SCH1;01.02.2080;методист;10;x\n' \
	>"$in/кадры2.csv"
printf 'org_id;position;count\n"SCH\n1";методист;1\nSCH1;"мето\r\nдист";1\nSCH1;методист;"1\nstaff.csv: прочитано 99, принято 99, отклонено 0, предупреждений 0"\nSCH1;"\033[2Jметодист";1\n' \
	>"$in/вакансии.csv"
run
expect_rc 1
expect_diag 'кадры2.csv:1: При↵мечание: warning: V105: '
expect_diag 'кадры2.csv:6: Дата↵рождения: error: V130: '
expect_counts кадры2.csv 2 1 1 1
expect_diag 'вакансии.csv:2: org_id: error: V141: .*«SCH↵1»'
expect_diag 'вакансии.csv:4: position: error: V115: .*«мето↵дист»'
expect_diag 'вакансии.csv:6: count: error: V113: '
expect_diag 'вакансии.csv:8: position: error: V115: .*«�\[2Jметодист»'
expect_counts вакансии.csv 4 0 4 0
[ "$(grep -c '^staff.csv: прочитано' "$err")" = 1 ] ||
	bad "a value forged a count line"
expect_good_files
expect_one_line_each
finish
