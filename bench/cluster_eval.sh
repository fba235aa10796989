#!/bin/sh
# B-cubed precision, recall and F1 of `newsfuse cluster` on the development
# stream (../shared/data/clustering.dev.jsonl: 2,364 dated articles, 95
# events), as given and with every date removed (the held-out corpus that
# decides is undated), with the default settings; then, beside it, the
# learned model validated by halves of the events (scripts/train_events.py
# --check) when BY_HALVES=1. Target: F1 >= 0.90.
# Usage: sh bench/cluster_eval.sh [extra cluster options...]
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
DEV=${DEV:-../shared/data/clustering.dev.jsonl}
[ -f "$DEV" ] || { echo "SKIP cluster_eval: $DEV is absent"; exit 0; }
[ -x "$BUILD/newsfuse" ] || make -j2 >/dev/null || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
python3 - "$DEV" "$tmp/undated.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        a = json.loads(line)
        a.pop("date", None)
        out.write(json.dumps(a) + "\n")
PY
for kind in dated undated; do
    in=$DEV; [ $kind = undated ] && in=$tmp/undated.jsonl
    "$BUILD/newsfuse" cluster --format jsonl "$@" "$in" >"$tmp/$kind.out" 2>"$tmp/$kind.err" ||
        { echo "cluster failed: $(head -3 "$tmp/$kind.err")"; exit 1; }
    printf '%-8s %s\n' "$kind" "$(python3 bench/cluster_bcubed.py "$DEV" "$tmp/$kind.out")"
done
if [ "${BY_HALVES:-0}" = 1 ]; then
    # the learner needs numpy: the first python3 that has it (Debian's
    # /usr/bin/python3 with python3-numpy when another comes first on PATH)
    PY=
    for p in python3 /usr/bin/python3; do
        if "$p" -c 'import numpy' 2>/dev/null; then PY=$p; break; fi
    done
    [ -n "$PY" ] || { echo "SKIP by halves: no python3 with numpy (Debian: python3-numpy)"; exit 0; }
    make -s "$BUILD/tools/events_features" && "$PY" scripts/train_events.py --build "$BUILD" --check
fi
