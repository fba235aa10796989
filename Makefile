# newsfuse: one plain GNU Makefile, no configure step.
#
#   make                 library (static + shared), CLI
#   make check           every test, then again under ASan+UBSan (gcc), then the
#                        unit tests and fuzz corpus replays under clang's ASan+UBSan
#   make demo            summarize the bundled example
#   make install PREFIX=/usr/local
#   make deps            install the Debian packages we build against
#   make SANITIZER=address,undefined   a sanitized build in build-san/ (check-san adds float-cast-overflow, which gcc leaves out of undefined)
#
# Sources are picked up by wildcard: a new file under src/<stage>/ or cli/
# needs no edit here.

VERSION      := 0.1.0
SOVERSION    := 0
PREFIX       ?= /usr/local
DESTDIR      ?=

CC           ?= cc
SANITIZER    ?=
ifeq ($(SANITIZER),)
BUILD        ?= build
OPT          ?= -O2
else
BUILD        ?= build-san
OPT          ?= -O1 -fno-omit-frame-pointer -fsanitize=$(SANITIZER) -fno-sanitize-recover=all
endif

WARN   := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wpointer-arith -Wformat=2 -Wvla -Wundef -Wcast-align -Wwrite-strings \
          -Wold-style-definition -Wnull-dereference
# libxml2 (the HTML parser of src/ingest/html_dom.c), located by pkg-config.
XML2_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || xml2-config --cflags)
XML2_LIBS   := $(shell pkg-config --libs libxml-2.0 2>/dev/null || xml2-config --libs)
CSTD   := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
INC    := -Iinclude -Isrc -I$(BUILD)/gen $(XML2_CFLAGS)
CFLAGS ?= -g
ALL_CFLAGS := $(CSTD) $(OPT) $(CFLAGS) $(WARN) $(INC) -fPIC -pthread
DEP_LIBS := -lsqlite3 -lpcre2-8 -lutf8proc -lstemmer -ljansson -lglpk $(XML2_LIBS) -ldl -lm -lpthread
# zlib (gzip WARC files, src/ingest/warc.c), linked by name: it came only
# through GLPK before. libcurl (URLs, src/ingest/fetch.c) is not linked:
# its header is read here, the library is opened at run time (dlopen, -ldl),
# so static programs and those that never fetch need none of its libraries.
CURL_CFLAGS := $(shell pkg-config --cflags libcurl 2>/dev/null)
ALL_CFLAGS += $(CURL_CFLAGS)
DEP_LIBS += -lz
LDFLAGS ?=
ALL_LDFLAGS := $(OPT) $(LDFLAGS) -pthread

LIB_SRC  := $(sort $(wildcard src/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c server/*.c))
# The web page of newsfuse serve, embedded into the CLI (not the library).
WWW      := $(sort $(wildcard server/www/*))
SERVER_LIBS := -lmicrohttpd
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
DATA     := $(sort $(shell find data -type f ! -name '*.md' ! -name 'NOTICE*' | LC_ALL=C sort))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/data.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/www.o
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Fuzz targets, built here as plain programs that replay their corpus
# (make check); make fuzz builds them with libFuzzer (tests/fuzz/run.sh).
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ     := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 60

STATIC   := $(BUILD)/libnewsfuse.a
SHLIB    := $(BUILD)/libnewsfuse.so.$(VERSION)
SONAME   := libnewsfuse.so.$(SOVERSION)
CLI      := $(BUILD)/newsfuse

.PHONY: check-layers all check check-plain check-san check-san-clang test test-core demo install uninstall clean deps bench bench-speed valgrind fuzz
all: $(STATIC) $(SHLIB) $(CLI)

# Data files (abbreviations, stop words, debris patterns, ROUGE tables) are
# compiled in, so the library never looks for files at run time.
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CSTD) -O1 $(WARN) -o $@ $<

$(BUILD)/gen/data.c: $(BUILD)/tools/embed $(DATA)
	@mkdir -p $(@D)
	@echo "  EMBED   data/"
	@$(BUILD)/tools/embed $(DATA) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/data.o: $(BUILD)/gen/data.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

# The same embedding for the page, under its own table name.
$(BUILD)/gen/www.c: $(BUILD)/tools/embed $(WWW)
	@mkdir -p $(@D)
	@echo "  EMBED   server/www/"
	@$(BUILD)/tools/embed $(WWW) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/www.o: $(BUILD)/gen/www.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -Dnf_data_files=srv_www_files -Wno-overlength-strings -c -o $@ $<

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The library's objects hide every symbol but the public API (NF_API in
# include/newsfuse.h), so libnewsfuse.so exports nf_* only: internal
# helpers (xmalloc, buf_append, ...) can neither clash with a program's
# own nor become an interface by accident (tests/cli/exports.sh).
$(LIB_OBJ): ALL_CFLAGS += -fvisibility=hidden -DNF_BUILDING_LIBRARY
# A build directory from before these flags holds objects that export
# everything, and sources that do not include the header would not be
# recompiled: the stamp, new to such a directory, rebuilds them once.
$(LIB_OBJ): $(BUILD)/obj/.visibility-hidden
$(BUILD)/obj/.visibility-hidden:
	@mkdir -p $(@D)
	@touch $@

$(STATIC): $(LIB_OBJ)
	@echo "  AR      $@"
	@rm -f $@
	@ar rcs $@ $^

$(SHLIB): $(LIB_OBJ)
	@echo "  LD      $@"
	@$(CC) -shared -Wl,-soname,$(SONAME) $(ALL_LDFLAGS) -o $@ $^ $(DEP_LIBS)
	@ln -sf libnewsfuse.so.$(VERSION) $(BUILD)/$(SONAME)
	@ln -sf $(SONAME) $(BUILD)/libnewsfuse.so

$(CLI): $(CLI_OBJ) $(STATIC)
	@echo "  LD      $@"
	@$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC) $(DEP_LIBS) $(SERVER_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(STATIC)
	@mkdir -p $(@D)
	@echo "  TEST    $<"
	@$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(STATIC) $(DEP_LIBS)

# The URL tests serve their pages from a local libmicrohttpd daemon.
$(BUILD)/tests/test_fetch: DEP_LIBS += $(SERVER_LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(STATIC)
	@mkdir -p $(@D)
	@echo "  FUZZ    $<"
	@$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c $(STATIC) $(DEP_LIBS)

test: $(CLI) $(TESTS) $(FUZZ)
	@BUILD=$(BUILD) sh tests/run.sh
# The unit tests and the fuzz corpus replays only (no CLI scripts).
test-core: $(TESTS) $(FUZZ)
	@BUILD=$(BUILD) NF_TESTS=core sh tests/run.sh

# The whole suite, then the whole suite again under the sanitizers, then
# the library's own tests under clang's sanitizers: clang's UBSan sees
# what gcc's does not (arithmetic on a null pointer, say: NULL + 1 in the
# idf parser). Only the unit tests and fuzz replays, which reach the
# library's code, so that check stays within a few minutes on 2 cores.
check: check-plain check-san check-san-clang
check-plain: $(CLI) $(TESTS) $(SHLIB) $(FUZZ)
	@BUILD=$(BUILD) sh tests/run.sh
# The folders under src/ depend in pipeline order (doc/INTERNALS.md).
check-layers: $(STATIC)
	@sh tools/check_layers.sh $(BUILD)
check-san:
	@$(MAKE) --no-print-directory SANITIZER=address,undefined,float-cast-overflow test
check-san-clang:
	@if command -v clang >/dev/null 2>&1; then \
	    $(MAKE) --no-print-directory CC=clang BUILD=build-san-clang \
	        SANITIZER=address,undefined,float-cast-overflow test-core; \
	else echo "SKIP check-san-clang: no clang (apt-get install clang)"; fi

# The golden CLI runs and the fuzz corpus replays under valgrind (memcheck
# sees reads of uninitialised memory, which the sanitizers do not); fails
# on any FAIL line (golden.sh itself always exits 0).
valgrind: $(CLI) $(FUZZ)
	@{ BUILD=$(BUILD) VALGRIND=1 sh tests/cli/golden.sh; \
	   BUILD=$(BUILD) VALGRIND=1 sh tests/cli/fuzz_replay.sh; } >$(BUILD)/valgrind.log 2>&1; \
	cat $(BUILD)/valgrind.log; ! grep -q '^FAIL' $(BUILD)/valgrind.log

# Each fuzz target for FUZZ_SECONDS seconds (clang, libFuzzer, ASan+UBSan).
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

demo: $(CLI)
	$(CLI) summarize --words 120 examples/harbor-collapse/

bench: $(CLI)
	sh bench/html_extract.sh
	sh bench/html_dates.sh
	sh bench/sentences.sh
	sh bench/rouge_speed.sh
	sh bench/methods_speed.sh

# Batch speed and scaling against wc -w and libots (sh bench/deps.sh first).
bench-speed: $(CLI) $(SHLIB)
	sh bench/speed.sh

deps:
	sh scripts/deps.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/bin
	install -m 644 include/newsfuse.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(STATIC) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(SHLIB) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libnewsfuse.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libnewsfuse.so
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 doc/newsfuse.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' newsfuse.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/newsfuse.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/include/newsfuse.h $(DESTDIR)$(PREFIX)/bin/newsfuse \
	      $(DESTDIR)$(PREFIX)/lib/libnewsfuse.* $(DESTDIR)$(PREFIX)/lib/pkgconfig/newsfuse.pc \
	      $(DESTDIR)$(PREFIX)/share/man/man1/newsfuse.1

clean:
	rm -rf build build-san build-san-clang

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# The sentence segmenter's training tool (tools/seg_features.c; see
# scripts/train_segmenter.py, which rebuilds data/segmenter/en.model).
$(BUILD)/tools/seg_features: tools/seg_features.c $(STATIC)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -o $@ $< $(STATIC) $(DEP_LIBS)
# tests/cli/segmenter_model.sh rebuilds the model with it.
check-plain test: $(BUILD)/tools/seg_features

# The event clusterer's training tool (tools/events_features.c; see
# scripts/train_events.py, which rebuilds data/events/model.txt).
$(BUILD)/tools/events_features: tools/events_features.c $(STATIC)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(STATIC) $(DEP_LIBS)
check-plain test: $(BUILD)/tools/events_features
