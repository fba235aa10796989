#!/bin/sh
# Runs the Python binding's tests (tests/python, pytest) and the Dask
# example's test (skipped by pytest without python3-distributed), turning pytest's verdicts into PASS/FAIL/SKIP lines.
# SKIPs, saying why, without python3, pytest or a shared library.
. tests/cli/lib.sh

# The binding reaches the library through its public API only (the nf_*
# functions of include/newsfuse.h, all libnewsfuse.so exports): a call by
# any other name would reach an internal, hidden in the shared library and
# free to change. Checked without python3, on every build.
grep -ohE '_declare\("[A-Za-z0-9_]+"|_lib\.[A-Za-z0-9_]+|(get|has)attr\(_lib, *"[A-Za-z0-9_]+"' \
    bindings/python/newsfuse/*.py | grep -oE '[A-Za-z0-9_]+"?$' | tr -d '"' | sort -u >"$TMP/calls"
internal=$(grep -v '^nf_' "$TMP/calls")
if [ ! -s "$TMP/calls" ]; then
    fail python_binding_calls_nf_only "no library call found in bindings/python/newsfuse/*.py"
elif [ -n "$internal" ]; then
    fail python_binding_calls_nf_only "calls outside the public API: $(echo $internal)"
else
    pass python_binding_calls_nf_only
fi

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
