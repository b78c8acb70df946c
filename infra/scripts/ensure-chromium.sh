#!/usr/bin/env bash
# Makes sure Debian's Chromium and its ChromeDriver are installed, for the dashboard page's
# browser test (DashboardPageIT). Run by Maven in infra's pre-integration-test phase; quick
# when both are there. Installs them with apt-get when missing (needs root and Debian's packages).
set -euo pipefail

CHROMIUM=${ADCLICK_CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${ADCLICK_CHROMEDRIVER:-/usr/bin/chromedriver}

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  exit 0
fi

echo "ensure-chromium: $CHROMIUM or $CHROMEDRIVER is missing; installing Debian's chromium and chromium-driver"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no apt-get here: install Chromium and ChromeDriver of the same version, and point" \
       "ADCLICK_CHROMIUM and ADCLICK_CHROMEDRIVER at them (or run with -DskipITs)" >&2
  exit 1
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "ensure-chromium: installing needs root: run 'sudo apt-get install -y chromium chromium-driver'" \
         "once (or run with -DskipITs)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -q || ! $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver; then
  echo "ensure-chromium: apt-get could not install chromium and chromium-driver: check that Debian's" \
       "package mirror is reachable, or install them by hand (or run with -DskipITs)" >&2
  exit 1
fi
if [[ ! -x "$CHROMIUM" || ! -x "$CHROMEDRIVER" ]]; then
  echo "ensure-chromium: installed, but $CHROMIUM or $CHROMEDRIVER is still missing" >&2
  exit 1
fi
"$CHROMIUM" --version
"$CHROMEDRIVER" --version
