# Trust Steps: build, serve, test and bench. Every target installs what it needs first (scripts/setup.sh).
#   make serve   build and serve dist/ on http://127.0.0.1:8080
#   make dev     debug build served with live reload on http://127.0.0.1:8081 (no prerendering, no wasm-opt)
#   make test    fmt, clippy (native + wasm32), native and browser unit tests, release build, Playwright e2e,
#                the first-load size budget (perf-budget.json) and Lighthouse's gate (accessibility, best
#                practices, no request off the origin)
#   make bench   release build, then sizes, load and interaction times, the first tap on a phone's network
#                and Lighthouse's performance score (scripts/bench.mjs), written to docs/benchmarks.md
#   make e2e     release build + Playwright only; `npx playwright test -g NAME` for one test

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# binaryen's wasm-opt from npm comes first: Debian's (version 108) produces a broken wasm.
export PATH := $(CURDIR)/node_modules/binaryen/bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080

.PHONY: setup build serve dev test lint unit e2e budget lighthouse bench clean

setup:
	@scripts/setup.sh

build: setup
	trunk build --release

serve: build
	node scripts/serve.mjs dist $(PORT)

# A debug build into target/dev-dist (dist/ keeps the release build the tests use), rebuilt and reloaded in the
# browser on every change under the watched paths. Release-only steps (prerendering in Chromium, the service
# worker's precache list, wasm-opt) are skipped: see scripts/post-build.mjs. Its own port keeps its service
# worker apart from a release build's on 8080.
DEV_PORT ?= 8081
dev: setup
	trunk serve --release false --dist target/dev-dist --address 127.0.0.1 --port $(DEV_PORT) \
	  --watch src --watch public --watch index.html --watch build.rs --watch Cargo.toml --watch Trunk.toml

lint: setup
	cargo fmt --all --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings

unit: setup
	cargo test --locked
	cargo test --target wasm32-unknown-unknown --locked

e2e: build
	npx playwright test

# Fails when the first visit transfers more than perf-budget.json allows (sizes only; see scripts/size-budget.mjs).
budget: build
	node scripts/size-budget.mjs

# Lighthouse, mobile preset: accessibility and best practices 100, no request may leave loopback. The performance
# score follows this machine's speed, so it is not run here: `make bench` reports it (decision 0005).
LIGHTHOUSE_PATHS ?= /,/learn/what-trust-is,/people
lighthouse: build
	node scripts/lighthouse.mjs --path $(LIGHTHOUSE_PATHS) --runs 3 --enforce

test: lint unit e2e budget lighthouse

bench: build
	node scripts/bench.mjs

clean:
	rm -rf dist target/dev-dist test-results playwright-report
