"""Who may look: an auditor- or admin-role medgate key, or (when configured) a
single-sign-on user named in MEDGATE_DASHBOARD_AUDITORS.

The pasted key is checked once with the gateway's KeyStore and forgotten: only the
viewer (key id, app, role) stays, in this browser session's state.

Single sign-on is Streamlit's `st.login` (OIDC): it is offered when
`.streamlit/secrets.toml` has an `[auth]` section. An OIDC identity carries no medgate
role, so a signed-in user gets the auditor role only if their e-mail is listed in
MEDGATE_DASHBOARD_AUDITORS (comma-separated); anyone else is refused.
"""
from __future__ import annotations

import asyncio
import hmac
import os
from dataclasses import dataclass

from sqlalchemy import Engine

ALLOWED_ROLES = ("auditor", "admin")


class LoginRefused(Exception):
    """Shown to the user as is: says why, never echoes the key."""


@dataclass(frozen=True)
class Viewer:
    key_id: str          # a key id, "master", or "oidc" for single sign-on
    name: str            # the key's app, or the OIDC e-mail
    role: str


def check_key(engine: Engine | None, master_key: str | None, key: str) -> Viewer:
    """`engine`: the key store (None when there is no database yet: only the master key works)."""
    from gateway.auth import KeyStore
    from gateway.errors import GatewayError
    key = key.strip()
    if not key:
        raise LoginRefused("paste an API key with the auditor or admin role")
    if engine is None and not (master_key and hmac.compare_digest(key.encode(), master_key.encode())):
        raise LoginRefused("there is no key store yet: start the gateway once (make run), then create an auditor "
                           "key with: medgate keys create --app compliance --role auditor")
    try:
        principal = asyncio.run(KeyStore(engine, master_key, cache_seconds=0).authenticate(f"Bearer {key}"))
    except GatewayError as exc:
        raise LoginRefused(f"this key is not accepted: {exc.message}") from None
    if principal.role not in ALLOWED_ROLES:
        raise LoginRefused(f"key {principal.key_id} has the '{principal.role}' role: the dashboard needs an "
                           "auditor or admin key (medgate keys create --app NAME --role auditor)")
    return Viewer(principal.key_id, principal.app, principal.role)


def oidc_configured(secrets) -> bool:
    try:
        return "auth" in secrets
    except Exception:   # no secrets.toml at all
        return False


def oidc_viewer(email: str | None) -> Viewer:
    allowed = {e.strip().lower() for e in os.environ.get("MEDGATE_DASHBOARD_AUDITORS", "").split(",") if e.strip()}
    if not email or email.lower() not in allowed:
        raise LoginRefused("signed in, but this account is not an auditor here: ask an admin to add your e-mail "
                           "to MEDGATE_DASHBOARD_AUDITORS")
    return Viewer("oidc", email, "auditor")
