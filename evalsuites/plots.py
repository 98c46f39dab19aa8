"""PNG charts for reports and MLflow (matplotlib, headless)."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return buf.getvalue()


def bar_chart(values: dict[str, float], title: str, ylabel: str,
              errors: dict[str, tuple[float, float]] | None = None) -> bytes:
    fig, ax = plt.subplots(figsize=(max(4.0, 0.7 * len(values) + 2), 3.2))
    names = list(values)
    heights = [values[n] for n in names]
    yerr = None
    if errors:
        yerr = [[max(0.0, values[n] - errors[n][0]) for n in names],
                [max(0.0, errors[n][1] - values[n]) for n in names]]
    ax.bar(names, heights, yerr=yerr, capsize=3, color="#4472c4")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", rotation=30)
    return _png(fig)


def grouped_bars(table: dict[str, dict[str, float]], title: str) -> bytes:
    """table: metric -> group -> value; one cluster of bars per metric."""
    metrics = list(table)
    groups = sorted({g for row in table.values() for g in row})
    fig, ax = plt.subplots(figsize=(max(5.0, 1.4 * len(metrics) + 2), 3.4))
    width = 0.8 / max(1, len(groups))
    for i, group in enumerate(groups):
        xs = [m + i * width for m in range(len(metrics))]
        ax.bar(xs, [table[m].get(group, 0.0) for m in metrics], width, label=group)
    ax.set_xticks([m + 0.4 - width / 2 for m in range(len(metrics))], metrics)
    ax.set_ylim(0, 1)
    ax.set_title(title)
    ax.legend(fontsize=8, ncols=min(4, len(groups)))
    return _png(fig)
