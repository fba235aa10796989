#!/bin/sh
# Installs what the browser test of the page (tests/e2e/) needs, apart from
# the main dependencies because it is heavy: Debian's Chromium, Node.js and
# npm, and playwright-core from npm (never a browser download of its own).
# Runs apt-get as root (directly, or through sudo).
set -e
cd "$(dirname "$0")/.."
PKGS="chromium"
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS npm"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "deps-e2e: installing$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    echo "deps-e2e: npm ci in tests/e2e (playwright-core)"
    (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi
