"""Alembic owns the schema: a fresh database upgrades to head, the tables then match
the models exactly, upgrading twice is a no-op, and concurrent starts are safe."""
from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from gateway.audit.store import audit_chain_head
from gateway.db import alembic_config, init_schema, load_models, make_engine


def test_fresh_database_upgrades_to_head_and_matches_models(db_url):
    engine = make_engine(db_url)
    init_schema(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), load_models()) == []
        head = ScriptDirectory.from_config(alembic_config(conn)).get_current_head()
        assert MigrationContext.configure(conn).get_current_revision() == head
        assert conn.execute(select(audit_chain_head)).mappings().one()["chain_seq"] == 0
    init_schema(engine)   # a restart: nothing to do, the head row is not duplicated
    with engine.connect() as conn:
        assert conn.execute(select(audit_chain_head)).mappings().all()[0]["record_hash"] == "0" * 64
        assert len(conn.execute(select(audit_chain_head)).all()) == 1
    engine.dispose()


def test_processes_starting_at_once_migrate_once(db_url):
    # Separate processes, as replicas are: Alembic's context is per process.
    code = "import sys; from gateway.db import init_schema, make_engine; init_schema(make_engine(sys.argv[1]))"
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err.decode()[-2000:]
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert len(conn.execute(select(audit_chain_head)).all()) == 1
        assert "audit_checkpoint" in inspect(conn).get_table_names()
    engine.dispose()


def test_pre_migration_database_keeps_its_keys(tmp_path):
    """A database made by the old create_all: keys survive, old unchained rows are set aside."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE api_keys (key_id VARCHAR(32) PRIMARY KEY, salt VARCHAR(64) NOT NULL, "
                          "secret_hash VARCHAR(64) NOT NULL, app VARCHAR(200) NOT NULL, team VARCHAR(200), "
                          "role VARCHAR(16) NOT NULL, allowed_models JSON, created_at DATETIME NOT NULL, "
                          "revoked_at DATETIME)"))
        conn.execute(text("INSERT INTO api_keys VALUES ('k1', 's', 'h', 'cardiology-notes', NULL, 'app', NULL, "
                          "'2026-01-02 03:04:05', NULL)"))
        conn.execute(text("CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, request_id VARCHAR(64))"))
        conn.execute(text("CREATE INDEX ix_audit_log_ts ON audit_log (request_id)"))
        conn.execute(text("INSERT INTO audit_log VALUES (1, 'r-old')"))
    init_schema(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT app FROM api_keys")).scalar_one() == "cardiology-notes"
        assert conn.execute(text("SELECT request_id FROM audit_log_unchained")).scalar_one() == "r-old"
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one() == 0
    engine.dispose()
