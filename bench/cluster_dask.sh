#!/bin/sh
# examples/dask_cluster.py beside one `newsfuse cluster` run on the
# development stream (../shared/data/clustering.dev.jsonl): B-cubed against
# the gold events for both, and how far the sharded events agree with the
# one run's (B-cubed of the sharded events scored against the one run's as
# gold), for shards of 30, 90 and 365 days, each warmed up by as many days
# before it (365 at most: the clusterer's window), and the wall time of each. Needs Dask (Debian: python3-distributed).
# Usage: sh bench/cluster_dask.sh [WORKERS]
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
DEV=${DEV:-../shared/data/clustering.dev.jsonl}
WORKERS=${1:-2}
[ -f "$DEV" ] || { echo "SKIP cluster_dask: $DEV is absent"; exit 0; }
PY=
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import dask.distributed' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "SKIP cluster_dask: no python3 with dask.distributed"; exit 0; }
[ -x "$BUILD/newsfuse" ] || make -j2 >/dev/null || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
t0=$(now)
"$BUILD/newsfuse" cluster --format jsonl "$DEV" >"$tmp/one.jsonl" 2>/dev/null
t1=$(now)
printf '%-14s %s  %.1f s\n' "one run" "$(python3 bench/cluster_bcubed.py "$DEV" "$tmp/one.jsonl")" \
    "$(echo "$t1 - $t0" | bc)"
# the one run's events as gold, to score agreement
python3 -c '
import json, sys
for l in open(sys.argv[1]):
    a = json.loads(l); print(json.dumps({"id": a["id"], "event_id": a["event"]}))' \
    "$tmp/one.jsonl" >"$tmp/one_gold.jsonl"
for days in 30 90 365; do
    t0=$(now)
    PYTHONPATH=bindings/python NEWSFUSE_LIBRARY=$BUILD/libnewsfuse.so "$PY" examples/dask_cluster.py \
        "$DEV" -o "$tmp/d$days.jsonl" --workers "$WORKERS" --shard-days $days --overlap-days $days \
        2>"$tmp/err" || { echo "dask_cluster failed: $(tail -3 "$tmp/err")"; exit 1; }
    t1=$(now)
    printf '%-14s %s  %.1f s, %s\n' "shards ${days}d" "$(python3 bench/cluster_bcubed.py "$DEV" "$tmp/d$days.jsonl")" \
        "$(echo "$t1 - $t0" | bc)" "$(grep -o '[0-9]* shards' "$tmp/err")"
    printf '%-14s agreement with the one run: %s\n' "" "$(python3 bench/cluster_bcubed.py "$tmp/one_gold.jsonl" "$tmp/d$days.jsonl")"
done
