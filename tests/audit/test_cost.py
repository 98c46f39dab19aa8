"""Cost from litellm's bundled cost map: priced models get a cost, unknown ones None,
and an unknown model prints nothing (litellm's own lookup writes to stdout)."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import litellm

from gateway.audit.cost import cost_usd


def test_priced_model(capsys):
    prices = litellm.model_cost["gpt-4o-mini"]
    expected = 1000 * prices["input_cost_per_token"] + 200 * prices["output_cost_per_token"]
    assert cost_usd("openai/gpt-4o-mini", 1000, 200) == round(expected, 10) > 0
    assert cost_usd("gpt-4o-mini", 1000, None) == round(1000 * prices["input_cost_per_token"], 10)


def test_unpriced_or_unused(capsys):
    assert cost_usd("medgate/simulator", 50, 20) is None     # local model: no price
    assert cost_usd("openai/gpt-4o-mini", None, None) is None  # no usage reported
    assert cost_usd(None, 10, 10) is None
    assert capsys.readouterr().out == ""


def test_the_cost_map_is_loaded_at_start_not_by_the_first_request(tmp_path):
    """Importing litellm takes seconds; done inside the first request's audit step it would
    block the event loop and every request in flight (the fast path never imports it)."""
    config = tmp_path / "config.yaml"
    config.write_text(json.dumps({
        "model_list": [{"model_name": "clinical-gpt", "litellm_params": {
            "model": "openai/gpt-4o-mini", "api_base": "http://127.0.0.1:9/v1", "api_key": "sk-x"}}],
        "medgate": {"phi": {"detector": "none"}}}))
    script = textwrap.dedent(f"""
        import sys
        from fastapi.testclient import TestClient
        from gateway.app import create_app
        from gateway.settings import Settings
        app = create_app(Settings(home={str(tmp_path)!r}, config={str(config)!r}, master_key="sk-master-test"))
        before = "litellm" in sys.modules
        with TestClient(app) as client:
            client.get("/healthz")
            print(before, "litellm" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-2:] == ["False", "True"]
