#!/bin/sh
# Golden tests: each tests/golden/NAME.args holds the arguments of one
# newsfuse run (one line, run from the repository root); its standard
# output must equal tests/golden/NAME.out byte for byte. Regenerate on
# purpose only, with tests/golden/regen.sh, and review the diff like code.
. tests/cli/lib.sh
for args in tests/golden/*.args; do
    name=$(basename "$args" .args)
    # shellcheck disable=SC2046
    eval "set -- $(cat "$args")"
    $NF "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
    rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
        fail "golden_$name" "exit $rc: $(head -c 300 "$TMP/$name.err")"
    elif cmp -s "$TMP/$name.out" "tests/golden/$name.out"; then
        pass "golden_$name"
    else
        fail "golden_$name" "$(diff "tests/golden/$name.out" "$TMP/$name.out" | head -20)"
    fi
done
