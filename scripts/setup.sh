#!/usr/bin/env bash
# Installs what FabKiosk needs on Debian 12: the system packages (Chromium for the kiosk window and
# the tests, socat for serial tests, udev to list serial ports, PrusaSlicer for slicing) and the
# npm dependencies; poppler-utils gives the tests pdftotext, to read back the PDFs the kiosk writes.
# Needs Node.js >= 20.19 with npm.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  chromium socat udev prusa-slicer poppler-utils python3 make g++ ca-certificates >/dev/null
# Electron's binary comes from GitHub, which kiosks on a poor link (and our CI) cannot reach; the
# kiosk then runs in Chromium. Set ELECTRON_SKIP_BINARY_DOWNLOAD=0 on a machine that can fetch it.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
npm ci --no-audit --no-fund
