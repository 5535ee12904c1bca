#!/usr/bin/env bash
# Install what dossier_check needs on Debian/Ubuntu: system packages (as
# root, or prints the exact command and exits 2), then .venv with the package.
# Idempotent: a second run installs nothing and takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

# libpango*: WeasyPrint prints the applicant's letter to PDF with them.
# chromium: the tests render the HTML report and the letter in a real browser.
APT_PACKAGES=(tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng tesseract-ocr-osd libmagic1
              fonts-dejavu-core fonts-liberation fonts-ocr-b python3-venv
              libpango-1.0-0 libpangoft2-1.0-0 chromium)
PYTHON=${PYTHON:-python3}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# python3-venv is only needed when the interpreter cannot make a venv by itself.
if [ ${#missing[@]} -gt 0 ] && "$PYTHON" -m venv --help >/dev/null 2>&1; then
  filtered=(); for p in "${missing[@]}"; do [ "$p" = python3-venv ] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "dossier-check setup: missing system packages: ${missing[*]}" >&2
    echo "run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

stamp=.venv/.installed
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
