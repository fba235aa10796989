#!/bin/sh
# CLI tests of `newsfuse idf build` / `idf check` and of --idf FILE: a
# small corpus written here in every input kind, the table's format and
# determinism, bad lines and bad tables (file:line, exit codes), and a
# table changing a tf-idf method's summary but not the default output.
. tests/cli/lib.sh

expect_status idf_help 0 $NF idf --help
expect_grep idf_help_names_build "idf build" "$TMP/out"
expect_status idf_no_subcommand 2 $NF idf
expect_status idf_build_no_corpus 2 $NF idf build
expect_status idf_build_bad_min_df 2 $NF idf build --min-df 0 x.jsonl
expect_status idf_build_bad_language 2 $NF idf build --language klingon x.jsonl
expect_status idf_build_missing_file 1 $NF idf build "$TMP/does-not-exist.jsonl"

{
    printf '%s\n' '{"id":"e1","documents":[{"text":"The bridge collapsed into the harbour on Saturday. Divers searched the water."},{"text":"A footbridge collapsed during the festival, officials said."}]}'
    printf '%s\n' '{"id":"e2","documents":["Heavy rain flooded the harbour town and closed the bridge."]}'
} >"$TMP/corpus.jsonl"
expect_status idf_build_clusters 0 $NF idf build --min-df 1 "$TMP/corpus.jsonl"
cp "$TMP/out" "$TMP/idf.tsv"
expect_grep idf_header "^# newsfuse-idf/1	language=english	documents=3	min_df=1$" "$TMP/idf.tsv"
expect_grep idf_counts_documents "^collaps	2$" "$TMP/idf.tsv"
expect_grep idf_counts_across_events "^harbour	2$" "$TMP/idf.tsv"
if grep -q "^the	" "$TMP/idf.tsv"; then fail idf_no_stop_words; else pass idf_no_stop_words; fi
if tail -n +2 "$TMP/idf.tsv" | cut -f1 | LC_ALL=C sort -c 2>/dev/null; then pass idf_terms_sorted; else fail idf_terms_sorted; fi
$NF idf build --min-df 1 "$TMP/corpus.jsonl" >"$TMP/again.tsv" 2>/dev/null
if cmp -s "$TMP/idf.tsv" "$TMP/again.tsv"; then pass idf_deterministic; else fail idf_deterministic; fi
expect_status idf_min_df 0 $NF idf build --min-df 2 "$TMP/corpus.jsonl"
if grep -q "^rain	" "$TMP/out" || ! grep -q "^bridg	2$" "$TMP/out"; then fail idf_min_df_drops_rare; else pass idf_min_df_drops_rare; fi
expect_status idf_check 0 $NF idf check "$TMP/idf.tsv"
expect_grep idf_check_says_what "language english, 3 documents" "$TMP/out"

# The same reports as article JSONL, as plain-text files, as Multi-News.
{
    printf '%s\n' '{"event":"e1","text":"The bridge collapsed into the harbour on Saturday. Divers searched the water."}'
    printf '%s\n' '{"event_id":"e1","text":"A footbridge collapsed during the festival, officials said."}'
    printf '%s\n' '{"text":"Heavy rain flooded the harbour town and closed the bridge."}'
} >"$TMP/articles.jsonl"
expect_status idf_build_articles 0 $NF idf build --min-df 1 "$TMP/articles.jsonl"
if cmp -s "$TMP/out" "$TMP/idf.tsv"; then pass idf_articles_same_table; else fail idf_articles_same_table "$(head -3 "$TMP/out")"; fi
mkdir -p "$TMP/texts"
printf '%s\n' 'The bridge collapsed into the harbour on Saturday. Divers searched the water.' >"$TMP/texts/1.txt"
printf '%s\n' 'A footbridge collapsed during the festival, officials said.' >"$TMP/texts/2.txt"
printf '%s\n' 'Heavy rain flooded the harbour town and closed the bridge.' >"$TMP/rain.txt"
expect_status idf_build_texts 0 $NF idf build --min-df 1 "$TMP/texts" "$TMP/rain.txt"
if cmp -s "$TMP/out" "$TMP/idf.tsv"; then pass idf_texts_same_table; else fail idf_texts_same_table "$(head -3 "$TMP/out")"; fi
printf '%s\n' 'The bridge collapsed into the harbour on Saturday. Divers searched the water. ||||| A footbridge collapsed during the festival, officials said.' >"$TMP/mn.txt"
printf '%s\n' 'Heavy rain flooded the harbour town and closed the bridge.' >>"$TMP/mn.txt"
expect_status idf_build_multinews 0 $NF idf build --min-df 1 --input multinews "$TMP/mn.txt"
if cmp -s "$TMP/out" "$TMP/idf.tsv"; then pass idf_multinews_same_table; else fail idf_multinews_same_table "$(head -3 "$TMP/out")"; fi

# A bad line is named, skipped and reported in the exit status; the
# table of the rest is still written.
{
    cat "$TMP/corpus.jsonl"
    printf '%s\n' '{"id":"broken","documents":[{"text":'
} >"$TMP/bad.jsonl"
expect_status idf_build_bad_line 1 $NF idf build --min-df 1 "$TMP/bad.jsonl"
expect_grep idf_bad_line_named "bad.jsonl:3:" "$TMP/err"
if cmp -s "$TMP/out" "$TMP/idf.tsv"; then pass idf_bad_line_skipped; else fail idf_bad_line_skipped; fi
printf '%s\n' '{"text":"Heavy rain flooded the town."}' '{"text":7}' >"$TMP/badart.jsonl"
expect_status idf_build_bad_article 1 $NF idf build "$TMP/badart.jsonl"
expect_grep idf_bad_article_named "badart.jsonl:2:.*text" "$TMP/err"

# --idf: a table changes a tf-idf method's summary; the default stays.
cat >"$TMP/ev1.txt" <<'TXT'
Divers searched the harbour after the bridge collapsed on Saturday night. The mayor said the festival would go on. Officials counted twelve dead in the harbour.
TXT
cat >"$TMP/ev2.txt" <<'TXT'
The footbridge collapsed into the harbour during the festival. Rescue boats searched the harbour until dawn. The mayor thanked the divers.
TXT
cat >"$TMP/ev3.txt" <<'TXT'
Twelve people died when the bridge collapsed. The harbour was closed to boats. Engineers will inspect every bridge in the town.
TXT
printf '# newsfuse-idf/1\tlanguage=english\tdocuments=50\nharbour\t50\nbridg\t40\ncollaps\t30\nmayor\t2\nfestiv\t1\n' >"$TMP/bg.tsv"
$NF summarize --method lexrank --words 20 "$TMP/ev1.txt" "$TMP/ev2.txt" "$TMP/ev3.txt" >"$TMP/plain" 2>&1
expect_status idf_summarize 0 $NF summarize --method lexrank --words 20 --idf "$TMP/bg.tsv" "$TMP/ev1.txt" "$TMP/ev2.txt" "$TMP/ev3.txt"
if cmp -s "$TMP/out" "$TMP/plain"; then fail idf_changes_lexrank "same summary"; else pass idf_changes_lexrank; fi
$NF summarize "$TMP/ev1.txt" "$TMP/ev2.txt" "$TMP/ev3.txt" >"$TMP/plain" 2>&1
$NF summarize --idf "" "$TMP/ev1.txt" "$TMP/ev2.txt" "$TMP/ev3.txt" >"$TMP/out" 2>&1
if cmp -s "$TMP/out" "$TMP/plain"; then pass idf_empty_is_none; else fail idf_empty_is_none; fi
# The JSON result names the table it used, and says nothing of one without it.
expect_status idf_json 0 $NF summarize --format json --idf "$TMP/bg.tsv" "$TMP/ev1.txt" "$TMP/ev2.txt"
expect_grep idf_json_names_table "\"idf\": \".*bg.tsv\"" "$TMP/out"
$NF summarize --format json "$TMP/ev1.txt" "$TMP/ev2.txt" >"$TMP/out" 2>/dev/null
if grep -q '"idf"' "$TMP/out"; then fail idf_json_absent_without_table; else pass idf_json_absent_without_table; fi
# batch --resume compares the table too (idf is an option like the others):
# a run with a table is not continued without it, nor one without it with.
head -n 2 "$TMP/corpus.jsonl" >"$TMP/two.jsonl"
head -n 1 "$TMP/corpus.jsonl" >"$TMP/one.jsonl"
$NF batch --idf "$TMP/bg.tsv" "$TMP/one.jsonl" -o "$TMP/with.jsonl" 2>/dev/null
cp "$TMP/with.jsonl" "$TMP/with2.jsonl"
expect_status idf_resume_without_table_refused 2 $NF batch "$TMP/two.jsonl" -o "$TMP/with.jsonl" --resume
expect_grep idf_resume_without_table_says "other options" "$TMP/err"
expect_status idf_resume_with_table 0 $NF batch --idf "$TMP/bg.tsv" "$TMP/two.jsonl" -o "$TMP/with2.jsonl" --resume
$NF batch "$TMP/one.jsonl" -o "$TMP/without.jsonl" 2>/dev/null
expect_status idf_resume_with_new_table_refused 2 $NF batch --idf "$TMP/bg.tsv" "$TMP/two.jsonl" -o "$TMP/without.jsonl" --resume

# Bad tables: refused with file:line, exit 1 (bad data).
printf '# newsfuse-idf/1\tlanguage=english\tdocuments=5\nbridg\t9\n' >"$TMP/badtab.tsv"
expect_status idf_bad_table 1 $NF summarize --idf "$TMP/badtab.tsv" "$TMP/ev1.txt"
expect_grep idf_bad_table_named "badtab.tsv:2:" "$TMP/err"
expect_status idf_check_bad_table 1 $NF idf check "$TMP/badtab.tsv"
expect_grep idf_check_bad_table_named "badtab.tsv:2:" "$TMP/err"
# A header field without '=' (undefined behaviour before: clang's UBSan).
printf '# newsfuse-idf/1\tlanguage=english\tdocuments=4\tmin_df\nw\t1\n' >"$TMP/noeq.tsv"
expect_status idf_check_field_without_eq 1 $NF idf check "$TMP/noeq.tsv"
expect_grep idf_check_field_without_eq_named "noeq.tsv:1: header field 'min_df' is not key=value" "$TMP/err"
expect_status idf_missing_table 1 $NF summarize --idf "$TMP/nope.tsv" "$TMP/ev1.txt"
expect_grep idf_missing_table_named "nope.tsv: cannot open" "$TMP/err"
printf '# newsfuse-idf/1\tlanguage=german\tdocuments=5\nbruck\t2\n' >"$TMP/de.tsv"
expect_status idf_language_mismatch 2 $NF summarize --language english --idf "$TMP/de.tsv" "$TMP/ev1.txt"
expect_grep idf_language_mismatch_says "table is for german" "$TMP/err"

# eval accepts --idf (on the shared data, when present).
if [ -f "$SHARED/data/duc2004.dev.jsonl" ]; then
    head -n 3 "$SHARED/data/duc2004.dev.jsonl" >"$TMP/d3.jsonl"
    expect_status idf_eval 0 $NF eval --method centroid --idf "$TMP/idf.tsv" --dataset duc2004 "$TMP/d3.jsonl"
else
    skip idf_eval "no $SHARED/data (evaluation data absent)"
fi
