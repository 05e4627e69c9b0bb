# newslab: the two commands a new user needs are `make report` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= seeds
export PYTHONHASHSEED := 0

.PHONY: help venv report test unit nbval lint lab notebooks bench clean

help:
	@echo "make report     set up .venv, run every notebook on the seeds, write reports/*.html"
	@echo "make test       set up .venv, run ruff, the unit tests, the docstring examples and pytest --nbval on notebooks/"
	@echo "make lab        JupyterLab with the newslab kernel"
	@echo "make notebooks  re-execute the notebooks in place (commit the outputs)"
	@echo "make bench      run the benchmarks and quality scorers in benchmarks/ (needs ../shared/data)"
	@echo "make lint       ruff"

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newslab)" > /dev/null
	touch $(STAMP)

venv: $(STAMP)

report: $(STAMP)
	$(BIN)/newslab report $(CORPUS) --out reports

test: $(STAMP)
	$(BIN)/ruff check newslab tests benchmarks
	$(BIN)/python -m pytest tests -q
	$(BIN)/python -m pytest --doctest-modules newslab -q -p no:cacheprovider
	$(BIN)/python -m pytest --nbval notebooks --nbval-sanitize-with notebooks/sanitize.cfg -q -p no:cacheprovider

unit: $(STAMP)
	$(BIN)/python -m pytest tests -q

nbval: $(STAMP)
	$(BIN)/python -m pytest --nbval notebooks --nbval-sanitize-with notebooks/sanitize.cfg -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check newslab tests benchmarks

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

notebooks: $(STAMP)
	cd notebooks && for nb in [0-9][0-9]-*.ipynb; do \
		../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.timeout=1200 "$$nb" || exit 1; done

bench: $(STAMP)
	for b in benchmarks/bench_*.py benchmarks/score_*.py; do $(BIN)/python "$$b" || exit 1; done

clean:
	rm -rf reports .pytest_cache
