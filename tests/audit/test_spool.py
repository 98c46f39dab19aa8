"""Audit store down: fail closed by default; with `on_failure: spool`, records go to
an fsync'd local spool and are replayed in order when the store is back. The outage
is real: a TCP proxy between the gateway and PostgreSQL, switched off and on."""
from __future__ import annotations

import json
import os
import time

import httpx
import pytest
from sqlalchemy import select

from gateway.audit.records import AuditRecord
from gateway.audit.spool import Spool, _load
from gateway.audit.store import AuditStore, audit_log
from gateway.audit.verify import verify
from gateway.db import init_schema, make_engine
from tests.audit.conftest import HMAC_KEY, make_record, pg_url
from tests.audit.tcp_proxy import TcpProxy
from tests.servers import MASTER_KEY, GatewayServer, upstream_config

NOTE = "Patient Odalys Brennerman, MRN 77310452, asks to move her colonoscopy prep to Thursday."


@pytest.fixture()
def outage(pg_schema):
    init_schema(make_engine(pg_url(pg_schema)))
    proxy = TcpProxy(5432).start()
    yield proxy, pg_url(pg_schema, port=proxy.port)
    proxy.stop()


def _chat(gw: GatewayServer) -> httpx.Response:
    return httpx.post(gw.base_url + "/chat/completions", timeout=30,
                      json={"model": "clinical-gpt", "messages": [{"role": "user", "content": NOTE}]},
                      headers={"Authorization": f"Bearer {MASTER_KEY}"})


def _gateway(tmp_path, upstream, monkeypatch, url: str, **audit) -> GatewayServer:
    monkeypatch.setenv("MEDGATE_AUDIT_URL", url)
    monkeypatch.delenv("MEDGATE_AUDIT_HMAC_KEY", raising=False)
    return GatewayServer(tmp_path, upstream_config(upstream.base_url, phi={"detector": "none"}, audit=audit))


def _request_ids(url: str) -> list[str]:
    engine = make_engine(url)
    with engine.connect() as conn:
        ids = list(conn.execute(select(audit_log.c.request_id).order_by(audit_log.c.chain_seq)).scalars())
    engine.dispose()
    return ids


def test_store_down_fails_closed_by_default(outage, upstream, tmp_path, monkeypatch):
    proxy, url = outage
    with _gateway(tmp_path, upstream, monkeypatch, url) as gw:
        assert _chat(gw).status_code == 200
        proxy.stop()
        resp = _chat(gw)
        assert resp.status_code == 503 and resp.json()["error"]["code"] == "audit_unavailable"
        assert "Brennerman" not in resp.text
        assert not (tmp_path / "audit-spool").exists()


def test_spool_and_replay_through_a_real_outage(outage, upstream, tmp_path, monkeypatch, caplog):
    proxy, url = outage
    with _gateway(tmp_path, upstream, monkeypatch, url, on_failure="spool", spool_retry_seconds=0.2,
                  checkpoint_every=4) as gw:
        assert [_chat(gw).status_code for _ in range(3)] == [200] * 3
        assert len(_request_ids(pg_url_direct(url))) == 3
        proxy.stop()
        during = [_chat(gw) for _ in range(6)]
        assert [r.status_code for r in during] == [200] * 6     # answered: their records are on disk
        (spooled,) = (tmp_path / "audit-spool").glob("spool-*.jsonl")
        lines = [json.loads(x) for x in spooled.read_text().splitlines()]
        assert len(lines) == 6 and all(line["status"] == 200 for line in lines)
        assert "Brennerman" not in spooled.read_text() and "77310452" not in spooled.read_text()
        assert len(_request_ids(pg_url_direct(url))) == 3
        proxy.start()
        deadline = time.monotonic() + 30
        while len(_request_ids(pg_url_direct(url))) < 9:
            assert time.monotonic() < deadline, "spool was not replayed"
            time.sleep(0.1)
        after = _chat(gw)
        assert after.status_code == 200
    ids = _request_ids(pg_url_direct(url))
    assert ids[3:9] == [line["request_id"] for line in lines]   # replayed in arrival order, before newer ones
    assert len(ids) == 10 and len(set(ids)) == 10
    assert not spooled.exists()   # emptied by the replay, removed at shutdown
    report = verify(make_engine(pg_url_direct(url)), _derived_key())
    assert report.records == 10 and report.last_checkpoint == 10
    assert "Brennerman" not in caplog.text


def pg_url_direct(url: str) -> str:
    """The same schema, bypassing the proxy (the test's own view of the database)."""
    schema = url.split("search_path%3D", 1)[1]
    return pg_url(schema)


def _derived_key() -> bytes:
    from gateway.audit.chain import checkpoint_key
    return checkpoint_key(None, MASTER_KEY)


def test_orphaned_spool_of_a_dead_process_is_replayed(tmp_path, db_url):
    """A process that died with records spooled: the next writer replays its file."""
    engine = make_engine(db_url)
    init_schema(engine)
    store = AuditStore(engine, hmac_key=HMAC_KEY)
    dead = Spool(tmp_path)
    records = [make_record(i) for i in range(4)]
    dead.append(records)
    store.append(records[:2])          # it had even replayed half before dying
    os.close(dead._fd)                 # the process is gone: its lock with it
    alive = Spool(tmp_path)
    assert alive.replay(store) == 2
    assert not dead.path.exists()
    assert _ids(engine) == [r.request_id for r in records]
    alive.close()
    assert not list(tmp_path.glob("*.jsonl"))


def test_torn_last_line_is_skipped_not_fatal(tmp_path, db_url, caplog):
    engine = make_engine(db_url)
    init_schema(engine)
    store = AuditStore(engine, hmac_key=HMAC_KEY)
    spool = Spool(tmp_path)
    spool.append([make_record(1)])
    os.write(spool._fd, b'{"request_id": "torn-by-a-cra')   # a crash mid-write, before fsync returned
    assert spool.replay(store) == 1
    assert "line 2 unreadable" in caplog.text
    spool.close()


def _ids(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(audit_log.c.request_id).order_by(audit_log.c.chain_seq)).scalars())


def test_spooled_record_round_trips(tmp_path):
    spool = Spool(tmp_path)
    record = make_record(3)
    spool.append([record])
    (loaded,) = _load(spool.path)
    assert isinstance(loaded, AuditRecord) and loaded == record
    spool.close()
