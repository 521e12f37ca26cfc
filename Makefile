# The two commands a newcomer needs: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck pytest bench bench-scale screenshots clean install package package-windows lock

# Every dependency at the version and hashes of requirements.lock (made by `make lock`), then
# selfeval itself, editable, adding nothing.
$(STAMP): pyproject.toml requirements.lock
	@bash .ci/qt-system-libs.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

# After changing a dependency in pyproject.toml: both lock files again, with every file's hash,
# for Linux and Windows at once (uv's universal resolution; pip installs from them).
lock:
	$(PYTHON) -m venv .lock-tools
	.lock-tools/bin/python -m pip install --quiet "uv==0.13.9"
	.lock-tools/bin/uv pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 \
		--extra test --extra package -o requirements.lock
	.lock-tools/bin/uv pip compile pyproject.toml --universal --generate-hashes --python-version 3.11 \
		--extra package -o requirements-app.lock
	rm -rf .lock-tools

install: $(STAMP)

run: $(STAMP)
	$(BIN)/selfeval

lint: $(STAMP)
	$(BIN)/ruff check selfeval tests bench docs
	$(BIN)/ruff format --check selfeval tests bench docs

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/ui_bench.py
	$(BIN)/python bench/pack_bench.py
	$(BIN)/python bench/merge_bench.py
	$(BIN)/python bench/hostile_bench.py
	$(BIN)/python bench/sef_bench.py

# A county's library (issue 16): 1,000 to 50,000 items, every measure; about 7 minutes.
bench-scale: $(STAMP)
	$(BIN)/python bench/scale_bench.py --measures import,import-floor,status,dump,xlsx,docx,pdf,pdf-untagged,pdf-floor,request,open,return,merge,ui

screenshots: $(STAMP)
	$(BIN)/python docs/screenshots.py

# A one-folder build for council laptops (PyInstaller), then a smoke run of the built program.
package: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build build.spec
	bash .ci/smoke-package.sh dist/selfeval-*

# The Windows one-folder app, its MSI and per-user installer, built and smoke-run under wine on
# this Linux machine (packaging/windows/build.sh; docs/windows-build.md). About 8 minutes fresh;
# repeated runs reuse .cache/windows.
package-windows:
	bash packaging/windows/build.sh

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis *.egg-info
