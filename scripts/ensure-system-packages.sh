#!/usr/bin/env bash
# Installs what the tests need when it is missing: Debian's Chromium, poppler-utils
# (pdftotext) to read the page numbers of the print view's PDF, Times-metric serif fonts
# with Vietnamese glyphs for the print view and the exported PDF (fonts-liberation 1.07 has
# none; Liberation Serif 2.x and Tinos have them), and openssh-client (ssh-keygen -Y) for the
# signed snapshot tests, and LibreOffice Writer (soffice, headless): Word files turned into PDF
# the way a clerk's office does, for the importer's tests and for looking at exported DOCX pages.
# Playwright cannot download its own browser here; the tests launch /usr/bin/chromium.
set -euo pipefail
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || packages+=(fonts-liberation2)
[ -e /usr/share/fonts/truetype/croscore/Tinos-Regular.ttf ] || packages+=(fonts-croscore)
command -v ssh-keygen >/dev/null 2>&1 || packages+=(openssh-client)
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-writer-nogui)
if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${packages[*]} for the tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
else
  echo "warning: ${packages[*]} not installed and cannot be installed here; browser tests will fail under CI" >&2
fi
