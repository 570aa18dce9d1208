# The two commands (see README): `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DEMO_CHILDREN ?= 2000
LISTEN ?= 127.0.0.1:8080
# Roles that give a code from an authenticator app after the password. The product's default is every
# role that reads children's data; the demo asks it of the police officer ("polis") only, so the other
# demo logins work with the password alone. SECOND_FACTOR= (empty) gives the product's default.
SECOND_FACTOR ?= police_officer
FORMAT_FILES = $(shell git ls-files --cached --others --exclude-standard 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp' 2>/dev/null)

.PHONY: run test setup release asan format format-check lint clean

## Install what is missing, build (release), create and migrate ./data/kronobarn.db, load demo data
## if the database is new, serve on http://127.0.0.1:8080 and print the demo logins.
run: setup release
	./build-release/src/main/kronobarn serve --migrate --demo-children $(DEMO_CHILDREN) \
		--database sqlite:./data/kronobarn.db --listen $(LISTEN) --require-second-factor "$(SECOND_FACTOR)"

## Install what is missing, sanitizer build with warnings as errors, format check, every test
## (unit, store, integration, browser); also builds the release binary `make run` uses.
## .ci/run calls exactly this.
test: setup asan release format-check
	cd build-asan && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ctest --output-on-failure --timeout 900 -j $(JOBS)

setup:
	./scripts/setup

release:
	cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DKRONOBARN_WERROR=ON -DKRONOBARN_TESTS=OFF
	cmake --build build-release -j $(JOBS)

asan:
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKRONOBARN_WERROR=ON -DKRONOBARN_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	@clang-format --dry-run --Werror $(FORMAT_FILES) && echo "format-check: OK ($(words $(FORMAT_FILES)) files)"

lint: asan
	clang-tidy -p build-asan $(shell git ls-files 'src/*.cpp')

clean:
	rm -rf build-release build-asan build-dev
