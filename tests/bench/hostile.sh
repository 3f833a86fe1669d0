#!/bin/bash
# Memory bound on hostile giants (not in CI: it writes gigabytes).  Each
# scenario generates one file next to a valid organizations.csv, streaming
# (never in memory), runs `kadry check` under /usr/bin/time -v and prints
# wall time, peak RSS, exit status and the diagnostics by code; it fails
# when the peak RSS of a reader scenario passes LIMIT_MB (default 50).
#
#   tests/bench/hostile.sh                   # the 2 GB unterminated quote
#   SCENARIOS="quote line semis rows" SIZE=2G KADRY=build/x/kadry \
#       tests/bench/hostile.sh
#
# Scenarios: quote - one quoted field opened and never closed (2 GB of
# 'a'); line - one unquoted 2 GB line; semis - a 2 GB line of ';' (empty
# fields).  These three are bounded by the reader's caps.  rows - ROWS
# (default 1,000,000) short rows, each with a bad SNILS: not bounded by a
# cap (every diagnostic is kept for validation.csv and the return files,
# about 0.6 KB each), so it is measured, not held to LIMIT_MB.  sheet -
# 1,100,000 such rows through `kadry report`: more diagnostics than an
# XLSX sheet has rows (1,048,576); the run must still write its outputs
# (exit 0 or 1), not stop with exit 3.
set -euo pipefail
cd "$(dirname "$0")/../.."
KADRY=${KADRY:-./kadry}
SIZE=${SIZE:-2G}
LIMIT_MB=${LIMIT_MB:-50}
SCENARIOS=${SCENARIOS:-quote}
B=${B:-build/bench-hostile}
rm -rf "$B"
mkdir -p "$B/in"
trap 'rm -rf "$B/in"' EXIT
printf 'org_id;name;type;municipality\nSCH1;Школа 1;ОО;Район\n' \
	>"$B/in/organizations.csv"

H='СНИЛС;Код ОО;Дата рождения;Должность;Педагогический стаж, лет'
gen() {
	case $1 in
	quote) { printf '%s\n"' "$H"; head -c "$SIZE" /dev/zero |
		 tr '\0' a; } ;;
	line) { printf '%s\n' "$H"; head -c "$SIZE" /dev/zero |
		tr '\0' a; } ;;
	semis) { printf '%s\n' "$H"; head -c "$SIZE" /dev/zero |
		 tr '\0' ';'; } ;;
	rows) { printf '%s\n' "$H"; (yes '1;SCH1;01.02.1980;методист;1' || :) |
		head -n "${ROWS:-1000000}"; } ;;
	sheet) ROWS=1100000 gen rows ;;
	*) echo "unknown scenario $1" >&2; exit 2 ;;
	esac
}

fail=0
printf '%-6s %8s %7s %7s %3s  %s\n' scenario MB wall_s RSS_MB rc diagnostics
for s in $SCENARIOS; do
	f="$B/in/кадры.csv"
	gen "$s" >"$f"
	mb=$(( $(stat -c %s "$f") / 1048576 ))
	rc=0
	cmd="check $B/in"
	[ "$s" = sheet ] && cmd="report $B/in -o $B/out --force"
	/usr/bin/time -v -o "$B/time-$s" "$KADRY" $cmd \
		--period 2026-12 >/dev/null 2>"$B/err-$s" || rc=$?
	rss=$(awk -F': ' '/Maximum resident/ {print int($2 / 1024)}' \
		"$B/time-$s")
	wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$B/time-$s")
	codes=$(grep -oE ': (error|warning): [RV][0-9]{3}' "$B/err-$s" |
		sort | uniq -c | awk '{printf "%s%s×%s", sep, $4, $1;
		sep=" "}')
	printf '%-6s %8s %7s %7s %3s  %s\n' "$s" "$mb" "$wall" "$rss" "$rc" \
		"$codes"
	rm -f "$f"
	if [ "$s" != rows ] && [ "$s" != sheet ] &&
	   [ "$rss" -ge "$LIMIT_MB" ]; then
		echo "  peak RSS $rss MB >= $LIMIT_MB MB" >&2
		fail=1
	fi
	if [ "$rc" -gt 1 ]; then
		echo "  exit $rc:" >&2
		grep -v ': \(error\|warning\): [RV]' "$B/err-$s" |
			tail -n 5 >&2
		fail=1
	fi
done
exit $fail
