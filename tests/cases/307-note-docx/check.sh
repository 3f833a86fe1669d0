# The note's second rendering: report.docx beside report.pdf, in
# SHA256SUMS; python-docx reads every paragraph and table and its words
# are the PDF's (tests/docx/docx_check.py); LibreOffice converts it
# (tests/docx/lo_docx.sh).  The conversions take seconds, so the ASan
# pass (KADRY pointing at the asan binary) skips them.
set -e
p="$1/2026-12"
grep -q ' report.docx$' "$p/SHA256SUMS"
(cd "$p" && sha256sum -c --quiet SHA256SUMS)
case "${KADRY:-}" in
*asan*) echo "307: ASan build: the DOCX readers are skipped"; exit 0 ;;
esac
/usr/bin/python3 ../../docx/docx_check.py "$p" >/dev/null
sh ../../docx/lo_docx.sh "$p"
