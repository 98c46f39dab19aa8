"""The JSON report of one eval run, and its summary table."""
from __future__ import annotations

import json
import math
from dataclasses import MISSING, asdict, dataclass, field
from pathlib import Path
from typing import Any

SCHEMA = "medgate-eval-report/1"
_FRACTIONS = ("rate", "accuracy", "p_", "difference", "tpr")


class ReportError(ValueError):
    """A report that cannot be read or used."""


@dataclass
class Report:
    suite: str
    model: str
    api_base: str | None
    dataset: dict[str, Any]          # name, version, sha256, files
    params: dict[str, Any]
    medgate_version: str
    started_at: str
    finished_at: str
    complete: bool                   # every item got a final outcome (no transport errors)
    metrics: dict[str, float]
    items: list[dict[str, Any]]
    details: dict[str, Any] = field(default_factory=dict)
    plots: list[str] = field(default_factory=list)
    mlflow_run_id: str | None = None
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=1, default=_jsonable, allow_nan=False))
        return path

    @classmethod
    def from_dict(cls, data: Any, source: str) -> "Report":
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise ReportError(f"{source}: not a medgate eval report (expected schema {SCHEMA!r})")
        fields = cls.__dataclass_fields__
        missing = [n for n, f in fields.items() if n not in data and f.default is MISSING
                   and f.default_factory is MISSING]
        if missing:
            raise ReportError(f"{source}: report is missing field(s) {', '.join(missing)}")
        return cls(**{k: v for k, v in data.items() if k in fields})

    @classmethod
    def load(cls, path: Path) -> "Report":
        try:
            data = json.loads(Path(path).read_text())
        except OSError as exc:
            raise ReportError(f"{path}: cannot read ({exc.strerror})") from None
        except json.JSONDecodeError as exc:
            raise ReportError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
        return cls.from_dict(data, str(path))

    def scores(self, column: str) -> dict[str, tuple[str, float]]:
        """item id -> (cluster, score) for every item that has a value in `column`."""
        out = {}
        for item in self.items:
            value = item.get(column)
            if value is not None:
                out[item["id"]] = (str(item.get("group", item["id"])), float(value))
        return out


def _jsonable(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()   # numpy scalars
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def clean_metrics(metrics: dict[str, float]) -> dict[str, float]:
    """JSON and MLflow both want finite numbers: an undefined metric is left out, not NaN."""
    return {k: float(v) for k, v in metrics.items() if v is not None and math.isfinite(float(v))}


def summary_table(report: Report):
    """A rich Table: headline metrics, with their confidence interval beside them."""
    from rich.table import Table

    table = Table(title=f"{report.suite} · {report.model} · dataset {report.dataset.get('version')} "
                        f"({str(report.dataset.get('sha256', ''))[:12]})")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("95% CI", justify="right")
    m = report.metrics
    for name in sorted(m):
        if name.endswith((".ci_low", ".ci_high")) or name.count(".") >= 3:
            continue
        ci = ""
        if f"{name}.ci_low" in m:
            ci = f"{m[name + '.ci_low']:.3f} – {m[name + '.ci_high']:.3f}"
        value = m[name]
        is_count = value.is_integer() and not any(k in name for k in _FRACTIONS)
        table.add_row(name, f"{value:.0f}" if is_count else f"{value:.3f}", ci)
    return table


def comparisons_table(report: Report):
    """The bias suite's paired comparisons, one row per attribute value."""
    from rich.table import Table

    table = Table(title="counterfactual comparisons (vs the reference patient)")
    for column in ("attribute", "pairs", "flips", "more care", "less care", "p (sign test)", "p Holm", ""):
        table.add_column(column, justify="left" if column == "attribute" else "right")
    for c in report.details.get("comparisons", []):
        table.add_row(f"{c['axis']}={c['value']}", str(c["pairs"]), str(c["flips"]), str(c["more_care"]),
                      str(c["less_care"]), f"{c['p']:.3g}", f"{c['p_holm']:.3g}",
                      "[bold red]significant[/]" if c["significant"] else "")
    return table
