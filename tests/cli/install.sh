#!/bin/sh
# The installed library: `make install DESTDIR=... PREFIX=/usr` into a
# staging directory, then examples/c built through pkg-config against it
# (shared, and static with pkg-config --static), run, and uninstalled.
. tests/cli/lib.sh

if [ "$BUILD" != build ]; then
    skip install "packaging is checked on the plain build, not on $BUILD"
    exit 0
fi
if ! command -v pkg-config >/dev/null 2>&1; then
    skip install "no pkg-config (Debian: apt-get install pkg-config)"
    exit 0
fi
STAGE="$TMP/stage"
# A fresh make, not the parent's jobserver: this runs inside `make check`.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory install DESTDIR="$STAGE" PREFIX=/usr \
    >"$TMP/install.log" 2>&1
if [ $? -eq 0 ]; then pass install_runs; else fail install_runs "$(tail -c 300 "$TMP/install.log")"; fi
for f in include/newsfuse.h lib/libnewsfuse.a lib/libnewsfuse.so.0.1.0 lib/libnewsfuse.so.0 \
    lib/libnewsfuse.so lib/pkgconfig/newsfuse.pc bin/newsfuse share/man/man1/newsfuse.1; do
    if [ -e "$STAGE/usr/$f" ]; then pass "install_has_$f"; else fail "install_has_$f"; fi
done
if readelf -d "$STAGE/usr/lib/libnewsfuse.so.0.1.0" | grep -q 'SONAME.*\[libnewsfuse.so.0\]'; then
    pass install_soname
else
    fail install_soname "$(readelf -d "$STAGE/usr/lib/libnewsfuse.so.0.1.0" | grep SONAME)"
fi
if command -v man >/dev/null 2>&1; then
    man -l "$STAGE/usr/share/man/man1/newsfuse.1" >"$TMP/man.txt" 2>&1
    expect_grep install_man_page_renders "newsfuse batch" "$TMP/man.txt"
fi

export PKG_CONFIG_PATH="$STAGE/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$STAGE"
cflags=$(pkg-config --cflags newsfuse) && libs=$(pkg-config --libs newsfuse)
if [ $? -eq 0 ] && [ "$(pkg-config --modversion newsfuse)" = "$($NF --version | cut -d' ' -f2)" ]; then
    pass install_pkg_config
else
    fail install_pkg_config "$(pkg-config --modversion newsfuse 2>&1)"
fi
# shellcheck disable=SC2086
${CC:-cc} -Wall -Wextra -Werror $cflags -o "$TMP/example" examples/c/summarize.c $libs 2>"$TMP/cc.err"
if [ $? -eq 0 ]; then pass install_example_builds; else fail install_example_builds "$(head -c 300 "$TMP/cc.err")"; fi
if readelf -d "$TMP/example" | grep -q 'NEEDED.*\[libnewsfuse.so.0\]'; then pass install_example_links_soname; else fail install_example_links_soname; fi

# It runs against the staged library and says what the CLI says.
LD_LIBRARY_PATH="$STAGE/usr/lib" "$TMP/example" 60 examples/harbor-collapse/*.txt >"$TMP/ex.out" 2>"$TMP/ex.err"
if [ $? -eq 0 ]; then pass install_example_runs; else fail install_example_runs "$(head -c 300 "$TMP/ex.err")"; fi
$NF summarize --words 60 --format json examples/harbor-collapse/*.txt >"$TMP/cli.json"
first=$(sed -n 2p "$TMP/ex.out")
n_ex=$(grep -c '^    -- ' "$TMP/ex.out")
n_cli=$(grep -o '"summary_words"' "$TMP/cli.json" | wc -l)
if [ -n "$first" ] && grep -qF "\"text\": \"$first\"" "$TMP/cli.json" && [ "$n_ex" -gt 0 ] && [ "$n_cli" -eq 1 ] &&
    grep -q "^newsfuse 0.1.0: $n_ex sentences" "$TMP/ex.out"; then
    pass install_example_matches_cli
else
    fail install_example_matches_cli "first: $first"
fi

# Static: the library's own dependencies come from Libs.private/Requires.private.
static_libs=$(pkg-config --static --libs newsfuse | sed 's/-lnewsfuse//')
# shellcheck disable=SC2086
${CC:-cc} $cflags -o "$TMP/example_static" examples/c/summarize.c -Wl,-Bstatic -lnewsfuse -Wl,-Bdynamic \
    -L"$STAGE/usr/lib" $static_libs 2>"$TMP/cc.err"
if [ $? -eq 0 ] && ! readelf -d "$TMP/example_static" | grep -q libnewsfuse &&
    "$TMP/example_static" 60 examples/harbor-collapse/*.txt | cmp -s - "$TMP/ex.out"; then
    pass install_example_static
else
    fail install_example_static "$(head -c 300 "$TMP/cc.err")"
fi

# Fully static (-static): pkg-config --static must name every library
# under libnewsfuse, GLPK's own too (zlib, GMP, AMD, COLAMD, libltdl), as
# GLPK ships no .pc file to bring them. glibc warns that dlopen (GLPK's
# libltdl) needs its shared libraries at run time: not an error.
# shellcheck disable=SC2086
${CC:-cc} $cflags -static -o "$TMP/example_full_static" examples/c/summarize.c \
    $(pkg-config --static --libs newsfuse) 2>"$TMP/cc.err"
if [ $? -eq 0 ] && ! readelf -d "$TMP/example_full_static" 2>/dev/null | grep -q NEEDED &&
    "$TMP/example_full_static" 60 examples/harbor-collapse/*.txt | cmp -s - "$TMP/ex.out"; then
    pass install_example_fully_static
else
    fail install_example_fully_static "$(grep -v 'statically linked applications\|in function' "$TMP/cc.err" | head -c 300)"
fi

# A program that reads web pages through the reader (libxml2, and the ICU
# it links), fully static too: with -lstdc++ after the rest, as the README
# says (ICU's static library needs the C++ runtime; no .pc names it).
cat >"$TMP/read_page.c" <<'EOF'
#include <newsfuse.h>
#include <stdio.h>
int main(int argc, char **argv)
{
    nf_reader *r = NULL;
    nf_docset *ds = NULL;
    int rc;
    if (argc < 2 || nf_reader_open(argv[1], &r) != NF_OK)
        return 2;
    while ((rc = nf_reader_next(r, &ds)) != NF_EEMPTY) {
        if (rc == NF_OK)
            printf("%zu report(s), %s\n", nf_docset_count(ds), nf_docset_doc_date(ds, 0));
        nf_docset_free(ds);
        ds = NULL;
    }
    nf_reader_free(r);
    return 0;
}
EOF
printf '<html><head><meta property="article:published_time" content="2025-06-15"></head><body><article><p>The old harbour footbridge collapsed into the water on Saturday night, officials said.</p></article></body></html>' >"$TMP/page.html"
# shellcheck disable=SC2086
${CC:-cc} $cflags -static -o "$TMP/read_page_static" "$TMP/read_page.c" \
    $(pkg-config --static --libs newsfuse) -lstdc++ 2>"$TMP/cc.err"
if [ $? -eq 0 ] && [ "$("$TMP/read_page_static" "$TMP/page.html")" = "1 report(s), 2025-06-15" ]; then
    pass install_reader_fully_static
else
    fail install_reader_fully_static "$(grep -v 'statically linked applications\|in function' "$TMP/cc.err" | head -c 300)"
fi

# The README's recipe for a prefix of one's own (no DESTDIR): the CLI runs
# from there as it is (the library is linked in), and a program linked with
# the rpath the README gives finds libnewsfuse.so without LD_LIBRARY_PATH.
PFX="$TMP/prefix"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory install PREFIX="$PFX" >"$TMP/pfx.log" 2>&1
if env -u LD_LIBRARY_PATH "$PFX/bin/newsfuse" --version >/dev/null 2>&1; then pass install_prefix_cli_runs; else
    fail install_prefix_cli_runs "$(tail -c 300 "$TMP/pfx.log")"; fi
pc_prefix() { PKG_CONFIG_PATH="$PFX/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR= pkg-config "$@"; }
# shellcheck disable=SC2046
${CC:-cc} -o "$TMP/example_rpath" examples/c/summarize.c $(pc_prefix --cflags --libs newsfuse) \
    -Wl,-rpath,"$(pc_prefix --variable=libdir newsfuse)" 2>"$TMP/cc.err" &&
    env -u LD_LIBRARY_PATH "$TMP/example_rpath" 60 examples/harbor-collapse/*.txt | cmp -s - "$TMP/ex.out"
if [ $? -eq 0 ]; then pass install_prefix_rpath_example; else
    fail install_prefix_rpath_example "$(head -c 300 "$TMP/cc.err")"; fi

env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory uninstall DESTDIR="$STAGE" PREFIX=/usr >/dev/null 2>&1
left=$(find "$STAGE" -type f -o -type l | head -3)
if [ -z "$left" ]; then pass install_uninstall; else fail install_uninstall "left: $left"; fi
