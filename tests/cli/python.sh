#!/bin/sh
# Runs the Python binding's tests (tests/python, pytest) and the Dask
# example's test (skipped by pytest without python3-distributed), turning pytest's verdicts into PASS/FAIL/SKIP lines.
# SKIPs, saying why, without python3, pytest or a shared library.
. tests/cli/lib.sh

# Debian's python3-pytest installs for /usr/bin/python3, which may not be
# the python3 first on PATH (pyenv and the like): use one that has pytest.
PY=""
for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import pytest' 2>/dev/null; then
        PY=$p
        break
    fi
done
if [ -z "$PY" ]; then
    skip python "no python3 with pytest (Debian: apt-get install python3-pytest)"
    exit 0
fi
LIB="$BUILD/libnewsfuse.so"
if [ ! -f "$LIB" ]; then
    skip python "no $LIB (the binding loads the shared library; run make first)"
    exit 0
fi
if grep -q __asan_init "$LIB"; then
    # A sanitizer runtime cannot be loaded into python3 after its start.
    skip python "$LIB is a sanitized build: the binding is tested on the plain one"
    exit 0
fi
export PYTHONPATH="$PWD/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
export NEWSFUSE_LIBRARY="$PWD/$LIB"
export PYTHONDONTWRITEBYTECODE=1
"$PY" -m pytest -v -p no:cacheprovider tests/python >"$TMP/pytest.log" 2>&1
rc=$?
sed -n 's/^tests\/python\/\([a-z_]*\)\.py::\([A-Za-z0-9_]*\) \(PASSED\|FAILED\|ERROR\|SKIPPED\).*/\3 \1.\2/p' "$TMP/pytest.log" |
    while read -r verdict name; do
        case $verdict in
        PASSED) pass "python_$name" ;;
        SKIPPED) skip "python_$name" "skipped by pytest" ;;
        *) fail "python_$name" "see pytest output below" ;;
        esac
    done
if [ $rc -ne 0 ] && [ $rc -ne 5 ]; then
    tail -n 60 "$TMP/pytest.log"
    grep -q ' PASSED\| FAILED' "$TMP/pytest.log" || fail python_pytest "pytest exited with status $rc"
else
    tail -n 1 "$TMP/pytest.log"
fi
