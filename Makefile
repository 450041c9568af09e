# The two commands of the README. Both install what is missing first (scripts/setup).
SWIFT_BUILD_FLAGS ?=
.PHONY: run test build setup bench clean

setup:
	@scripts/setup

build: setup
	swift build $(SWIFT_BUILD_FLAGS)

## Start the main program.
run: build
	swift run $(SWIFT_BUILD_FLAGS) phalanx --help

## Run every test (Swift unit and integration tests, cross-checked against Python references).
test: build
	swift test $(SWIFT_BUILD_FLAGS)

## Crypto benchmark (release build); results are recorded in BENCHMARKS.md.
bench: setup
	swift run -c release phalanx bench crypto

clean:
	rm -rf .build
