"""Group commit: one writer thread per event loop turns many requests' records into
one chain transaction.

A request enqueues its record and awaits the commit of the batch that holds it, so a
failed write still reaches the request (fail closed). While one transaction runs,
the next requests queue up and go together in the next: under load the chain lock
and the commit are paid once per batch, not once per request. The database work
runs in the writer's own thread, which wakes as soon as a record is queued: a lone
request costs the same thread hand-off as calling the store directly. A record,
once submitted, is written even if its request is cancelled.

With a spool (`on_failure: spool`), a batch the store refuses goes to local disk
instead and the request succeeds; while anything is spooled, new batches join the
spool behind it so the chain keeps arrival order, and a timer replays the spool.
"""
from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from gateway.audit.records import AuditRecord

if TYPE_CHECKING:
    from gateway.audit.store import AuditStore

log = logging.getLogger("medgate.audit")

_STOP = object()
Item = tuple[AuditRecord, asyncio.Future]


class GroupCommitWriter:
    def __init__(self, store: AuditStore, *, loop: asyncio.AbstractEventLoop, max_batch: int = 500,
                 tick_seconds: float = 60.0, spool_dir: Path | None = None) -> None:
        from gateway.audit.spool import Spool
        self.loop = loop
        self.closed = False
        self._store = store
        self._max_batch = max_batch
        self._tick = tick_seconds
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._spool = Spool(spool_dir) if spool_dir is not None else None
        self._thread = threading.Thread(target=self._run, name="medgate-audit-writer", daemon=True)
        self._thread.start()

    async def submit(self, record: AuditRecord) -> None:
        if self.closed:   # a record queued behind the stop would never be written
            raise RuntimeError("the audit writer is closed")
        done = self.loop.create_future()
        self._queue.put((record, done))
        await done

    async def aclose(self) -> None:
        """Drain what is queued, replay the spool if the store is back, sign the tail."""
        if self.closed:
            return
        self.closed = True
        self._queue.put(_STOP)
        await asyncio.to_thread(self._thread.join)

    # -- the writer thread ----------------------------------------------------------------
    def _run(self) -> None:
        if self._spool is not None:
            self._replay()
        next_tick = time.monotonic() + self._tick
        stopping = False
        while not stopping:
            try:
                item = self._queue.get(timeout=max(0.0, next_tick - time.monotonic()))
            except queue.Empty:
                item = None
            batch: list[Item] = []
            while item is not None:
                if item is _STOP:
                    stopping = True
                    break
                batch.append(item)
                if len(batch) >= self._max_batch:
                    break
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    item = None
            if batch:
                self._commit(batch)
            if time.monotonic() >= next_tick:   # also under constant load, when the queue never idles
                self._on_tick()
                next_tick = time.monotonic() + self._tick
        self._shutdown()

    def _commit(self, batch: list[Item]) -> None:
        records = [r for r, _ in batch]
        errors: list[BaseException | None]
        try:
            if self._spool is not None and self._spool.pending:
                self._spool.append(records)   # behind what is already spooled: keep arrival order
                errors = [None] * len(records)
            else:
                errors = self._append(records)
        except Exception as exc:
            errors = [exc] * len(records)
            if self._spool is not None:
                try:
                    self._spool.append(records)
                    log.error("audit store unavailable (%s); %d record(s) spooled to disk",
                              type(exc).__name__, len(records))
                    errors = [None] * len(records)
                except Exception as spool_exc:
                    log.error("audit spool failed too (%s)", type(spool_exc).__name__)
            else:
                log.error("audit write failed (%s)", type(exc).__name__)
        try:   # one wake-up of the loop for the whole batch
            self.loop.call_soon_threadsafe(_settle, batch, errors)
        except RuntimeError:
            pass   # the loop is gone: nobody is waiting any more

    def _append(self, records: list[AuditRecord]) -> list[BaseException | None]:
        """One transaction; if the database refuses it on a constraint, each record
        alone, so one bad record does not fail its neighbours. Per-record errors."""
        from sqlalchemy.exc import IntegrityError
        try:
            self._store.append(records)
            return [None] * len(records)
        except IntegrityError:
            if len(records) == 1:
                raise
        errors: list[BaseException | None] = []
        for record in records:
            try:
                self._store.append([record])
                errors.append(None)
            except IntegrityError as exc:
                log.error("audit record refused by the database (%s)", type(exc).__name__)
                errors.append(exc)
        return errors

    def _on_tick(self) -> None:
        if self._spool is not None and self._spool.pending:
            self._replay()
        try:
            self._store.checkpoint()
        except Exception as exc:
            log.warning("audit: periodic checkpoint failed (%s)", type(exc).__name__)

    def _replay(self) -> None:
        assert self._spool is not None
        try:
            replayed = self._spool.replay(self._store)
        except Exception as exc:
            log.warning("audit: spool replay deferred, store still unavailable (%s)", type(exc).__name__)
            return
        if replayed:
            log.warning("audit: %d spooled record(s) replayed into the store", replayed)

    def _shutdown(self) -> None:
        if self._spool is not None and self._spool.pending:
            self._replay()
        try:   # sign the tail: a truncation after shutdown is then detectable
            self._store.checkpoint(force=True)
        except Exception as exc:
            log.warning("audit: closing checkpoint failed (%s)", type(exc).__name__)
        if self._spool is not None:
            self._spool.close()


def _settle(batch: list[Item], errors: list[BaseException | None]) -> None:
    for (_, done), error in zip(batch, errors):
        if done.done():   # its request was cancelled; the record is written all the same
            continue
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(AuditWriteFailed(type(error).__name__))


class AuditWriteFailed(Exception):
    """Carries only the cause's type: a driver's message can quote parameters."""
