"""What every suite provides: the requests to send, and a score for the replies."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from evalsuites.datasets import DATA_DIR, DatasetInfo, dataset_info
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


@dataclass
class DataSuite:
    """A suite reading its data from `data_dir`, identified in datasets.yaml by `name`."""
    data_dir: Path = DATA_DIR
    name: str = ""

    def dataset(self) -> DatasetInfo:
        return dataset_info(self.name, self.data_dir)


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
