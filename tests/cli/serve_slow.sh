#!/bin/sh
# newsfuse serve under slow clients (issue 12): 150 connections trickling
# header bytes (more than --max-connections 64, reopened when closed) must
# not keep /healthz probes from being answered within 3 s; a client
# trickling its headers faster than the idle timeout is closed at
# --header-seconds; the server stays alive. Bounded: about 20 s, at most
# 150 sockets and 150 reconnects a second, everything on 127.0.0.1.
. "$(dirname "$0")/lib.sh"

PY=$(command -v /usr/bin/python3 || command -v python3) || { skip serve_slow "python3 is not installed"; exit 0; }

serve_free_port "$TMP/server.log" --threads 2 --max-connections 64 --header-seconds 3
server=$serve_pid
[ -n "$port" ] || { fail serve_slow_start "$(head -c 300 "$TMP/server.log")"; kill "$server"; exit 1; }

$PY - "$port" >"$TMP/slow" 2>&1 <<'PYEOF'
import socket, sys, threading, time
port = int(sys.argv[1])
SLOW, ROUNDS = 150, 12
stop = threading.Event()
stats = {"connects": 0, "closed": 0}

def open_slow():
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.setblocking(False)
    s.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    stats["connects"] += 1
    return s

def attack():
    """Each second: one more header byte on every slow connection, and the
    closed ones opened again (so the server cannot just wait them out)."""
    socks = [None] * SLOW
    for _ in range(ROUNDS):
        if stop.is_set():
            break
        for i in range(SLOW):
            try:
                if socks[i] is None:
                    socks[i] = open_slow()
                else:
                    socks[i].send(b"a")
            except OSError:
                if socks[i] is not None:
                    socks[i].close()
                    stats["closed"] += 1
                socks[i] = None
        stop.wait(1.0)
    for s in socks:
        if s is not None:
            s.close()

def probe():
    """One /healthz request on a new connection: its latency, or None."""
    t0 = time.time()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=3)
        s.settimeout(3)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            got = s.recv(4096)
            if not got:
                break
            data += got
        s.close()
        return time.time() - t0 if data.startswith(b"HTTP/1.1 200") and b'"ok"' in data else None
    except OSError:
        return None

def trickler():
    """A client sending a header byte every 0.5 s (never idle): closed
    within --header-seconds (3) plus the guard's tick, not at the idle
    timeout (10 s)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    t0 = time.time()
    s.settimeout(0.5)
    while time.time() - t0 < 9:
        try:
            s.sendall(b"a")
            if s.recv(4096) == b"":
                return time.time() - t0
        except (socket.timeout, TimeoutError):
            continue
        except OSError:
            return time.time() - t0
    return None

a = threading.Thread(target=attack)
a.start()
time.sleep(2.5)
lat = []
for _ in range(8):
    lat.append(probe())
    time.sleep(0.5)
stop.set()
a.join()
closed_after = trickler()
ok = [x for x in lat if x is not None]
print("probes", len(ok), "of", len(lat), "answered; latencies", [None if x is None else round(x, 2) for x in lat])
print("probes_ok" if len(ok) == len(lat) and max(ok) < 3 else "probes_bad")
print("slow connects", stats["connects"], "closed", stats["closed"])
print("trickler closed after", closed_after)
print("trickler_ok" if closed_after is not None and 2.5 < closed_after < 5 else "trickler_bad")
PYEOF
cat "$TMP/slow"
expect_grep serve_slow_probes_answered '^probes_ok' "$TMP/slow"
expect_grep serve_slow_header_deadline '^trickler_ok' "$TMP/slow"
if curl -s --max-time 5 "http://127.0.0.1:$port/healthz" | grep -q '"ok"'; then pass serve_slow_alive; else fail serve_slow_alive; fi
kill -TERM "$server"
wait "$server"
rc=$?
if [ $rc -eq 0 ]; then pass serve_slow_clean_exit; else fail serve_slow_clean_exit "exit $rc"; fi
