# medgate — `make run` and `make test` bootstrap .venv from a fresh clone.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.medgate-installed

.PHONY: run test bench bench-gateway bench-phi phi-model lock venv clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip sync -q --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/medgate serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench-gateway: $(STAMP)
	$(BIN)/python benchmarks/gateway/run.py

bench-phi: $(STAMP)
	$(BIN)/python benchmarks/phi/run.py --corpus all

bench: bench-gateway bench-phi

# Rebuild the shipped PHI NER model from the synthetic corpus (see gateway/phi/training).
phi-model: $(STAMP)
	$(BIN)/python -m gateway.phi.training.train

# Re-resolve pinned dependencies after editing pyproject.toml.
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .medgate .pytest_cache
