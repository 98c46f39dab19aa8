"""Audit stores for the dashboard tests: a SQLite file or a throwaway PostgreSQL schema
(unique per test, dropped afterwards), migrated and filled through the real AuditStore."""
from __future__ import annotations


import pytest

from gateway.audit.store import AuditStore
from gateway.db import init_schema, make_engine
from tests.pg import PG_ADMIN, pg_url, throwaway_schema  # noqa: F401  (re-exported for the tests)
from tests.dashboard import seed

@pytest.fixture()
def pg_schema():
    with throwaway_schema("mg_dash") as schema:
        yield schema


@pytest.fixture(params=["sqlite", "postgresql"])
def audit_url(request, tmp_path):
    """A migrated, empty audit store."""
    url = f"sqlite:///{tmp_path / 'audit.db'}" if request.param == "sqlite" \
        else pg_url(request.getfixturevalue("pg_schema"))
    engine = make_engine(url)
    init_schema(engine)
    engine.dispose()
    return url


def fill(url: str, n: int, **kwargs) -> list:
    """Writes n synthetic records through the real store; returns them."""
    engine = make_engine(url)
    try:
        init_schema(engine)
        store = AuditStore(engine, hmac_key=seed.HMAC_KEY, checkpoint_every=100, checkpoint_seconds=1e9)
        records = seed.make_records(n, **kwargs)
        seed.write(store, records)
        return records
    finally:
        engine.dispose()


@pytest.fixture()
def env(tmp_path, monkeypatch):
    """A dashboard environment on a fresh SQLite store under MEDGATE_HOME."""
    monkeypatch.delenv("MEDGATE_AUDIT_URL", raising=False)
    monkeypatch.delenv("MEDGATE_MASTER_KEY", raising=False)
    monkeypatch.delenv("MEDGATE_CONFIG", raising=False)
    monkeypatch.setenv("MEDGATE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MEDGATE_AUDIT_HMAC_KEY", seed.HMAC_KEY.decode())
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'mlflow.db'}")
    monkeypatch.setenv("MEDGATE_AUDIT_URL", f"sqlite:///{tmp_path / 'audit.db'}")
    return f"sqlite:///{tmp_path / 'audit.db'}"


@pytest.fixture(scope="session")
def mlflow_store(tmp_path_factory):
    """Eval runs logged once per session: creating an MLflow SQLite store takes seconds."""
    from tests.dashboard.evalruns import log_standard_runs
    home = tmp_path_factory.mktemp("evals-home")
    uri = f"sqlite:///{home / 'mlflow.db'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MLFLOW_TRACKING_URI", uri)
        reports = log_standard_runs(home)
    return uri, reports
