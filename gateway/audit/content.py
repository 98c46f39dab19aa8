"""Redacted content for audit records (`medgate.audit.store_content: redacted`, or a
fired rule's `output: {store_content: true}`). Pure functions; the pipeline calls them.

What is stored is never raw PHI:
- the request as the provider saw it (placeholders such as <PERSON_1>), with any
  identifier the policy let through unredacted (a BAA provider) masked as <KIND>;
- the reply as the provider sent it, before placeholder restoration, with the PHI the
  output scan found masked as <KIND>, and every identifier found in the request masked
  wherever it appears.
Each field is capped at MAX_CHARS, its end marked when cut.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import orjson

from gateway.phi import Finding
from gateway.policy.obligations import mask

MAX_CHARS = 65_536
TRUNCATED = "\n[medgate: truncated, {n} more characters not stored]"
_NOT_STORED = {"user"}   # the OpenAI end-user id may be an email: the record has its keyed hash


class Masker:
    """The identifiers found in a request, as (value, kind): masked wherever they occur
    in stored content. Lives in the request's memory only, like the pseudonym vault."""

    def __init__(self, texts: Iterable[str], findings: Iterable[list[Finding]]) -> None:
        values: dict[str, str] = {}
        for text, found in zip(texts, findings):
            for f in found:
                value = text[f.start:f.end]
                if value.strip():
                    values.setdefault(value, f.type)
        # Longest first, so "Rosalind Quenby" goes before "Rosalind"; a value bounded by
        # word characters only matches whole words ("45" is not masked inside "145").
        self._pattern = re.compile("|".join(
            (r"(?<!\w)" if v[0].isalnum() or v[0] == "_" else "") + re.escape(v)
            + (r"(?!\w)" if v[-1].isalnum() or v[-1] == "_" else "")
            for v in sorted(values, key=len, reverse=True))) if values else None
        self._kinds = values

    def __repr__(self) -> str:   # never prints its values
        return f"Masker({len(self._kinds)} values)"

    def text(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: f"<{self._kinds[m.group(0)]}>", text)

    def value(self, value: Any) -> Any:
        """Every string inside a JSON-like value, masked (keys too)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.text(k) if isinstance(k, str) else k: self.value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(v) for v in value]
        return value


def cap(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    return text[:MAX_CHARS] + TRUNCATED.format(n=len(text) - MAX_CHARS)


def request_content(body: dict, masker: Masker) -> str:
    """The outbound (already redacted) body as JSON, leftover identifiers masked."""
    kept = {k: v for k, v in body.items() if k not in _NOT_STORED}
    return cap(orjson.dumps(masker.value(kept)).decode())


def response_content(produced: list[str], findings: list[list[Finding]], masker: Masker) -> str:
    """What the model wrote (each choice's content, tool-call arguments; blank lines
    between), PHI found by the output scan masked, then the request's identifiers."""
    return cap("\n\n".join(masker.text(mask(text, found)) for text, found in zip(produced, findings)))
