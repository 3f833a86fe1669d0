#!/bin/sh
# End-to-end cases: each folder under tests/cases/ runs the binary once.
#
#   input/            the CSV files (any shape the spec allows)
#   args              arguments after `kadry` (default: check input --period 2026-12);
#                     the word OUT stands for a fresh output folder
#   expected.rc       exit status (default 0)
#   expected.stderr   compared byte for byte with stderr, when present
#   expected.summary  lines that must each appear in OUT/<period>/summary.csv
#   check.sh          extra assertions, run as `sh check.sh OUT` in the case folder
#                     (the command's stdout and stderr lie beside OUT: $(dirname OUT)/stdout);
#                     exit 77 when a tool it needs is not installed: the case is
#                     skipped, saying so - and fails where CI=true, since
#                     scripts/install-deps.sh installs every tool there
#
# CASES=PATTERN runs only the cases whose folder matches; CASES_SKIP=PATTERN
# leaves the matching ones out (`make asan` leaves out the LibreOffice
# conversions, which do not run kadry).
# Prints "e2e: N passed, N failed" (", N skipped" when any) and exits
# non-zero on any failure.
KADRY=${KADRY:-./kadry}
case $KADRY in /*) ;; *) KADRY=$(pwd)/$KADRY ;; esac
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1797811200}
export KADRY
root=$(pwd)
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$root"/tests/cases/*/; do
	[ -n "${CASES:-}" ] && ! echo "$dir" | grep -q -- "$CASES" && continue
	[ -n "${CASES_SKIP:-}" ] && echo "$dir" | grep -q -- "$CASES_SKIP" && continue
	name=$(basename "$dir")
	out="$tmp/$name"
	mkdir -p "$out"
	args="check input --period 2026-12"
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	args=$(printf '%s' "$args" | sed "s#OUT#$out/o#g")
	want_rc=0
	[ -f "$dir/expected.rc" ] && want_rc=$(cat "$dir/expected.rc")
	(cd "$dir" && eval "\"$KADRY\" $args" >"$out/stdout" 2>"$out/stderr")
	rc=$?
	ok=1 why=""
	if [ "$rc" != "$want_rc" ]; then ok=0; why="exit $rc, expected $want_rc"; fi
	if [ $ok = 1 ] && [ -f "$dir/expected.stderr" ] &&
	   ! diff -u "$dir/expected.stderr" "$out/stderr" >"$out/diff"; then
		ok=0; why="stderr differs:"; cat "$out/diff"
	fi
	if [ $ok = 1 ] && [ -f "$dir/expected.summary" ]; then
		sum=$(ls "$out"/o/*/summary.csv 2>/dev/null | head -n 1)
		while IFS= read -r line; do
			[ -z "$line" ] && continue
			if ! grep -qxF -- "$line" "$sum" 2>/dev/null; then
				ok=0; why="summary.csv lacks: $line"; break
			fi
		done <"$dir/expected.summary"
	fi
	if [ $ok = 1 ] && [ -f "$dir/check.sh" ]; then
		(cd "$dir" && sh check.sh "$out/o" >"$out/check" 2>&1)
		crc=$?
		if [ $crc = 77 ] && [ "${CI:-}" != true ]; then
			ok=2; echo "SKIP $name: $(tail -n 1 "$out/check")"
		elif [ $crc = 77 ]; then
			ok=0; why="skipped in CI, where every tool must be installed (scripts/install-deps.sh):"
			cat "$out/check"
		elif [ $crc != 0 ]; then
			ok=0; why="check.sh failed:"; cat "$out/check"
		fi
	fi
	if [ $ok = 2 ]; then
		skip=$((skip + 1))
	elif [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $why"
		[ -f "$dir/expected.stderr" ] || head -n 20 "$out/stderr"
	fi
done
if [ $skip = 0 ]; then
	echo "e2e: $pass passed, $fail failed"
else
	echo "e2e: $pass passed, $fail failed, $skip skipped"
fi
[ $fail = 0 ]
