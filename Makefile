# sift -- build, test and install.
#
#   make            build build/sift (installs missing Debian packages first)
#   make run        build, then run the main job on the bundled corpus
#   make test       build and run every test; ends with "N passed, N failed"
#   make sanitize   build with ASan + UBSan into build/san and run the tests
#   make install    install the binary into $(PREFIX)/bin (PREFIX=/usr/local)
#   make lint       luacheck over stdlib/, scripts/, tests/lua/
#   make format     clang-format the C sources in place
#   make corpus-large N=20000   write the synthetic corpus to corpus/large
#   make fuzz       libFuzzer on the parsers, FUZZ_SECONDS each (needs clang)
#   make bench      throughput figures on corpus/large (made when missing)
#   V=1             print full commands

PREFIX ?= /usr/local
OPTIMIZATION ?= -O2
BUILD ?= build

# Warnings are errors in every build: a warning is a bug we have not met yet.
WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wno-unused-parameter
STD = -std=c17 -D_GNU_SOURCE
PKGS = lua5.4 libcjson libutf8proc libedit
DEP_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEP_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LPEG_A = /usr/lib/x86_64-linux-gnu/liblua5.4-lpeg.a
RE_LUA = /usr/share/lua/5.4/re.lua
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

FINAL_CFLAGS = $(STD) $(WARN) $(OPTIMIZATION) -g $(DEP_CFLAGS) -iquote runtime -iquote $(BUILD) $(CFLAGS)
FINAL_LDFLAGS = $(LDFLAGS)
FINAL_LIBS = $(LPEG_A) $(DEP_LIBS) -lpthread -lm $(LIBS)

ifeq ($(V),1)
Q =
else
Q = @
endif

SRCS = $(wildcard runtime/*.c)
OBJS = $(SRCS:runtime/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/stdlib_blob.o
LUA_SRCS = $(shell find stdlib -name '*.lua' | LC_ALL=C sort)
C_TESTS = $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(wildcard tests/c/test_*.c))

# module name of a stdlib file: stdlib/sift/a/b.lua -> sift.a.b, .../init.lua -> its folder
modname = $(subst /,.,$(patsubst stdlib/%.lua,%,$(patsubst %/init.lua,%.lua,$(1))))

.PHONY: all deps run test sanitize install lint format format-check clean corpus-large bench fuzz

all: $(BUILD)/sift

$(BUILD)/.deps:
	$(Q)sh mk/deps.sh
	$(Q)mkdir -p $(BUILD) && touch $@

deps: $(BUILD)/.deps

$(BUILD)/sift: $(OBJS) | $(BUILD)/.deps
	@echo "  LINK  $@"
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $(OBJS) $(FINAL_LIBS)

$(BUILD)/obj/%.o: runtime/%.c Makefile | $(BUILD)/.deps
	@mkdir -p $(@D)
	@echo "  CC    $<"
	$(Q)$(CC) $(FINAL_CFLAGS) -MMD -MP -c -o $@ $<

# embed compiles the stdlib to bytecode, so it links the Lua that sift links.
$(BUILD)/embed: mk/embed.c Makefile | $(BUILD)/.deps
	$(Q)$(CC) -std=c17 -O1 $(DEP_CFLAGS) -iquote runtime -o $@ $< $(DEP_LIBS) -lm

$(BUILD)/stdlib_blob.c: $(BUILD)/embed $(LUA_SRCS) $(RE_LUA) Makefile
	@echo "  EMBED $@"
	$(Q)$(BUILD)/embed $@ re=$(RE_LUA) $(foreach f,$(LUA_SRCS),$(call modname,$(f))=$(f))

$(BUILD)/obj/stdlib_blob.o: $(BUILD)/stdlib_blob.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(STD) $(OPTIMIZATION) -iquote runtime -c -o $@ $<

# A unit test includes the module it tests (to reach its statics) and links
# every other object but main.
TEST_OBJS = $(filter-out $(BUILD)/obj/$(1).o $(BUILD)/obj/main.o,$(OBJS))
.SECONDEXPANSION:
$(BUILD)/tests/test_%: tests/c/test_%.c tests/c/test.h runtime/%.c $$(call TEST_OBJS,$$*) Makefile | $(BUILD)/.deps
	@mkdir -p $(@D)
	@echo "  CC    $<"
	$(Q)$(CC) $(FINAL_CFLAGS) -o $@ $< $(call TEST_OBJS,$*) $(FINAL_LIBS)

# Fuzz harnesses (tests/fuzz): replay drivers run over seed inputs in
# `make test`; `make fuzz` runs libFuzzer (clang) for FUZZ_SECONDS each.
FUZZERS = fmt segment manifest
REPLAYS = $(FUZZERS:%=$(BUILD)/tests/replay_%)
FUZZ_SECONDS ?= 60
FUZZ_SRC_fmt = runtime/fmt.c
FUZZ_SRC_segment = runtime/segment.c runtime/utf8.c
FUZZ_SRC_manifest = runtime/load.c runtime/store.c runtime/fmt.c runtime/segment.c \
	runtime/pool.c runtime/utf8.c

$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $$(FUZZ_SRC_$$*) Makefile | $(BUILD)/.deps
	@mkdir -p $(@D)
	@echo "  CC    $<"
	$(Q)$(CC) $(FINAL_CFLAGS) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(FUZZ_SRC_$*) \
		$(FINAL_LIBS)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $$(FUZZ_SRC_$$*) Makefile | $(BUILD)/.deps
	@mkdir -p $(@D)
	clang $(STD) -O1 -g -fsanitize=fuzzer,address,undefined $(DEP_CFLAGS) -iquote runtime \
		-o $@ tests/fuzz/fuzz_$*.c $(FUZZ_SRC_$*) $(DEP_LIBS) -lpthread -lm

fuzz: $(FUZZERS:%=$(BUILD)/fuzz/fuzz_%)
	@for f in $(FUZZERS); do \
		mkdir -p $(BUILD)/fuzz/corpus_$$f; \
		echo "fuzzing $$f for $(FUZZ_SECONDS) s"; \
		$(BUILD)/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			$(BUILD)/fuzz/corpus_$$f tests/fuzz/seeds/$$f || exit 1; \
	done

-include $(OBJS:.o=.d)

run: $(BUILD)/sift
	$(BUILD)/sift run scripts/summary.lua corpus/panjshir-2021
	@echo
	$(BUILD)/sift check corpus/panjshir-2021

test: $(BUILD)/sift $(C_TESTS) $(REPLAYS)
	$(Q)sh mk/deps.sh --test
	$(Q)SIFT=$(BUILD)/sift C_TESTS="$(C_TESTS)" REPLAYS="$(REPLAYS)" bash tests/run

sanitize:
	$(Q)$(MAKE) --no-print-directory BUILD=build/san OPTIMIZATION=-O1 \
		CFLAGS="$(SAN_FLAGS) $(CFLAGS)" LDFLAGS="$(SAN_FLAGS) $(LDFLAGS)" test

install: $(BUILD)/sift
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/sift $(DESTDIR)$(PREFIX)/bin/sift

lint:
	luacheck -q stdlib scripts tests/lua

format:
	clang-format -i runtime/*.c runtime/*.h tests/c/*.c tests/c/*.h tests/fuzz/*.c mk/*.c

format-check:
	clang-format --dry-run --Werror runtime/*.c runtime/*.h tests/c/*.c tests/c/*.h tests/fuzz/*.c mk/*.c

bench: $(BUILD)/sift $(BUILD)/gencorpus
	$(Q)SIFT=$(BUILD)/sift bash tests/bench/run

N ?= 20000
corpus-large: $(BUILD)/gencorpus
	rm -rf corpus/large
	$(BUILD)/gencorpus -n $(N) corpus/large

$(BUILD)/gencorpus: tests/bench/gencorpus.c
	@mkdir -p $(@D)
	$(Q)$(CC) -std=c17 $(WARN) -O2 -o $@ $<

clean:
	rm -rf build
