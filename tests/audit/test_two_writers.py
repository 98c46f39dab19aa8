"""Two real `medgate serve` processes writing one PostgreSQL chain under concurrent
load: one record per request, gap-free sequence numbers, and `medgate audit verify`
exits 0 (also when run while they are still writing)."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import select

from gateway.audit.chain import checkpoint_key
from gateway.audit.store import audit_log
from gateway.audit.verify import verify
from gateway.db import make_engine
from tests.audit.conftest import pg_url
from tests.audit.processes import ROOT, ServeProcess
from tests.servers import MASTER_KEY, upstream_config

REQUESTS = 200
NOTES = ["Pt with CHF exacerbation, diuresed 3 L overnight; summarize for handoff.",
         "Prior auth: MRI lumbar spine after 6 weeks of failed conservative therapy.",
         "Portal message: is it OK to take ibuprofen with my lisinopril?"]


def _one(http: httpx.Client, i: int, urls: list[str]) -> int:
    url = urls[i % 2]
    headers = {"Authorization": f"Bearer {MASTER_KEY if i % 10 else 'sk-mg-bogus.key'}"}   # some 401s
    body = {"model": "clinical-gpt" if i % 13 else "no-such-model", "stream": i % 4 == 0,
            "messages": [{"role": "user", "content": NOTES[i % 3]}]}
    if body["stream"]:
        with http.stream("POST", url + "/chat/completions", json=body, headers=headers) as resp:
            for _ in resp.iter_bytes():
                pass
            return resp.status_code
    return http.post(url + "/chat/completions", json=body, headers=headers).status_code


@pytest.mark.timeout(480)   # two process start-ups on a shared 2-core machine
def test_two_gateways_one_chain(upstream, pg_schema, tmp_path):
    url = pg_url(pg_schema)
    config = upstream_config(upstream.base_url, phi={"detector": "none"})
    gateways = [ServeProcess(tmp_path / f"gw{i}", config, url) for i in range(2)]   # start at once: one migrates
    try:
        for gw in gateways:
            gw.wait_ready()
        urls = [gw.base_url for gw in gateways]
        engine = make_engine(url)
        limits = httpx.Limits(max_connections=24, max_keepalive_connections=24)
        with ThreadPoolExecutor(max_workers=8) as pool, httpx.Client(timeout=120, limits=limits) as http:
            statuses = [_one(http, i, urls) for i in (1, 2)]   # warm-up: one request each, first-call set-up
            first = statuses + list(pool.map(lambda i: _one(http, i, urls), [0, *range(3, REQUESTS // 2)]))
            # verify mid-load: one snapshot, so a chain being appended to is still whole
            midway = verify(engine, checkpoint_key(None, MASTER_KEY))
            statuses = first + list(pool.map(lambda i: _one(http, i, urls), range(REQUESTS // 2, REQUESTS)))
        # every non-stream reply waited for its record; a stream's follows its last byte
        assert midway.records >= sum(1 for i in range(REQUESTS // 2) if i % 4)
    finally:
        codes = [gw.stop() for gw in gateways]
    assert codes == [0, 0], [gw.log.read_text()[-2000:] for gw in gateways]
    assert sorted(set(statuses)) == [200, 401, 404]

    with engine.connect() as conn:
        rows = conn.execute(select(audit_log.c.chain_seq, audit_log.c.request_id, audit_log.c.status)
                            .order_by(audit_log.c.chain_seq)).all()
    engine.dispose()
    assert len(rows) == REQUESTS                                   # exactly one record per request
    assert [r.chain_seq for r in rows] == list(range(1, REQUESTS + 1))   # gap-free
    assert len({r.request_id for r in rows}) == REQUESTS
    assert sorted(r.status for r in rows) == sorted(statuses)

    env = {**os.environ, "MEDGATE_MASTER_KEY": MASTER_KEY, "MEDGATE_HOME": str(tmp_path)}
    env.pop("MEDGATE_AUDIT_HMAC_KEY", None)
    done = subprocess.run([sys.executable, "-m", "gateway.cli", "audit", "verify", "--url", url],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"intact: {REQUESTS} records, chain_seq 1..{REQUESTS}" in done.stdout
    assert f"last signed checkpoint at {REQUESTS}" in done.stdout   # the last to stop signed the tail
