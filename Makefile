# The two commands of the README. Both install what is missing first (scripts/setup).
SWIFT_BUILD_FLAGS ?=
PYTEST_FLAGS ?= -q
.PHONY: run test build setup bench clean contracts

setup:
	@scripts/setup

build: setup
	swift build $(SWIFT_BUILD_FLAGS)

## Start the main program: a development chain with the whole stack in one process.
run: build
	swift run $(SWIFT_BUILD_FLAGS) phalanx node --dev

## Build the Embedded Swift example contracts (wasm32) and their ink!-format bundles.
contracts: setup
	scripts/build-contracts

## Run every test: Swift unit and integration tests, then the real `phalanx` binary driven by
## the third-party Python clients (substrate-interface, async-substrate-interface).
test: build contracts
	swift test $(SWIFT_BUILD_FLAGS)
	PHALANX_BIN=$$(swift build $(SWIFT_BUILD_FLAGS) --show-bin-path)/phalanx .venv/bin/python -m pytest $(PYTEST_FLAGS) Tests/Python

## Benchmarks (release build); results are recorded in BENCHMARKS.md.
bench: setup
	scripts/setup-bench
	swift build -c release
	.build/release/phalanx bench crypto
	.build/release/phalanx bench attestation
	.build/release/phalanx bench storage
	.build/release/phalanx bench transfers
	.build/release/phalanx bench contracts
	.build/release/phalanx bench worker
	.build/release/phalanx bench pink
	.build/release/phalanx bench engines

clean:
	rm -rf .build
