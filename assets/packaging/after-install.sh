#!/bin/sh
# .deb post-install: let the kiosk's user reach USB serial adapters without root.
set -e
if [ -n "${SUDO_USER:-}" ] && id "$SUDO_USER" >/dev/null 2>&1; then
  usermod -a -G dialout "$SUDO_USER" || true
fi
