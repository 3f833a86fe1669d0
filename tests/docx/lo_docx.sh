#!/bin/sh
# LibreOffice headless converts report.docx of a period folder to PDF with
# no error and a non-empty result.  Usage: lo_docx.sh PERIOD_DIR
set -u
if ! command -v soffice >/dev/null 2>&1; then
	echo "lo_docx: LibreOffice (soffice) is not installed: skipped"
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$1/report.docx" "$work/note.docx"
if ! (cd "$work" && timeout 300 soffice --headless \
	-env:UserInstallation="file://$work/profile" \
	--convert-to pdf note.docx >log 2>&1); then
	echo "lo_docx: conversion failed"; cat "$work/log"; exit 1
fi
if grep -i "error" "$work/log"; then
	echo "lo_docx: LibreOffice complained"; exit 1
fi
pages=$(pdfinfo "$work/note.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
if [ -z "$pages" ] || [ "$pages" -lt 2 ]; then
	echo "lo_docx: the converted note has ${pages:-no} pages"; exit 1
fi
