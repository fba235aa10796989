#!/bin/sh
# newsfuse track under kill -9 (issue 18): a stream of N articles
# (default 10,000: ../shared/data/clustering.dev.jsonl repeated with new ids
# and shifted dates, bench/track_stream.py) is tracked once without
# interruption, then again into a new database by runs killed with SIGKILL
# at random moments, each resumed by the next, at least KILLS times
# (default 20), and a last run to the end. Then every article must be in
# exactly one event and the assignments must equal the uninterrupted
# run's, line for line. Prints runs, kills, where each kill landed
# (articles stored), articles/s of the uninterrupted run and the total time
# of the interrupted ones; the last line is "track_crash: OK" or
# "track_crash: FAIL ...", and the exit status says the same.
# Usage: sh bench/track_crash.sh
#   N=10000 KILLS=20 SEED=1 STREAM=file.jsonl ARGS="--quiet" sh bench/track_crash.sh
# STREAM: an article JSONL stream to use as it is (N is then its length);
# ARGS: extra options of newsfuse track (default --quiet: events only; give
# ARGS="--every 500" to make the update records under the kills too).
set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
NF=${NF:-$BUILD/newsfuse}
N=${N:-10000}
KILLS=${KILLS:-20}
SEED=${SEED:-1}
ARGS=${ARGS---quiet}
SHARED=${SHARED:-../shared}
[ -x "$NF" ] || { echo "build first: make" >&2; exit 2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/nf_track_crash.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
if [ -n "${STREAM:-}" ]; then
    cp "$STREAM" "$W/stream.jsonl" || exit 2
else
    [ -f "$SHARED/data/clustering.dev.jsonl" ] || { echo "SKIP track_crash: no $SHARED/data/clustering.dev.jsonl"; exit 0; }
    python3 bench/track_stream.py "$SHARED/data/clustering.dev.jsonl" "$N" >"$W/stream.jsonl" || exit 2
fi
N=$(grep -c . "$W/stream.jsonl")
now() { date +%s.%N; }
fail() { echo "track_crash: FAIL $*"; exit 1; }

# The uninterrupted run.
t0=$(now)
# shellcheck disable=SC2086
"$NF" track --db "$W/ref.db" $ARGS "$W/stream.jsonl" >"$W/ref.out" 2>"$W/ref.err" || fail "reference run: $(tail -c 300 "$W/ref.err")"
t1=$(now)
"$NF" track --db "$W/ref.db" --assignments >"$W/ref.txt" || fail "reference assignments"
ref_s=$(echo "$t1 $t0" | awk '{ printf "%.2f", $1 - $2 }')

# Kill points: KILLS numbers of stored articles drawn uniformly over the
# stream; each run is watched (a reader counts the stored articles every
# 20 ms) and killed once the count reaches its point, after a random
# 0-50 ms more, so kills land between commits, inside one, in an output
# and in the replay of a resume alike.
stored() { "$NF" track --db "$W/crash.db" --assignments 2>/dev/null | grep -c .; }
points=$(awk -v s="$SEED" -v n="$N" -v k="$KILLS" 'BEGIN { srand(s); for (i = 0; i < k; i++) print int(rand() * n * 0.97) + 1 }' | sort -n)
runs=0 kills=0 landed=""
t0=$(now)
for p in $points; do
    # shellcheck disable=SC2086
    "$NF" track --db "$W/crash.db" $ARGS "$W/stream.jsonl" >>"$W/crash.out" 2>>"$W/crash.err" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && [ "$(stored)" -lt "$p" ]; do sleep 0.02; done
    sleep "$(awk -v s="$SEED" -v p="$p" 'BEGIN { srand(s * 7919 + p); printf "%.3f", rand() * 0.05 }')"
    runs=$((runs + 1))
    if kill -9 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null
        kills=$((kills + 1))
        landed="$landed $(stored)"
    else
        wait "$pid" || fail "run $runs exited with status $?: $(tail -c 300 "$W/crash.err")"
    fi
done
# shellcheck disable=SC2086
"$NF" track --db "$W/crash.db" $ARGS "$W/stream.jsonl" >>"$W/crash.out" 2>>"$W/crash.err" ||
    fail "the last run: $(tail -c 300 "$W/crash.err")"
runs=$((runs + 1))
t1=$(now)
crash_s=$(echo "$t1 $t0" | awk '{ printf "%.2f", $1 - $2 }')
"$NF" track --db "$W/crash.db" --assignments >"$W/crash.txt" || fail "assignments after the kills"

ids=$(sed 's/^{"id":\(.*\),"event":.*/\1/' "$W/crash.txt" | sort | uniq | wc -l)
lines=$(grep -c . "$W/crash.txt")
events=$(sed 's/.*"event":"\([^"]*\)".*/\1/' "$W/crash.txt" | sort -u | wc -l)
echo "stream: $N articles; uninterrupted: $ref_s s, $(echo "$N $ref_s" | awk '{ printf "%.0f", $1 / $2 }') articles/s"
echo "interrupted: $runs runs, $kills kills (SIGKILL), $crash_s s in all; articles stored at each kill:$landed"
echo "after: $lines articles, $ids distinct ids, $events events; update records written: $(grep -c . "$W/crash.out" || true) (uninterrupted: $(grep -c . "$W/ref.out" || true))"
[ "$lines" -eq "$N" ] && [ "$ids" -eq "$N" ] || fail "$lines articles stored, $ids distinct ids, want $N each"
cmp -s "$W/ref.txt" "$W/crash.txt" || fail "the events differ from the uninterrupted run's: $(diff "$W/ref.txt" "$W/crash.txt" | head -3)"
echo "track_crash: OK"
