"""Evaluating through the medgate gateway: guardrails and model judged together."""
import json

import pytest

from gateway.cli import main
from tests.evalsuites.scripted_model import Gold, ScriptedModel, faithful
from tests.servers import MASTER_KEY, GatewayServer, upstream_config


@pytest.fixture()
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDGATE_HOME", str(tmp_path / "home"))
    with ScriptedModel(faithful(Gold())) as model, \
            GatewayServer(tmp_path / "gw", upstream_config(model.base_url)) as gw:
        yield model, gw


def run(gw, suite, n, report):
    code = main(["eval", "run", "--suite", suite, "--model", "clinical-gpt", "--api-base", gw.base_url,
                 "--api-key", MASTER_KEY, "--max-items", str(n), "--no-mlflow", "--report", str(report)])
    assert code == 0
    return json.loads(report.read_text())


def test_suites_run_through_the_gateway_with_phi_redacted_on_the_way_out(setup, tmp_path):
    model, gw = setup
    hallucination = run(gw, "hallucination", 6, tmp_path / "h.json")
    upstream_text = json.dumps(model.requests)
    # the provider never saw the synthetic patients' names or dates: the gateway redacted them ...
    assert "Harold Brenner" not in upstream_text and "Gloria Ruiz" not in upstream_text
    assert "03/02/2025" not in upstream_text
    # ... and restored them in the replies, so the faithful summaries are still fully grounded
    m = hallucination["metrics"]
    assert m["grounded.hallucination_rate"] == 0 and m["grounded.claims"] > 50 and m["errors"] == 0
    first = next(i for i in hallucination["items"] if i["id"] == "note-001")
    assert "03/02/2025" in first["reply"] and "Harold Brenner" in first["reply"]

    bias = run(gw, "bias", 10, tmp_path / "b.json")
    assert bias["metrics"]["bias.unparseable"] == 0 and bias["metrics"]["bias.accuracy"] == 1
    assert all(r.get("response_format", {}).get("type") == "json_schema" for r in model.requests[-10:])
    # one audit record per eval request
    assert gw.wait_for_audit(16) and gw.audit_count() == 16
