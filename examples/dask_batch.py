#!/usr/bin/env python3
"""newsfuse on a Dask cluster: summarize every event of a JSONL corpus on
many machines and write one JSONL record per event, in input order: the
very bytes `newsfuse batch` writes for the same input.

    # one machine: a LocalCluster with one single-threaded worker per core
    python3 examples/dask_batch.py corpus.jsonl -o summaries.jsonl

    # several machines: start a scheduler and workers (Debian's
    # python3-distributed), each worker able to import the binding, then
    #   host0$ dask-scheduler                         # prints tcp://host0:8786
    #   hostN$ PYTHONPATH=/path/to/newsfuse/bindings/python dask-worker tcp://host0:8786
    python3 examples/dask_batch.py corpus.jsonl -o summaries.jsonl --scheduler tcp://host0:8786

It reads what `newsfuse batch` reads (--input, default auto as batch
decides): cluster JSONL (one event per line; DUC 2007 update sets B and C
are summarized with the earlier sets of their topic as read), Multi-News
lines, and article JSONL (one report per line; consecutive lines with the
same "event" make one event).

How. The corpus is cut into partitions of whole lines (--blocksize bytes
each, dask.bytes.read_bytes); every worker needs the file at the same path
(a shared file system) and the binding (bindings/python on PYTHONPATH, the
library built or installed). Two passes:

1. scan: each partition is read on a worker with nothing summarized, and
   says what it carries over to the next (newsfuse.batch.Reader.meta: its
   line count, its first and last event, its update-set topics): a few
   values per partition come back to the client.
2. summarize: from those, the client knows, for each partition, where the
   history it needs begins: the partition where the article event still
   open at its start began (that event's record is written by the
   partition where the next event begins, or by the last one), or where the
   update-set history of its first update set began. That partition's
   worker reads from there, summarizes nothing before its own first line,
   and returns its records. An event split across partitions is therefore
   one event, and an update set at the top of a partition still has its
   history: the reading and grouping are the library's own (src/batch),
   the same calls newsfuse batch makes.

The client writes the records partition by partition, in order, keeping at
most --window partitions in flight.
"""

import argparse
import os
import sys

OPTION_KEYS = ("words", "sentences", "bytes", "ratio", "method", "language", "order",
               "min-words", "query", "max-seconds")


def split_lines(block):
    """A block of whole lines -> its lines, newline kept (as getline)."""
    lines = block.split(b"\n")
    last = lines.pop()
    out = [line + b"\n" for line in lines]
    if last:
        out.append(last)
    return out


def scan_partition(block, kind):
    """Runs on a worker: what the partition carries over (Reader.meta)."""
    from newsfuse.batch import Reader  # imported on the worker

    r = Reader(kind, b"", None, emit_from=float("inf"))
    try:
        for k, line in enumerate(split_lines(block)):
            r.feed(k + 1, line)
        return r.meta()
    finally:
        r.close()


def summarize_partitions(blocks, first_line, emit_from, final, kind, path, options):
    """Runs on a worker: reads blocks (the partitions from where the
    history begins to this one) and returns the records of the lines from
    emit_from on (this partition's), plus the events a time limit cut."""
    from newsfuse.batch import Reader

    r = Reader(kind, path, options, emit_from=emit_from)
    out, line = [], first_line
    try:
        for block in blocks:
            for data in split_lines(block):
                out.extend(r.feed(line, data))
                line += 1
        out.extend(r.finish(final))
        return out, r.time_limited
    finally:
        r.close()


def plan(metas, kind):
    """For each partition, the first partition its reader must start at.
    Follows what each partition carries over (see the module's notes)."""
    out, live, chain = [], None, None  # live: (event, start); chain: (topic, start)
    last = len(metas) - 1
    for p, m in enumerate(metas):
        start = p
        if kind == "articles":
            # an open event goes on through p when p has no other event
            through = live is not None and (m["first_event"] is None or (
                m["uniform"] and m["first_event"] == live[0]))
            if live is not None and (not through or p == last):
                start = live[1]  # p writes the open event: read it from its start
            if m["first_event"] is not None and not through:
                live = (m["last_event"], p)
        elif kind == "cluster" and m["first_update"] is not None:
            t, upd = m["first_update"]
            goes_on = chain is not None and chain[0] is not None and t == chain[0] and upd != b"A"
            if goes_on:
                start = chain[1]
            if not (goes_on and m["chains"] == 1):
                chain = (m["last_topic"], p)
        out.append(start)
    return out


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="cluster JSONL, Multi-News lines or article JSONL")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--input", dest="kind", default="auto",
                    choices=("auto", "cluster", "jsonl", "multinews", "articles"))
    ap.add_argument("--scheduler", help="tcp://HOST:PORT of a running Dask scheduler "
                    "(default: start a LocalCluster on this machine)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="LocalCluster workers (default: one per core)")
    ap.add_argument("--blocksize", default="4MiB", help="bytes of input per partition")
    ap.add_argument("--window", type=int, default=0,
                    help="partitions in flight (default: 2 per worker thread)")
    for key in OPTION_KEYS:
        ap.add_argument("--" + key, dest=key.replace("-", "_"))
    ap.add_argument("--cut", action="store_true")
    return ap.parse_args(argv)


def summary_options(args):
    """The library's option keys and values, as newsfuse batch sets them."""
    opts = {k.replace("-", "_"): getattr(args, k.replace("-", "_")) for k in OPTION_KEYS}
    opts = {k: v for k, v in opts.items() if v is not None}
    if args.cut:
        opts["cut"] = "1"
    return opts


def start_client(args):
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def run(args):
    import dask
    from dask.bytes import read_bytes
    from newsfuse.batch import KINDS, detect_kind, kind_name

    path = args.input
    kind = detect_kind(path) if args.kind == "auto" else kind_name(args.kind)
    if kind not in KINDS:
        raise SystemExit("dask_batch: %s is read as %s, one event: summarize it with newsfuse "
                         "summarize" % (path, kind))
    _, blocks = read_bytes(path, delimiter=b"\n", blocksize=args.blocksize, sample=False)
    blocks = blocks[0]
    client, cluster = start_client(args)
    try:
        metas = client.gather(client.compute([dask.delayed(scan_partition)(b, kind) for b in blocks]))
        starts = [1]
        for m in metas:
            starts.append(starts[-1] + m["lines"])
        jobs = [dask.delayed(summarize_partitions)(blocks[s:p + 1], starts[s], starts[p],
                                                   p == len(blocks) - 1, kind, path,
                                                   summary_options(args))
                for p, s in enumerate(plan(metas, kind))]
        window = args.window or 2 * max(1, sum(client.nthreads().values()))
        with open(args.output, "wb") as out:
            cut = write_in_order(client, jobs, window, out)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for line, ident in cut:  # as newsfuse batch warns
        sys.stderr.write("newsfuse: %s:%d: event %s hit the time limit (max_seconds): its summary "
                         "depends on the machine's speed\n"
                         % (path, line, (ident or b"").decode("utf-8", "replace")))


def write_in_order(client, jobs, window, out):
    """Submits partitions, at most window ahead of the one being written;
    returns the events a time limit cut."""
    futures, next_job, cut = [], 0, []
    for k in range(len(jobs)):
        while next_job < len(jobs) and next_job < k + window:
            futures.append(client.compute(jobs[next_job]))
            next_job += 1
        records, limited = futures[k].result()
        futures[k] = None
        cut.extend(limited)
        out.write(b"".join(rec + b"\n" for rec in records))
    return cut


def missing_module():
    """Why this interpreter cannot run the example, or None. Dask comes from
    Debian's python3-distributed, which only /usr/bin/python3 sees: under a
    python3 of pyenv, conda or a venv the import fails with nothing saying
    so; the binding comes from PYTHONPATH."""
    where = "%s (Python %d.%d)" % (sys.executable or "python3", *sys.version_info[:2])
    try:
        import dask.bytes  # noqa: F401
        import dask.distributed  # noqa: F401
    except ImportError as e:
        return ("%s: this example needs Dask with its distributed scheduler, which %s "
                "cannot import (%s). On Debian: apt-get install python3-distributed, and run "
                "it with /usr/bin/python3, the interpreter that package installs for; with "
                "another python3: python3 -m pip install 'dask[distributed]' for it."
                % (sys.argv[0], where, e))
    try:
        import newsfuse.batch  # noqa: F401
    except ImportError as e:
        return ("%s: %s cannot import the newsfuse binding (%s): put bindings/python on "
                "PYTHONPATH (PYTHONPATH=$PWD/bindings/python, after make)." % (sys.argv[0], where, e))
    return None


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    why = missing_module()
    if why:
        sys.stderr.write(why + "\n")
        return 1
    with open(args.input, "rb"):
        pass  # fail early, and plainly, on a missing input
    run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
