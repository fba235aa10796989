#!/bin/sh
# The clusterer off the set it was learned on: B-cubed of `newsfuse cluster`
# (defaults) on undated, untitled streams of DUC 2004 (TDT topics) and
# Multi-News built by bench/cluster_streams.py, shuffled and bursty, with
# the offline baseline beside it (bench/cluster_baseline.py: average link,
# its threshold tuned on the development stream, as issue 18 defines it).
# Usage: sh bench/cluster_cross.sh [extra cluster options...]
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
DATA=${DATA:-../shared/data}
[ -f "$DATA/duc2004.dev.jsonl" ] || { echo "SKIP cluster_cross: $DATA/duc2004.dev.jsonl is absent"; exit 0; }
[ -x "$BUILD/newsfuse" ] || make -j2 >/dev/null || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
python3 bench/cluster_streams.py "$tmp" "$DATA" || exit 2
for s in "$tmp"/*.jsonl; do
    name=$(basename "$s" .jsonl)
    "$BUILD/newsfuse" cluster --format jsonl "$@" "$s" >"$tmp/$name.out" 2>"$tmp/$name.err" ||
        { echo "cluster failed on $name: $(head -3 "$tmp/$name.err")"; exit 1; }
    printf 'newsfuse  %-20s %s\n' "$name" "$(python3 bench/cluster_bcubed.py "$s" "$tmp/$name.out")"
done
PY=
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import sklearn' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "SKIP baseline: no python3 with sklearn (Debian: python3-sklearn)"; exit 0; }
"$PY" bench/cluster_baseline.py --cross "$tmp"
