"""examples/dask_batch.py on a LocalCluster of two workers writes the same
bytes as `newsfuse batch` on the same input (skipped without Dask): cluster
JSONL, article JSONL whose events are split across partitions, and DUC
2007-like update sets whose earlier sets lie in earlier partitions."""

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


def harbor_texts():
    return [open(f, encoding="utf-8").read()
            for f in sorted(glob.glob(os.path.join(ROOT, "examples", "harbor-collapse", "*.txt")))]


def article_corpus(path):
    """Article JSONL: 9 events of 1 to 9 reports (about 1.5 kB each), so
    that with 4 kB partitions most events span two to four of them; event
    7's key is an integer, event 2 comes back after event 3 (a second
    event), a report of event 4 holds an invalid UTF-8 byte, and broken and
    blank lines sit inside events. Returns the number of records batch
    should write."""
    texts, out, records = harbor_texts(), [], 0
    order = [0, 1, 2, 3, 2, 4, 5, 6, 7, 8]
    for run, e in enumerate(order):
        for k in range(1 + (e * 5 + run) % 9):
            art = {"event": 7 if e == 7 else "ev%d" % e, "id": "ev%d.r%d.%d" % (e, run, k),
                   "title": "Report %d on event %d" % (k, e), "date": "2026-06-%02d" % (10 + k),
                   "text": "Event %d report %d puts the count at %d people.\n\n%s"
                           % (e, k, 3 * e + k, texts[(e + k) % 4])}
            line = json.dumps(art).encode()
            if e == 4 and k == 1:
                line = line.replace(b"puts the count", b"puts the \xff count")
            out.append(line)
            if k == 1 and e in (1, 5, 8):
                out.append(b'{"event": "ev%d", "id": "broken%d", "text": 7}' % (e, e))
                out.append(b"   ")
                out.append(b'{"event": "ev%d", "text": ' % e)
                records += 2
        records += 1
    path.write_bytes(b"\n".join(out) + b"\n")
    return records


def update_corpus(path):
    """DUC 2007-like update sets: 4 topics of sets A, B, C (topic 2 has no
    A; topic 3's C has 5 reports, so A and B lie two partitions up), a
    plain event and a broken line between sets of one topic. Returns the
    number of records."""
    texts, lines = harbor_texts(), []
    for t in range(4):
        for n, upd in enumerate("ABC"):
            if t == 2 and upd == "A":
                continue
            docs = [{"id": "D07%02d-%s.%d" % (t, upd, k), "title": "t%d %s %d" % (t, upd, k),
                     "date": "2026-07-%02d" % (n * 5 + k + 1),
                     "text": "Update %s on topic %d: %d more people were found on day %d.\n\n%s"
                             % (upd, t, 4 * n + k + t, n * 5 + k, texts[(t + n + k) % 4])}
                    for k in range(2 + (n == 2) * (1 + 2 * (t == 3)))]
            lines.append(json.dumps({"id": "D07%02dX-%s" % (t, upd), "update_set": upd,
                                     "topic": "The harbor collapse, topic %d" % t,
                                     "documents": docs}))
            if t == 1 and upd == "A":
                lines.append(json.dumps({"id": "plain", "documents": [texts[0], texts[1]]}))
                lines.append('{"id": "D0701X-x", "update_set": "B", "documents": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def run_both(inp, tmp_path, *extra, blocksize="32kB"):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(ROOT, "bindings", "python") + os.pathsep + env.get("PYTHONPATH", "")
    want, got = tmp_path / "batch.jsonl", tmp_path / "dask.jsonl"
    b = subprocess.run([CLI, "batch", "-j", "2", str(inp), "-o", str(want), *extra],
                       capture_output=True, check=False)
    assert b.returncode in (0, 1), b.stderr
    d = subprocess.run([sys.executable, SCRIPT, str(inp), "-o", str(got), "--workers", "2",
                        "--blocksize", blocksize, *extra], capture_output=True, env=env, check=False,
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


def test_dask_equals_batch_on_articles_split_across_partitions(tmp_path):
    inp = tmp_path / "articles.jsonl"
    records = article_corpus(inp)
    assert inp.stat().st_size > 12 * 4096, "many partitions"
    want, got = run_both(inp, tmp_path, "--words", "60", blocksize="4kB")
    assert want.count(b"\n") == records
    assert b'"id":"ev2"' in want and want.count(b'"id":"ev2"') == 2  # two runs of event 2
    assert b'"id":"7"' in want
    assert got == want


def test_dask_equals_batch_on_update_sets_across_partitions(tmp_path):
    inp = tmp_path / "updates.jsonl"
    records = update_corpus(inp)
    want, got = run_both(inp, tmp_path, "--words", "50", blocksize="4kB")
    assert want.count(b"\n") == records
    # the history matters: set C alone (no earlier sets read) reads otherwise
    alone = tmp_path / "alone.jsonl"
    alone.write_bytes([l for l in inp.read_bytes().splitlines(True) if b'"D0703X-C"' in l][0])
    one = subprocess.run([CLI, "batch", str(alone)], capture_output=True, check=True).stdout
    chained = [l for l in want.splitlines(True) if l.startswith(b'{"schema":"newsfuse/2","id":"D0703X-C"')]
    assert len(chained) == 1 and chained[0] != one
    assert got == want


def test_dask_equals_batch_on_development_sets(tmp_path):
    data = os.path.join(SHARED, "data")
    if not os.path.isdir(data):
        pytest.skip("no %s (licensed evaluation data is not in the repository)" % data)
    inp = tmp_path / "dev.jsonl"
    with open(inp, "wb") as out:
        for name in ("duc2004", "duc2007_update", "multinews"):
            with open(os.path.join(data, name + ".dev.jsonl"), "rb") as f:
                out.write(f.read())
    want, got = run_both(inp, tmp_path)
    assert want.count(b"\n") == 25 + 15 + 149
    assert got == want
