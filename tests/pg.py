"""The real PostgreSQL of this machine for tests: a throwaway schema per test, so parallel
runs and other suites never collide."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


def pg_url(schema: str, port: int = 5432) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/test?options=-csearch_path%3D{schema}"


@contextmanager
def throwaway_schema(prefix: str = "mg_test") -> Iterator[str]:
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield schema
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
