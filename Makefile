# Two commands do all set-up on a fresh machine (Python 3.10+):
#   make run    install into .venv, then build the graph of seeds/ into output/
#   make test   install into .venv (with test tools), then run the whole test suite, and
#               build the seeds at the lowest dependency versions pyproject.toml admits
#   make model  retrain the tagger (kg/models/ner.npz: a CRF and a BiLSTM) and the typer of headless bodies
#               (kg/models/orgtype.npz), and recount the kinds (kg/models/kinds.txt), from
#               ../shared/train (about 20 min on 2 cores)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test install clean model

# the runtime alone for `make run`; the test tools (browser driver, Dask, CRFsuite, LAC,
# pyshacl) only for `make test`
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/kg build seeds -o output
	@echo "kg is installed in $(VENV): run it as $(BIN)/kg, or after 'source $(BIN)/activate' as kg"

test: $(VENV)/.installed-test
	.ci/install-browser
	$(BIN)/python -m pytest -q
	.ci/min-versions

model: install
	$(BIN)/python -m pip install -q -e '.[train]'
	$(BIN)/python train/train_tagger.py
	$(BIN)/python train/train_orgtype.py
	$(BIN)/python train/count_kinds.py

clean:
	rm -rf $(VENV) .venv-min output .pytest_cache
