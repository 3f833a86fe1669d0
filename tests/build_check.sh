#!/bin/sh
# The Makefile tracks what it builds: run by `make check` on a copy of the
# sources (Makefile, generator/, templates/) in a temporary folder, at -O0.
#
#   - a second `make` compiles nothing;
#   - touching a header recompiles the files that include it, no other;
#   - a header deleted together with its #include does not stop make (-MP);
#   - `make && make install PREFIX=P` rebuilds, and the installed binary
#     looks for its templates in P/share/kadry (KADRY_DATADIR), not in the
#     prefix of the first build;
#   - changing CFLAGS recompiles everything.
#
# Prints "build: N passed, N failed" and exits non-zero on any failure.
set -u
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$tmp/src
mkdir -p "$src"
cp -r "$root/Makefile" "$root/generator" "$root/templates" "$src/"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL build: $*"; }
# mk LOG ARGS...: make in the copy, its output in $tmp/LOG
mk() {
	log=$1; shift
	(cd "$src" && make --no-print-directory CFLAGS=-O0 "$@") \
		>"$tmp/$log" 2>&1 || { cat "$tmp/$log"; return 1; }
}
compiled() { grep -c '^  CC ' "$tmp/$1"; }

mk first -j2 || { echo "build: 0 passed, 1 failed"; exit 1; }
total=$(compiled first)

mk again
n=$(compiled again)
if [ "$n" = 0 ] && ! grep -q 'LINK' "$tmp/again"; then ok; else
	bad "a second make did something:"; cat "$tmp/again"; fi

# ru_plural.h: who includes it, by the compiler's own account
want=$(cd "$src" && for c in generator/*.c; do
	cc -MM -Igenerator $(pkg-config --cflags xlsxwriter libpcre2-8 nettle libzip 2>/dev/null) \
		"$c" 2>/dev/null | grep -q 'ru_plural\.h' && echo "$c"
done | sort)
sleep 1
touch "$src/generator/ru_plural.h"
mk header
got=$(sed -n 's/^  CC      //p' "$tmp/header" | sort)
if [ -n "$want" ] && [ "$got" = "$want" ] && [ "$(compiled header)" -lt "$total" ]; then
	ok; else bad "touching ru_plural.h compiled [$got], expected [$want]"; fi

# a header that comes and goes with its #include
echo '/* probe */' >"$src/generator/zz_probe.h"
printf '#include "zz_probe.h"\n' >>"$src/generator/arena.c"
mk probe1
sed -i '/zz_probe\.h/d' "$src/generator/arena.c"
rm "$src/generator/zz_probe.h"
if mk probe2 && grep -q 'CC      generator/arena.c' "$tmp/probe2"; then ok; else
	bad "make after deleting a header and its #include failed"; fi

mk install install PREFIX="$tmp/opt"
bin=$tmp/opt/bin/kadry
if [ "$(compiled install)" = "$total" ] && [ -x "$bin" ] &&
   grep -aq "$tmp/opt/share/kadry" "$bin" &&
   ! grep -aq '/usr/local/share/kadry' "$bin"; then ok; else
	bad "make install PREFIX=$tmp/opt did not rebuild for the new prefix:"
	cat "$tmp/install"; fi
# and the installed program finds its default template there
mkdir -p "$tmp/empty"
(cd "$tmp/empty" && "$bin" report "$root/tests/cases/101-clean/input" \
	-o "$tmp/r" --period 2026-12 --quiet) >"$tmp/run" 2>&1
if [ $? = 0 ] && [ -f "$tmp/r/2026-12/summary.csv" ]; then ok; else
	bad "the installed kadry does not find $tmp/opt/share/kadry/templates:"
	cat "$tmp/run"; fi

mk flags CFLAGS=-O1
if [ "$(compiled flags)" = "$total" ]; then ok; else
	bad "changing CFLAGS compiled $(compiled flags) of $total files"; fi

echo "build: $pass passed, $fail failed"
[ "$fail" = 0 ]
