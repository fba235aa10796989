#!/usr/bin/env python3
"""Hard-wraps the texts of a gold sentence file, keeping every offset.

usage: wrap_gold.py GOLD.jsonl WIDTH > WRAPPED.jsonl

Each line of each text is wrapped greedily at WIDTH characters by turning
the last space that fits into a line break, as a mail client or `fmt`
would (a word longer than the width stays whole). A space becomes a
newline, so the byte offsets of the gold sentences are unchanged and the
file scores with bench/sentence_f1.py as it is: what the hard-wrap mode of
the segmenter gets back.
"""
import json
import sys


def wrap(text, width):
    chars = list(text)
    col, last_space = 0, -1
    for i, c in enumerate(chars):
        if c == "\n":
            col, last_space = 0, -1
            continue
        if c == " ":
            last_space = i
        col += 1
        if col > width and last_space >= 0:
            chars[last_space] = "\n"
            col, last_space = i - last_space, -1
    return "".join(chars)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    width = int(argv[2])
    for line in open(argv[1], encoding="utf-8"):
        if line.strip():
            doc = json.loads(line)
            doc["text"] = wrap(doc["text"], width)
            print(json.dumps(doc, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
