# Selaras: the two commands of the quick start are `make demo` and `make test`.
# System packages are installed here when missing (Debian/Ubuntu), never by hand.

SWIFT        ?= swift
PIPELINE     ?= Pipelines/news-brief.yaml
DEMO_OUTPUT  ?= out/news-brief
RELEASE_BIN  := .build/release/selaras
SHARED       ?= ../shared
# Debian packages: libxml2 (XML), SQLite (TM store), zlib (the dictionary), xmllint (conformance checks),
# hunspell-id (stemmer lexicon), dict-freedict-eng-ind (the aligner's English-Indonesian dictionary).
APT_PACKAGES := pkg-config libpq-dev libxml2-dev libxml2-utils libsqlite3-dev zlib1g-dev hunspell-id dict-freedict-eng-ind curl
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The measuring peers (Python, never a dependency of Selaras) live in their own virtual environment.
PEERS        ?= .build/peers
PEER_PACKAGES := spacy blingfire pysbd nltk sumy rouge-score rapidfuzz lxml translate-toolkit PySastrawi
# The page-extraction peers. pip's resolver trips over lxml's `html_clean` extra that trafilatura and
# readability-lxml both ask for, so they go in one at a time and readability-lxml without its deps.
HTML_PEERS   := trafilatura justext lxml_html_clean chardet cssselect

.PHONY: all deps build release demo test bench peers conformance interop reliability fuzz clean help

all: build

help:
	@echo "make demo         install what is missing, build (release), run $(PIPELINE) on Samples/articles"
	@echo "make test         install what is missing, run every test"
	@echo "make bench        benchmarks side by side with the peers (needs $(SHARED))"
	@echo "make conformance  validate the demo's outputs against the schemas in $(SHARED)/schemas"
	@echo "make reliability  fault injection and resource limits (hostile files, kill -9, concurrency, Ctrl-C)"

## deps: install the Debian packages Selaras needs, if any is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: release
	$(RELEASE_BIN) run $(PIPELINE) --output $(DEMO_OUTPUT)
	@echo
	@echo "Outputs for each article are in $(DEMO_OUTPUT)/ (open $(DEMO_OUTPUT)/index.html in a browser);"
	@echo "the run report is $(DEMO_OUTPUT)/run.json."

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## peers: the Python peers the benchmarks compare against, in $(PEERS).
peers: $(PEERS)/.installed
$(PEERS)/.installed:
	python3 -m venv $(PEERS)
	$(PEERS)/bin/pip install -q $(PEER_PACKAGES)
	for p in $(HTML_PEERS); do $(PEERS)/bin/pip install -q $$p || exit 1; done
	$(PEERS)/bin/pip install -q --no-deps readability-lxml
	touch $@

bench: release peers
	@for s in Benchmarks/*/run.sh; do [ -x "$$s" ] && { echo "== $$s"; PYTHON=$(CURDIR)/$(PEERS)/bin/python SHARED=$(SHARED) "$$s" $(CURDIR)/$(RELEASE_BIN) || exit 1; }; done; true

conformance: release
	scripts/conformance.sh $(RELEASE_BIN) $(SHARED)

## interop: Selaras's XLIFF/TMX in Translate Toolkit and back (pip-installs translate-toolkit in a venv).
interop: deps
	scripts/interop/check.sh

## reliability: hostile inputs, kill -9 at random moments, concurrent writers, hanging MT servers,
## Ctrl-C during a batch; prints cases tried and passed per category (docs/reliability.md).
reliability: release
	Reliability/run.sh $(RELEASE_BIN)

## fuzz: libFuzzer + AddressSanitizer on every parser (scripts/fuzz.sh; SECONDS_PER_TARGET each, default 60; RUNS caps executions; JOBS processes per target).
fuzz: deps
	scripts/fuzz.sh

clean:
	rm -rf .build out
