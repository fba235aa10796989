#!/bin/sh
# Bad input (issue 15, item 6): binary data, a truncated gzip, a WARC
# record with a wrong length, broken and empty HTML, a page without article
# text, an unknown charset, a feed with bad items. Each gets a clear
# message naming the file (and item or record, with its byte), the right
# exit status, and in batch the other records are kept. Inputs written by
# tests/cli/ingest_fixtures.py.
. tests/cli/lib.sh
in_ingest_fixtures ingest_bad_input

# bad NAME STATUS ERR_REGEX CMD...: exit status and a message on stderr.
bad() {
    name=$1 want=$2 re=$3
    shift 3
    expect_status "$name" "$want" "$@"
    expect_grep "${name}_message" "$re" err
}
# records FILE: the number of output records of each kind, "errors/summaries"
records() {
    echo "$(grep -c '"error"' "$1")/$(grep -c '"summary"' "$1")"
}

# ---- binary data ----
bad binary_summarize 1 '^newsfuse: warning: binary.dat: binary data \([0-9]+% of its first 3000 bytes' \
    $NF summarize binary.dat
expect_grep binary_summarize_no_report '^newsfuse: binary.dat: no report to read' err
bad binary_as_warc 1 '^newsfuse: binary.dat: not a WARC file: it starts with' $NF summarize --input warc binary.dat
bad binary_as_rss 1 '^newsfuse: binary.dat: .*not a feed' $NF facts --input rss binary.dat
bad binary_batch 1 'binary.dat: no report to read' $NF batch binary.dat
# with a good report beside it: skipped with a warning, the other summarized
bad binary_among_pages 0 'warning: binary.dat: binary data' $NF summarize dam.html binary.dat
expect_grep binary_among_pages_kept 'dam above Orlen' out

# ---- a truncated gzip ----
bad trunc_gzip_whole 1 '^newsfuse: trunc.warc.gz: record 2 \(uncompressed byte [0-9]+ of the gzip member at byte 0\): truncated gzip' \
    $NF summarize trunc.warc.gz
bad trunc_gzip_members 1 '^newsfuse: trunc_members.warc.gz: record 3 \(byte [0-9]+\): truncated gzip' \
    $NF summarize trunc_members.warc.gz
expect_grep trunc_gzip_members_kept 'dam above Orlen' out
bad trunc_gzip_batch 1 'trunc_members.warc.gz: record 3 \(byte [0-9]+\): truncated gzip' $NF batch trunc_members.warc.gz
r=$(records out)
if [ "$r" = 1/1 ] && grep -q '"file":"trunc_members.warc.gz","line":0,"message":"record 3 (byte' out; then
    pass trunc_gzip_batch_kept; else fail trunc_gzip_batch_kept "records $r: $(head -c 300 out)"; fi
head -c 40 crawl.warc.gz >cut.warc.gz
bad trunc_gzip_first_record 1 '^newsfuse: cut.warc.gz: .*truncated gzip' $NF summarize cut.warc.gz

# ---- a WARC record with a wrong length ----
for f in badlen.warc badlen.warc.gz; do
    bad "wrong_length_$f" 1 "^newsfuse: $f: record 2 \\(byte [0-9]+\\): Content-Length [0-9]+ does not end the record.*wrong length" \
        $NF summarize --format jsonl "$f"
    r=$(records out)
    if [ "$r" = 1/1 ] && grep -q 'orlen-repairs' out; then pass "wrong_length_${f}_others_read"; else fail "wrong_length_${f}_others_read" "records $r"; fi
    bad "wrong_length_${f}_batch" 1 "^newsfuse: $f: record 2 \\(byte [0-9]+\\)" $NF batch "$f"
    r=$(records out)
    if [ "$r" = 1/1 ] && tail -n 1 out | grep -q 'orlen-repairs'; then pass "wrong_length_${f}_batch_kept"; else fail "wrong_length_${f}_batch_kept" "records $r: $(head -c 300 out)"; fi
done

# ---- feeds: an item without a body, an item the parser cannot read ----
bad feed_bad_items 1 '^newsfuse: broken_feed.xml: item 2 \(byte [0-9]+\): no content, description or summary' \
    $NF summarize broken_feed.xml
expect_grep feed_bad_items_parse '^newsfuse: broken_feed.xml: item 3, line 5, byte [0-9]+: ' err
expect_grep feed_bad_items_kept 'dam above Orlen gave way' out
bad feed_bad_items_batch 1 'broken_feed.xml: item 2' $NF batch broken_feed.xml
r=$(records out)
if [ "$r" = 2/1 ]; then pass feed_bad_items_batch_kept; else fail feed_bad_items_batch_kept "records $r"; fi

# ---- broken HTML: read as a browser reads it; a cut page is said ----
bad broken_html 0 '^newsfuse: warning: broken.html: the page ends inside a tag: it may be cut short' \
    $NF summarize broken.html
expect_grep broken_html_text 'dam above Orlen gave way on Monday night' out
if grep -q '<' out; then fail broken_html_no_markup "$(head -c 200 out)"; else pass broken_html_no_markup; fi

# ---- empty HTML, a page without article text ----
bad empty_html 1 '^newsfuse: warning: empty.html: empty page, skipped' $NF summarize empty.html
expect_grep empty_html_no_report '^newsfuse: empty.html: no report to read' err
bad no_article 1 '^newsfuse: warning: nav_only.html: no article text found, skipped' $NF facts nav_only.html
bad no_article_among_pages 0 'warning: nav_only.html: no article text found, skipped' \
    $NF summarize --format json dam.html nav_only.html empty.html
expect_grep no_article_among_pages_json '"empty.html: empty page, skipped"' out
# a WARC whose only page has no article text: the record is named
PYTHONPATH="$OLDPWD/tests/cli" PYTHONDONTWRITEBYTECODE=1 $PY - <<'EOF'
import ingest_fixtures as f
open("noarticle.warc", "wb").write(f.response("https://herald.example/menu",
                                              open("nav_only.html").read(), 4))
EOF
bad no_article_warc 1 '^newsfuse: warning: noarticle.warc: record 1 \(byte 0\): no article text found, skipped' \
    $NF summarize noarticle.warc

# ---- an unknown charset: said, the page still read ----
bad unknown_charset 0 "^newsfuse: warning: unknown_charset.html: charset: unknown charset 'x-no-such-charset'" \
    $NF summarize unknown_charset.html
expect_grep unknown_charset_read "Le barrage d'Orlen a cédé" out
bad unknown_http_charset 0 "^newsfuse: warning: unknown_http_charset.warc: record 1 \\(byte 0\\): charset: unknown charset" \
    $NF batch unknown_http_charset.warc
expect_grep unknown_http_charset_in_record '"warnings":\[[^]]*unknown_http_charset.warc: record 1 \(byte 0\): charset: unknown charset' out

# ---- a crawl of many pages without article text: the first 50 records
# named, the rest counted in one warning; the page with text still read ----
PYTHONPATH="$OLDPWD/tests/cli" PYTHONDONTWRITEBYTECODE=1 $PY - <<'EOF'
import ingest_fixtures as f
menu = open("nav_only.html").read()
recs = b"".join(f.response("https://herald.example/menu/%d" % i, menu, 4) for i in range(70))
open("menus.warc", "wb").write(recs + f.response("https://herald.example/orlen-dam", f.DAM, 5))
EOF
bad menus_warc 0 '^newsfuse: warning: menus.warc: 20 more warnings about its records not shown' \
    $NF summarize --format json menus.warc
n=$(grep -c 'no article text found, skipped' err)
if [ "$n" -eq 50 ] && grep -q 'record 50 (byte' err && ! grep -q 'record 51 (byte' err; then pass menus_warc_first_50_named; else fail menus_warc_first_50_named "$n named"; fi
expect_grep menus_warc_kept 'dam above Orlen' out
expect_grep menus_warc_json '"menus.warc: 20 more warnings about its records not shown"' out
