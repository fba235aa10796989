#!/usr/bin/env python3
"""newsfuse event clustering on a Dask cluster: a stream of articles cut
into time shards, each shard clustered on a worker, the shards' events
merged where they meet, then every event summarized on the workers.

    # one machine: a LocalCluster with one single-threaded worker per core
    python3 examples/dask_cluster.py articles.jsonl -o assignments.jsonl \\
        --events events.jsonl --summaries summaries.jsonl

    # several machines: as examples/dask_batch.py (--scheduler tcp://HOST:8786)

Input: article JSONL ({"id", "date", "title", "text", ...} one per line, in
stream order), the input of `newsfuse cluster`. Output: -o one line per
article {"id", "event", "opened"} (what `newsfuse cluster --format jsonl`
writes, without its warnings),
--events the events as cluster JSONL, --summaries one summary record per
event (what `newsfuse batch` writes for that cluster JSONL).

How.
1. scan (client): one pass over the file notes each line's byte offset,
   length and date. Shard k holds the articles dated in
   [d0 + k*S, d0 + (k+1)*S) (S = --shard-days, d0 the earliest date), in
   stream order, and also the first --overlap-days of shard k+1. An undated
   article goes with the last dated article before it in the stream.
2. cluster (workers): each worker reads its shard's lines (a shared file
   system: the same path everywhere) and runs one nf_clusterer over them in
   stream order, with the settings given here (--window-days,
   --threshold): exactly what `newsfuse cluster` does on that shard.
3. merge (client): an article of an overlap was clustered twice, at the end
   of shard k and at the start of shard k+1; the two events it landed in
   are one event (union-find over the shards' events). Events are then
   numbered e1, e2, ... in the order of their first article, as `cluster`
   numbers them.
4. summarize (workers): each event's articles become one cluster JSONL
   line, summarized with the library's batch path.

When the events differ from one `newsfuse cluster` run over the whole
stream: (a) an event whose reports stop for longer than the overlap and
resume in the next shard is two events here (one run keeps an event alive
for --window-days of stream time; choose --overlap-days >= --window-days
to remove most of these); (b) a shard starts with no active events, so an
article at its start that one run would have put into an older event that
is still active but has no article in the overlap opens a new event here;
(c) the union of two shards' events through a shared article can join two
events one run keeps apart (the article sits between both). Undated
streams have no time to cut: give them --shards N (equal runs of lines,
each overlapping the next by --overlap-lines). With one shard the output
is exactly `newsfuse cluster`'s.
"""

import argparse
import datetime
import json
import os
import sys

CLUSTER_KEYS = ("window_days", "threshold")
SUMMARY_KEYS = ("words", "method")


def scan(path):
    """(offset, length, date ordinal or None, line number) of every
    non-blank line."""
    out, off = [], 0
    with open(path, "rb") as f:
        for number, line in enumerate(f, 1):
            size = len(line)
            if line.strip():
                out.append((off, size, line_date(line), number))
            off += size
    return out


def line_date(line):
    """The ordinal of a line's "date" (its first ten characters, ISO
    8601), or None: undated, or a line that does not parse (the worker
    reports those)."""
    try:
        date = json.loads(line).get("date")
        return datetime.date.fromisoformat(str(date)[:10]).toordinal()
    except (ValueError, AttributeError, TypeError):
        return None


def date_shards(lines, shard_days, overlap_days):
    """Shards as lists of line numbers (0-based, stream order)."""
    dated = [line[2] for line in lines if line[2] is not None]
    if not dated:
        return [list(range(len(lines)))]
    d0 = min(dated)
    shards = {}
    last = d0
    for n, line in enumerate(lines):
        d = last if line[2] is None else line[2]
        last = d
        k = (d - d0) // shard_days
        shards.setdefault(k, []).append(n)
        if k > 0 and (d - d0) % shard_days < overlap_days:
            shards.setdefault(k - 1, []).append(n)
    return [sorted(shards[k]) for k in sorted(shards)]


def line_shards(count, shards, overlap):
    """Undated: equal runs of lines, each reaching overlap lines into the
    next."""
    size = max(1, -(-count // max(1, shards)))
    return [list(range(s, min(count, s + size + overlap))) for s in range(0, count, size)]


def read_lines(path, lines, numbers):
    with open(path, "rb") as f:
        for n in numbers:
            off, size = lines[n][:2]
            f.seek(off)
            yield n, f.read(size)


def cluster_shard(path, spans, settings):
    """Runs on a worker: [(line number, id, local event or None, message)]."""
    from newsfuse import NewsfuseError
    from newsfuse.events import Clusterer

    out = []
    with Clusterer(**settings) as c:
        for n, data in read_lines(path, spans, sorted(spans)):
            try:
                art = json.loads(data)
                if not isinstance(art, dict):
                    raise ValueError("not a JSON object")
                ident = str(art.get("id", "line%d" % spans[n][3]))
                event, _, warning = c.add(ident, art.get("text") or "", art.get("title"),
                                          art.get("date"))
                out.append((n, ident, event, warning))
            except (ValueError, NewsfuseError) as e:
                out.append((n, None, None, str(e)))
    return out


class Sets:
    """Union-find over (shard, local event) with the smallest-line root."""

    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def merge(results):
    """Per line, its (id, global event) ("e1"... in order of first line)
    or ("error", message)."""
    sets, node_of, errors, ids = Sets(), {}, {}, {}
    for k, rows in enumerate(results):
        for n, ident, event, message in rows:
            if event is None:
                errors[n] = message
                continue
            ids[n] = ident
            node = (k, event)
            sets.find(node)
            if n in node_of:
                sets.union(node_of[n], node)
            else:
                node_of[n] = node
    names, out = {}, {}
    for n in sorted(node_of):
        root = sets.find(node_of[n])
        if root not in names:
            names[root] = "e%d" % (len(names) + 1)
        out[n] = (ids[n], names[root])
    for n, message in errors.items():
        if n not in out:
            out[n] = ("error", message)
    return out


def summarize_event(path, lines, numbers, event, options):
    """Runs on a worker: the batch record of one event."""
    import newsfuse

    docs = [{k: v for k, v in json.loads(data).items() if k in ("id", "title", "date", "text")}
            for _, data in read_lines(path, lines, numbers)]
    return newsfuse.summarize_line(json.dumps({"id": event, "documents": docs}), **options)


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="article JSONL in stream order")
    ap.add_argument("-o", "--output", required=True, help="article -> event lines")
    ap.add_argument("--events", help="write the events as cluster JSONL")
    ap.add_argument("--summaries", help="write a summary record per event")
    ap.add_argument("--shard-days", type=int, default=30)
    ap.add_argument("--overlap-days", type=int, default=7)
    ap.add_argument("--shards", type=int, default=0,
                    help="undated input: cut into N runs of lines instead of by date")
    ap.add_argument("--overlap-lines", type=int, default=200)
    ap.add_argument("--window-days", dest="window_days")
    ap.add_argument("--threshold")
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--method")
    ap.add_argument("--scheduler", help="tcp://HOST:PORT of a running Dask scheduler")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    if args.shard_days < 1 or args.overlap_days < 0 or args.overlap_days > args.shard_days:
        ap.error("need --shard-days >= 1 and 0 <= --overlap-days <= --shard-days")
    return args


def start_client(args):
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def write_outputs(args, lines, events, client):
    members = {}
    with open(args.output, "w", encoding="utf-8") as out:
        for n in sorted(events):
            ident, ev = events[n]
            if ident == "error":
                sys.stderr.write("dask_cluster: %s:%d: %s\n" % (args.input, lines[n][3], ev))
                continue
            rec = {"id": ident, "event": ev, "opened": ev not in members}
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
            members.setdefault(ev, []).append(n)
    order = sorted(members, key=lambda e: int(e[1:]))
    if args.events:
        with open(args.events, "w", encoding="utf-8") as out:
            for e in order:
                docs = [json.loads(d) for _, d in read_lines(args.input, lines, members[e])]
                out.write(json.dumps({"id": e, "documents": docs}) + "\n")
    if args.summaries:
        import dask

        options = {"words": args.words}
        if args.method:
            options["method"] = args.method
        jobs = [dask.delayed(summarize_event)(args.input, lines, members[e], e, options) for e in order]
        records = client.gather(client.compute(jobs))
        with open(args.summaries, "w", encoding="utf-8") as out:
            for r in records:
                out.write(r + "\n")


def run(args):
    import dask

    lines = scan(args.input)
    if args.shards:
        shards = line_shards(len(lines), args.shards, args.overlap_lines)
    else:
        shards = date_shards(lines, args.shard_days, args.overlap_days)
    settings = {k: getattr(args, k) for k in CLUSTER_KEYS if getattr(args, k) is not None}
    client, cluster = start_client(args)
    try:
        jobs = [dask.delayed(cluster_shard)(args.input, {n: lines[n] for n in s}, settings)
                for s in shards]
        results = client.gather(client.compute(jobs))
        write_outputs(args, lines, merge(results), client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stderr.write("dask_cluster: %d articles, %d shards\n" % (len(lines), len(shards)))


def main(argv=None):
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        sys.stderr.write("dask_cluster: %s (Python %s) cannot import dask.distributed: install "
                         "Debian's python3-distributed, or run under an interpreter that has it\n"
                         % (sys.executable, sys.version.split()[0]))
        return 1
    run(parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
