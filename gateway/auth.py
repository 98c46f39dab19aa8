"""API keys, principals and roles.

Keys look like `sk-mg-<key id>.<secret>`. Only a salted SHA-256 of the secret is
stored: the secret is 256 random bits, so a slow password hash would add latency
to every request and no security. Lookups are cached for `key_cache_seconds`,
which bounds how long a revoked key keeps working on another replica.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import JSON, Column, DateTime, Engine, String, Table, insert, select, update

from gateway.db import metadata
from gateway.errors import GatewayError

ROLES = ("app", "auditor", "admin")
KEY_PREFIX = "sk-mg-"

api_keys = Table(
    "api_keys", metadata,
    Column("key_id", String(32), primary_key=True),
    Column("salt", String(64), nullable=False),
    Column("secret_hash", String(64), nullable=False),
    Column("app", String(200), nullable=False),
    Column("team", String(200)),
    Column("role", String(16), nullable=False),
    Column("allowed_models", JSON),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)


@dataclass(frozen=True)
class Principal:
    key_id: str
    app: str
    role: str
    team: str | None = None
    allowed_models: tuple[str, ...] | None = None   # None: every model

    def may_use(self, model: str) -> bool:
        return self.allowed_models is None or model in self.allowed_models


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    app: str
    team: str | None
    role: str
    allowed_models: tuple[str, ...] | None
    created_at: datetime
    revoked_at: datetime | None


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode()).hexdigest()


def _unauthorized(message: str = "invalid API key") -> GatewayError:
    return GatewayError(401, "invalid_api_key", message)


class KeyStore:
    def __init__(self, engine: Engine, master_key: str | None, cache_seconds: float = 5.0) -> None:
        self._engine = engine
        self._master = master_key
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, dict | None]] = {}

    # -- administration (CLI) -------------------------------------------------
    def create(self, app: str, role: str, team: str | None = None,
               models: list[str] | None = None) -> tuple[str, str]:
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if not app.strip():
            raise ValueError("app name must not be empty")
        key_id, secret, salt = secrets.token_hex(8), secrets.token_urlsafe(32), secrets.token_hex(16)
        with self._engine.begin() as conn:
            conn.execute(insert(api_keys).values(
                key_id=key_id, salt=salt, secret_hash=_digest(salt, secret), app=app, team=team,
                role=role, allowed_models=list(models) if models else None,
                created_at=datetime.now(timezone.utc)))
        return key_id, f"{KEY_PREFIX}{key_id}.{secret}"

    def revoke(self, key_id: str) -> bool:
        with self._engine.begin() as conn:
            res = conn.execute(update(api_keys).where(api_keys.c.key_id == key_id,
                                                      api_keys.c.revoked_at.is_(None))
                               .values(revoked_at=datetime.now(timezone.utc)))
        self._cache.pop(key_id, None)
        return res.rowcount == 1

    def list(self) -> list[KeyInfo]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(api_keys).order_by(api_keys.c.created_at)).mappings().all()
        return [KeyInfo(r["key_id"], r["app"], r["team"], r["role"],
                        tuple(r["allowed_models"]) if r["allowed_models"] else None,
                        r["created_at"], r["revoked_at"]) for r in rows]

    # -- the request path -----------------------------------------------------
    async def authenticate(self, authorization: str | None) -> Principal:
        if not authorization:
            raise _unauthorized("missing API key: send 'Authorization: Bearer <key>'")
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise _unauthorized("malformed Authorization header: expected 'Bearer <key>'")
        if self._master and hmac.compare_digest(token.encode(), self._master.encode()):
            return Principal(key_id="master", app="admin", role="admin")
        if not token.startswith(KEY_PREFIX) or "." not in token:
            raise _unauthorized()
        key_id, _, secret = token.removeprefix(KEY_PREFIX).partition(".")
        row = await self._lookup(key_id)
        if row is None or not hmac.compare_digest(_digest(row["salt"], secret), row["secret_hash"]):
            raise _unauthorized()
        if row["revoked_at"] is not None:
            raise _unauthorized("API key has been revoked")
        models = row["allowed_models"]
        return Principal(key_id=key_id, app=row["app"], role=row["role"], team=row["team"],
                         allowed_models=tuple(models) if models else None)

    async def _lookup(self, key_id: str) -> dict | None:
        now = time.monotonic()
        hit = self._cache.get(key_id)
        if hit and now - hit[0] < self._cache_seconds:
            return hit[1]
        row = await asyncio.to_thread(self._fetch, key_id)
        if row is not None:   # unknown ids are not cached: a flood of them must not grow memory
            self._cache[key_id] = (now, row)
        return row

    def _fetch(self, key_id: str) -> dict | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(api_keys).where(api_keys.c.key_id == key_id)).mappings().first()
        return dict(row) if row else None
