# Two runs on the same input give byte-identical files, whatever the order
# in which the files lie in the input folder: the sample copied file by
# file in the opposite order (so the folder lists them differently) gives
# the same submission, checksums, ZIP and personal files.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
src=../../../samples/lenin
(cd "$src" && find . -type f | sort -r) | while read -r f; do
	mkdir -p "$t/in/$(dirname "$f")"
	cp "$src/$f" "$t/in/$f"
done
"$KADRY" report "$t/in" -o "$t/o" --period 2026-12 --quiet --bundle \
	--template ../../../templates/lenin \
	--history ../../../samples/lenin-history 2>/dev/null || true
a="$1/2026-12" b="$t/o/2026-12"
(cd "$a" && find . -type f | sort) >"$t/la"
(cd "$b" && find . -type f | sort) >"$t/lb"
cmp "$t/la" "$t/lb"
while read -r f; do
	cmp "$a/$f" "$b/$f"
done <"$t/la"
(cd "$a" && sha256sum -c --quiet SHA256SUMS)
