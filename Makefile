# Entry points. Every target runs scripts/setup.sh first, which installs what is missing (pinned).
.PHONY: setup serve serve-release test build bench audit

setup:
	bash scripts/setup.sh

## Build and serve the app at http://127.0.0.1:8080 (rebuilds on change).
serve:
	bash scripts/serve.sh

## The same, with the optimised release build.
serve-release:
	bash scripts/serve.sh --release

## Every check and test suite; this is what CI runs (.ci/run).
test:
	bash scripts/test.sh

## The release build in dist/.
build: setup
	. scripts/env.sh && trunk build --release

## Lighthouse scores of the release build (performance, accessibility, best practices, SEO).
audit:
	bash scripts/audit.sh

## Benchmarks against their budgets (sizes, mount time, engine, import); not part of the test command.
## `make bench ARGS=--lighthouse` adds the Lighthouse mobile score.
bench:
	bash scripts/bench.sh $(ARGS)
