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
GOVMAP_VERSION := $(shell sed -n 's/^\#define GOVMAP_VERSION "\(.*\)"/\1/p' \
	core/include/govmap/govmap.h)
PKG_CONFIG ?= pkg-config
# icu-uc, icu-i18n: Unicode TR39 confusable skeletons (uspoof) for the
# look-alike names and ids warning (core/src/validate.c)
PKGS := yaml-0.1 libgit2 libcgraph libgvc zlib icu-uc icu-i18n
# The command-line tool alone: the area brief's PDF (core/cli/cli_brief.c)
# and the map printed on sheets (core/cli/cli_pdf.c, map --paper) are
# drawn with cairo and pango, the map on them by librsvg (Graphviz pulls
# in cairo and pango already)
CLI_PKGS := librsvg-2.0 pangocairo cairo-pdf
CC ?= cc

WARN := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
ifeq ($(CI),true)
WERROR ?= 1
endif
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifneq ($(SANITIZE),)
SANFLAGS := -fsanitize=$(SANITIZE) -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
endif

OPT ?= -O2 -g
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm -pthread
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

# The library (core/src, graphs) sees its private headers; the front ends
# (the CLI in core/cli, the site generator in core/site), the fuzz targets
# and the plugins see the public headers of core/include only, so they
# cannot reach past the API (`make layout` checks it too).  The unit tests
# are white-box and may include private headers (tests/unit only).
LIB_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) -fPIC -Icore/include -Icore/src \
	-Igraphs $(PKG_CFLAGS) -MMD -MP $(PLUGINDIR_DEF) $(CFLAGS)
FRONT_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) -Icore/include -Icore/cli \
	-MMD -MP $(PLUGINDIR_DEF) $(CFLAGS)
CLI_PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(CLI_PKGS) 2>/dev/null)
CLI_PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(CLI_PKGS) 2>/dev/null)
ALL_CFLAGS = $(LIB_CFLAGS)
# PLUGINDIR=/usr/lib/govmap/plugins: where the installed govmap looks for
# plugins (default /usr/local/lib/govmap/plugins, pluginhost.h).
ifneq ($(PLUGINDIR),)
PLUGINDIR_DEF = -DGOVMAP_PLUGIN_DIR='"$(PLUGINDIR)"'
endif
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

ifeq ($(V),1)
Q :=
else
Q := @
endif

LIB_SRC := $(wildcard core/src/*.c) $(wildcard graphs/*.c)
CLI_SRC := $(wildcard core/cli/*.c) $(wildcard core/site/*.c)
UNIT_SRC := $(wildcard tests/unit/*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)

LIB := $(BUILD)/libgovmap.a
SOLIB := $(BUILD)/libgovmap.so
BIN := $(BUILD)/govmap
UNIT := $(BUILD)/tests/unit-tests

PLUGIN_DIRS := $(patsubst plugins/%/,%,$(sort $(dir $(wildcard plugins/*/*.c))))
PLUGINS := $(PLUGIN_DIRS:%=$(BUILD)/plugins/%.so)
PLUGIN_SRC := $(wildcard plugins/*/*.c)
FIXTURE_PLUGIN_SRC := $(wildcard tests/plugins/src/*.c)
FIXTURE_PLUGINS := $(FIXTURE_PLUGIN_SRC:tests/plugins/src/%.c=$(BUILD)/tests/plugins/%.so)
PLUGIN_OBJ := $(PLUGIN_SRC:%.c=$(BUILD)/%.pic.o) \
	$(FIXTURE_PLUGIN_SRC:%.c=$(BUILD)/%.pic.o)
PLUGIN_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) -Icore/include -fPIC \
	-fvisibility=hidden -MMD -MP $(CFLAGS)
PLUGIN_LDFLAGS = -shared -Wl,--no-undefined $(SANFLAGS) $(LDFLAGS)

# Debian packages the build, the tests and the demo need.
DEB_PKGS := gcc make pkg-config git libyaml-dev libgit2-dev zlib1g-dev libicu-dev \
	libgraphviz-dev librsvg2-dev libpango1.0-dev libcairo2-dev \
	check valgrind clang libclang-rt-14-dev
# the brief's PDF test reads pages, fonts and text with pdfinfo and
# pdftotext
DEB_PKGS += poppler-utils
# the CLI runner applies a case's stdout-diff with patch
DEB_PKGS += patch
# The site's browser tests (make check-site): Debian's chromium, driven
# from node by the playwright-core pinned in tests/site/package-lock.json.
DEB_PKGS += chromium nodejs npm
# make check-install formats the man pages
DEB_PKGS += man-db groff-base
# The export tests (make check-export) read the exports back with
# networkx and check them against the published schemas with jsonschema
# (the FollowTheMoney schemata are YAML).
DEB_PKGS += python3 python3-networkx python3-jsonschema python3-yaml
# The completion tests run the zsh completion function in zsh; make deb
# takes the package's Depends from dpkg-dev's dpkg-shlibdeps.
DEB_PKGS += zsh dpkg-dev
# the CI example's annotations (tests/hostile: dir-unsafe-names)
DEB_PKGS += jq

.PHONY: all deps demo check check-unit check-cli test asan valgrind bench bench-history \
	coverage oom \
	clean headers check-plugins plugin check-hostile check-registry \
	fuzz fuzz-smoke deb check-deb

all: $(BIN) $(PLUGINS) $(SOLIB)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/core/cli/%.o: core/cli/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FRONT_CFLAGS) -c -o $@ $<

$(BUILD)/core/cli/cli_brief.o \
$(BUILD)/core/cli/cli_pdf.o: $(BUILD)/core/cli/%.o: core/cli/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FRONT_CFLAGS) $(CLI_PKG_CFLAGS) -c -o $@ $<

$(BUILD)/core/site/%.o: core/site/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(FRONT_CFLAGS) -Icore/site -c -o $@ $<

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

# The same objects as a shared library, for programs and bindings that
# link govmap dynamically (installed by `make install`).
$(SOLIB): $(LIB_OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) -shared -Wl,-soname,libgovmap.so.0 $(ALL_LDFLAGS) -o $@ \
		$(LIB_OBJ) $(PKG_LIBS)

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS) \
		$(CLI_PKG_LIBS)

$(UNIT): $(UNIT_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB) $(PKG_LIBS) \
		$(CHECK_LIBS)

# Region plugins (CONTRIBUTING.md "Adding a region"): the C files of each
# plugins/<dir>/ become $(BUILD)/plugins/<dir>.so.  Position-independent,
# hidden visibility, no undefined symbols: a plugin reaches govmap only
# through the host table it is given, never through libgovmap symbols, and
# exports only govmap_plugin_entry (checked with nm -D after linking).
# Fixture plugins for tests/plugins/run.sh: tests/plugins/src/<x>.c ->
# $(BUILD)/tests/plugins/<x>.so (not export-checked: some are broken on
# purpose).
$(BUILD)/%.pic.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(PLUGIN_CFLAGS) -c -o $@ $<

# PLUGIN_EXTRA_OBJ: linked into every plugin (make coverage: the
# counters' flush, tests/coverage/gcov_flush.c); empty otherwise.
PLUGIN_EXTRA_OBJ ?=
define plugin_rule
$(BUILD)/plugins/$(1).so: $(patsubst %.c,$(BUILD)/%.pic.o,$(wildcard plugins/$(1)/*.c)) $(PLUGIN_EXTRA_OBJ)
	@mkdir -p $$(dir $$@)
	$$(Q)if [ "$(1)" != template ] && grep -qE \
		'#define [A-Z0-9_]+_(REGION "example"|DESCRIPTION "an example region plugin to copy")' \
		plugins/$(1)/*.c; then \
		echo "plugins/$(1): still has the template's region \"example\" or its" \
			"description: edit the PLACEHOLDER lines (CONTRIBUTING.md," \
			"\"Adding a region\")" >&2; exit 1; fi
	@$$(if $$(Q),echo "  PLUGIN  $$@")
	$$(Q)$$(CC) $$(PLUGIN_LDFLAGS) -o $$@.tmp $$^
	$$(Q)exports=$$$$(nm -D --defined-only $$@.tmp | awk '{print $$$$NF}' | \
		grep -v -e '^__gcov_' -e '^mangle_path$$$$' \
			-e '^govmap__gcov_flush$$$$' | \
		sort | tr '\n' ' '); \
	if [ "$$$$exports" != "govmap_plugin_entry " ]; then \
		echo "$$@: must export only govmap_plugin_entry, exports: $$$$exports" >&2; \
		rm -f $$@.tmp; exit 1; fi
	$$(Q)mv $$@.tmp $$@
endef
$(foreach p,$(PLUGIN_DIRS),$(eval $(call plugin_rule,$(p))))

$(BUILD)/tests/plugins/%.so: $(BUILD)/tests/plugins/src/%.pic.o $(PLUGIN_EXTRA_OBJ)
	@$(if $(Q),echo "  PLUGIN  $@")
	$(Q)$(CC) $(PLUGIN_LDFLAGS) -o $@ $^
# the test plugins' objects are kept (no "rm ...pic.o" after each run, and
# no rebuild next time)
.SECONDARY: $(FIXTURE_PLUGIN_SRC:%.c=$(BUILD)/%.pic.o)

# make plugin NAME=my-region: a new plugin from the template.
plugin:
	@case "$(NAME)" in ''|*[!a-z0-9-]*|-*) \
		echo "usage: make plugin NAME=lower-case-kebab-name" >&2; \
		exit 2;; esac
	@for d in plugins/$(NAME) tests/plugins/fixtures/$(NAME); do \
		if [ -e $$d ]; then echo "$$d exists already" >&2; exit 2; fi; \
	done
	@mkdir -p plugins/$(NAME)
	@sed -e '1,/^ \*\//s/^ \* template\.c -/ * $(subst -,_,$(NAME)).c -/' \
		-e '/^ \*\//,$$ { s/template_/$(subst -,_,$(NAME))_/g; s/template/$(NAME)/g; }' \
		plugins/template/template.c \
		> plugins/$(NAME)/$(subst -,_,$(NAME)).c
	@cp -R tests/plugins/fixtures/template tests/plugins/fixtures/$(NAME)
	@find tests/plugins/fixtures/$(NAME) -type f \
		-exec sed -i 's/template/$(NAME)/g' {} +
	@echo "created plugins/$(NAME)/$(subst -,_,$(NAME)).c and its fixtures,"
	@echo "tests/plugins/fixtures/$(NAME)/.  Next:"
	@echo "  1. set its two PLACEHOLDER lines (region path, description):"
	@echo "     the build refuses the template's until you do; write the"
	@echo "     same region path for 'region: example' in the fixtures;"
	@echo "  2. write the rules, and list the plugin in registry/govmap.yaml"
	@echo "     where the registry uses its types;"
	@echo "  3. give each rule fixtures, tests/plugins/fixtures/$(NAME)/<rule>/"
	@echo "     {fires,silent}/, and run 'make check-plugins ONLY=$(NAME)'"
	@echo "     (BLESS=1 writes the expected files; CONTRIBUTING.md,"
	@echo "     \"Adding a region\")"

# make install: govmap, its plugins, the public headers, libgovmap (static
# and shared), pkg-config files (govmap-plugin.pc for plugin authors,
# govmap.pc for programs using the library) and the man pages of
# docs/man/.  PREFIX (default /usr/local) and DESTDIR as usual.  The
# binary is built again in build/install with PLUGINDIR compiled in, so
# that the installed govmap looks for plugins where they are installed.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR ?= $(PREFIX)/share/man
INSTALL_PLUGINDIR = $(LIBDIR)/govmap/plugins
INSTALL_BUILD := build/install
.PHONY: install check-install
install:
	$(MAKE) BUILD=$(INSTALL_BUILD) PLUGINDIR=$(INSTALL_PLUGINDIR) all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INSTALL_PLUGINDIR) \
		$(DESTDIR)$(INCLUDEDIR)/govmap $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 0755 $(INSTALL_BUILD)/govmap $(DESTDIR)$(BINDIR)/govmap
	install -m 0644 $(filter-out %/template.so,$(PLUGINS:$(BUILD)/%=$(INSTALL_BUILD)/%)) \
		$(DESTDIR)$(INSTALL_PLUGINDIR)/
	install -m 0644 core/include/govmap/*.h $(DESTDIR)$(INCLUDEDIR)/govmap/
	install -m 0644 $(INSTALL_BUILD)/libgovmap.a $(DESTDIR)$(LIBDIR)/
	install -m 0755 $(INSTALL_BUILD)/libgovmap.so \
		$(DESTDIR)$(LIBDIR)/libgovmap.so.0
	ln -sf libgovmap.so.0 $(DESTDIR)$(LIBDIR)/libgovmap.so
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
		-e 's|@PLUGINDIR@|$(INSTALL_PLUGINDIR)|g' \
		-e 's|@VERSION@|$(GOVMAP_VERSION)|g' \
		-e 's|@PKGS@|$(PKGS)|g' \
		docs/pkgconfig/govmap-plugin.pc.in \
		> $(DESTDIR)$(LIBDIR)/pkgconfig/govmap-plugin.pc
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
		-e 's|@PLUGINDIR@|$(INSTALL_PLUGINDIR)|g' \
		-e 's|@VERSION@|$(GOVMAP_VERSION)|g' \
		-e 's|@PKGS@|$(PKGS)|g' \
		docs/pkgconfig/govmap.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/govmap.pc
	for m in docs/man/*.[1-8]; do \
		sec=$${m##*.}; install -d $(DESTDIR)$(MANDIR)/man$$sec; \
		install -m 0644 $$m $(DESTDIR)$(MANDIR)/man$$sec/; \
	done

# The installed tree works: `make install DESTDIR=...`, then the installed
# govmap checks registry/ with the installed plugins, and plugins/template
# is built outside the tree with `pkg-config --cflags govmap-plugin` and
# loaded (tests/install/run.sh).
check-install:
	@echo "== install tests"
	$(Q)MAKE="$(MAKE)" sh tests/install/run.sh

# Install what is missing, and only that.  `apt-get update` runs first,
# once, and only when something has to be installed.
# How each package is seen without asking a package manager: a command on
# PATH, a pkg-config module, or a file.  A package with no probe here is
# looked up with dpkg-query (only when some probe failed first).
DEB_PROBES := gcc=cmd:gcc make=cmd:make pkg-config=cmd:pkg-config \
	libicu-dev=pc:icu-uc lcov=cmd:lcov jq=cmd:jq git=cmd:git libyaml-dev=pc:yaml-0.1 libgit2-dev=pc:libgit2 \
	zlib1g-dev=pc:zlib libgraphviz-dev=pc:libgvc check=pc:check \
	librsvg2-dev=pc:librsvg-2.0 libpango1.0-dev=pc:pangocairo \
	libcairo2-dev=pc:cairo-pdf poppler-utils=cmd:pdftotext patch=cmd:patch \
	valgrind=cmd:valgrind clang=cmd:clang \
	libclang-rt-14-dev=file:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a \
	chromium=cmd:chromium nodejs=cmd:node npm=cmd:npm man-db=cmd:man \
	groff-base=cmd:groff zsh=cmd:zsh dpkg-dev=cmd:dpkg-shlibdeps \
	python3=cmd:/usr/bin/python3 \
	python3-networkx=file:/usr/lib/python3/dist-packages/networkx \
	python3-jsonschema=file:/usr/lib/python3/dist-packages/jsonschema \
	python3-yaml=file:/usr/lib/python3/dist-packages/yaml

deps:
	@missing=""; \
	for p in $(DEB_PKGS); do \
		probe=""; \
		for pr in $(DEB_PROBES); do \
			[ "$${pr%%=*}" = "$$p" ] && probe=$${pr#*=}; \
		done; \
		case $$probe in \
		cmd:*) command -v "$${probe#cmd:}" >/dev/null 2>&1 && continue;; \
		pc:*) pkg-config --exists "$${probe#pc:}" 2>/dev/null && continue;; \
		file:*) [ -e "$${probe#file:}" ] && continue;; \
		esac; \
		missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	still=""; \
	for p in $$missing; do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
			grep -q 'install ok installed' || still="$$still $$p"; \
	done; \
	missing=$$still; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
		echo "govmap: missing packages:$$missing"; \
		echo "govmap: run as root: apt-get update && apt-get install -y$$missing"; \
		exit 1; \
	fi; \
	echo "govmap: installing$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get update -q && apt-get install -y -q --no-install-recommends $$missing

# The embedded registry: checked, then mapped into out/.
# What the demo needs: the build's packages only (no browser, no
# fuzzing or test tools).
DEMO_PKGS := gcc make pkg-config git libyaml-dev libgit2-dev zlib1g-dev libicu-dev \
	libgraphviz-dev librsvg2-dev libpango1.0-dev libcairo2-dev
.PHONY: demo-deps
demo-deps:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(DEMO_PKGS)"

# The embedded registry, checked, reported, mapped and published into
# out/, ending with a short summary (the full outputs are in out/).
demo: demo-deps
	@$(MAKE) --no-print-directory -s all
	@mkdir -p out
	@echo
	@echo "== govmap check on registry/ (every message: out/check.txt)"
	@./$(BIN) -r registry check > out/check.txt 2>&1; rc=$$?; \
		tail -n 1 out/check.txt; [ $$rc -le 1 ] || exit $$rc
	@echo
	@echo "== the report (out/report.md), its totals:"
	@./$(BIN) -r registry report > out/report.txt 2>&1
	@./$(BIN) -r registry report --format md > out/report.md 2>/dev/null
	@sed -n '/^Totals/,/^$$/p' out/report.txt | sed '1d;/^$$/d'
	@echo
	@echo "== maps and the site"
	@./$(BIN) -r registry map --national -o out/national.svg
	@./$(BIN) -r registry map --region england --national -o out/england.svg
	@./$(BIN) -r registry map --region wales -o out/wales.svg
	@./$(BIN) -r registry map --region england/greater-manchester -o out/greater-manchester.svg
	@./$(BIN) -r registry brief --region england/greater-manchester -o out/greater-manchester-brief.pdf
	@./$(BIN) -r registry map --national --paper a4 -o out/national-a4.pdf
	@./$(BIN) -r registry site -o out/site > out/site.txt 2>&1 || \
		{ cat out/site.txt; exit 1; }
	@echo
	@echo "Open these in a browser:"
	@for f in national england wales greater-manchester; do \
		echo "  $(CURDIR)/out/$$f.svg"; done
	@echo "  $(CURDIR)/out/greater-manchester-brief.pdf (an area brief: two A4 pages to print)"
	@echo "  $(CURDIR)/out/national-a4.pdf (the national map to print: a key page, then A4 sheets)"
	@echo "  $(CURDIR)/out/report.md (the report, Markdown)"
	@echo "  $(CURDIR)/out/site/index.html (the site for committees: start here)"

check: deps
	$(MAKE) test
	$(MAKE) check-site
	$(MAKE) check-install

test: $(BIN) $(UNIT) headers layout $(PLUGINS) $(FIXTURE_PLUGINS)
	@$(MAKE) --no-print-directory check-unit check-cli check-plugins \
		check-hostile check-registry check-export check-action \
		check-completion

check-unit: $(UNIT)
	@echo "== unit tests"
	$(Q)GOVMAP_SRCDIR=$(CURDIR) $(VALGRIND) ./$(UNIT)

check-cli: $(BIN)
	@echo "== CLI tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) VALGRIND="$(VALGRIND)" \
		sh tests/cli/run.sh

check-plugins: $(BIN) $(PLUGINS) $(FIXTURE_PLUGINS)
	@echo "== plugin tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) \
		GOVMAP_FIXTURE_PLUGINS=$(CURDIR)/$(BUILD)/tests/plugins \
		VALGRIND="$(VALGRIND)" BLESS="$(BLESS)" VERBOSE="$(VERBOSE)" \
		ONLY="$(ONLY)" sh tests/plugins/run.sh

# The embedded registry (issue 5): check clean with every plugin, the
# counts registry/README.md promises, the RPB seats, 2019 against today.
check-registry: $(BIN) $(PLUGINS)
	@echo "== registry tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) sh tests/registry/run.sh

# Exports (issue 22): every format of tests/export/fixture/ and of
# registry/ read back by its consumer or checked against its published
# schema (tests/export/run.sh); files in build/export-test/.
.PHONY: check-export
check-export: $(BIN) $(PLUGINS)
	@echo "== export tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) EXPORT_TEST_DIR=$(CURDIR)/$(BUILD)/export-test \
		sh tests/export/run.sh

# The reusable CI step (action.yml): its script against a fixture
# registry repository with a fake $GITHUB_STEP_SUMMARY, and the
# pre-commit hook's entry (tests/action/run.sh).
.PHONY: check-action
check-action: $(BIN)
	@echo "== action tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) sh tests/action/run.sh

# Shell completion (bash and zsh), `govmap complete`, --version and
# colour (tests/completion/run.sh).
.PHONY: check-completion
check-completion: $(BIN)
	@echo "== completion tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) sh tests/completion/run.sh

# Hostile input (issue 8): tests/fixtures/hostile/ and crafted Git trees,
# unsafe plugins, failed writes; every run under `timeout 30`.
check-hostile: $(BIN) $(PLUGINS)
	@echo "== hostile-input tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) VALGRIND="$(VALGRIND)" \
		GOVMAP_PLUGIN_DIR=$(CURDIR)/$(BUILD)/plugins \
		sh tests/hostile/run.sh

# The static site (tests/site/run.sh): escaping, the command's safety,
# and browser tests in headless /usr/bin/chromium; screenshots and a PDF
# go to build/site-test/.
# svg-pan-zoom, pinned in tests/site/package-lock.json, copied with its
# licence into the site's assets (then embedded in the binary, so a site
# needs nothing from the network).  Run after changing the pin.
.PHONY: site-vendor
site-vendor:
	mkdir -p $(BUILD)/site-vendor
	cp tests/site/package.json tests/site/package-lock.json $(BUILD)/site-vendor/
	cd $(BUILD)/site-vendor && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
		npm ci --no-audit --no-fund --ignore-scripts
	cp $(BUILD)/site-vendor/node_modules/svg-pan-zoom/dist/svg-pan-zoom.js \
		core/site/site_assets/svg-pan-zoom.js
	cp $(BUILD)/site-vendor/node_modules/svg-pan-zoom/LICENSE \
		core/site/site_assets/svg-pan-zoom.LICENSE
	sh core/site/site_assets/embed.sh > core/site/site_assets.c

.PHONY: check-site
check-site: $(BIN)
	@echo "== site tests"
	$(Q)GOVMAP_BIN=$(CURDIR)/$(BIN) SITE_TEST_DIR=$(CURDIR)/build/site-test \
		sh tests/site/run.sh

# Fuzzing (libFuzzer; docs/TESTING.md "Hostile input and fuzzing"): each
# tests/fuzz/fuzz_<t>.c is linked against the core built with clang and
# -fsanitize=fuzzer,address,undefined into $(FUZZ_BUILD)/fuzz_<t>.  `make
# fuzz` runs every target for FUZZ_SECONDS (default 600), `make
# fuzz-smoke` for 20 s (CI); seeds come from tests/fuzz/corpus/<t>/, new
# inputs go to $(FUZZ_BUILD)/corpus/<t>/ and crashes to
# $(FUZZ_BUILD)/artifacts/.  A crash stops the run with status 1.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_BUILD := build/fuzz
FUZZ_TARGETS := loader validate dot git
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -g -O1 -Wall -Wextra $(FUZZ_SAN) \
	-fsanitize=fuzzer-no-link -Icore/include -Icore/src -Igraphs \
	$(PKG_CFLAGS) -MMD -MP
# the targets themselves see the public headers only
FUZZ_TARGET_CFLAGS = -std=c11 -g -O1 -Wall -Wextra $(FUZZ_SAN) \
	-fsanitize=fuzzer-no-link -Icore/include $(PKG_CFLAGS) -MMD -MP
FUZZ_OBJ := $(LIB_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
.SECONDARY: $(FUZZ_OBJ) $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/tests/fuzz/fuzz_%.o)

$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZCC  $<")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/tests/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZCC  $<")
	$(Q)$(FUZZ_CC) $(FUZZ_TARGET_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/tests/fuzz/fuzz_%.o $(FUZZ_OBJ)
	@$(if $(Q),echo "  FUZZLD  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS) \
		-lpthread

# fuzz_run SECONDS: every target in turn, in the foreground; the stats
# lines (executions, speed, corpus) are kept, the rest is dropped.
define fuzz_run
	@rm -rf $(FUZZ_BUILD)/artifacts && mkdir -p $(FUZZ_BUILD)/artifacts
	$(Q)for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
		echo "== fuzz_$$t for $(1) s"; \
		$(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(1) -timeout=10 \
			-rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
			-dict=tests/fuzz/yaml.dict \
			-artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- \
			$(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t 2>&1 | \
		grep -E '^(stat::|Done |==[0-9]+==ERROR|SUMMARY|artifact_prefix)' \
			|| true; \
	done
	$(Q)if ls $(FUZZ_BUILD)/artifacts | grep -q .; then \
		echo "fuzz: crashes, hangs or leaks in $(FUZZ_BUILD)/artifacts:"; \
		ls $(FUZZ_BUILD)/artifacts; exit 1; fi
endef

fuzz: deps
	$(MAKE) $(FUZZ_BINS)
	$(call fuzz_run,$(FUZZ_SECONDS))

fuzz-smoke: deps
	$(MAKE) $(FUZZ_BINS)
	$(call fuzz_run,20)

# The front ends, plugins and fuzz targets include public headers only:
# every quoted include must be in core/include, the file's own folder, or
# (for the site generator) the CLI's.  The compile flags enforce it too.
.PHONY: layout
layout:
	@bad=0; for f in core/cli/*.[ch] core/site/*.[ch] plugins/*/*.c \
		tests/fuzz/*.[ch]; do \
		d=$$(dirname $$f); \
		for h in $$(sed -n 's/^#include "\(.*\)"/\1/p' $$f); do \
			[ -f core/include/$$h ] || [ -f $$d/$$h ] || \
			{ [ $$d = core/site ] && [ -f core/cli/$$h ]; } || \
			{ echo "$$f: includes \"$$h\", which is not a public" \
				"header (core/include/govmap/)" >&2; bad=1; }; \
		done; \
	done; exit $$bad

# Each public header must compile on its own under strict flags.
headers:
	@mkdir -p $(BUILD)/headers
	$(Q)for h in core/include/govmap/*.h; do \
		echo "#include \"govmap/$$(basename $$h)\"" | \
		$(CC) -std=c11 -pedantic -Wall -Wextra -Werror -Icore/include \
			-x c -c -o /dev/null - || exit 1; \
	done

# LeakSanitizer: tests/lsan.supp names libgit2's own leaks by function,
# which needs the slow (DWARF) unwinder, as libgit2 has no frame
# pointers; tests/hostile/run.sh turns it on for its Git cases only (it
# makes a 2,000-node layout miss its time limit).  The hostile cases' hang
# guard is 90 s here, not 30: the sanitized 2,000-node sfdp layout
# (map-over-dot-limit) takes 13 s of CPU and passed 30 s of wall time
# when the machine was busy with other builds.
asan: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		HOSTILE_TIMEOUT=90 \
		$(MAKE) BUILD=build/asan SANITIZE=address,undefined OPT="-O1 -g" test

VALGRIND_CMD := valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions=$(CURDIR)/tests/valgrind.supp
valgrind: deps
	$(MAKE) BUILD=build/valgrind OPT="-O0 -g" \
		VALGRIND="$(VALGRIND_CMD)" test

clean:
	rm -rf $(BUILD) build

# The Debian package (README.md "Installing"): `make install` with
# PREFIX=/usr into $(DEB_ROOT) (govmap in /usr/bin, the region plugins in
# /usr/lib/govmap/plugins, compiled in as the install directory, the
# public headers, libgovmap, pkg-config files, the man pages of docs/man/,
# compressed), the bash and zsh completion and the docs, packed with
# dpkg-deb into $(DEB_FILE); Depends from dpkg-shlibdeps.  Built in a
# build directory of its own, so that no object compiled for another
# PREFIX is reused.  tests/deb/run.sh (make check-deb; .ci/run) installs
# it and runs it.
DEB_VERSION := $(GOVMAP_VERSION)
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)
DEB_BUILD := build/deb
DEB_ROOT := $(DEB_BUILD)/root
DEB_FILE = build/govmap_$(DEB_VERSION)_$(DEB_ARCH).deb
deb:
	rm -rf $(DEB_ROOT)
	$(MAKE) install INSTALL_BUILD=$(DEB_BUILD)/build PREFIX=/usr \
		DESTDIR=$(CURDIR)/$(DEB_ROOT)
	strip --strip-unneeded $(DEB_ROOT)/usr/bin/govmap \
		$(DEB_ROOT)/usr/lib/govmap/plugins/*.so \
		$(DEB_ROOT)/usr/lib/libgovmap.so.0
	find $(DEB_ROOT)/usr/share/man -type f ! -name '*.gz' -exec gzip -9n {} +
	install -D -m 0644 core/cli/completion/govmap.bash \
		$(DEB_ROOT)/usr/share/bash-completion/completions/govmap
	install -D -m 0644 core/cli/completion/_govmap \
		$(DEB_ROOT)/usr/share/zsh/vendor-completions/_govmap
	install -d $(DEB_ROOT)/usr/share/doc/govmap
	install -m 0644 README.md CONTRIBUTING.md $(DEB_ROOT)/usr/share/doc/govmap/
	install -m 0644 docs/packaging/copyright $(DEB_ROOT)/usr/share/doc/govmap/copyright
	@# the package's control files
	install -d $(DEB_ROOT)/DEBIAN
	echo 'activate-noawait ldconfig' >$(DEB_ROOT)/DEBIAN/triggers
	rm -rf $(DEB_BUILD)/shlibs && mkdir -p $(DEB_BUILD)/shlibs/debian
	printf 'Source: govmap\n\nPackage: govmap\nArchitecture: any\n' \
		>$(DEB_BUILD)/shlibs/debian/control
	cd $(DEB_BUILD)/shlibs && dpkg-shlibdeps -O \
		$$(for f in $(CURDIR)/$(DEB_ROOT)/usr/bin/govmap \
			$(CURDIR)/$(DEB_ROOT)/usr/lib/libgovmap.so.0 \
			$(CURDIR)/$(DEB_ROOT)/usr/lib/govmap/plugins/*.so; do \
			printf -- '-e%s ' "$$f"; done) 2>shlibdeps.err | \
		sed -n 's/^shlibs:Depends=//p' >../depends
	@test -s $(DEB_BUILD)/depends || { cat $(DEB_BUILD)/shlibs/shlibdeps.err; \
		echo "deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
	sed -e 's/@VERSION@/$(DEB_VERSION)/' -e 's/@ARCH@/$(DEB_ARCH)/' \
		-e "s/@DEPENDS@/$$(cat $(DEB_BUILD)/depends)/" \
		-e "s/@SIZE@/$$(du -sk --exclude=DEBIAN $(DEB_ROOT) | cut -f1)/" \
		docs/packaging/control.in >$(DEB_ROOT)/DEBIAN/control
	cd $(DEB_ROOT) && find usr -type f | LC_ALL=C sort | xargs md5sum \
		>DEBIAN/md5sums
	dpkg-deb --root-owner-group -Zxz --build $(DEB_ROOT) $(DEB_FILE)
	@echo "built $(DEB_FILE)"

check-deb: deb
	@echo "== Debian package tests"
	$(Q)GOVMAP_DEB=$(CURDIR)/$(DEB_FILE) sh tests/deb/run.sh

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) \
	$(PLUGIN_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d) \
	$(FUZZ_TARGETS:%=$(FUZZ_BUILD)/tests/fuzz/fuzz_%.d)

# Coverage (gcov, lcov): the test suite (make test: unit, CLI, plugin,
# hostile and registry tests; and make check-site) built with
# --coverage in build/coverage, then line and branch coverage of the
# library (core/src, graphs), the CLI (core/cli), the site generator
# (core/site) and the plugins; fails when the library's line coverage is
# below COVERAGE_MIN percent.  lcov is a dependency of this target only.
# GOVMAP_COVERAGE makes forked children flush their counters (child.c).
COVERAGE_MIN ?= 85
COV_BUILD := build/coverage
COV_RC := --rc lcov_branch_coverage=1
coverage:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(DEB_PKGS) lcov"
	@find $(COV_BUILD) -name '*.gcda' -delete 2>/dev/null || true
	HOSTILE_TIMEOUT=180 $(MAKE) BUILD=$(COV_BUILD) \
		OPT="-O0 -g --coverage" CFLAGS="-DGOVMAP_COVERAGE" \
		LDFLAGS="--coverage" \
		PLUGIN_EXTRA_OBJ=$(COV_BUILD)/tests/coverage/gcov_flush.pic.o \
		test check-site
	$(Q)lcov -q $(COV_RC) --capture --directory $(COV_BUILD) \
		--base-directory $(CURDIR) -o $(COV_BUILD)/all.info
	$(Q)set -ef; for part in "library:$(CURDIR)/core/src/* $(CURDIR)/graphs/*" \
		"cli:$(CURDIR)/core/cli/*" "site:$(CURDIR)/core/site/*" \
		"plugins:$(CURDIR)/plugins/*"; do \
		name=$${part%%:*}; pats=$${part#*:}; \
		lcov -q $(COV_RC) --extract $(COV_BUILD)/all.info $$pats \
			-o $(COV_BUILD)/$$name.info; \
		echo "== coverage: $$name"; \
		lcov $(COV_RC) --summary $(COV_BUILD)/$$name.info 2>&1 | \
			grep -E '^ *(lines|branches)'; \
	done
	$(Q)pct=$$(lcov $(COV_RC) --summary $(COV_BUILD)/library.info 2>&1 | \
		sed -n 's/^ *lines\.*: *\([0-9.]*\)%.*/\1/p'); \
	if awk -v p="$$pct" -v m=$(COVERAGE_MIN) 'BEGIN { exit !(p + 0 >= m) }'; \
	then echo "coverage: library lines $$pct% (minimum $(COVERAGE_MIN)%)"; \
	else echo "coverage: library lines $$pct%, below $(COVERAGE_MIN)%" >&2; \
		exit 1; fi

# Allocation-failure injection (tests/oom/run.sh): govmap built with
# ASan and UBSan in build/oom, linked with tests/oom/oom_wrap.c through
# -Wl,--wrap so that the Nth allocation of govmap's own code fails; the
# script runs check, report, explain and map over a small registry once
# per N up to the allocations each makes, and wants exit 0 with the
# normal output or exit 2 with "out of memory", never a crash, a leak or
# anything else.
OOM_BUILD := build/oom
OOM_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup
$(BUILD)/govmap-oom: $(CLI_OBJ) $(LIB) $(BUILD)/tests/oom/oom_wrap.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_LDFLAGS) $(OOM_WRAP) -o $@ $(CLI_OBJ) \
		$(BUILD)/tests/oom/oom_wrap.o $(LIB) $(PKG_LIBS) $(CLI_PKG_LIBS)
oom: deps
	$(MAKE) BUILD=$(OOM_BUILD) SANITIZE=address,undefined OPT="-O1 -g" \
		$(OOM_BUILD)/govmap-oom
	GOVMAP_BIN=$(CURDIR)/$(OOM_BUILD)/govmap-oom \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		sh tests/oom/run.sh

# The benchmark: figures, never a pass/fail test (tests/bench/run.sh).
bench: $(BIN)
	GOVMAP_BIN=$(CURDIR)/$(BIN) sh tests/bench/run.sh
	GOVMAP_BIN=$(CURDIR)/$(BIN) sh tests/bench/history.sh

# Only the Git commands over 300 single-file commits of registry/.
bench-history: $(BIN)
	GOVMAP_BIN=$(CURDIR)/$(BIN) sh tests/bench/history.sh
