# Sourced by the tests and benchmarks that start a server (tests/cli/lib.sh,
# tests/e2e/run.sh, bench/server_load.sh): one way to start it on a port of
# its choosing and read that port back. Needs $NF (the newsfuse command,
# possibly behind valgrind: left unquoted so that it splits).

# serve_free_port LOG ARGS...: starts `newsfuse serve --port 0 ARGS...` in
# the background, its standard error in LOG, and waits up to 15 s for the
# port it says it serves on: sets $serve_pid and $port ("" when it did not
# start; the caller says so).
serve_free_port() {
    log=$1; shift
    : >"$log" # exists before the server writes to it: the sed below reads it
    # shellcheck disable=SC2086
    $NF serve --port 0 "$@" 2>"$log" &
    serve_pid=$!
    port=""
    for _ in $(seq 1 150); do
        port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
        [ -n "$port" ] && return 0
        sleep 0.1
    done
}
