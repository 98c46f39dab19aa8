"""Where the dashboard's data lives, found exactly as `medgate serve` and `medgate eval`
find it: MEDGATE_AUDIT_URL (else MEDGATE_HOME/medgate.db), MLFLOW_TRACKING_URI (else
MEDGATE_HOME/mlflow.db), the policies of MEDGATE_CONFIG (else the shipped ones).

Read from the environment on every call (no module state), so one process can serve
whichever configuration it was started with, and tests can point it anywhere.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from gateway.settings import Settings


@dataclass(frozen=True)
class Sources:
    audit_url: str
    home: Path
    mlflow_uri: str
    master_key: str | None
    hmac_key: bytes | None

    @property
    def audit_display(self) -> str:
        from sqlalchemy.engine import make_url
        return make_url(self.audit_url).render_as_string(hide_password=True)


def sources() -> Sources:
    from evalsuites.tracking import tracking_uri
    from gateway.audit.chain import checkpoint_key
    settings = Settings()
    master = settings.master_key
    path = settings.home / "master.key"
    if master is None and path.exists():   # never generate one here: a new key would verify nothing
        master = path.read_text().strip()
    return Sources(audit_url=settings.database_url(), home=settings.home, mlflow_uri=tracking_uri(settings.home),
                   master_key=master, hmac_key=checkpoint_key(settings.audit_hmac_key, master))


def policy_path() -> Path:
    """The policy set the gateway would load with this environment's config."""
    from gateway.policy.reload import policy_path as configured
    from gateway.settings import load_config
    return configured(load_config(Settings().config))


def gateway_url() -> str:
    settings = Settings()
    return os.environ.get("MEDGATE_GATEWAY_URL") or f"http://{settings.host}:{settings.port}"
