#!/usr/bin/env python3
"""newsfuse on a Dask cluster: summarize every event of a cluster JSONL
corpus on many machines and write one JSONL record per event, in input
order: the very bytes `newsfuse batch` writes for the same input.

    # one machine: a LocalCluster with one single-threaded worker per core
    python3 examples/dask_batch.py corpus.jsonl -o summaries.jsonl

    # several machines: start a scheduler and workers (Debian's
    # python3-distributed), each worker able to import the binding, then
    #   host0$ dask-scheduler                         # prints tcp://host0:8786
    #   hostN$ PYTHONPATH=/path/to/newsfuse/bindings/python dask-worker tcp://host0:8786
    python3 examples/dask_batch.py corpus.jsonl -o summaries.jsonl --scheduler tcp://host0:8786

The corpus is read as partitions of whole lines (dask.bag.read_text,
--blocksize bytes each); every worker needs the file at the same path (a
shared file system) and the binding (bindings/python on PYTHONPATH, the
library built or installed). Each event is summarized on a worker through
newsfuse.summarize_line; the client writes the records partition by
partition, in order, keeping at most --window partitions in flight.

Limits, by design: each line is summarized on its own, so DUC 2007-style
update sets (B and C read after A) are summarized without the earlier sets
as read (newsfuse batch gives them that history), and article JSONL (one
report per line, grouped by event) is not read here: use newsfuse batch,
or turn it into cluster lines first.
"""

import argparse
import os
import sys

SCHEMA = "newsfuse/1"


def json_string(s):
    """A JSON string literal escaped as the CLI escapes it: quote,
    backslash and control characters only."""
    out = []
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20:
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def error_record(path, line_no, ident, message):
    """The error record of `newsfuse batch` (doc/SCHEMA.md), byte for byte."""
    return '{"schema":"%s","id":%s,"error":{"file":%s,"line":%d,"message":%s}}' % (
        SCHEMA, json_string(ident) if ident is not None else "null", json_string(path), line_no,
        json_string(message))


def summarize_partition(lines, first_line, path, options):
    """Runs on a worker: the records of one partition's lines."""
    import newsfuse  # imported on the worker

    out = []
    for k, line in enumerate(lines):
        if not line.strip(" \t\r\n"):
            continue
        raw = line.encode("utf-8", "surrogateescape")  # the file's bytes, as batch reads them
        try:
            out.append(newsfuse.summarize_line(raw, **options))
        except newsfuse.NewsfuseError as e:
            if e.status != newsfuse.NF_EDATA:
                raise
            out.append(error_record(path, first_line + k, e.id, str(e)))
    return out


def count_lines(lines):
    return len(lines)


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="cluster JSONL (one event per line)")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--scheduler", help="tcp://HOST:PORT of a running Dask scheduler "
                    "(default: start a LocalCluster on this machine)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="LocalCluster workers (default: one per core)")
    ap.add_argument("--blocksize", default="4MiB", help="bytes of input per partition")
    ap.add_argument("--window", type=int, default=0,
                    help="partitions in flight (default: 2 per worker thread)")
    for key in ("words", "sentences", "bytes", "ratio", "method", "language", "order",
                "min-words", "query"):
        ap.add_argument("--" + key, dest=key.replace("-", "_"))
    ap.add_argument("--cut", action="store_true")
    return ap.parse_args(argv)


def summary_options(args):
    opts = {k: getattr(args, k) for k in ("words", "sentences", "bytes", "ratio", "method",
                                          "language", "order", "min_words", "query")}
    opts = {k: v for k, v in opts.items() if v is not None}
    if args.cut:
        opts["cut"] = True
    if "words" not in opts:
        opts["words"] = None  # the library's default (100 unless another budget)
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
    import dask.bag as db

    path = args.input
    parts = db.read_text(path, blocksize=args.blocksize, encoding="utf-8",
                         errors="surrogateescape", linedelimiter="\n").to_delayed()
    counts = dask.compute(*[dask.delayed(count_lines)(p) for p in parts])
    starts = [1 + sum(counts[:k]) for k in range(len(parts))]
    jobs = [dask.delayed(summarize_partition)(p, s, path, summary_options(args))
            for p, s in zip(parts, starts)]
    client, cluster = start_client(args)
    try:
        window = args.window or 2 * max(1, sum(client.nthreads().values()))
        with open(args.output, "wb") as out:
            write_in_order(client, jobs, window, out)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def write_in_order(client, jobs, window, out):
    """Submits partitions, at most window ahead of the one being written."""
    futures, next_job = [], 0
    for k in range(len(jobs)):
        while next_job < len(jobs) and next_job < k + window:
            futures.append(client.compute(jobs[next_job]))
            next_job += 1
        records = futures[k].result()
        futures[k] = None
        for rec in records:
            out.write(rec.encode("utf-8", "surrogateescape") + b"\n")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    with open(args.input, "rb"):
        pass  # fail early, and plainly, on a missing input
    run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
