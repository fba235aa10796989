#!/bin/sh
# newsfuse facts: the bundled example's planted disagreements in every
# format, input kinds, usage errors; a shared-data cluster when present.
. "$(dirname "$0")/lib.sh"
EX=examples/harbor-collapse

expect_status facts_example_exit 0 $NF facts $EX
expect_grep facts_example_revised_deaths '^revised +killed: people +12 -> 14' "$TMP/out"
expect_grep facts_example_revised_injured '^revised +injured: people +37 -> 41' "$TMP/out"
expect_grep facts_example_revised_estmark '^revised +missing: people \(Estmark\) +5 -> 6' "$TMP/out"
expect_grep facts_example_speaker 'per the Estmarkian foreign ministry' "$TMP/out"

expect_status facts_json_exit 0 $NF facts --format json $EX
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["schema"]=="newsfuse/2" and d["kind"]=="facts"; assert sorted(g["label"] for g in d["groups"] if g["label"]!="single")==["revised","revised","revised"]; assert d["warnings"]==[]; assert all(g["reason"] for g in d["groups"])' "$TMP/out" 2>"$TMP/py"; then
    pass facts_json_schema
else
    fail facts_json_schema "$(head -c 300 "$TMP/py")"
fi
expect_status facts_jsonl_exit 0 $NF facts --format jsonl $EX
if [ "$(wc -l <"$TMP/out")" -eq 1 ]; then pass facts_jsonl_one_line; else fail facts_jsonl_one_line; fi
expect_status facts_md_exit 0 $NF facts --format md $EX
expect_grep facts_md_table '^## missing: people \(Estmark\) — revised' "$TMP/out"

cat $EX/1-meridian-wire.txt | $NF facts - >"$TMP/out" 2>"$TMP/err"
expect_grep facts_stdin 'killed: people' "$TMP/out"

# places split a group; one set named two ways is one group
mkdir -p "$TMP/places"
echo 'Eight soldiers were arrested in Greece on Saturday.' >"$TMP/places/1.txt"
echo 'Officials said 1,563 soldiers have been arrested across Turkey.' >"$TMP/places/2.txt"
echo 'Police arrested nine activists on Thursday.' >"$TMP/places/3.txt"
echo 'Nine people were arrested during the protest, police said.' >"$TMP/places/4.txt"
expect_status facts_places_exit 0 $NF facts "$TMP/places"
expect_grep facts_place_greece '^single +arrested: soldiers in Greece +8' "$TMP/out"
expect_grep facts_place_turkey '^single +arrested: soldiers in Turkey +1563' "$TMP/out"
expect_grep facts_same_set_joined '^agree +arrested: activists / people +9' "$TMP/out"
expect_status facts_places_json 0 $NF facts --format json "$TMP/places"
expect_grep facts_place_json_key '"place": "Greece"' "$TMP/out"

expect_status facts_bad_format 2 $NF facts --format html $EX
expect_status facts_no_input 2 $NF facts
expect_status facts_missing_file 1 $NF facts /nonexistent/report.txt
expect_status facts_help 0 $NF facts --help

D=$SHARED/data/duc2004.dev.jsonl
if [ -f "$D" ]; then
    head -n 3 "$D" >"$TMP/three.jsonl"
    expect_status facts_cluster_jsonl 0 $NF facts --format jsonl "$TMP/three.jsonl"
    if [ "$(wc -l <"$TMP/out")" -eq 3 ]; then pass facts_cluster_one_sheet_per_line; else fail facts_cluster_one_sheet_per_line; fi
else
    skip facts_cluster_jsonl "$D absent"
fi

# An invented hostage siege (tests/facts/siege, written here) with the
# traps of real reports: an earlier count, a sub-event's toll, a disputed
# count in one sentence. The sheet must read each the way the reports mean.
expect_status facts_siege_exit 0 $NF facts --format json tests/facts/siege
py_check() {
    name=$1; shift
    if python3 -c "$@" "$TMP/out" 2>"$TMP/py"; then pass "$name"; else fail "$name" "$(tail -c 300 "$TMP/py")"; fi
}
SIEGE_LIB='import json,sys
d=json.load(open(sys.argv[1])); F=d["figures"]
def grp(text, doc=0):
    f=[f for f in F if f["text"]==text and f["doc"]["index"]==doc][0]
    return d["groups"][f["group"]]
'
py_check facts_siege_earlier_count_revised "$SIEGE_LIB
g=grp(\"12\"); assert g[\"label\"]==\"revised\", g; assert F[g[\"current\"]][\"low\"]==23, g"
py_check facts_siege_final_assault_apart "$SIEGE_LIB
g=grp(\"seven\"); assert g[\"incident\"]==\"final assault\" and g[\"label\"]==\"agree\", g
assert grp(\"at least 23\")[\"figures\"]!=g[\"figures\"]"
py_check facts_siege_disputed_britons "$SIEGE_LIB
g=grp(\"six\", 1); assert g[\"label\"]==\"conflict\" and g is grp(\"five\", 0), g; assert \"Dana Holt\" in g[\"reason\"]"
py_check facts_siege_aliases_revised "$SIEGE_LIB
g=grp(\"18\"); assert g is grp(\"32\") and g[\"label\"]==\"revised\" and F[g[\"current\"]][\"low\"]==32, g"
py_check facts_siege_feared_not_a_toll "$SIEGE_LIB
f=[f for f in F if f[\"text\"]==\"five\" and f[\"status\"]==\"feared\"]; assert len(f)==1, f
g=d[\"groups\"][f[0][\"group\"]]; assert all(F[i][\"status\"]==\"feared\" for i in g[\"figures\"]), g"
