# govmap - one Makefile, out-of-tree build in $(BUILD).
#
#   make            build build/govmap and the plugins
#   make deps       install missing Debian packages (as root)
#   make demo       deps + build + run govmap on the embedded registry
#   make check      deps + build + every test (unit, CLI)
#   make asan       the whole suite under AddressSanitizer + UBSan
#   make valgrind   the whole suite under valgrind
#   V=1             show full commands; WERROR=1 warnings are errors

BUILD ?= build
PKG_CONFIG ?= pkg-config
PKGS := yaml-0.1 libgit2 libcgraph libgvc
CC ?= cc

WARN := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifneq ($(SANITIZE),)
SANFLAGS := -fsanitize=$(SANITIZE) -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
endif

OPT ?= -O2 -g
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

ALL_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) -Icore/include -Icore/src -Igraphs \
	$(PKG_CFLAGS) -MMD -MP $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC := $(wildcard core/src/*.c) $(wildcard graphs/*.c)
CLI_SRC := $(wildcard core/cli/*.c)
UNIT_SRC := $(wildcard tests/unit/*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)

LIB := $(BUILD)/libgovmap.a
BIN := $(BUILD)/govmap
UNIT := $(BUILD)/tests/unit-tests

# Debian packages the build, the tests and the demo need.
DEB_PKGS := gcc make pkg-config git libyaml-dev libgit2-dev \
	libgraphviz-dev check valgrind

.PHONY: all deps demo check check-unit check-cli test asan valgrind \
	clean headers

all: $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS)

$(UNIT): $(UNIT_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB) $(PKG_LIBS) \
		$(CHECK_LIBS)

# Install what is missing, and only that.  `apt-get update` runs first,
# once, and only when something has to be installed.
deps:
	@missing=""; \
	for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
			grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
		echo "govmap: missing packages:$$missing"; \
		echo "govmap: run as root: apt-get update && apt-get install -y$$missing"; \
		exit 1; \
	fi; \
	echo "govmap: installing$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get update -q && apt-get install -y -q --no-install-recommends $$missing

demo: deps
	$(MAKE) all
	@echo
	@echo "== govmap check on registry/"
	./$(BIN) -r registry check

check: deps
	$(MAKE) test

test: $(BIN) $(UNIT) headers
	@$(MAKE) --no-print-directory check-unit check-cli

check-unit: $(UNIT)
	@echo "== unit tests"
	$(Q)GOVMAP_SRCDIR=$(CURDIR) $(VALGRIND) ./$(UNIT)

check-cli: $(BIN)
	@echo "== CLI tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) VALGRIND="$(VALGRIND)" \
		sh tests/cli/run.sh

# Each public header must compile on its own under strict flags.
headers:
	@mkdir -p $(BUILD)/headers
	$(Q)for h in core/include/govmap/*.h; do \
		echo "#include \"govmap/$$(basename $$h)\"" | \
		$(CC) -std=c11 -pedantic -Wall -Wextra -Werror -Icore/include \
			-x c -c -o /dev/null - || exit 1; \
	done

asan: deps
	$(MAKE) BUILD=build/asan SANITIZE=address,undefined OPT="-O1 -g" test

VALGRIND_CMD := valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions=$(CURDIR)/tests/valgrind.supp
valgrind: deps
	$(MAKE) BUILD=build/valgrind OPT="-O0 -g" \
		VALGRIND="$(VALGRIND_CMD)" test

clean:
	rm -rf $(BUILD) build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
