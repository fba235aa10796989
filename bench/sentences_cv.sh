#!/bin/sh
# Held-out estimate of the sentence segmenter: K-fold cross-validated
# CoNLL 2018 sentence F1 on UD English EWT train (folds of whole
# documents, document i in fold i mod K; the model of each fold trained on
# the other folds by scripts/train_segmenter.py with its default
# settings), then the development sets the model is never trained on
# (bench/sentences.sh). Prints P, R and F1 per fold and in total.
# usage: sh bench/sentences_cv.sh [K]   (from the repository root, after
# make; default K 5; extra options go to the training script via
# TRAIN_OPTS, e.g. TRAIN_OPTS="--learner perceptron")
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
K=${1:-5}
if [ ! -f "$SHARED/data/sentences.ud_ewt_train.jsonl" ]; then
    echo "bench/sentences_cv.sh: $SHARED/data is absent; nothing to score" >&2
    exit 0
fi
make -s "$BUILD/tools/seg_features"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
python3 scripts/train_segmenter.py --build "$BUILD" --cv "$K" --out "$tmp/model" \
    --cv-predictions "$tmp/cv.jsonl" $TRAIN_OPTS | grep -v "^$tmp"
sh bench/sentences.sh | head -2
