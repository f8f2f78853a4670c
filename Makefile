# shiryo - Japanese policy-plan briefing PDFs from XML.
#
#   make            build build/shiryo
#   make check      build, run each fuzz harness for a few seconds, then
#                   every test (unit + end to end) under AddressSanitizer +
#                   UndefinedBehaviorSanitizer, and prove that the normal
#                   build writes the same bytes (tests/same-output);
#                   JOBS (the processors) at a time
#   make demo       write the sample PDFs into out/ from the plans in xml/
#   make deps       install missing Debian packages (as root), or say which
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean
#
# BUILD selects the output folder; SANITIZE=1 adds -fsanitize=address,undefined.
# DEVELOPER=1 turns warnings into errors.

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=

PKGS     = libxml-2.0 freetype2 harfbuzz harfbuzz-subset icu-uc libdeflate xlsxwriter libzip
WARN     = -Wall -Wextra -Wstrict-prototypes -Wvla -Wshadow -Wpointer-arith \
           -Wmissing-prototypes -Wformat=2
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L
OPT     ?= -O2 -g
CFLAGS  ?=
LDFLAGS ?=

ifeq ($(SANITIZE),1)
OPT     = -O1 -g -fno-omit-frame-pointer
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif
ifeq ($(DEVELOPER),1)
WARN    += -Werror
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm -pthread
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) $(SANFLAGS) -pthread -Iinclude $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

LIB_SRC  = $(sort $(filter-out src/cli/main.c,$(wildcard src/*/*.c)))
LIB_ASM  = $(sort $(wildcard src/*/*.S))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o) $(LIB_ASM:%.S=$(BUILD)/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DEPS     = $(LIB_OBJ:.o=.d) $(BUILD)/src/cli/main.d $(UNIT_BIN:=.d)

# Files embedded in the binary (.incbin), so that a build is self-contained.
EMBEDDED = xml/schema/plan.rng xml/schema/actuals.rng xml/schema/pdca.rng fonts/fontset.conf

DEB_PKGS = build-essential pkg-config libhpdf-dev libxml2-dev libfreetype-dev libdeflate-dev \
           libcunit1-dev libicu-dev libharfbuzz-dev fonts-ipaexfont fonts-ipafont \
           fonts-dejavu-core libgs-common poppler-utils qpdf mupdf-tools \
           default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java \
           clang libclang-rt-14-dev valgrind \
           libxlsxwriter-dev libzip-dev python3-openpyxl python3-pikepdf man-db strace procps

.PHONY: all check unit e2e demo deps install clean
.DELETE_ON_ERROR:

all: $(BUILD)/shiryo $(BUILD)/shiryo.1 $(BUILD)/shiryo.bash-completion

$(BUILD)/libshiryo.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/shiryo: $(BUILD)/src/cli/main.o $(BUILD)/libshiryo.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

# The man page and the bash completion, with the kinds of document put in
# from the binary's table (doc_kinds[]) by src/cli/gen-kinds.
$(BUILD)/shiryo.1 $(BUILD)/shiryo.bash-completion: $(BUILD)/%: src/cli/%.in src/cli/gen-kinds \
		$(BUILD)/shiryo
	src/cli/gen-kinds $(BUILD)/shiryo $< >$@

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.S $(EMBEDDED)
	@mkdir -p $(@D)
	$(CC) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/cu_main.h $(BUILD)/libshiryo.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -MMD -MP -o $@ $< $(BUILD)/libshiryo.a \
		$(ALL_LDFLAGS) $(PKG_LIBS) $(shell pkg-config --libs cunit 2>/dev/null || echo -lcunit)

-include $(DEPS)

# ---- tests ---------------------------------------------------------------

SAN_BUILD = build/san

JOBS ?= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

# The three builds (normal, sanitizer, fuzzing) each JOBS files at a time;
# the tests run the suite once, on the sanitizer build (tests/run).
check: deps
	$(MAKE) --no-print-directory -j$(JOBS) all fuzz-build
	$(MAKE) --no-print-directory -j$(JOBS) BUILD=$(SAN_BUILD) SANITIZE=1 all $(SAN_BUILD)/unit-bins
	$(MAKE) --no-print-directory fuzz-smoke
	tests/run -j $(JOBS) $(SAN_BUILD) build

$(BUILD)/unit-bins: $(UNIT_BIN)
	@touch $@

unit: all $(UNIT_BIN)
	tests/run --unit-only $(BUILD)

e2e: $(BUILD)/shiryo
	tests/run --e2e-only $(BUILD)

# ---- samples -------------------------------------------------------------

demo: deps
	$(MAKE) --no-print-directory all
	tests/demo $(BUILD)/shiryo out

# ---- set-up --------------------------------------------------------------

deps:
	@missing=$$(for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done | tr '\n' ' '); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "make deps: installing $$missing"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	    --no-install-recommends $$missing; \
	else \
	  echo "make deps: missing Debian packages; as root run:" >&2; \
	  echo "  apt-get install --no-install-recommends $$missing" >&2; \
	  exit 1; \
	fi

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/shiryo/schema
	install -m 755 $(BUILD)/shiryo $(DESTDIR)$(PREFIX)/bin/shiryo
	install -m 644 xml/schema/*.rng $(DESTDIR)$(PREFIX)/share/shiryo/schema/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 $(BUILD)/shiryo.1 $(DESTDIR)$(PREFIX)/share/man/man1/shiryo.1
	install -m 644 $(BUILD)/shiryo.bash-completion \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/shiryo

clean:
	rm -rf build out/*.pdf

# ==== fuzzing and valgrind ===================================================
#
#   make fuzz        build the libFuzzer harnesses of tests/fuzz/ with clang
#                    (ASan + UBSan) and run each for FUZZ_SECONDS (60);
#                    corpora are kept in build/fuzz/corpus/ between runs
#   make fuzz-smoke  each for FUZZ_SMOKE_SECONDS (5), JOBS at a time: the
#                    bounded run for make check
#   make valgrind    the end-to-end commands under valgrind: no errors, no
#                    definite leaks
#
# The harnesses link the library parts they test (model, load, the display
# list, text, figures, layout), compiled apart in build/fuzz with coverage
# instrumentation.  Needs clang and libclang-rt-14-dev (the fuzzer runtime).

FUZZ_CC            ?= clang
FUZZ_BUILD          = build/fuzz
FUZZ_SECONDS       ?= 60
FUZZ_SMOKE_SECONDS ?= 5
FUZZ_NAMES          = plan actuals_xml pdca csv number text
FUZZ_SAN            = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS         = $(CSTD) $(WARN) -g -O1 -fno-omit-frame-pointer $(FUZZ_SAN) \
                      -Iinclude $(PKG_CFLAGS)
FUZZ_LIB_SRC        = $(sort $(wildcard src/model/*.c src/load/*.c src/dlist/*.c src/text/*.c \
                      src/figures/*.c src/layout/*.c))
FUZZ_LIB_ASM        = $(sort $(wildcard src/load/*.S src/text/*.S))
FUZZ_LIB_OBJ        = $(FUZZ_LIB_SRC:%.c=$(FUZZ_BUILD)/%.o) \
                      $(FUZZ_LIB_ASM:%.S=$(FUZZ_BUILD)/%.o)
FUZZ_BIN            = $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)

.PHONY: fuzz fuzz-smoke fuzz-build valgrind

fuzz-build: $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-smoke: $(FUZZ_BIN)
	printf '%s\n' $(FUZZ_NAMES) | \
	  xargs -r -n 1 -P $(JOBS) tests/fuzz/run --smoke $(FUZZ_BUILD) $(FUZZ_SMOKE_SECONDS)

$(FUZZ_BUILD)/libshiryo-fuzz.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/%.o: %.S $(EMBEDDED)
	@mkdir -p $(@D)
	$(FUZZ_CC) -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/tests/fuzz/fuzz_%.o $(FUZZ_BUILD)/libshiryo-fuzz.a
	$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $^ $(PKG_LIBS)

-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_NAMES:%=$(FUZZ_BUILD)/tests/fuzz/fuzz_%.d)

valgrind: $(BUILD)/shiryo
	tests/fuzz/valgrind $(BUILD)/shiryo
# ==== end of fuzzing and valgrind ============================================

# ==== specimens: the text specimen and the chart gallery =====================
#
#   make specimens   build the programs of tests/specimen/ into
#                    $(BUILD)/specimen/ and write, into SPECIMEN_OUT (out),
#                    text-specimen.pdf (the text engine, from the city plan)
#                    and charts-PLAN.pdf for every plan in xml/ (every chart
#                    kind, year R7)
#
# The programs use the library through include/ only, as the CLI does.
# Dates come from SOURCE_DATE_EPOCH (else the last commit), as in tests/demo.

SPECIMEN_OUT   ?= out
SPECIMEN_SRC    = $(sort $(wildcard tests/specimen/*.c))
SPECIMEN_BIN    = $(SPECIMEN_SRC:tests/specimen/%.c=$(BUILD)/specimen/%)
SPECIMEN_PLANS  = $(foreach f,$(sort $(wildcard xml/*.xml)),\
                    $(if $(findstring -actuals.xml,$f)$(findstring -pdca-,$f),,$f))
SPECIMEN_TEXT_PLAN = xml/kagoshima-city-plan2.xml

.PHONY: specimens specimen-bins

specimen-bins: $(SPECIMEN_BIN)

$(BUILD)/specimen/%: tests/specimen/%.c $(BUILD)/libshiryo.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(BUILD)/libshiryo.a \
		$(ALL_LDFLAGS) $(PKG_LIBS)

specimens: $(SPECIMEN_BIN)
	@mkdir -p $(SPECIMEN_OUT)
	@set -e; \
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || echo 1763683200)}; \
	export SOURCE_DATE_EPOCH; \
	echo "$(BUILD)/specimen/text_specimen $(SPECIMEN_TEXT_PLAN) $(SPECIMEN_OUT)/text-specimen.pdf"; \
	$(BUILD)/specimen/text_specimen $(SPECIMEN_TEXT_PLAN) $(SPECIMEN_OUT)/text-specimen.pdf; \
	for plan in $(SPECIMEN_PLANS); do \
	  out=$(SPECIMEN_OUT)/charts-$$(basename $$plan .xml).pdf; \
	  echo "$(BUILD)/specimen/chart_gallery $$plan $$out R7"; \
	  $(BUILD)/specimen/chart_gallery $$plan $$out R7; \
	done

-include $(SPECIMEN_BIN:=.d)
# ==== end of specimens ======================================================

# ==== benchmark: speed, memory and size at scale =============================
#
#   make bench       build shiryo, generate the plans at scale (bench/genplan:
#                    the city plan x1, x10, x100 with 1, 10 and 30 years of
#                    actuals, into build/bench/cases), build every document
#                    kind of each, and print pages, wall and CPU time, peak
#                    RSS, bytes, bytes per page and pages per second, the x100
#                    to x1 time per page, an archive run's RSS for 1 and 10
#                    years, and the peers of ../shared/peers that are
#                    installed, each beside bench/baseline.txt as a ratio
#   BENCH_BASELINE=1 make bench   also record this run as bench/baseline.txt
#
# bench/run lists the variables that narrow a run (BENCH_CASES, RUNS ...).
# Besides DEB_PKGS it needs time (/usr/bin/time, for the peers' runner); the
# peers' own packages are theirs to install (../shared/peers/README.md).

.PHONY: bench

bench:
	$(MAKE) --no-print-directory deps DEB_PKGS="$(DEB_PKGS) time"
	$(MAKE) --no-print-directory all
	BUILD=$(BUILD) CC="$(CC)" bench/run
# ==== end of benchmark ========================================================
