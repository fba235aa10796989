#!/bin/sh
# Time of the figure sheet of one 25-report cluster (issue 14 target: at
# most 0.5 s median on one core): `newsfuse facts --format json` on each
# DUC 2006 development cluster (25 reports each) read from ../shared/data,
# one process per cluster, wall time; prints the median and the maximum.
# Usage: bench/facts_speed.sh [path/to/newsfuse]
cd "$(dirname "$0")/.." || exit 2
NF=${1:-build/newsfuse}
SET=${SHARED:-../shared}/data/duc2006.dev.jsonl
[ -f "$SET" ] || { echo "facts_speed: $SET is absent; nothing to time" >&2; exit 0; }
python3 - "$NF" "$SET" <<'PY'
import json, statistics, subprocess, sys, tempfile, time
nf, path = sys.argv[1], sys.argv[2]
times = []
for line in open(path, encoding="utf-8"):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as f:
        f.write(line)
        f.flush()
        t = time.perf_counter()
        subprocess.run(["taskset", "-c", "0", nf, "facts", "--format", "json", f.name],
                       stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
n = len(json.loads(line)["documents"])
print(f"facts_speed: {len(times)} clusters of {n} reports, one core: median {statistics.median(times):.3f} s, "
      f"max {max(times):.3f} s (whole process: start, read, sheet, JSON)")
PY
