"""Pseudonymization with a per-request vault, and restoration of replies."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from gateway.phi.detector import Finding
from gateway.phi.slots import TextSlot

_PLACEHOLDER = re.compile(r"<([A-Z_]+)_(\d+)>")


@dataclass
class Vault:
    """Placeholder <-> original for one request. Lives only in that request's memory."""
    _by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    _by_placeholder: dict[str, str] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)

    def placeholder(self, kind: str, value: str) -> str:
        key = (kind, value)
        if key not in self._by_value:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            ph = f"<{kind}_{self._counts[kind]}>"
            self._by_value[key] = ph
            self._by_placeholder[ph] = value
        return self._by_value[key]

    def __bool__(self) -> bool:
        return bool(self._by_placeholder)

    def restore(self, text: str) -> str:
        if not self._by_placeholder:
            return text
        return _PLACEHOLDER.sub(lambda m: self._by_placeholder.get(m.group(0), m.group(0)), text)


def redact(slots: list[TextSlot], findings: list[list[Finding]], modes: dict[str, str]) -> Vault:
    """Rewrite each slot in place; `modes` maps a kind to pseudonymize|mask (kinds
    absent from it are left as they are)."""
    vault = Vault()
    for slot, found in zip(slots, findings):
        if not found:
            continue
        text, out, pos = slot.text, [], 0
        for f in sorted(found, key=lambda f: f.start):
            mode = modes.get(f.type)
            if mode is None or f.start < pos:
                continue
            out.append(text[pos:f.start])
            value = text[f.start:f.end]
            out.append(vault.placeholder(f.type, value) if mode == "pseudonymize" else f"<{f.type}>")
            pos = f.end
        out.append(text[pos:])
        slot.replace("".join(out))
    return vault
