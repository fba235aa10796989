#!/bin/sh
# Checks that the folders under src/ depend in pipeline order
# (doc/INTERNALS.md, "Layers"): a file may include headers of its own folder
# and of folders of a lower rank only, and, when the objects are built,
# may call only functions defined in its own folder or a lower one (the
# include check alone misses a call through a header of a lower folder to
# a function defined higher up). Front ends (cli/, server/, bindings/) are
# not checked here: tests/cli/exports.sh checks what they can reach.
# Usage: tools/check_layers.sh [BUILD]   (BUILD: objects to check, default build)
cd "$(dirname "$0")/.." || exit 2
BUILD=${1:-build}
# Rank of each folder: equal ranks are siblings that may not use each other.
rank() {
    case $1 in
        core) echo 0 ;; ingest) echo 1 ;; text) echo 2 ;; model) echo 3 ;;
        select|facts|events|eval) echo 4 ;; track) echo 5 ;; emit) echo 6 ;; api) echo 7 ;; batch) echo 8 ;;
        *) echo -1 ;;
    esac
}
bad=0
ok_use() { # ok_use FROM TO: 0 if folder FROM may use folder TO
    [ "$1" = "$2" ] && return 0
    a=$(rank "$1"); b=$(rank "$2")
    [ "$a" -ge 0 ] && [ "$b" -ge 0 ] && [ "$b" -lt "$a" ]
}
for f in src/*/*.c src/*/*.h; do
    from=${f#src/}; from=${from%%/*}
    if [ "$(rank "$from")" -lt 0 ]; then
        echo "layers: $f: folder src/$from/ has no rank (add it to tools/check_layers.sh and doc/INTERNALS.md)"
        bad=1; continue
    fi
    for to in $(sed -n 's|^#include "\([a-z_]*\)/[^"]*".*|\1|p' "$f" | sort -u); do
        if ! ok_use "$from" "$to"; then
            echo "layers: $f includes from src/$to/ (src/$from/ may use only lower layers)"
            bad=1
        fi
    done
done
if [ -d "$BUILD/obj/src" ] && command -v nm >/dev/null 2>&1; then
    defs=$(mktemp) || exit 2
    trap 'rm -f "$defs"' EXIT
    # Objects of the sources there are now (a moved file leaves a stale one).
    objs=$(for c in src/*/*.c; do o=$BUILD/obj/${c%.c}.o; [ -f "$o" ] && echo "$o"; done)
    for o in $objs; do
        d=${o#"$BUILD"/obj/src/}; d=${d%%/*}
        nm -g --defined-only "$o" | awk -v d="$d" 'NF == 3 { print $3, d }'
    done | sort > "$defs"
    for o in $objs; do
        from=${o#"$BUILD"/obj/src/}; from=${from%%/*}
        for pair in $(nm -u "$o" | awk '{ print $2 }' | sort | join - "$defs" | tr ' ' ':'); do
            sym=${pair%%:*}; to=${pair#*:}
            if ! ok_use "$from" "$to"; then
                echo "layers: ${o#"$BUILD"/obj/} calls $sym, defined in src/$to/"
                bad=1
            fi
        done
    done
fi
[ $bad -eq 0 ] && echo "layers: src/ depends in pipeline order"
exit $bad
