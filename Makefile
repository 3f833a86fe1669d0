# Kadry - staff monitoring reports for a municipal education department.
#
#   make            build ./kadry
#   make demo       install what is missing, build, run on the bundled sample
#   make check      install what is missing, build, run unit and end-to-end tests
#   make asan       the same tests under AddressSanitizer + UBSan
#   make valgrind   the demo's report run under valgrind (leaks, bad reads)
#   make fuzz       build the libFuzzer targets (clang); fuzz-smoke runs them
#   make bench      benchmarks (tests/bench)
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
BUILD   ?= build
V       ?= 0
PKG_CONFIG ?= pkg-config

ifeq ($(V),0)
Q = @
E = @echo
else
Q =
E = @:
endif

VERSION := 0.1.0
PKGS    := xlsxwriter libpcre2-8 nettle libzip
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
	-Werror=implicit-function-declaration
ALL_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 \
	-DKADRY_VERSION='"$(VERSION)"' \
	-DKADRY_DATADIR='"$(PREFIX)/share/kadry"' \
	$(WARN) $(CFLAGS) $(SAN_FLAGS) \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null) -Igenerator
LIBS    := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lhpdf -lhyphen -lcsv -lpthread -lm
TEST_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# Each compile writes the list of headers it read (build/obj/x.d), and an
# empty rule per header so that a deleted header does not stop make.
DEPFLAGS := -MMD -MP

SRC     := $(filter-out generator/main.c, $(wildcard generator/*.c))
OBJ     := $(SRC:generator/%.c=$(BUILD)/obj/%.o)
LIB     := $(BUILD)/libkadry.a
BIN     := kadry
TESTS   := $(patsubst tests/unit/%.c, $(BUILD)/tests/%, $(wildcard tests/unit/test_*.c))
FUZZERS := $(patsubst tests/fuzz/%.c, $(BUILD)/fuzz/%, $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: FORCE all deps check unit e2e build-check demo asan valgrind fuzz fuzz-smoke bench lo-check \
	clean install uninstall

all: $(BIN)

# The compiler, the flags (PREFIX among them: it is compiled in as
# KADRY_DATADIR) and the libraries of the last build, as git's GIT-CFLAGS:
# the file changes only when they do, and everything built depends on it,
# so `make && make install PREFIX=/opt/x` rebuilds for /opt/x.
FLAGS_FILE := $(BUILD)/KADRY-FLAGS
TRACK_FLAGS := $(subst ','\'',$(CC) $(ALL_CFLAGS) $(LIBS) $(TEST_LIBS))
$(FLAGS_FILE): FORCE
	@mkdir -p $(dir $@)
	@flags='$(TRACK_FLAGS)'; \
	if [ x"$$flags" != x"$$(cat $@ 2>/dev/null)" ]; then \
		[ -f $@ ] && echo "  FLAGS   changed: rebuilding" >&2; \
		printf '%s\n' "$$flags" >$@; \
	fi
FORCE:

$(BUILD)/obj/%.o: generator/%.c $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	$(E) "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(LIB): $(OBJ)
	$(E) "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(LIB) $(FLAGS_FILE)
	$(E) "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(BUILD)/obj/main.o $(LIB) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB) $(FLAGS_FILE)
	@mkdir -p $(dir $@)
	$(E) "  TEST    $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -Itests/unit -o $@ $< $(LIB) $(LIBS) $(TEST_LIBS)

-include $(OBJ:.o=.d) $(BUILD)/obj/main.d $(TESTS:=.d)

deps:
	$(Q)scripts/install-deps.sh

unit: $(TESTS)
	$(Q)fail=0; for t in $(TESTS); do \
		$$t || fail=1; \
	done; test $$fail = 0

e2e: $(BIN)
	$(Q)KADRY=./$(BIN) tests/run_cases.sh

# The Makefile itself: dependencies, flags and PREFIX tracked.
build-check:
	$(Q)sh tests/build_check.sh

# The README's test command: installs what is missing, builds, tests.
check: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory unit e2e build-check

# ASan+UBSan build of everything, in its own build folder.  The
# LibreOffice conversion of the workbooks (case 305) does not run kadry:
# it runs in `make check` only.  libhyphen's own 4-byte leak per
# dictionary load is suppressed (tests/lsan.supp, tests/valgrind.supp).
asan: deps
	$(Q)CASES_SKIP=305-libreoffice-opens \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/kadry \
		CC=clang CFLAGS="-O1 -g" \
		SAN_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		build/asan/kadry unit e2e

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	SOURCE_DATE_EPOCH=1797811200 ./$(BIN) report samples/lenin -o output \
		--period 2026-12 --template templates/lenin \
		--history samples/lenin-history --force; \
		test $$? -le 1

# The demo's report run under valgrind, output to a temp folder.  The
# demo's data has rejected rows, so kadry itself exits 1, like valgrind on
# an error: the verdict is valgrind's log (empty with -q when clean).
valgrind: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)out=$$(mktemp -d) && \
	SOURCE_DATE_EPOCH=1797811200 valgrind -q --leak-check=full \
		--suppressions=tests/valgrind.supp \
		--error-exitcode=1 --log-file=$$out.vg ./$(BIN) report \
		samples/lenin -o $$out --period 2026-12 \
		--template templates/lenin --history samples/lenin-history \
		--force 2>/dev/null; \
	rc=$$?; rm -rf $$out; \
	if [ -s $$out.vg ]; then cat $$out.vg; rm -f $$out.vg; exit 1; fi; \
	rm -f $$out.vg; test $$rc -le 1 && echo "valgrind: clean"

# UBSan stops at the first finding, as in `make asan`.
FUZZ_SAN := address,undefined -fno-sanitize-recover=all
fuzz: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/fuzz-lib CC=clang \
		CFLAGS="-O1 -g" SAN_FLAGS="-fsanitize=fuzzer-no-link,$(FUZZ_SAN)" \
		build/fuzz-lib/libkadry.a
	$(Q)mkdir -p $(BUILD)/fuzz
	$(Q)for f in tests/fuzz/fuzz_*.c; do \
		n=$$(basename $$f .c); \
		echo "  FUZZ    $$n"; \
		clang $(ALL_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) -O1 -g \
			-o $(BUILD)/fuzz/$$n $$f build/fuzz-lib/libkadry.a $(LIBS) || exit 1; \
	done

fuzz-smoke: fuzz
	$(Q)for f in $(BUILD)/fuzz/fuzz_*; do \
		n=$$(basename $$f); mkdir -p $(BUILD)/corpus/$$n; \
		$$f -max_total_time=$${FUZZ_SECONDS:-20} -max_len=65536 \
			$(BUILD)/corpus/$$n tests/fuzz/corpus/$$n || exit 1; \
	done

# LibreOffice opens the demo's workbooks (needs libreoffice-calc-nogui).
lo-check: demo
	$(Q)sh tests/xlsx/lo_check.sh output/2026-12

bench: $(BIN)
	$(Q)tests/bench/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/kadry/templates
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/kadry
	cp -r templates/. $(DESTDIR)$(PREFIX)/share/kadry/templates/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/kadry
	rm -rf $(DESTDIR)$(PREFIX)/share/kadry

clean:
	rm -rf build $(BIN)
