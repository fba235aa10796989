#!/bin/sh
# newsfuse facts with and without syntax (src/facts/syntax.c): the speaker
# of a count comes from the verb of saying that governs its clause when
# Link Grammar (loaded at run time) and its English dictionary are there,
# and from the nearest verb of saying when they are not (NF_FACTS_SYNTAX=off
# stands for their absence).
. "$(dirname "$0")/lib.sh"

echo 'The ministry, which earlier said 12 hostages had died, now says 23 were killed, a spokesman told reporters.' >"$TMP/one.txt"
echo 'Lena Brask, a spokeswoman for the port authority, said 31 people were injured.' >>"$TMP/one.txt"

NF_FACTS_SYNTAX=off $NF facts --format json "$TMP/one.txt" >"$TMP/off.json" 2>"$TMP/err"
if [ $? -eq 0 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s={f["text"]: f["speaker"] for f in d["figures"]}; assert s["23"] is None and s["31"] is None, s' "$TMP/off.json" 2>"$TMP/py"; then
    pass facts_syntax_off_word_rules
else
    fail facts_syntax_off_word_rules "$(head -c 300 "$TMP/py" "$TMP/err")"
fi

if { [ ! -d /usr/share/link-grammar/en ] && [ ! -d /usr/local/share/link-grammar/en ]; } ||
    ! /sbin/ldconfig -p 2>/dev/null | grep -q 'liblink-grammar\.so\.5'; then
    skip facts_syntax_on_governing_speaker "no Link Grammar library or English dictionary"
    exit 0
fi
$NF facts --format json "$TMP/one.txt" >"$TMP/on.json" 2>"$TMP/err"
if [ $? -eq 0 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s={f["text"]: f["speaker"] for f in d["figures"]}; assert s["12"] == s["23"] == "The ministry" and s["31"] == "Lena Brask", s' "$TMP/on.json" 2>"$TMP/py"; then
    pass facts_syntax_on_governing_speaker
else
    fail facts_syntax_on_governing_speaker "$(head -c 300 "$TMP/py" "$TMP/err")"
fi
