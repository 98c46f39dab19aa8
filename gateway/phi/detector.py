"""The detector seam. Findings carry kinds and offsets, never the text itself."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Finding:
    type: str        # a HIPAA identifier kind, e.g. PERSON, DATE_TIME, PHONE_NUMBER
    start: int
    end: int
    score: float


class Detector(Protocol):
    name: str

    async def detect(self, texts: list[str]) -> list[list[Finding]]:
        """Findings for each text, in order. Raises on failure: the caller fails closed."""
        ...


class NullDetector:
    """Finds nothing. Only for configurations that explicitly opt out of detection."""
    name = "none"

    async def detect(self, texts: list[str]) -> list[list[Finding]]:
        return [[] for _ in texts]


def summarize(findings: list[list[Finding]]) -> dict[str, int]:
    """Kinds and counts: what audit records and traces may carry."""
    return dict(Counter(f.type for per_text in findings for f in per_text))
