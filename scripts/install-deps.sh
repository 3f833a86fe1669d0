#!/bin/sh
# Installs the Debian packages the build and the tests need, when missing.
# Quiet and quick when everything is already there (one dpkg-query).
#
# Every test tool is here, so that no test skips in CI for want of one:
# LibreOffice (workbooks and documents open and convert), python3-docx,
# -openpyxl, -pypdf, -pdfminer, poppler-utils, qpdf and mupdf-tools read
# the outputs back; libexpat, libhyphen and hyphen-ru build the document
# model's XML and hyphenation; the DejaVu faces are embedded in the PDF.
#
# apt-get waits up to two minutes for the dpkg lock (another package
# manager, unattended-upgrades) instead of failing at once.
set -e
PKGS="build-essential clang pkg-config libxlsxwriter-dev libhpdf-dev libcsv-dev
libpcre2-dev nettle-dev libzip-dev libcmocka-dev libexpat1-dev libhyphen-dev
hyphen-ru fonts-dejavu-core fonts-dejavu-extra poppler-utils qpdf mupdf-tools
python3 python3-openpyxl python3-docx python3-pypdf python3-pdfminer
libreoffice-writer-nogui libreoffice-calc-nogui zip unzip bc time valgrind"
missing=$(dpkg-query -W -f='${Package} ${Status}\n' $PKGS 2>/dev/null |
	awk '$NF == "installed" {ok[$1] = 1}
	     END {n = split(pkgs, p, " "); for (i = 1; i <= n; i++)
		     if (!ok[p[i]]) printf " %s", p[i]}' pkgs="$(echo $PKGS)")
[ -z "$missing" ] && exit 0
echo "kadry: installing:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
APT="apt-get -o DPkg::Lock::Timeout=120"
$SUDO $APT update -qq
DEBIAN_FRONTEND=noninteractive $SUDO $APT install -y -qq \
	--no-install-recommends $missing >/dev/null
