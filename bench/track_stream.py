#!/usr/bin/env python3
"""Makes a long article stream from a dated one (bench/track_crash.sh):
the input's articles in order, then again with new ids and dates shifted
past the end of the previous copy, and so on, until N articles.
usage: track_stream.py IN.jsonl N > OUT.jsonl"""
import datetime
import json
import sys


def parse(date):
    try:
        return datetime.date.fromisoformat(date)
    except (TypeError, ValueError):
        return None  # kept as written: the clusterer warns about it


def main():
    src, want = sys.argv[1], int(sys.argv[2])
    arts = [json.loads(line) for line in open(src, encoding="utf-8") if line.strip()]
    dates = [d for d in (parse(a.get("date")) for a in arts) if d]
    span = (max(dates) - min(dates)).days + 60
    out, copy = 0, 0
    while out < want:
        for a in arts:
            if out >= want:
                break
            rec = {"id": a["id"] if copy == 0 else "%s~%d" % (a["id"], copy),
                   "title": a.get("title"), "text": a["text"]}
            d = parse(a.get("date"))
            if d:
                rec["date"] = (d + datetime.timedelta(days=span * copy)).isoformat()
            elif a.get("date"):
                rec["date"] = a["date"]
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out += 1
        copy += 1


if __name__ == "__main__":
    main()
