#!/bin/sh
# The browser test of the page (tests/e2e/page.mjs): starts `newsfuse serve`
# on a free loopback port, runs Playwright (playwright-core from npm, never
# its browser download) against Debian's Chromium, stops the server.
# Screenshots go to $BUILD/e2e/. SKIPs with a message when node, Chromium or
# the npm package is missing (scripts/deps-e2e.sh installs them).
# usage: BUILD=build sh tests/e2e/run.sh
BUILD=${BUILD:-build}
NF=${NF:-$BUILD/newsfuse}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT=${E2E_OUT:-$BUILD/e2e}
HERE=$(dirname "$0")

skip() { echo "SKIP e2e: $1"; exit 0; }

command -v node >/dev/null 2>&1 || skip "node is not installed (sh scripts/deps-e2e.sh)"
[ -x "$CHROMIUM" ] || skip "$CHROMIUM is not installed (sh scripts/deps-e2e.sh)"
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
    (cd "$HERE" && npm ci --no-audit --no-fund --silent >/dev/null 2>&1) ||
        skip "playwright-core could not be installed from npm (cd tests/e2e && npm ci)"
fi
mkdir -p "$OUT"

# The server, on a port of its choosing (scripts/serve_port.sh).
. "$HERE/../../scripts/serve_port.sh"
serve_free_port "$OUT/server.log" --quiet
server=$serve_pid
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
if [ -z "$port" ]; then
    echo "FAIL e2e: server did not start: $(head -c 300 "$OUT/server.log")"
    exit 1
fi
page_port=$port

CHROMIUM=$CHROMIUM timeout 180 node "$HERE/page.mjs" "http://127.0.0.1:$page_port/" examples/harbor-collapse "$OUT"
rc=$?
[ $rc -eq 124 ] && echo "FAIL e2e: the browser test ran over 180 s"

# Live events: a second server over a track database of an invented stream.
rm -f "$OUT/events.db" "$OUT/events.db-wal" "$OUT/events.db-shm"
# 40 events, five days apart; a window of two days keeps them apart
python3 tests/cli/track_articles.py 40 6 spaced >"$OUT/stream.jsonl"
"$NF" track --db "$OUT/events.db" --every 60 --window-days 2 "$OUT/stream.jsonl" >/dev/null 2>"$OUT/track.log" ||
    { echo "FAIL e2e: newsfuse track: $(tail -c 300 "$OUT/track.log")"; exit 1; }
serve_free_port "$OUT/server-db.log" --quiet --db "$OUT/events.db"
server2=$serve_pid
trap 'kill $server $server2 2>/dev/null; wait $server $server2 2>/dev/null' EXIT
port2=$port
[ -n "$port2" ] || { echo "FAIL e2e: server --db did not start: $(head -c 300 "$OUT/server-db.log")"; exit 1; }
CHROMIUM=$CHROMIUM timeout 180 node "$HERE/events.mjs" "http://127.0.0.1:$port2/" "http://127.0.0.1:$page_port/" "$OUT"
rc2=$?
[ $rc2 -eq 124 ] && echo "FAIL e2e: the events browser test ran over 180 s"
[ $rc -eq 0 ] && exit $rc2
exit $rc
