# medgate — `make run` and `make test` bootstrap .venv from a fresh clone.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.medgate-installed

.PHONY: run test bench bench-gateway bench-phi bench-dashboard phi-model lock venv clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv==0.13.9
	$(BIN)/uv pip sync -q --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

# The gateway and the dashboard together; Ctrl-C stops both.
run: $(STAMP)
	@trap 'kill $$gw $$dash 2>/dev/null; wait' INT TERM EXIT; \
	$(BIN)/medgate serve & gw=$$!; \
	$(BIN)/medgate dashboard & dash=$$!; \
	for i in $$(seq 90); do curl -sf http://127.0.0.1:4000/healthz >/dev/null 2>&1 \
		&& curl -sf http://127.0.0.1:8501/_stcore/health >/dev/null 2>&1 && break; sleep 1; done; echo; \
	echo "medgate is running:  gateway http://127.0.0.1:4000/v1   dashboard http://127.0.0.1:8501   (Ctrl-C stops both)"; \
	wait $$gw $$dash

# Debian's chromium drives the dashboard's browser test (Playwright, no browser download).
test: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium) \
		|| echo "chromium could not be installed: the dashboard browser test will be skipped"
	$(BIN)/python -m pytest -q

bench-gateway: $(STAMP)
	$(BIN)/python benchmarks/gateway/run.py

bench-phi: $(STAMP)
	$(BIN)/python benchmarks/phi/run.py --corpus all

bench-dashboard: $(STAMP)
	$(BIN)/python benchmarks/dashboard/run.py

bench: bench-gateway bench-phi bench-dashboard

# Rebuild the shipped PHI NER model (see gateway/phi/training): the synthetic corpus plus every
# hand-written tuning set, dev to dev-r, five times each, with 4% of the other words misspelt, seed 2
# (v8; without the misspellings PhysioNet's precision fell below 0.90, see docs/benchmarks.md).
# The unseen sets stay out.
PHI_TRAIN := .medgate/phi-train
PHI_TRAIN_SETS := dev dev-b dev-c dev-d dev-e dev-f dev-g dev-h dev-i dev-j dev-k dev-l dev-m dev-n dev-o dev-p dev-q dev-r
phi-model: $(STAMP)
	mkdir -p $(PHI_TRAIN)
	for d in $(PHI_TRAIN_SETS); do \
		$(BIN)/python benchmarks/phi/unseen.py --check benchmarks/phi/$$d/docs/*.txt --out $(PHI_TRAIN)/$$d.jsonl || exit 1; \
	done
	$(BIN)/python -m gateway.phi.training.train --typos 0.04 --seed 2 $(foreach d,$(PHI_TRAIN_SETS),--extra '$(PHI_TRAIN)/$(d).jsonl*5')

# Re-resolve pinned dependencies after editing pyproject.toml.
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .medgate .pytest_cache
