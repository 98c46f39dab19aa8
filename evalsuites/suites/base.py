"""What every suite provides: the requests to send, and a score for the replies."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from evalsuites.datasets import DatasetInfo
from evalsuites.runner import Reply, Request, Runner


@dataclass
class SuiteResult:
    metrics: dict[str, float]
    items: list[dict[str, Any]]             # one row per request: id, group, status, scores
    details: dict[str, Any] = field(default_factory=dict)   # tables for the summary and the gate
    plots: dict[str, bytes] = field(default_factory=dict)   # file name -> PNG


class Suite(Protocol):
    name: str

    def dataset(self) -> DatasetInfo: ...

    def requests(self, max_items: int | None = None) -> list[Request]: ...

    def score(self, requests: list[Request], replies: list[Reply], judge: Runner | None = None) -> SuiteResult: ...


def status_counts(replies: list[Reply]) -> dict[str, float]:
    refused = sum(r.status == "refused" for r in replies)
    # Refused items are not scored, so a model (or gateway policy) that refuses everything
    # would look perfect: the refusal rate is a metric of its own and gated.
    return {"items": float(len(replies)),
            "refused": float(refused),
            "refusal_rate": refused / len(replies) if replies else 0.0,
            "errors": float(sum(r.status == "error" for r in replies)),
            "cached": float(sum(r.cached for r in replies))}


def clip(text: str | None, limit: int = 2000) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit] + "…"
