"""Timeouts, retries and fallbacks behave the same on the fast path and through litellm."""
from __future__ import annotations

import openai
import pytest

from gateway.settings import ConfigError, load_config
from gateway.upstream import Upstream
from tests.servers import MASTER_KEY, GatewayServer


def _config(base_url: str, fast_path: bool) -> dict:
    def entry(name: str, model: str) -> dict:
        return {"model_name": name, "baa": True,
                "litellm_params": {"model": f"openai/{model}", "api_base": base_url, "api_key": "sk-up"}}
    return {"model_list": [entry("primary", "primary-model"), entry("backup", "backup-model")],
            "router_settings": {"num_retries": 1, "timeout": 0.5, "fallbacks": [{"primary": ["backup"]}]},
            "medgate": {"fast_path": fast_path}}


@pytest.fixture(scope="module", params=[True, False], ids=["fast-path", "litellm-router"])
def gw(request, upstream, tmp_path_factory):
    with GatewayServer(tmp_path_factory.mktemp("fallback"), _config(upstream.base_url, request.param)) as gw:
        yield gw


@pytest.fixture()
def sdk(gw, fresh_upstream):
    return openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0, timeout=30)


def test_fallback_group_serves_when_primary_keeps_failing(sdk, gw, upstream):
    upstream.fail_next(500, times=2)    # primary: first try and its one retry
    reply = sdk.chat.completions.create(model="primary", messages=[{"role": "user", "content": "BP 180/110"}])
    assert [r.body["model"] for r in upstream.requests] == ["primary-model", "primary-model", "backup-model"]
    assert reply.model == "backup-model"
    record = gw.audit_records()[0]
    assert record["model_requested"] == "primary" and record["model_used"] == "backup-model"
    root = next(s for s in gw.spans.get_finished_spans() if s.parent is None and s.name == "chat primary")
    assert root.attributes["gen_ai.provider.name"] == "openai"


def test_timeout_everywhere_is_504(sdk, gw, upstream):
    upstream.delay_next(2.0, times=4)
    with pytest.raises(openai.APIStatusError) as exc:
        sdk.chat.completions.create(model="primary", messages=[{"role": "user", "content": "sepsis screen"}])
    assert exc.value.status_code == 504 and exc.value.body["code"] == "upstream_timeout"
    record = gw.audit_records()[0]
    assert (record["status"], record["outcome"], record["error_code"]) == (504, "error", "upstream_timeout")


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_client_error_is_not_retried_but_falls_back(sdk, upstream, status):
    upstream.fail_next(status, times=1)
    reply = sdk.chat.completions.create(model="primary", messages=[{"role": "user", "content": "x"}])
    assert reply.model == "backup-model"
    assert [r.body["model"] for r in upstream.requests] == ["primary-model", "backup-model"]


def test_each_request_stands_alone(sdk, upstream):
    """No cooldown: a primary that failed a moment ago is tried first again."""
    upstream.fail_next(500, times=2)
    sdk.chat.completions.create(model="primary", messages=[{"role": "user", "content": "x"}])
    upstream.reset()
    reply = sdk.chat.completions.create(model="primary", messages=[{"role": "user", "content": "y"}])
    assert reply.model == "primary-model" and len(upstream.requests) == 1


def test_client_error_everywhere_is_400(sdk, gw, upstream):
    upstream.fail_next(400, times=2)
    with pytest.raises(openai.BadRequestError):
        sdk.chat.completions.create(model="primary", messages=[{"role": "user", "content": "x"}])
    assert [r.body["model"] for r in upstream.requests] == ["primary-model", "backup-model"]


def test_config_rejects_unknown_fallback_and_simulator_mixed_with_litellm(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("model_list:\n  - model_name: a\n    litellm_params: {model: openai/x}\n"
                   "router_settings:\n  fallbacks: [{a: [nope]}]\n")
    with pytest.raises(ConfigError, match=r"bad\.yaml: router_settings\.fallbacks: unknown model_name 'nope'"):
        load_config(bad)
    mixed = tmp_path / "mixed.yaml"
    mixed.write_text("model_list:\n  - model_name: a\n    litellm_params: {model: anthropic/claude}\n"
                     "  - model_name: sim\n    litellm_params: {model: medgate/simulator}\n"
                     "router_settings:\n  fallbacks: [{a: [sim]}]\n")
    with pytest.raises(ConfigError, match="simulator"):
        Upstream(load_config(mixed))


def test_config_errors_name_file_and_field(tmp_path, monkeypatch):
    f = tmp_path / "c.yaml"
    f.write_text("model_list:\n  - model_name: a\n    litellm_params: {api_base: http://x}\n")
    with pytest.raises(ConfigError, match=r"c\.yaml: model_list\.0\.litellm_params\.model: Field required"):
        load_config(f)
    f.write_text("model_list:\n  - model_name: a\n    litellm_params: {model: openai/x, api_key: os.environ/MG_TEST_KEY}\n")
    monkeypatch.delenv("MG_TEST_KEY", raising=False)
    with pytest.raises(ConfigError, match="MG_TEST_KEY is not set"):
        load_config(f)
    monkeypatch.setenv("MG_TEST_KEY", "sk-from-env")
    assert load_config(f).model_list[0].litellm_params.api_key == "sk-from-env"
    f.write_text("model_list: [\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(f)
