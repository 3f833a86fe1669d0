#!/bin/sh
# Installs the Debian packages the build and the tests need, when missing.
# Quiet and quick when everything is already there.
set -e
PKGS="build-essential clang pkg-config libxlsxwriter-dev libhpdf-dev libcsv-dev
libpcre2-dev nettle-dev libzip-dev libcmocka-dev fonts-dejavu-core
poppler-utils qpdf python3 python3-openpyxl zip unzip bc time valgrind"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "kadry: installing:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
