"""Settings: environment (MEDGATE_*) over the YAML config file over defaults.

The YAML file is LiteLLM's proxy format (`model_list`, `router_settings`) plus a
`medgate:` section for the gateway's own options; `os.environ/NAME` values are
resolved when the file is loaded, so a missing secret fails at start-up, not at
the first request.
"""
from __future__ import annotations

import os
import secrets
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and field."""


class LiteLLMParams(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str
    api_base: str | None = None
    api_key: str | None = None
    timeout: float | None = None
    stream_timeout: float | None = None


class ModelEntry(BaseModel):
    """One deployment. Several entries may share a `model_name` (load balancing)."""
    model_config = ConfigDict(extra="allow")
    model_name: str
    litellm_params: LiteLLMParams
    model_info: dict[str, Any] = Field(default_factory=dict)
    # medgate's own fields
    baa: bool = False          # provider covered by a HIPAA business associate agreement
    fast_path: bool | None = None  # None: follow medgate.fast_path

    @property
    def provider(self) -> str:
        model = self.litellm_params.model
        return model.split("/", 1)[0] if "/" in model else "openai"

    @property
    def upstream_model(self) -> str:
        model = self.litellm_params.model
        return model.split("/", 1)[1] if "/" in model else model


class RouterSettings(BaseModel):
    model_config = ConfigDict(extra="allow")
    num_retries: int = Field(2, ge=0, le=10)
    timeout: float = Field(60.0, gt=0)
    stream_timeout: float | None = None
    retry_after: float = Field(0.0, ge=0)
    fallbacks: list[dict[str, list[str]]] = Field(default_factory=list)


PhiMode = Literal["pseudonymize", "mask", "hash", "block"]


class PhiOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    detector: Literal["presidio", "none"] = "presidio"   # none: no detection at all (not for PHI)
    model: str | None = None          # spaCy package or path; default: the shipped clinical NER
    score_threshold: float = Field(0.4, ge=0, le=1)
    timeout_seconds: float = Field(5.0, gt=0)   # detection slower than this fails closed
    default_mode: PhiMode = "pseudonymize"
    modes: dict[str, PhiMode] = Field(default_factory=dict)   # per kind, over default_mode
    scan_output: bool = True          # look for PHI the model itself introduced

    @field_validator("modes")
    @classmethod
    def _known_kinds(cls, v: dict[str, str]) -> dict[str, str]:
        from gateway.phi.kinds import KINDS
        unknown = sorted(set(v) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown PHI kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}")
        return v

    def mode_of(self) -> dict[str, str]:
        from gateway.phi.kinds import KINDS
        return {kind: self.modes.get(kind, self.default_mode) for kind in KINDS}


class AuditOptions(BaseModel):
    """`medgate.audit`: the tamper-evident audit trail (README "Audit trail")."""
    model_config = ConfigDict(extra="forbid")
    on_failure: Literal["fail_closed", "spool"] = "fail_closed"   # spool: MEDGATE_HOME/audit-spool, replayed
    checkpoint_every: int = Field(1000, gt=0)        # records between HMAC-signed checkpoints ...
    checkpoint_seconds: float = Field(60.0, gt=0)    # ... or seconds, whichever comes first
    retention_days: float | None = Field(None, gt=0)  # None: keep forever
    max_batch: int = Field(500, gt=0)                # records per group-commit transaction
    spool_retry_seconds: float = Field(1.0, gt=0)    # how often a spool tries the store again
    # redacted: every record also stores the request as the provider saw it and the reply
    # before restoration, PHI masked (a rule's `output: {store_content: true}` does it per request)
    store_content: Literal["none", "redacted"] = "none"


class PolicyOptions(BaseModel):
    """`medgate.policies`: the declarative policy engine (docs/policies.md)."""
    model_config = ConfigDict(extra="forbid")
    enabled: bool = True              # false: the built-in BaselinePolicy (redact every PHI kind)
    path: Path | None = None          # file or directory, relative to the config file; None: the shipped policies/
    reload: bool = True               # watch the files; a bad change keeps the last good set
    reload_interval: float = Field(1.0, gt=0)   # seconds between checks
    rate_limit_backend: Literal["auto", "memory", "redis"] = "auto"   # auto: redis if a URL is set
    redis_url: str | None = None      # or MEDGATE_REDIS_URL
    redis_prefix: str = "medgate"     # key prefix, for several gateways on one Redis


class GatewayOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    audit: AuditOptions = Field(default_factory=AuditOptions)
    max_body_bytes: int = Field(1_048_576, gt=0)
    phi: PhiOptions = Field(default_factory=PhiOptions)
    policies: PolicyOptions = Field(default_factory=PolicyOptions)
    fast_path: bool = True
    key_cache_seconds: float = Field(5.0, ge=0)   # how long a revoked key may still pass
    capture_content: bool = False   # put (redacted) message content on spans


class GatewayConfig(BaseModel):
    model_config = ConfigDict(extra="allow")
    model_list: list[ModelEntry]
    router_settings: RouterSettings = Field(default_factory=RouterSettings)
    medgate: GatewayOptions = Field(default_factory=GatewayOptions)
    source: str = "<embedded default>"

    @field_validator("model_list")
    @classmethod
    def _non_empty(cls, v: list[ModelEntry]) -> list[ModelEntry]:
        if not v:
            raise ValueError("at least one model is required")
        return v


class Settings(BaseSettings):
    """Process-level settings from the environment (MEDGATE_*)."""
    model_config = SettingsConfigDict(env_prefix="MEDGATE_", extra="ignore")

    home: Path = Path(".medgate")
    config: Path | None = None
    master_key: str | None = None
    audit_url: str | None = None
    audit_hmac_key: str | None = None   # checkpoint signing key; default derived from the master key
    redis_url: str | None = None        # shared rate limits (over medgate.policies.redis_url)
    host: str = "127.0.0.1"
    port: int = 4000
    log_level: Literal["debug", "info", "warning", "error"] = "info"

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings],
                                   init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource):
        # Explicit arguments (CLI flags) win over the environment.
        return (init_settings, env_settings)

    def database_url(self) -> str:
        if self.audit_url:
            return self.audit_url
        return f"sqlite:///{(self.home / 'medgate.db').resolve()}"

    def resolve_master_key(self) -> tuple[str, str]:
        """(key, where it came from). Without MEDGATE_MASTER_KEY one is generated
        once into MEDGATE_HOME/master.key (mode 0600) so `make run` needs nothing."""
        if self.master_key:
            return self.master_key, "MEDGATE_MASTER_KEY"
        path = self.home / "master.key"
        if not path.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write("sk-medgate-master-" + secrets.token_urlsafe(24) + "\n")
        return path.read_text().strip(), str(path)


def _resolve_env_refs(value: Any, where: str) -> Any:
    if isinstance(value, str) and value.startswith("os.environ/"):
        name = value.removeprefix("os.environ/")
        if name not in os.environ:
            raise ConfigError(f"{where}: environment variable {name} is not set")
        return os.environ[name]
    if isinstance(value, dict):
        return {k: _resolve_env_refs(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve_env_refs(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


def load_config(path: Path | str | None = None) -> GatewayConfig:
    if path is None:
        text = resources.files("gateway").joinpath("default_config.yaml").read_text()
        source = "<embedded default>"
    else:
        source = str(path)
        try:
            text = Path(path).read_text()
        except OSError as exc:
            raise ConfigError(f"{source}: cannot read config file ({exc.strerror})") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{source}: not valid YAML{at}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: expected a mapping with a model_list")
    raw = _resolve_env_refs(raw, source)
    try:
        config = GatewayConfig.model_validate({**raw, "source": source})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{source}: {field}: {first['msg']}") from None
    _check_fallbacks(config)
    return config


def _check_fallbacks(config: GatewayConfig) -> None:
    names = {m.model_name for m in config.model_list}
    for rule in config.router_settings.fallbacks:
        for src, targets in rule.items():
            for name in [src, *targets]:
                if name not in names:
                    raise ConfigError(f"{config.source}: router_settings.fallbacks: "
                                      f"unknown model_name {name!r}")
