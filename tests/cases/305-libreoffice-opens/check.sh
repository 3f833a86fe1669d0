# LibreOffice opens every workbook the report writes and converts it
# without complaint (skipped, saying so, where LibreOffice is not
# installed - a failure in CI; see tests/xlsx/lo_check.sh).
exec sh ../../xlsx/lo_check.sh "$1/2026-12"
