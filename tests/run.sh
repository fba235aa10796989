#!/bin/sh
# Runs every unit-test binary and every CLI test script, counts their
# PASS/FAIL/SKIP lines and ends with "N passed, N failed, N skipped".
# Usage: BUILD=build sh tests/run.sh
# NF_TESTS=core: the unit tests and the fuzz corpus replays only.
BUILD=${BUILD:-build}
export BUILD
log=$(mktemp)
status=0
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    echo "== $(basename "$t")"
    "$t" >"$log.one" 2>&1
    rc=$?
    cat "$log.one"; cat "$log.one" >>"$log"
    # A crash or non-zero exit without a FAIL line still counts as a failure.
    if [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$log.one"; then
        echo "FAIL $(basename "$t"): exited with status $rc" | tee -a "$log"
    fi
done
for s in tests/cli/*.sh; do
    [ "$(basename "$s")" = lib.sh ] && continue
    [ "${NF_TESTS:-}" = core ] && [ "$(basename "$s")" != fuzz_replay.sh ] && continue
    [ -f "$s" ] || continue
    echo "== $(basename "$s")"
    sh "$s" >"$log.one" 2>&1
    rc=$?
    cat "$log.one"; cat "$log.one" >>"$log"
    if [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$log.one"; then
        echo "FAIL $(basename "$s"): exited with status $rc" | tee -a "$log"
    fi
done
passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
skipped=$(grep -c '^SKIP ' "$log")
rm -f "$log" "$log.one"
[ "$failed" -eq 0 ] || status=1
echo "$BUILD: $passed passed, $failed failed, $skipped skipped"
exit $status
