#!/bin/sh
# examples/dask_batch.py under an interpreter without Dask (python3 -S: no
# site-packages, as a pyenv or venv python3 lacks Debian's
# python3-distributed) says what it needs and which interpreter it ran
# under, instead of a traceback ending in "No module named dask". Its
# output against newsfuse batch is tests/python/test_dask_batch.py's.
. tests/cli/lib.sh

PY=""
for p in /usr/bin/python3 python3; do
    command -v "$p" >/dev/null 2>&1 && PY=$p && break
done
if [ -z "$PY" ]; then
    skip dask_example "no python3"
    exit 0
fi
if "$PY" -S -c 'import dask' 2>/dev/null; then
    skip dask_example "$PY -S still imports dask: no interpreter without it to try"
    exit 0
fi
printf '{"id":"e1","documents":[{"id":"a","text":"The council voted to close the terminal."}]}\n' >"$TMP/in.jsonl"
expect_status dask_example_without_dask 1 "$PY" -S examples/dask_batch.py "$TMP/in.jsonl" -o "$TMP/out.jsonl"
expect_grep dask_example_names_package "python3-distributed" "$TMP/err"
expect_grep dask_example_names_interpreter "which .*python3.* \(Python [0-9.]+\) cannot import" "$TMP/err"
if grep -q Traceback "$TMP/err"; then fail dask_example_no_traceback "$(head -c 300 "$TMP/err")"; else pass dask_example_no_traceback; fi
expect_status dask_example_help_without_dask 0 "$PY" -S examples/dask_batch.py --help
