#!/bin/sh
# The folders under src/ depend in pipeline order (tools/check_layers.sh:
# includes, and the calls between the built objects), and a planted
# violation is caught, so the check itself cannot pass vacuously.
. tests/cli/lib.sh

if sh tools/check_layers.sh "$BUILD" >"$TMP/out" 2>&1; then
    pass layers_in_order
else
    fail layers_in_order "$(head -5 "$TMP/out")"
fi

# A copy of the sources with core/ including a header of select/ (an upper
# layer) must be refused, and the message must name the file.
mkdir -p "$TMP/tree/tools" "$TMP/tree/src"
cp tools/check_layers.sh "$TMP/tree/tools/"
cp -R src/core src/select "$TMP/tree/src/"
printf '#include "select/methods.h"\n' >>"$TMP/tree/src/core/alloc.c"
if sh "$TMP/tree/tools/check_layers.sh" "$TMP/nobuild" >"$TMP/out2" 2>&1; then
    fail layers_violation_caught "an include of select/ from core/ passed"
elif grep -q 'src/core/alloc.c includes from src/select/' "$TMP/out2"; then
    pass layers_violation_caught
else
    fail layers_violation_caught "$(head -3 "$TMP/out2")"
fi

# A folder the order does not know is refused too (a new stage must be
# given its place).
mkdir -p "$TMP/tree/src/newstage"
printf 'int x;\n' >"$TMP/tree/src/newstage/x.c"
if sh "$TMP/tree/tools/check_layers.sh" "$TMP/nobuild" 2>&1 | grep -q 'src/newstage/ has no rank'; then
    pass layers_unknown_folder
else
    fail layers_unknown_folder "a folder without a rank passed"
fi
