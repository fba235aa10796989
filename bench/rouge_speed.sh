#!/bin/sh
# ROUGE speed: `newsfuse rouge` on the DUC 2004 development systems (13
# systems x 25 clusters, 4 references each) with the S1 flags and the
# 1000-sample bootstrap, fed exactly the sentences the reference
# ROUGE-1.5.5 run was fed (the `inputs` of ../shared/rouge/vectors/S1.json),
# against the median ROUGE-1.5.5 time recorded there (12.16 s).
# usage: sh bench/rouge_speed.sh [RUNS]   (from the repository root)
# Target (issue 3): at least 100 times faster, same numbers.
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
NF=${NF:-$BUILD/newsfuse}
RUNS=${1:-7}
V=$SHARED/rouge/vectors
if [ ! -f "$V/S1.json" ]; then
    echo "bench/rouge_speed.sh: $V/S1.json is absent; nothing to time" >&2
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The inputs as ROUGE-1.5.5 read them: one SPL file per system and cluster
# (a folder per system), and the references as one {"id","references"}
# file (built at run time: the data stay in ../shared).
python3 - "$V/S1.json" "$tmp" <<'PY'
import json, os, sys
d = json.load(open(sys.argv[1])); out = sys.argv[2]
spl = lambda sents: "\n".join(sents) + "\n"
with open(f"{out}/refs.jsonl", "w") as f:
    for cid, c in d["inputs"].items():
        refs = [spl(c["models"][f"M{j}"]) for j in range(len(c["models"]))]
        f.write(json.dumps({"id": cid, "references": refs}) + "\n")
for s in d["systems"]:
    os.makedirs(f"{out}/systems/{s}")
    for cid, c in d["inputs"].items():
        with open(f"{out}/systems/{s}/{cid}", "w") as f:
            f.write(spl(c["peers"][s]))
PY
perl_s=$(python3 -c "import json; print(json.load(open('$V/timing_S1.json'))['S1']['median_s'])" 2>/dev/null || echo 12.16)
FLAGS="-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100"
systems=$(ls -d "$tmp"/systems/*)

# Same numbers: the report with -d must be ROUGE-1.5.5's stdout.
# shellcheck disable=SC2086
"$NF" rouge $FLAGS -d --split lines --format rouge155 $systems "$tmp/refs.jsonl" \
    | grep -v '^#' >"$tmp/report"
if cmp -s "$tmp/report" "$V/S1.rouge_stdout.txt"; then same="identical to ROUGE-1.5.5's"
else same="DIFFERENT from ROUGE-1.5.5's"; fi

# Wall and CPU time of each run (as ROUGE-1.5.5 was timed: without -d);
# CPU time (user + system) does not grow when other jobs share the machine.
i=0
: >"$tmp/times"
while [ $i -lt "$RUNS" ]; do
    if [ -x /usr/bin/time ]; then
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e %U %S" -o "$tmp/one" "$NF" rouge $FLAGS --split lines \
            --format rouge155 $systems "$tmp/refs.jsonl" >/dev/null
        awk '{printf "%s %.3f\n", $1, $2 + $3}' "$tmp/one" >>"$tmp/times"
    else
        t0=$(date +%s.%N)
        # shellcheck disable=SC2086
        "$NF" rouge $FLAGS --split lines --format rouge155 $systems "$tmp/refs.jsonl" >/dev/null
        t1=$(date +%s.%N)
        echo "$(echo "$t1 - $t0" | bc -l) -" >>"$tmp/times"
    fi
    i=$((i + 1))
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall=$(awk '{print $1}' "$tmp/times" | median)
best=$(awk '{print $1}' "$tmp/times" | sort -n | head -1)
cpu=$(awk '{print $2}' "$tmp/times" | median)
echo "command: $NF rouge $FLAGS --split lines --format rouge155 <13 system folders> refs.jsonl"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) on $(nproc 2>/dev/null) CPUs"
printf 'newsfuse rouge, S1 (13 systems x 25 clusters, -r 1000), %d runs: wall median %.3f s, best %.3f s\n' \
    "$RUNS" "$wall" "$best"
printf 'ROUGE-1.5.5 (Perl 5.36, single-threaded): %s s  ->  %.0fx faster (wall median), %.0fx (best)\n' \
    "$perl_s" "$(echo "$perl_s / $wall" | bc -l)" "$(echo "$perl_s / $best" | bc -l)"
if [ "$cpu" != "-" ]; then
    printf 'CPU time (user + system) median %.3f s  ->  %.0fx\n' "$cpu" \
        "$(echo "$perl_s / ($cpu + 0.0005)" | bc -l)"
fi
echo "report with -d: $same"
