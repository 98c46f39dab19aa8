"""The local disk spool for `medgate.audit.on_failure: spool`.

Each process appends to its own JSON Lines file under MEDGATE_HOME/audit-spool,
fsync'd before the request is answered, and holds an exclusive flock on it while
alive. Replay writes the records into the store in file order and then empties the
file; files whose lock can be taken belong to a process that died, and are replayed
first. Replay skips request ids already stored, so a replay cut short after its
commit is harmless. Records carry kinds, counts, ids and hashes; content only redacted,
and only when `medgate.audit.store_content` or a rule asks (gateway/audit/content.py).
"""
from __future__ import annotations

import fcntl
import logging
import os
import uuid
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

import orjson

from gateway.audit import chain
from gateway.audit.records import AuditRecord

log = logging.getLogger("medgate.audit")

_REPLAY_CHUNK = 1000
_TS_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_NAMES = {f.name for f in fields(AuditRecord)}


class Spool:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.path = directory / f"spool-{os.getpid()}-{uuid.uuid4().hex[:8]}.jsonl"
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._fd = fd
        self._count = 0

    @property
    def pending(self) -> bool:
        return self._count > 0

    def append(self, records: list[AuditRecord]) -> None:
        data = b"".join(_dump(r) + b"\n" for r in records)
        os.write(self._fd, data)
        os.fsync(self._fd)
        self._count += len(records)

    def replay(self, store) -> int:
        """Orphaned files first, then ours; returns how many records were added."""
        added = 0
        for path in sorted(self.directory.glob("spool-*.jsonl"), key=lambda p: p.stat().st_mtime):
            if path == self.path:
                continue
            fd = _try_lock(path)
            if fd is None:
                continue   # its process is alive and replays it itself
            try:
                added += _replay_file(path, store)
                path.unlink()
            finally:
                os.close(fd)
        if self._count:
            added += _replay_file(self.path, store)
            os.ftruncate(self._fd, 0)
            os.fsync(self._fd)
            self._count = 0
        return added

    def close(self) -> None:
        """Keep a non-empty file for the next start to replay; remove an empty one."""
        if not self._count:
            self.path.unlink(missing_ok=True)
        os.close(self._fd)


def _dump(record: AuditRecord) -> bytes:
    row = record.as_row()
    row["ts"] = chain.format_ts(row["ts"])
    return orjson.dumps(row)


def _load(path: Path) -> list[AuditRecord]:
    records = []
    lines = path.read_bytes().split(b"\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = orjson.loads(line)
            row["ts"] = datetime.strptime(row["ts"], _TS_FORMAT).replace(tzinfo=timezone.utc)
            records.append(AuditRecord(**{k: v for k, v in row.items() if k in _NAMES}))
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            # Only a line torn by a crash before its fsync returned: its request was not answered.
            log.warning("audit spool %s line %d unreadable (%s); skipped", path.name, number, type(exc).__name__)
    return records


def _replay_file(path: Path, store) -> int:
    records = _load(path)
    return sum(store.append(records[i:i + _REPLAY_CHUNK], skip_existing=True)
               for i in range(0, len(records), _REPLAY_CHUNK))


def _try_lock(path: Path) -> int | None:
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd
