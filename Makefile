# `make demo` and `make test` are the two entry points (README quickstart; CI runs `make test`).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SRC := src tests benchmarks tools

.PHONY: demo test lint typecheck unit format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Stamps record which install a venv has, so repeated runs skip pip.
$(VENV)/.stamp-base: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.stamp-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	touch $@ $(VENV)/.stamp-base

demo: $(VENV)/.stamp-base
	$(BIN)/storyline demo --out storyline-out

lint: $(VENV)/.stamp-dev
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)

typecheck: $(VENV)/.stamp-dev
	$(BIN)/mypy

# pytest exits 5 when it collects no tests; that is not a failure of the suite.
unit: $(VENV)/.stamp-dev
	$(BIN)/pytest -q || [ $$? -eq 5 ]

test: lint typecheck unit

format: $(VENV)/.stamp-dev
	$(BIN)/ruff format $(SRC)
	$(BIN)/ruff check --fix $(SRC)

clean:
	rm -rf $(VENV) storyline-out .mypy_cache .ruff_cache .pytest_cache
