#!/usr/bin/env bash
# Installs Debian's Chromium (used by the browser e2e test through playwright-core) when it is
# missing. playwright's own browser download cannot work here: only the npm registry and
# Debian's package mirrors are reachable. Needs root (CI runs as root).
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM already installed"
  exit 0
fi
echo "ensure-chromium: $CHROMIUM missing; installing Debian's chromium (takes a few minutes)"
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO apt-get install -y chromium
if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: installation finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
