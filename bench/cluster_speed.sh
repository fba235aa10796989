#!/bin/sh
# Speed and memory of `newsfuse cluster` on the development stream
# (../shared/data/clustering.dev.jsonl) repeated 1, 2, 4 and 8 times, each
# copy with new ids and its dates shifted past the last copy's (so the
# events of a copy end before the next begins, as in an endless stream):
# articles per second per core (articles / CPU seconds) and peak RSS.
# Targets: >= 5,000 articles/s per core; RSS flat from 1x to 8x.
# Usage: sh bench/cluster_speed.sh [extra cluster options...]
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
DEV=${DEV:-../shared/data/clustering.dev.jsonl}
[ -f "$DEV" ] || { echo "SKIP cluster_speed: $DEV is absent"; exit 0; }
[ -x "$BUILD/newsfuse" ] || make -j2 >/dev/null || exit 2
command -v /usr/bin/time >/dev/null || { echo "SKIP cluster_speed: no /usr/bin/time (apt-get install time)"; exit 0; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for k in 1 2 4 8; do
    python3 - "$DEV" "$k" "$tmp/stream$k.jsonl" <<'PY'
import datetime, json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
def day(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None
days = [d for d in (day(a.get("date")) for a in lines) if d]
span = (max(days) - min(days)).days + 400  # past the default window of 365 days
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for rep in range(int(sys.argv[2])):
        for a in lines:
            b = {"id": "%s#%d" % (a["id"], rep), "title": a.get("title"), "text": a["text"]}
            d = day(a.get("date"))
            if d:
                b["date"] = (d + datetime.timedelta(days=span * rep)).isoformat()
            out.write(json.dumps(b) + "\n")
PY
    n=$(wc -l <"$tmp/stream$k.jsonl")
    /usr/bin/time -f "%U %S %e %M" -o "$tmp/time" "$BUILD/newsfuse" cluster --format jsonl "$@" \
        "$tmp/stream$k.jsonl" >"$tmp/out" 2>/dev/null
    read -r user sys wall rss <"$tmp/time"
    awk -v k="$k" -v n="$n" -v u="$user" -v s="$sys" -v w="$wall" -v r="$rss" 'BEGIN {
        cpu = u + s; if (cpu <= 0) cpu = 0.01
        printf "%dx: %6d articles  %6.2f s CPU  %6.2f s wall  %7.0f articles/s per core  max RSS %6.1f MB\n",
               k, n, cpu, w, n / cpu, r / 1024 }'
done
