"""Rate limits and token budgets: in-process, and shared through real Redis by two gateway processes."""
from __future__ import annotations

import time
import uuid
from pathlib import Path

import httpx
import pytest
import redis
import redis.asyncio

from gateway.auth import Principal
from gateway.policy import Limit
from gateway.policy.ratelimit import MemoryLimiter, RateLimited, RedisLimiter
from tests.audit.processes import ServeProcess
from tests.servers import MASTER_KEY, GatewayServer, upstream_config

REDIS_URL = "redis://127.0.0.1:6379/0"
NURSE = Principal(key_id="k-nurse", app="nurse-chat", role="app", team="nursing")
OTHER = Principal(key_id="k-other", app="nurse-chat", role="app", team="nursing")
RPM = Limit(rule_id="chat-rpm", per="key", requests_per_minute=3)
BUDGET = Limit(rule_id="dept-budget", per="team", tokens_per_day=100, reason_code="department_budget_exhausted",
               message="Nursing's daily AI budget is used up.")


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def prefix():
    name = f"medgate-test-{uuid.uuid4().hex[:12]}"
    yield name
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{name}:*"))
    if keys:
        client.delete(*keys)
    client.close()


async def _exercise(limiter, clock: Clock) -> None:
    """The same behaviour whatever the backend."""
    for _ in range(3):
        await limiter.admit([RPM], NURSE)
    with pytest.raises(RateLimited) as exc:
        await limiter.admit([RPM], NURSE)
    assert exc.value.status == 429 and exc.value.code == "rate_limited"
    assert exc.value.headers == {"Retry-After": "50"}            # the window ends in 50 s
    await limiter.admit([RPM], OTHER)                            # per key: another key is not affected
    clock.now += 60                                              # next minute
    await limiter.admit([RPM], NURSE)

    await limiter.admit([BUDGET], NURSE)
    await limiter.charge([BUDGET], NURSE, 70)
    await limiter.admit([BUDGET], OTHER)                         # 70 < 100: still admitted
    await limiter.charge([BUDGET], OTHER, 40)                    # per team: both keys draw on it
    with pytest.raises(RateLimited) as exc:
        await limiter.admit([BUDGET], NURSE)
    assert exc.value.code == "department_budget_exhausted" and exc.value.headers == {"Retry-After": "1550"}  # to UTC midnight
    assert exc.value.message == "Nursing's daily AI budget is used up."
    clock.now += 86_400                                          # next day
    await limiter.admit([BUDGET], NURSE)


async def test_memory_limiter():
    clock = Clock(1_774_999_990.0)       # 10 s into a minute
    await _exercise(MemoryLimiter(clock), clock)


async def test_redis_limiter(prefix):
    clock = Clock(1_774_999_990.0)
    limiter = RedisLimiter(redis.asyncio.from_url(REDIS_URL), prefix, clock)
    try:
        await _exercise(limiter, clock)
    finally:
        await limiter.aclose()


async def test_redis_down_fails_closed():
    limiter = RedisLimiter(redis.asyncio.from_url("redis://127.0.0.1:1/0"), "x")
    with pytest.raises(Exception) as exc:
        await limiter.admit([RPM], NURSE)
    assert getattr(exc.value, "status", None) == 503 and exc.value.code == "rate_limit_unavailable"
    await limiter.aclose()


LIMITS = """\
rules:
  - id: portal-rpm
    when: principal.app == "patient-portal"
    action: limit
    limit: {per: app, requests_per_minute: 2}
  - id: admin-token-budget
    when: principal.role == "admin"
    action: limit
    reason_code: token_budget_exceeded
    limit: {per: key, tokens_per_day: 40}
"""


def _policies(tmp_path: Path) -> Path:
    (tmp_path / "policies").mkdir(parents=True, exist_ok=True)
    (tmp_path / "policies" / "limits.yaml").write_text(LIMITS)
    return tmp_path / "policies"


def _ask(base_url: str, key: str, text: str = "Summarize the nursing handoff for bed 4.") -> httpx.Response:
    return httpx.post(base_url + "/chat/completions", timeout=30, headers={"Authorization": f"Bearer {key}"},
                      json={"model": "clinical-gpt", "messages": [{"role": "user", "content": text}]})


def test_in_process_rate_limit_429_with_retry_after(upstream, tmp_path, fresh_upstream):
    _policies(tmp_path)
    config = upstream_config(upstream.base_url, phi={"detector": "none"}, policies={"path": "policies"})
    with GatewayServer(tmp_path, config) as gw:
        keys = [gw.app.state.keys.create("patient-portal", "app")[1] for _ in range(2)]
        if time.time() % 60 > 50:       # not across a minute boundary: the window would reset
            time.sleep(61 - time.time() % 60)
        assert _ask(gw.base_url, keys[0]).status_code == 200
        assert _ask(gw.base_url, keys[1]).status_code == 200     # per app: two keys, one allowance
        resp = _ask(gw.base_url, keys[0])
        assert resp.status_code == 429 and resp.json()["error"]["code"] == "rate_limited"
        assert resp.json()["error"]["type"] == "rate_limit_error"
        assert 1 <= int(resp.headers["Retry-After"]) <= 60
        assert len(fresh_upstream.requests) == 2                 # the third never left
        assert gw.audit_records()[0]["error_code"] == "rate_limited"


def test_two_gateway_processes_share_a_token_budget_through_redis(upstream, tmp_path, fresh_upstream, prefix,
                                                                    monkeypatch):
    """A `medgate serve` process and a gateway in this test process: separate processes that
    share nothing but Redis (MEDGATE_REDIS_URL, as replicas are configured)."""
    monkeypatch.setenv("MEDGATE_REDIS_URL", REDIS_URL)
    policies = _policies(tmp_path)
    config = upstream_config(upstream.base_url, phi={"detector": "none"},
                             policies={"path": str(policies), "redis_prefix": prefix, "reload": False})
    replica = ServeProcess(tmp_path / "replica", config, f"sqlite:///{tmp_path / 'replica' / 'audit.db'}")
    try:
        with GatewayServer(tmp_path / "local", config) as local:
            replica.wait_ready()
            a, b = replica.base_url, local.base_url
            text = "Draft a two line reminder about the flu vaccine clinic on Saturday morning."   # ~27 tokens
            assert _ask(a, MASTER_KEY, text).status_code == 200      # charged in Redis by the replica
            assert _ask(b, MASTER_KEY, text).status_code == 200      # the local one sees it: budget now spent
            for url in (a, b):
                resp = _ask(url, MASTER_KEY, text)
                assert resp.status_code == 429 and resp.json()["error"]["code"] == "token_budget_exceeded"
                assert int(resp.headers["Retry-After"]) >= 1
            used = redis.Redis.from_url(REDIS_URL).get(
                f"{prefix}:ratelimit:admin-token-budget:key:master:d:{int(time.time() // 86_400)}")
            assert used is not None and int(used) >= 40
            assert len(fresh_upstream.requests) == 2
    finally:
        replica.stop()
