"""Hot reload against a running gateway: a good change applies, a bad one is rejected and
the last good policy set stays in force."""
from __future__ import annotations

import logging
import time

import httpx
import openai
import pytest

from tests.servers import GatewayServer, upstream_config

BASE = """\
rules:
  - id: pseudonymize-external
    when: "!model.baa && phi.total > 0"
    action: redact
    redact: {kinds: all}
"""
BLOCK_BATCH = BASE + """\
  - id: no-overnight-batch
    when: principal.app == "overnight-batch"
    action: block
    reason_code: batch_paused
    message: Batch summarization is paused by the governance office.
"""


def _eventually(check, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def _blocked(client) -> str | None:
    try:
        client.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": "Summarize bed 12."}])
    except openai.PermissionDeniedError as exc:
        return exc.body["code"]
    return None


def test_reload_applies_good_changes_and_keeps_the_last_good_set(upstream, tmp_path, fresh_upstream, caplog):
    caplog.set_level(logging.INFO, logger="medgate")
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "site.yaml").write_text(BASE)
    config = upstream_config(upstream.base_url, phi={"detector": "none"},
                             policies={"path": "policies", "reload_interval": 0.05})
    with GatewayServer(tmp_path, config) as gw:
        live = gw.app.state.policy
        assert httpx.get(gw.base_url.removesuffix("/v1") + "/readyz", timeout=10).json()["policy"] == live.version
        _, key = gw.app.state.keys.create("overnight-batch", "app")
        client = openai.OpenAI(base_url=gw.base_url, api_key=key, max_retries=0, timeout=20)
        assert _blocked(client) is None
        first = live.version

        (policies / "site.yaml").write_text(BLOCK_BATCH)                      # a good change
        assert _eventually(lambda: _blocked(client) == "batch_paused")
        good = live.version
        assert good != first

        (policies / "site.yaml").write_text(BLOCK_BATCH.replace('principal.app == "overnight-batch"',
                                                                'principal.app = "overnight-batch"'))
        assert _eventually(lambda: live.last_error is not None)
        assert "site.yaml:6: rule 'no-overnight-batch': when: CEL syntax error" in live.last_error
        assert live.version == good and _blocked(client) == "batch_paused"    # last good set still in force
        assert "policy reload rejected, keeping version " + good in caplog.text

        (policies / "10-extra.yaml").write_text("rules:\n  - {id: extra, action: allow}\n")   # a new file
        (policies / "site.yaml").write_text(BASE)
        assert _eventually(lambda: live.last_error is None and _blocked(client) is None)
        assert [r.rule.id for r in live.current.rules] == ["extra", "pseudonymize-external"]


def test_reload_off_keeps_the_start_up_set(upstream, tmp_path, fresh_upstream):
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "site.yaml").write_text(BASE)
    config = upstream_config(upstream.base_url, phi={"detector": "none"},
                             policies={"path": "policies", "reload": False})
    with GatewayServer(tmp_path, config) as gw:
        version = gw.app.state.policy.version
        (policies / "site.yaml").write_text(BLOCK_BATCH)
        time.sleep(0.3)
        assert gw.app.state.policy.version == version


def test_bad_policy_at_start_raises(upstream, tmp_path):
    from gateway.policy.loader import PolicyError
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "site.yaml").write_text("rules:\n  - {id: x, action: route, route: {to: nowhere}}\n")
    with pytest.raises(PolicyError, match="route.to: model 'nowhere' is not in the gateway config"):
        GatewayServer(tmp_path, upstream_config(upstream.base_url, phi={"detector": "none"},
                                                policies={"path": "policies"}))


def test_decisions_carry_the_policy_version(tmp_path):
    from gateway.auth import Principal
    from gateway.policy import PolicyInput
    from gateway.policy.loader import load_policy_set
    from gateway.policy.reload import LivePolicy
    (tmp_path / "site.yaml").write_text(BASE)
    live = LivePolicy(tmp_path, load_policy_set)
    request = PolicyInput(principal=Principal(key_id="k", app="a", role="app"), operation="chat", model="m",
                          baa=False, phi={"PERSON": 1}, params={})
    assert live.decide(request).fired_rules == ("pseudonymize-external", f"policy:{live.version}")
    (tmp_path / "site.yaml").write_text(BLOCK_BATCH)
    assert live.reload() and live.decide(request).fired_rules[-1] == f"policy:{live.version}"


def test_a_file_caught_half_written_is_read_only_once_it_stands_still(tmp_path):
    # an editor truncates and then writes: a poll between the two must not report a bad policy
    from gateway.policy.loader import load_policy_set
    from gateway.policy.reload import LivePolicy
    (tmp_path / "site.yaml").write_text(BASE)
    live = LivePolicy(tmp_path, load_policy_set)
    first = live.version
    (tmp_path / "site.yaml").write_text("")                 # truncated, not yet written
    live.poll()
    assert live.last_error is None and live.version == first
    (tmp_path / "site.yaml").write_text(BLOCK_BATCH)        # written: changed again since the last look
    live.poll()
    assert live.last_error is None and live.version == first
    live.poll()                                             # stood still for one look: read
    assert live.last_error is None and live.version != first
    (tmp_path / "site.yaml").write_text(BLOCK_BATCH.replace("==", "="))   # a bad change, once it stands still
    live.poll()
    live.poll()
    assert "CEL syntax error" in live.last_error and live.version != first
