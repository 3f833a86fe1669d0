#!/bin/sh
# Vacancy counts of 18 digits: the district's sum and its tenths overflowed
# int64 (UBSan stops make asan's run).  Counts have at most 9 digits now:
# lines 2 and 5 are refused (V113), the two 9-digit counts are summed.
set -eu
grep -q '^vacancies.csv,2,count,error,V113,' "$1/2026-12/validation.csv"
grep -q '^vacancies.csv,5,count,error,V113,' "$1/2026-12/validation.csv"
