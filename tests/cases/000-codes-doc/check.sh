# docs/CODES.md ends with exactly the table `kadry codes` prints.
n=$(wc -l <"$(dirname "$1")/stdout")
tail -n "$n" ../../../docs/CODES.md | cmp -s - "$(dirname "$1")/stdout" || {
	echo "docs/CODES.md is out of date: regenerate it from 'kadry codes'"
	exit 1
}
