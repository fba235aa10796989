"""Checks summarize's JSONL output against its input clusters: one summary
per cluster in order, at most WORDS words each, and every sentence's text
equal to the bytes [start, end) of its document. Exit 1 with a reason."""
import json
import sys

clusters = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
outputs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
budget = int(sys.argv[3])
if len(clusters) != len(outputs):
    sys.exit(f"{len(outputs)} summaries for {len(clusters)} clusters")
for c, o in zip(clusters, outputs):
    if o.get("id") != c["id"] or o.get("schema") != "newsfuse/2":
        sys.exit(f"id/schema mismatch at {c['id']}")
    words = sum(len(s["text"].split()) for s in o["summary"])
    if words > budget or not o["summary"]:
        sys.exit(f"{c['id']}: {words} words, {len(o['summary'])} sentences")
    for s in o["summary"]:
        doc = c["documents"][s["doc"]["index"]]
        text = doc["text"] if isinstance(doc, dict) else doc
        got = text.encode("utf-8")[s["start"]:s["end"]].decode("utf-8")
        if got != s["text"]:
            sys.exit(f"{c['id']}: offsets [{s['start']},{s['end']}) give {got[:60]!r}, not {s['text'][:60]!r}")
print(f"{len(outputs)} summaries ok")
