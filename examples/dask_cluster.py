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
   length and date. Shard k's own articles are those dated in
   [d0 + k*S, d0 + (k+1)*S) (S = --shard-days, d0 the earliest date); its
   warm-up, those of the --overlap-days before that (the tail of shard
   k-1). An undated article goes with the last dated article before it in
   the stream.
2. cluster (workers): each worker reads its shard's lines, warm-up and own
   (a shared file system: the same path everywhere), and runs one
   nf_clusterer over them in stream order with the settings given here
   (--window-days, --threshold): exactly what `newsfuse cluster` does on
   those lines. The warm-up plays the part of the events one run would
   still have open when the shard's days begin.
3. merge (client, shard by shard in time order): a shard's event that took
   warm-up articles continues the event that most of them belong to in
   the shard before (their own shard); an event without any is new. Each
   article keeps the event its own shard gave it. Events are then named
   e1, e2, ... in the order of their first article, as `cluster` names
   them.
4. summarize (workers): each event's articles become one cluster JSONL
   line, summarized with the library's batch path.

When the events differ from one `newsfuse cluster` run over the whole
stream: (a) an event whose reports pause for longer than the warm-up and
resume in a later shard is two events here, where one run keeps it open
for --window-days of stream time: the default warm-up, 365 days, is the
clusterer's default window, which removes these (at the price of
clustering the warm-up twice); (b) two shards that disagree about the
warm-up articles (one run split them, the other not) are settled by the
earlier shard's events, so a later event can take over an event the
later shard alone would have kept apart; (c) articles are scored against
the idf of their shard's lines, not of the whole stream so far. With one
shard the output is exactly `newsfuse cluster`'s. On the development
stream (bench/cluster_dask.sh) with 365-day shards and warm-ups, the
events agree with one run's at B-cubed F1 0.91 and score 0.77 against the
gold events (one run: 0.81). Undated streams have no time to cut: give
them --shards N (equal runs of lines, each warmed up by the
--overlap-lines before it).
"""

import argparse
import datetime
import json
import os
import sys

# the Dask client and the interpreter check are dask_batch.py's, beside this file
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dask_batch import missing_module, start_client  # noqa: E402

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
    """Shards as (home, warm-up) lists of line numbers (0-based): home the
    lines dated in the shard's days, warm-up those dated in the
    overlap_days before them (the previous shard's tail)."""
    dated = [line[2] for line in lines if line[2] is not None]
    if not dated:
        return [(list(range(len(lines))), [])]
    d0 = min(dated)
    home, warm = {}, {}
    last = d0
    for n, line in enumerate(lines):
        d = last if line[2] is None else line[2]
        last = d
        k = (d - d0) // shard_days
        home.setdefault(k, []).append(n)
        if (d - d0) % shard_days >= shard_days - overlap_days:
            warm.setdefault(k + 1, []).append(n)
    return [(home[k], warm.get(k, [])) for k in sorted(home)]


def line_shards(count, shards, overlap):
    """Undated: equal runs of lines, each warmed up by the overlap lines
    before it."""
    size = max(1, -(-count // max(1, shards)))
    return [(list(range(s, min(count, s + size))), list(range(max(0, s - overlap), s)))
            for s in range(0, count, size)]


def read_lines(path, lines, numbers):
    with open(path, "rb") as f:
        for n in numbers:
            off, size = lines[n][:2]
            f.seek(off)
            yield n, f.read(size)


def cluster_shard(path, spans, home, settings):
    """Runs on a worker: the shard's lines (its warm-up and its own) in
    stream order through one clusterer -> [(line number, id, local event or
    None, message, home)]."""
    from newsfuse import NewsfuseError
    from newsfuse.events import Clusterer

    out, home = [], set(home)
    with Clusterer(**settings) as c:
        for n, data in read_lines(path, spans, sorted(spans)):
            try:
                art = json.loads(data)
                if not isinstance(art, dict):
                    raise ValueError("not a JSON object")
                ident = str(art.get("id", "line%d" % spans[n][3]))
                event, _, warning = c.add(ident, art.get("text") or "", art.get("title"),
                                          art.get("date"))
                out.append((n, ident, event, warning, n in home))
            except (ValueError, NewsfuseError) as e:
                out.append((n, None, None, str(e), n in home))
    return out


def merge(results):
    """Shards in order -> per line (id, global event) or ("error",
    message). A shard's event that holds warm-up articles continues the
    event that most of them belong to in the shard before (the earliest
    such event on a tie); one without is a new event. Events are named e1,
    e2, ... in the order of their first article, as `cluster` names them."""
    final, errors = {}, {}
    fresh = 0
    for rows in results:
        votes = {}
        for n, _, event, _, home in rows:
            if event is not None and not home and n in final:
                tally = votes.setdefault(event, {})
                tally[final[n][1]] = tally.get(final[n][1], 0) + 1
        target = {}
        for n, ident, event, message, home in rows:
            if not home:
                continue
            if event is None:
                errors[n] = message
                continue
            if event not in target:
                tally = votes.get(event)
                if tally:
                    target[event] = min(tally, key=lambda g: (-tally[g], g))
                else:
                    fresh += 1
                    target[event] = fresh
            final[n] = (ident, target[event])
    names, out = {}, {}
    for n in sorted(final):
        ident, g = final[n]
        if g not in names:
            names[g] = "e%d" % (len(names) + 1)
        out[n] = (ident, names[g])
    for n, message in errors.items():
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
    ap.add_argument("--shard-days", type=int, default=365)
    ap.add_argument("--overlap-days", type=int, default=365,
                    help="warm-up before each shard (default 365, the clusterer's window)")
    ap.add_argument("--shards", type=int, default=0,
                    help="undated input: cut into N runs of lines instead of by date")
    ap.add_argument("--overlap-lines", type=int, default=5000,
                    help="warm-up lines before each undated shard (default: the window)")
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
        jobs = [dask.delayed(cluster_shard)(args.input, {n: lines[n] for n in home + warm}, home,
                                            settings)
                for home, warm in shards]
        results = client.gather(client.compute(jobs))
        write_outputs(args, lines, merge(results), client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stderr.write("dask_cluster: %d articles, %d shards\n" % (len(lines), len(shards)))


def main(argv=None):
    args = parse_args(argv)
    why = missing_module()
    if why:
        sys.stderr.write(why + "\n")
        return 1
    run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
