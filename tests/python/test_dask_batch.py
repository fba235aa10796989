"""examples/dask_batch.py on a LocalCluster of two workers writes the same
bytes as `newsfuse batch` on the same input (skipped without Dask)."""

import glob
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("dask.distributed", reason="no Dask (Debian: apt-get install python3-distributed)")

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.path.join(ROOT, os.environ.get("BUILD", "build"), "newsfuse")
SCRIPT = os.path.join(ROOT, "examples", "dask_batch.py")
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))


def corpus(path, events):
    """Cluster JSONL from the bundled example: event e takes 2 to 4 of its
    reports, rotated, each opened by a sentence naming the event; a broken
    line, a line whose documents are not a list and a blank line inside."""
    texts = [open(f, encoding="utf-8").read()
             for f in sorted(glob.glob(os.path.join(ROOT, "examples", "harbor-collapse", "*.txt")))]
    lines = []
    for e in range(events):
        docs = [{"id": "e%d.r%d" % (e, k),
                 "text": "Event %d report %d says the inquiry sits for %d weeks.\n\n%s"
                         % (e, k, e + k + 3, texts[(e + k) % 4])}
                for k in range(2 + e % 3)]
        lines.append(json.dumps({"id": "e%d" % e, "documents": docs}))
    lines[3:3] = ['{"id": "broken", "documents": [{"text": ', "", '{"id": "bad-docs", "documents": 7}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_both(inp, tmp_path, *extra):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(ROOT, "bindings", "python") + os.pathsep + env.get("PYTHONPATH", "")
    want, got = tmp_path / "batch.jsonl", tmp_path / "dask.jsonl"
    b = subprocess.run([CLI, "batch", "-j", "2", str(inp), "-o", str(want), *extra],
                       capture_output=True, check=False)
    assert b.returncode in (0, 1), b.stderr
    d = subprocess.run([sys.executable, SCRIPT, str(inp), "-o", str(got), "--workers", "2",
                        "--blocksize", "32kB", *extra], capture_output=True, env=env, check=False,
                       timeout=300)
    assert d.returncode == 0, d.stderr.decode()[-2000:]
    return want.read_bytes(), got.read_bytes()


def test_dask_equals_batch_two_workers(tmp_path):
    inp = tmp_path / "corpus.jsonl"
    corpus(inp, 40)
    assert inp.stat().st_size > 3 * 32 * 1024, "several partitions"
    want, got = run_both(inp, tmp_path, "--words", "80")
    assert want.count(b"\n") == 42  # 40 events and 2 error records
    assert b'"id":"bad-docs","error"' in got and b'"line":4' in got
    assert got == want


def test_dask_equals_batch_on_development_sets(tmp_path):
    data = os.path.join(SHARED, "data")
    if not os.path.isdir(data):
        pytest.skip("no %s (licensed evaluation data is not in the repository)" % data)
    inp = tmp_path / "dev.jsonl"
    with open(inp, "wb") as out:
        for name in ("duc2004", "multinews"):  # no update sets: see the example's limits
            with open(os.path.join(data, name + ".dev.jsonl"), "rb") as f:
                out.write(f.read())
    want, got = run_both(inp, tmp_path)
    assert want.count(b"\n") == 25 + 149
    assert got == want
