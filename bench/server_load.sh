#!/bin/sh
# Load and abuse of `newsfuse serve`, on loopback only, bounded in time:
#  0. The concurrency sweep: for each N of SWEEP (default 16 64 128 256
#     300; 256 is the default --max-connections), wrk -t2 -cN for
#     SWEEP_SECONDS (default 10) against POST /v1/summarize (the bundled
#     example) and GET /healthz: requests/s, p50, p99, max and errors per
#     N, then the throughput at the connection limit (256) against 16.
#     wrk's --timeout is SWEEP_SECONDS - 1 (9 s): an answer slower than
#     that counts as a timeout error, and a connection left waiting the
#     whole run (never admitted) is counted too instead of vanishing. Skipped, with a message, without
#     wrk; SWEEP= skips it.
#  1. wrk POSTs the bundled example (four reports, 100 words) to
#     /v1/summarize for DURATION seconds (default 60): requests/s, latency
#     p50/p90/p99/max, errors, and the server's RSS sampled every 5 s.
#     Targets: zero errors, p99 under 50 ms, RSS flat.
#  2. The malformed-request barrage: ROUNDS rounds (default 100) of
#     truncated JSON, wrong content types, oversized bodies, thousands of
#     documents, invalid UTF-8, garbage bytes, while SLOW connections
#     (default 100) hold half-sent headers; every answer must carry its
#     status (never 5xx), the slow ones must be closed, and a good request
#     must still be served quickly. RSS before and after.
# usage: sh bench/server_load.sh [DURATION] [CONNECTIONS]
#        (BUILD=build, ROUNDS=100, SLOW=100, SWEEP="16 64 128 256 300",
#         SWEEP_SECONDS=10, PARTS="sweep wrk barrage": the parts to run,
#         SERVE_FLAGS: extra flags for newsfuse serve)
set -e
BUILD=${BUILD:-build}
NF=${NF:-$BUILD/newsfuse}
DURATION=${1:-60}
CONNS=${2:-4}
ROUNDS=${ROUNDS:-100}
SLOW=${SLOW:-100}
SWEEP=${SWEEP-16 64 128 256 300}
SWEEP_SECONDS=${SWEEP_SECONDS:-10}
SWEEP_TIMEOUT=$((SWEEP_SECONDS > 1 ? SWEEP_SECONDS - 1 : 1))
PARTS=${PARTS:-sweep wrk barrage}
PY=$(command -v /usr/bin/python3 || command -v python3)
command -v curl >/dev/null 2>&1 || { echo "server_load: curl is not installed (apt-get install curl)"; exit 1; }
part() { case " $PARTS " in *" $1 "*) return 0;; esac; return 1; }
if ! command -v wrk >/dev/null 2>&1; then
    echo "server_load: wrk is not installed (apt-get install wrk): the sweep and the wrk run are skipped"
    PARTS=$(echo " $PARTS " | sed 's/ sweep / /; s/ wrk / /')
fi
[ -x "$NF" ] || { echo "server_load: build $NF first (make)"; exit 1; }
TMP=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$TMP"' EXIT

$PY - examples/harbor-collapse "$TMP" <<'EOF'
import json, os, sys
ex, tmp = sys.argv[1], sys.argv[2]
docs = [{"id": f, "text": open(os.path.join(ex, f), encoding="utf-8").read()}
        for f in sorted(os.listdir(ex)) if f.endswith(".txt")]
json.dump({"documents": docs, "options": {"words": 100}}, open(os.path.join(tmp, "example.json"), "w"))
json.dump({"documents": ["a"] * 5000}, open(os.path.join(tmp, "many.json"), "w"))
EOF
printf '{"documents": ["a b c' >"$TMP/truncated.json"
printf '{"documents": ["caf\351 au lait."]}' >"$TMP/latin1.json"
head -c 9000000 /dev/zero | tr '\0' 'a' >"$TMP/huge.json"

. scripts/serve_port.sh
# shellcheck disable=SC2086
serve_free_port "$TMP/server.log" $SERVE_FLAGS
server=$serve_pid
[ -n "$port" ] || { echo "server_load: the server did not start"; cat "$TMP/server.log"; exit 1; }
U=http://127.0.0.1:$port
rss() { awk '/^VmRSS/ {print $2}' /proc/$server/status; }
echo "server: $(head -n 1 "$TMP/server.log" | sed 's/^newsfuse: //')"
echo "machine: $(nproc) cores; input: examples/harbor-collapse (4 reports, $(wc -c <"$TMP/example.json") bytes of JSON), 100 words"

cat >"$TMP/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open("$TMP/example.json", "rb"))
wrk.body = f:read("*a")
f:close()
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
EOF
sed -e '/^wrk.method/,/^f:close/d' "$TMP/post.lua" >"$TMP/get.lua"
curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$TMP/example.json" $U/v1/summarize

# ---- 0. the concurrency sweep ----
if part sweep && [ -n "$SWEEP" ]; then
    echo "sweep: wrk -t2 -cN -d${SWEEP_SECONDS}s --timeout ${SWEEP_TIMEOUT}s --latency, N in: $SWEEP"
    printf '  %-18s %5s %9s %9s %9s %9s %7s %s\n' route N 'req/s' 'p50 ms' 'p99 ms' 'max ms' errors 'load'
    for route in summarize healthz; do
        : >"$TMP/sweep.$route"
        for n in $SWEEP; do
            if [ $route = summarize ]; then
                wrk -t2 -c"$n" -d"${SWEEP_SECONDS}s" --timeout "${SWEEP_TIMEOUT}s" --latency -s "$TMP/post.lua" $U/v1/summarize >"$TMP/sweep.out" 2>&1 || true
            else
                wrk -t2 -c"$n" -d"${SWEEP_SECONDS}s" --timeout "${SWEEP_TIMEOUT}s" --latency -s "$TMP/get.lua" $U/healthz >"$TMP/sweep.out" 2>&1 || true
            fi
            r=$(grep '^RESULT' "$TMP/sweep.out" || true)
            [ -n "$r" ] || { echo "  $route $n: wrk failed: $(head -c 300 "$TMP/sweep.out")"; continue; }
            v() { printf '%s\n' "$r" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
            errs=$(( $(v non2xx) + $(v connect) + $(v read) + $(v write) + $(v timeout) ))
            printf '  %-18s %5s %9s %9s %9s %9s %7s %s\n' "$route" "$n" "$(v rps)" "$(v p50_ms)" "$(v p99_ms)" \
                "$(v max_ms)" "$errs" "$(cut -d' ' -f1 /proc/loadavg)"
            echo "$n $(v rps)" >>"$TMP/sweep.$route"
        done
        lo=$(awk '$1 == 16 {print $2}' "$TMP/sweep.$route")
        hi=$(awk '$1 == 256 {print $2}' "$TMP/sweep.$route")
        best=$(sort -k2 -g "$TMP/sweep.$route" | tail -n 1 | cut -d' ' -f2)
        [ -n "$lo" ] && [ -n "$hi" ] && [ -n "$best" ] &&
            awk -v r=$route -v lo="$lo" -v hi="$hi" -v b="$best" 'BEGIN {
                printf "  %s: at 256 connections %.2fx the throughput at 16, %.2fx the best\n", r, hi / lo, hi / b }'
        sleep 1 # the closed connections leave the server's accounting
    done
    echo "server RSS after the sweep: $(rss) kB; access-log lines with status 5xx: $(grep -c '"status":5' "$TMP/server.log" || true)"
fi

# ---- 1. wrk ----
if part wrk; then
before=$(grep -c '"path":"/v1/summarize","status":200' "$TMP/server.log" || true)
echo "wrk -t1 -c$CONNS -d${DURATION}s --latency -s post.lua $U/v1/summarize"
: >"$TMP/rss"
( while kill -0 $server 2>/dev/null; do echo "$(rss)" >>"$TMP/rss"; sleep 5; done ) &
sampler=$!
wrk -t1 -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency -s "$TMP/post.lua" $U/v1/summarize >"$TMP/wrk.out"
kill $sampler 2>/dev/null || true
grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors' "$TMP/wrk.out" | sed 's/^/  /'
grep '^RESULT' "$TMP/wrk.out"
echo "RSS kB every 5 s: $(tr '\n' ' ' <"$TMP/rss")"
lines=$(( $(grep -c '"path":"/v1/summarize","status":200' "$TMP/server.log" || true) - before ))
echo "access log: $lines lines with status 200 for /v1/summarize"
fi

part barrage || exit 0

# ---- 2. the barrage ----
rss_before=$(rss)
$PY - "$port" "$SLOW" >"$TMP/slow.out" 2>&1 <<'EOF' &
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
socks = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty")
    socks.append(s)
t0 = time.time()
closed = 0
for s in socks:
    s.settimeout(max(0.1, 25 - (time.time() - t0)))
    try:
        if s.recv(100) == b"":
            closed += 1
    except (ConnectionResetError, BrokenPipeError):
        closed += 1
    except Exception:
        pass
print("slow connections closed by the server: %d of %d in %.1f s" % (closed, n, time.time() - t0))
EOF
slowpid=$!
sleep 1
count() { printf '%s\n' "$1" >>"$TMP/codes"; }
: >"$TMP/codes"
J='Content-Type: application/json'
i=0
while [ $i -lt "$ROUNDS" ]; do
    count "truncated $(curl -s -o /dev/null -w '%{http_code}' -H "$J" --data-binary @"$TMP/truncated.json" $U/v1/summarize)"
    count "text_plain $(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: text/plain' --data-binary @"$TMP/example.json" $U/v1/summarize)"
    count "no_type $(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type:' --data-binary @"$TMP/example.json" $U/v1/facts)"
    count "invalid_utf8 $(curl -s -o /dev/null -w '%{http_code}' -H "$J" --data-binary @"$TMP/latin1.json" $U/v1/summarize)"
    count "thousands_of_docs $(curl -s -o /dev/null -w '%{http_code}' -H "$J" --data-binary @"$TMP/many.json" $U/v1/summarize)"
    count "not_json $(curl -s -o /dev/null -w '%{http_code}' -H "$J" --data-binary 'hello' $U/v1/rouge)"
    [ $((i % 10)) -eq 0 ] && count "oversized $(curl -s -o /dev/null -w '%{http_code}' -H "$J" --data-binary @"$TMP/huge.json" $U/v1/summarize)"
    i=$((i + 1))
done
good=""
for _ in 1 2 3 4 5; do
    good="$good $(curl -s -o /dev/null -w '%{http_code}/%{time_total}s' -H "$J" --data-binary @"$TMP/example.json" $U/v1/summarize)"
done
wait $slowpid || true
echo "barrage: $ROUNDS rounds, status counts:"
sort "$TMP/codes" | uniq -c | sed 's/^/  /'
echo "  five good requests while the slow connections are held (status/time):$good"
cat "$TMP/slow.out" | sed 's/^/  /'
echo "  5xx answers in the access log: $(grep -c '"status":5' "$TMP/server.log" || true)"
echo "  RSS kB before the barrage $rss_before, after $(rss)"
kill -0 $server && echo "  server alive after the barrage"
