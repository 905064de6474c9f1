# Two commands: `make run` and `make test`. Both create .venv when it is missing.
# `make bundle` builds the one-folder bundle dist/bellwether/ and smoke-tests it and the wheel.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types validate pytest bench bundle clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py app/resources/samples/crm-rollout.bellwether.json

test: $(STAMP) lint types validate pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

types: $(STAMP)
	$(BIN)/mypy

# The desktop entry and the AppStream metainfo, as a distribution's checks would read them.
validate:
	desktop-file-validate packaging/bellwether.desktop
	appstreamcli validate --no-net --pedantic packaging/app.bellwether.bellwether.metainfo.xml
	python3 -c "import xml.dom.minidom as m; m.parse('packaging/bellwether-mime.xml')"

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/check_bench.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/ui_bench.py
	$(BIN)/python bench/pdf_bench.py
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/limits_bench.py
	$(BIN)/python bench/room_bench.py
	$(BIN)/python bench/suggest_bench.py

BUNDLE_STAMP := $(VENV)/.bundle-installed
$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

# The bundle, smoke-tested from a folder outside the repository; then the wheel, installed into
# a fresh venv (its dependencies taken from .venv) and smoke-tested the same way.
bundle: $(BUNDLE_STAMP)
	rm -rf dist/bellwether build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/bellwether.spec
	packaging/smoke.sh dist/bellwether/bellwether dist/bellwether/_internal/app/resources
	du -sh dist/bellwether
	packaging/wheel_smoke.sh $(BIN)/python

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
