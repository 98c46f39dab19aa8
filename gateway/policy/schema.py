"""The policy file format, validated with pydantic (docs/policies.md is the reference).

A policy file holds `rules`; every rule has an `id`, an optional CEL condition
(`when`), an optional declarative content match (`content`), one `action`, and
optional output obligations (`output`). Action-specific fields are checked here,
so a mistake is reported against the rule and field that holds it.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gateway.phi.kinds import KINDS

Action = Literal["allow", "block", "respond", "redact", "route", "limit"]
RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
REASON_CODE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc.msg} at position {exc.pos})") from None
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ContentMatch(_Strict):
    """Matched on the normalized user text (lower case, look-alike characters folded):
    the rule fires when any keyword or pattern is found."""
    keywords: list[str] = Field(default_factory=list)    # whole words / phrases, case-insensitive
    patterns: list[str] = Field(default_factory=list)    # regular expressions, case-insensitive

    @field_validator("patterns")
    @classmethod
    def _valid_patterns(cls, v: list[str]) -> list[str]:
        return [_regex(p) for p in v]

    @model_validator(mode="after")
    def _something(self) -> "ContentMatch":
        if not self.keywords and not self.patterns:
            raise ValueError("needs at least one keyword or pattern")
        return self


class Redaction(_Strict):
    kinds: Literal["all"] | list[str] = "all"
    # None: each kind's mode from the gateway config (medgate.phi.modes / default_mode)
    mode: Literal["pseudonymize", "mask", "hash"] | None = None

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, v: str | list[str]) -> str | list[str]:
        if isinstance(v, list):
            unknown = [k for k in v if k not in KINDS]
            if unknown:
                raise ValueError(f"unknown PHI kind(s) {', '.join(unknown)}; known: all, {', '.join(KINDS)}")
            if not v:
                raise ValueError("empty list: name kinds or use 'all'")
        return v

    def kind_list(self) -> list[str]:
        return list(KINDS) if self.kinds == "all" else list(self.kinds)


class RouteTo(_Strict):
    to: str = Field(min_length=1)   # a model_name from the gateway config (checked at load)


class RateLimit(_Strict):
    per: Literal["key", "app", "team"] = "key"
    requests_per_minute: int | None = Field(None, gt=0)
    tokens_per_day: int | None = Field(None, gt=0)

    @model_validator(mode="after")
    def _something(self) -> "RateLimit":
        if self.requests_per_minute is None and self.tokens_per_day is None:
            raise ValueError("set requests_per_minute and/or tokens_per_day")
        return self


class UnsafePattern(_Strict):
    patterns: list[str] = Field(min_length=1)
    message: str = "This reply was withheld by the organization's AI policy."
    reason_code: str = "unsafe_output"

    @field_validator("patterns")
    @classmethod
    def _valid_patterns(cls, v: list[str]) -> list[str]:
        return [_regex(p) for p in v]

    @field_validator("reason_code")
    @classmethod
    def _code(cls, v: str) -> str:
        return _reason_code(v)


class Output(_Strict):
    scan_phi: Literal["flag", "redact", "block"] | None = None
    disclaimer: str | None = Field(None, min_length=1)
    review: bool = False
    store_content: bool = False         # keep this exchange's redacted content in its audit record
    block_unsafe: UnsafePattern | None = None


def _reason_code(v: str) -> str:
    if not REASON_CODE.match(v):
        raise ValueError("must be snake_case: a lower-case letter, then lower-case letters, digits, _")
    return v


class Rule(_Strict):
    id: str
    description: str = ""
    when: str | None = None             # CEL; absent: always
    content: ContentMatch | None = None
    action: Action
    reason_code: str | None = None
    message: str | None = Field(None, min_length=1)
    redact: Redaction | None = None
    route: RouteTo | None = None
    limit: RateLimit | None = None
    output: Output | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not RULE_ID.match(v):
            raise ValueError("must be 1-64 characters: lower-case letters, digits, '-', '_', '.'")
        return v

    @field_validator("reason_code")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        return None if v is None else _reason_code(v)

    @model_validator(mode="after")
    def _fields_fit_action(self) -> "Rule":
        needs = {"block": ("message", "reason_code"), "respond": ("message", "reason_code"),
                 "redact": ("redact",), "route": ("route",), "limit": ("limit",)}.get(self.action, ())
        for name in needs:
            if getattr(self, name) is None:
                raise ValueError(f"action '{self.action}' needs '{name}'")
        owned = {"redact": "redact", "route": "route", "limit": "limit"}
        for name, action in owned.items():
            if getattr(self, name) is not None and self.action != action:
                raise ValueError(f"'{name}' is only valid with action '{action}'")
        if self.message is not None and self.action not in ("block", "respond", "limit"):
            raise ValueError(f"'message' is not used by action '{self.action}'")
        if self.output is not None and self.action == "block":
            raise ValueError("a blocked request has no reply: 'output' obligations do not apply")
        return self


class PolicySettings(_Strict):
    timezone: str = "UTC"               # for time.hour / time.weekday

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r} (IANA names, e.g. America/New_York)") from None
        return v


class PolicyFile(_Strict):
    version: Literal[1] = 1
    description: str = ""
    settings: PolicySettings = Field(default_factory=PolicySettings)
    vars: dict[str, str | int | float | bool | list[str | int | float]] = Field(default_factory=dict)
    rules: list[Rule] = Field(min_length=1)
