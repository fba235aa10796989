"""examples/dask_cluster.py on a LocalCluster of two workers (skipped
without Dask): with one shard it assigns exactly the events `newsfuse
cluster` assigns; with many, every article lands in exactly one event,
bad lines are reported by line number without losing the others, and the
events and summaries files cover the same events."""

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("dask.distributed", reason="no Dask (Debian: apt-get install python3-distributed)")

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.path.join(ROOT, os.environ.get("BUILD", "build"), "newsfuse")
SCRIPT = os.path.join(ROOT, "examples", "dask_cluster.py")

# Invented events: each has its own place, people and vocabulary.
EVENTS = [
    ("Port Avelin", "Irena Kovach", "bridge collapse harbour divers festival spectators"),
    ("Marrow Valley", "Tomas Ruel", "flood river levee evacuation rainfall farmland"),
    ("Kestrel Bay", "Anya Morel", "ferry strike dockworkers wages union talks"),
    ("Lindholt", "Pieter Vance", "wildfire forest firefighters smoke villages wind"),
    ("Orsk Plateau", "Mira Daskalov", "mine rescue shaft miners trapped tunnel"),
    ("Calder Heights", "Jonas Brevik", "election ballots recount mayor council turnout"),
]


def article(e, k, day):
    place, person, words = EVENTS[e]
    w = words.split()
    text = ("%s officials said on day %d that the %s in %s had entered a new phase. "
            "%s told reporters the %s and the %s would be reviewed, and that %d more %s "
            "were expected. Residents of %s described the %s as the worst in years.\n\n"
            "A spokesman for %s repeated that the %s would continue, with the %s at the "
            "centre of the response.") % (
        place, day, w[0], place, person, w[1], w[2], 3 + k, w[3], place, w[4], person, w[5], w[0])
    return {"id": "a%d.%d" % (e, k), "date": "2026-%02d-%02d" % (1 + day // 28, 1 + day % 28),
            "title": "%s: %s %s update %d" % (place, w[0], w[1], k), "text": text}


def stream(path, bad=True):
    """Six events, four articles each, their days spread over ~100 days
    (events overlap in time); a broken line and a blank line inside."""
    lines = []
    for k in range(4):
        for e in range(len(EVENTS)):
            day = 16 * e + 5 * k
            lines.append(json.dumps(article(e, k, day)))
    if bad:
        lines[7:7] = ['{"id": "broken", "text": ', ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def run(tmp_path, src, *extra):
    out = tmp_path / "assign.jsonl"
    cmd = [sys.executable, SCRIPT, str(src), "-o", str(out), "--workers", "2"] + list(extra)
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "bindings", "python"))
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    return [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()], p.stderr


def test_one_shard_is_newsfuse_cluster(tmp_path):
    src = tmp_path / "in.jsonl"
    stream(src, bad=False)
    got, _ = run(tmp_path, src, "--shard-days", "1000")
    p = subprocess.run([CLI, "cluster", "--format", "jsonl", str(src)], capture_output=True,
                       text=True)
    assert p.returncode == 0, p.stderr
    want = [json.loads(l) for l in p.stdout.splitlines()]
    for w in want:
        w.pop("warning", None)
    assert got == want


def test_shards_keep_every_article_once(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = stream(src)
    got, err = run(tmp_path, src, "--shard-days", "20", "--overlap-days", "10",
                   "--events", str(tmp_path / "events.jsonl"),
                   "--summaries", str(tmp_path / "summaries.jsonl"))
    ids = [json.loads(l)["id"] for l in lines if l.strip() and not l.startswith('{"id": "broken"')]
    assert [g["id"] for g in got] == ids  # each once, in stream order
    assert "in.jsonl:8:" in err  # the broken line, by its line number
    events = [json.loads(l) for l in (tmp_path / "events.jsonl").read_text().splitlines()]
    members = sorted(d["id"] for ev in events for d in ev["documents"])
    assert members == sorted(ids)
    by_event = {}
    for g in got:
        by_event.setdefault(g["event"], []).append(g["id"])
    assert {ev["id"]: [d["id"] for d in ev["documents"]] for ev in events} == by_event
    # events are numbered in the order of their first article, which opened them
    firsts = [g["event"] for g in got if g["opened"]]
    assert firsts == ["e%d" % (k + 1) for k in range(len(firsts))] == [ev["id"] for ev in events]
    summaries = [json.loads(l) for l in (tmp_path / "summaries.jsonl").read_text().splitlines()]
    assert [s["id"] for s in summaries] == [ev["id"] for ev in events]
    assert all(s["summary"] for s in summaries)


def test_merge_continues_events_through_the_warm_up():
    """merge(): shard 1's e1 took two warm-up articles of shard 0's e1 and
    one of its e2, so it continues e1; shard 1's e2 took none: a new event;
    each article keeps its own shard's event; a warm-up line's error is its
    own shard's business, an own line's error is reported."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dask_cluster", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    shard0 = [(0, "a", "e1", None, True), (1, "b", "e2", None, True),
              (2, "c", "e1", None, True), (3, "d", "e1", None, True)]
    shard1 = [(1, "b", "e1", None, False), (2, "c", "e1", None, False),
              (3, "d", "e1", None, False), (4, "e", "e1", None, True),
              (5, "f", "e2", None, True), (6, None, None, "no text", True)]
    got = mod.merge([shard0, shard1])
    assert got == {0: ("a", "e1"), 1: ("b", "e2"), 2: ("c", "e1"), 3: ("d", "e1"),
                   4: ("e", "e1"), 5: ("f", "e3"), 6: ("error", "no text")}
