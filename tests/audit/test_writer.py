"""The group-commit writer: many requests' records in few transactions, each request
told about its own record's fate, and nothing lost to cancellation."""
from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from gateway.audit.store import AuditStore, audit_log
from gateway.audit.verify import verify
from gateway.db import make_engine
from tests.audit.conftest import HMAC_KEY, make_record


class CountingStore(AuditStore):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.transactions: list[int] = []

    def append(self, records, **kwargs):
        self.transactions.append(len(records))
        return super().append(records, **kwargs)


def _seqs(engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(audit_log.c.chain_seq).order_by(audit_log.c.chain_seq)).scalars())


async def test_concurrent_writes_share_transactions(engine):
    store = CountingStore(engine, hmac_key=HMAC_KEY, max_batch=64)
    await store.start()
    await asyncio.gather(*(store.write(make_record(i)) for i in range(200)))
    await store.aclose()
    assert sum(store.transactions) == 200
    assert len(store.transactions) < 200 and max(store.transactions) == 64   # batched, and bounded
    assert _seqs(engine) == list(range(1, 201))
    report = verify(engine, HMAC_KEY)
    assert report.records == 200 and report.last_checkpoint == 200   # closing signs the tail


async def test_sequential_writes_each_commit_before_returning(engine):
    store = AuditStore(engine, hmac_key=HMAC_KEY)
    for i in range(5):
        await store.write(make_record(i))
        assert store.count() == i + 1   # awaited means committed
    await store.aclose()


async def test_failure_reaches_every_waiting_request():
    store = AuditStore(make_engine("postgresql+psycopg://postgres@127.0.0.1:1/test"), hmac_key=HMAC_KEY)
    results = await asyncio.gather(*(store.write(make_record(i)) for i in range(5)), return_exceptions=True)
    assert all(isinstance(r, Exception) for r in results)
    # The driver's message (which can quote parameters) is not passed on; its type is.
    assert all(str(r) == "OperationalError" for r in results)
    await store.aclose()


async def test_one_bad_record_does_not_fail_its_batch(engine):
    store = AuditStore(engine, hmac_key=HMAC_KEY)
    first = make_record(1)
    await store.write(first)
    duplicate = make_record(2)
    duplicate.request_id = first.request_id
    results = await asyncio.gather(store.write(make_record(3)), store.write(duplicate), store.write(make_record(4)),
                                   return_exceptions=True)
    assert results[0] is None and results[2] is None and isinstance(results[1], Exception)
    assert _seqs(engine) == [1, 2, 3]
    await store.aclose()
    assert verify(engine, HMAC_KEY).records == 3


async def test_cancelled_request_still_gets_its_record(engine):
    store = AuditStore(engine, hmac_key=HMAC_KEY)
    await store.start()
    task = asyncio.create_task(store.write(make_record(7)))
    await asyncio.sleep(0)   # enqueued
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await store.aclose()
    assert store.count() == 1


async def test_checkpoint_after_seconds_without_traffic(engine):
    store = AuditStore(engine, hmac_key=HMAC_KEY, checkpoint_every=1000, checkpoint_seconds=0.05)
    await store.write(make_record(1))      # the first batch is always signed
    await store.write(make_record(2))
    deadline = asyncio.get_running_loop().time() + 10
    while verify(engine, HMAC_KEY).last_checkpoint != 2:
        assert asyncio.get_running_loop().time() < deadline, "no time-based checkpoint"
        await asyncio.sleep(0.05)
    await store.aclose()


def test_checkpoint_every_n_records(engine):
    store = AuditStore(engine, hmac_key=HMAC_KEY, checkpoint_every=5, checkpoint_seconds=3600)
    for i in range(12):
        store.append([make_record(i)])
    report = verify(engine, HMAC_KEY)
    assert report.checkpoints == 3 and report.last_checkpoint == 11   # at 1 (first), 6, 11


async def test_write_after_shutdown_is_still_recorded(engine):
    """A stream that outlives the server's shutdown still gets its record."""
    store = AuditStore(engine, hmac_key=HMAC_KEY)
    await store.start()
    await store.write(make_record(1))
    await store.aclose()
    await store.write(make_record(2))
    assert _seqs(engine) == [1, 2] and verify(engine, HMAC_KEY).records == 2
