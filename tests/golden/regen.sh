#!/bin/sh
# Rewrites every tests/golden/NAME.out from the current build. Run it only
# when a change of output is intended, then review `git diff tests/golden`.
BUILD=${BUILD:-build}
for args in tests/golden/*.args; do
    name=$(basename "$args" .args)
    eval "set -- $(cat "$args")"
    "$BUILD/newsfuse" "$@" >"tests/golden/$name.out" 2>/dev/null
done
