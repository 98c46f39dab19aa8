"""Redaction with a per-request vault, and restoration of replies (also streamed).

Modes per kind: `pseudonymize` (consistent indexed placeholders, <PERSON_1>, restored
in the reply), `mask` (<PERSON>, not restored), `hash` (<PERSON_h1a2b3c4d>: a keyed
hash, stable across requests, so one patient keeps one token in a provider's logs;
not restored). `block` is the policy's business and never reaches this module.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field

from gateway.phi.detector import Finding
from gateway.phi.slots import TextSlot

MODES = ("pseudonymize", "mask", "hash", "block")
_PLACEHOLDER = re.compile(r"<[A-Z_]+_\d+>")


@dataclass
class Vault:
    """Placeholder <-> original for one request. Lives only in that request's memory:
    never logged, traced, persisted, or shared with another request."""
    hash_key: bytes = b""
    _by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    _by_placeholder: dict[str, str] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)

    def __repr__(self) -> str:   # a vault must never print its contents
        return f"Vault({len(self._by_placeholder)} placeholders)"

    def substitute(self, kind: str, value: str, mode: str) -> str:
        if mode == "mask":
            return f"<{kind}>"
        if mode == "hash":
            digest = hmac.new(self.hash_key, f"{kind}\x00{value.casefold()}".encode(), hashlib.sha256)
            return f"<{kind}_h{digest.hexdigest()[:8]}>"
        key = (kind, value)
        if key not in self._by_value:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            placeholder = f"<{kind}_{self._counts[kind]}>"
            self._by_value[key] = placeholder
            self._by_placeholder[placeholder] = value
        return self._by_value[key]

    def __bool__(self) -> bool:
        return bool(self._by_placeholder)

    @property
    def placeholders(self) -> list[str]:
        return list(self._by_placeholder)

    def restore(self, text: str, json_string: bool = False) -> str:
        """Put the originals back. `json_string`: the text is the inside of a JSON
        string (tool-call arguments), so originals are escaped to keep it valid."""
        if not self._by_placeholder or "<" not in text:
            return text

        def original(m: re.Match) -> str:
            value = self._by_placeholder.get(m.group(0))
            if value is None:
                return m.group(0)
            return json.dumps(value)[1:-1] if json_string else value

        return _PLACEHOLDER.sub(original, text)


def redact(slots: list[TextSlot], findings: list[list[Finding]], modes: dict[str, str],
           hash_key: bytes = b"") -> Vault:
    """Rewrite each slot in place; `modes` maps a kind to its mode (kinds absent from it
    are left as they are: the policy decided so)."""
    vault = Vault(hash_key=hash_key)
    for slot, found in zip(slots, findings):
        if not found:
            continue
        text, out, pos = slot.text, [], 0
        in_json = slot.path.endswith(".arguments")
        for f in sorted(found, key=lambda f: f.start):
            mode = modes.get(f.type)
            if mode is None or mode == "block" or f.start < pos:
                continue
            out.append(text[pos:f.start])
            out.append(vault.substitute(f.type, _json_value(text[f.start:f.end]) if in_json
                                        else text[f.start:f.end], mode))
            pos = f.end
        out.append(text[pos:])
        slot.replace("".join(out))
    return vault


def _json_value(raw: str) -> str:
    """A value found inside a JSON string literal, unescaped: what the user meant."""
    try:
        return json.loads(f'"{raw}"')
    except ValueError:
        return raw


class StreamRestorer:
    """Restores placeholders in a stream of text pieces.

    Emits everything except a tail that is still a proper prefix of one of the
    vault's placeholders; that tail (shorter than the longest placeholder) waits for
    the next piece. So the client never sees half a placeholder, and the stream is
    never buffered beyond that.
    """

    def __init__(self, vault: Vault, json_string: bool = False) -> None:
        self._vault = vault
        self._json = json_string
        self._pending = ""
        self._placeholders = vault.placeholders

    def feed(self, piece: str) -> str:
        text = self._pending + piece
        cut = self._holdback(text)
        self._pending = text[cut:]
        return self._vault.restore(text[:cut], self._json)

    def flush(self) -> str:
        text, self._pending = self._pending, ""
        return self._vault.restore(text, self._json)

    def _holdback(self, text: str) -> int:
        # A placeholder has one "<", so only the last one can open a pending placeholder.
        longest = max(map(len, self._placeholders), default=0)
        start = text.rfind("<", max(0, len(text) - longest))
        if start != -1:
            tail = text[start:]
            if any(p.startswith(tail) and p != tail for p in self._placeholders):
                return start
        return len(text)
