#!/usr/bin/env bash
# Installs the Debian packages PlanSheet's tests use as independent readers:
# LibreOffice (recalculates and converts workbooks), openpyxl (reads them),
# Chromium (runs the task pane) and CJK fonts (so screenshots show Chinese).
# Needs root (or sudo). Installs only what is missing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${need[*]}"
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
