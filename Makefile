# GoMini: `make run` builds everything and runs the example; `make test` runs every test.
DOTNET  ?= dotnet
RID     ?= linux-x64
PREFIX  ?= /usr/local
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
ROOTFS  := examples/simple-test/rootfs
SOURCES := $(shell find src -name '*.cs' -o -name '*.csproj' 2>/dev/null) Directory.Build.props

.PHONY: all deps build test test-properties test-integration lint install run bench clean

all: build

## deps: the Debian packages the example and the tests use (busybox-static for the rootfs; runtimes and engines to compare with and to drive gomini)
deps:
	@command -v busybox >/dev/null && command -v runc >/dev/null && command -v crun >/dev/null && command -v podman >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static runc crun podman conmon containerd hyperfine time >/dev/null; }

## build: the NativeAOT binary bin/gomini (and the test projects)
build: bin/gomini

bin/gomini: $(SOURCES)
	$(DOTNET) publish src/GoMini.App -c Release -r $(RID) -o bin -p:SourceRevisionId=$(COMMIT) --nologo -v quiet
	@rm -f bin/*.pdb bin/*.dbg

$(ROOTFS):
	examples/make-rootfs.sh $(ROOTFS)

## run: build, make the example rootfs, and run examples/simple-test
run: build $(ROOTFS)
	bin/gomini run --bundle examples/simple-test

## test: every test (properties, then real containers as root); ends with "N passed, M failed"
test: build
	scripts/test.sh

test-properties:
	scripts/test.sh tests/Properties

test-integration: build
	scripts/test.sh tests/Integration

## lint: warnings are errors; formatting as the .editorconfig says
lint:
	$(DOTNET) build GoMini.sln -c Release --nologo -v quiet
	$(DOTNET) format GoMini.sln --verify-no-changes --no-restore

install: build
	install -m 0755 bin/gomini $(PREFIX)/bin/gomini

## bench: gomini vs runc vs crun on the same bundle
bench: build
	bench/run-bench.sh

clean:
	rm -rf bin $(ROOTFS)
	$(DOTNET) clean GoMini.sln --nologo -v quiet
