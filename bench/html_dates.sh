#!/bin/sh
# Publication dates found by newsfuse extract on the pages of
# ../shared/data/html_dates.dev/ (htmldate's evaluation pages as they were
# served, gold.json the original publication dates; read where they lie):
# the share right to the day, no date counting as wrong (htmldate 1.10 in
# its extensive mode: 0.903 on its 1,000 pages; newspaper4k 0.680).
# HTML_DATES_PAGES=FILE writes each page's verdict to FILE.
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
DIR=${NF_DATA:-../shared/data}/html_dates.dev
if [ ! -f "$DIR/gold.json" ]; then
    echo "SKIP html_dates: $DIR/gold.json is absent"
    exit 0
fi
[ -x "$BUILD/newsfuse" ] || { echo "html_dates: build first (make)" >&2; exit 2; }
exec /usr/bin/python3 bench/html_dates.py "$BUILD/newsfuse" "$DIR"
