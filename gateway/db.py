"""One SQLAlchemy engine per process for keys and audit: SQLite (WAL) by default,
PostgreSQL via MEDGATE_AUDIT_URL for several replicas. The schema is Alembic's
(gateway/migrations); `init_schema` upgrades it to head."""
from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.engine import make_url

metadata = MetaData()

# Any constant works: it only has to be the same in every process that migrates.
_MIGRATION_LOCK = 0x6D656467   # "medg"


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # WAL: readers never block the writer
        dbapi_conn.isolation_level = None       # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")   # first: switching to WAL itself may wait for a lock
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A writer that reads then writes (the audit chain head) must take the write
        # lock up front: a deferred transaction cannot upgrade under WAL and fails busy.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def load_models() -> MetaData:
    """`metadata` with every table registered (importing the modules defines them)."""
    from gateway import auth  # noqa: F401
    from gateway.audit import store  # noqa: F401
    return metadata


def alembic_config(connection: Connection):
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", "gateway:migrations")
    config.attributes["connection"] = connection
    return config


def init_schema(engine: Engine) -> None:
    """Upgrade to the newest migration. Safe when several processes start at once:
    on PostgreSQL they queue on an advisory lock, on SQLite on a lock file beside the database."""
    with _sqlite_migration_lock(engine):
        _upgrade(engine)


@contextlib.contextmanager
def _sqlite_migration_lock(engine: Engine) -> Iterator[None]:
    # BEGIN IMMEDIATE alone did not keep two processes from both adding a column under load (a
    # fresh clone's test run beside a benchmark: "duplicate column name"); a whole upgrade at a
    # time does
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _upgrade(engine: Engine) -> None:
    from alembic import command
    with engine.connect() as conn:
        conn.execution_options(sqlite_immediate=True)
        postgres = engine.dialect.name == "postgresql"
        if postgres:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
            conn.commit()
        try:
            command.upgrade(alembic_config(conn), "head")
            conn.commit()
        finally:
            if postgres:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                conn.commit()
