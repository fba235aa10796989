#!/bin/sh
# The sentence boundary model (data/segmenter/en.model) is what
# scripts/train_segmenter.py makes of UD English EWT train, byte for byte,
# and its training tool tells candidates and gold labels apart. Skipped
# without ../shared/data (the treebank is read at run time only) or
# without the tool (make BUILD/tools/seg_features; make check builds it).
. tests/cli/lib.sh

TOOL=$BUILD/tools/seg_features
TRAIN=$SHARED/data/sentences.ud_ewt_train.jsonl
if [ ! -x "$TOOL" ]; then
    skip segmenter_model_rebuilds "no $TOOL (make $TOOL)"
    exit 0
fi

# Our own two-sentence document: the tool prints one candidate, labelled
# 1 (a gold end) with its features, and splits as the library does.
printf '%s\n' '{"id":"a","text":"He left. She stayed.","offsets":[[0,8],[9,20]]}' >"$TMP/g.jsonl"
"$TOOL" features "$TMP/g.jsonl" >"$TMP/f" 2>"$TMP/err"
if [ "$(wc -l <"$TMP/f")" -eq 1 ] && grep -q '^0 1 [0-9-]* b=run .* rh=+plain rule=+$' "$TMP/f"; then
    pass segmenter_tool_features
else
    fail segmenter_tool_features "$(head -c 300 "$TMP/f")"
fi
"$TOOL" split "$TMP/g.jsonl" >"$TMP/s"
if grep -q '"offsets": *\[\[0, *8\], *\[9, *20\]\]' "$TMP/s"; then
    pass segmenter_tool_split
else
    fail segmenter_tool_split "$(head -c 300 "$TMP/s")"
fi

if [ ! -f "$TRAIN" ]; then
    skip segmenter_model_rebuilds "$TRAIN is absent"
    exit 0
fi
if /usr/bin/python3 scripts/train_segmenter.py --build "$BUILD" --out "$TMP/en.model" >"$TMP/out" 2>&1 &&
    cmp -s "$TMP/en.model" data/segmenter/en.model; then
    pass segmenter_model_rebuilds
else
    fail segmenter_model_rebuilds "$(tail -3 "$TMP/out"; cmp "$TMP/en.model" data/segmenter/en.model 2>&1)"
fi
