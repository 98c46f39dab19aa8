"""Read-only engines on the audit store: the dashboard can look, never write.

SQLite is opened with a `mode=ro` URI (the driver refuses writes); PostgreSQL
connections get `default_transaction_read_only = on`, so every transaction the
dashboard starts is read-only on the server's side too.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url


class StoreMissing(LookupError):
    """There is no audit database yet (nothing to show, nothing to create)."""


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def open_readonly(url: str) -> Engine:
    """A read-only engine on an existing, migrated audit store (StoreMissing otherwise).
    Connects once to check: an unreachable server raises SQLAlchemy's OperationalError."""
    engine = _engine(url)
    try:
        migrated = inspect(engine).has_table("audit_log")
    except Exception:
        engine.dispose()
        raise
    if not migrated:
        engine.dispose()
        raise StoreMissing("the database has no audit tables yet (the gateway creates them when it starts)")
    return engine


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is None:
            raise StoreMissing("an in-memory SQLite database has no audit trail to show")
        if not path.exists():
            raise StoreMissing(f"no audit database at {path}")
        engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true",
                               connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA query_only=ON")   # belt and braces: ro URI already refuses writes
            cur.close()

        return engine
    engine = create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4)
    if parsed.get_backend_name() == "postgresql":
        @event.listens_for(engine, "connect")
        def _read_only(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("SET default_transaction_read_only = on")
            cur.close()
            dbapi_conn.commit()
    return engine
