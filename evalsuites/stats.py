"""Statistics for the suites and the gate, built on scipy / statsmodels where they have it.

- binary paired decisions: exact McNemar (statsmodels, binomial on the discordant pairs);
- ordinal paired decisions: the exact sign test on the direction of change (scipy
  binomtest on up- vs down-shifts; on binary data it *is* the exact McNemar test);
- multiple comparisons: Holm (statsmodels multipletests);
- intervals: Wilson for proportions; a cluster (vignette-level) percentile bootstrap,
  resampling clusters with replacement, for anything computed from correlated rows;
- group disparity significance: a permutation test that shuffles the sensitive
  attribute *within strata* (the same vignette), so the null is "the decision does not
  depend on the attribute for the same case";
- non-inferiority: paired cluster bootstrap of the regression (baseline - candidate);
  the candidate fails when the one-sided upper bound exceeds the margin.
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

ALPHA = 0.05   # significance level of the suites' tests (after Holm)


def proportion_ci(hits: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    from statsmodels.stats.proportion import proportion_confint
    low, high = proportion_confint(hits, n, alpha=1 - confidence, method="wilson")
    return float(low), float(high)


def mcnemar_exact(table: Sequence[Sequence[int]]) -> float:
    """Two-sided exact McNemar p-value of a 2x2 table of paired binary outcomes."""
    if table[0][1] + table[1][0] == 0:
        return 1.0
    from statsmodels.stats.contingency_tables import mcnemar
    return float(mcnemar(np.asarray(table), exact=True).pvalue)


def sign_test(up: int, down: int) -> float:
    """Two-sided exact sign test on paired changes (ties dropped): scipy's binomtest with
    p=0.5, computed with integers because the simulations call it many thousands of times."""
    n, k = up + down, min(up, down)
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(k + 1))
    return min(1.0, 2 * tail / 2 ** n)


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm step-down adjusted p-values. Same numbers as statsmodels' multipletests(method=
    "holm") (the tests check), which runs gc.collect() on every call: too slow for simulations."""
    m = len(pvalues)
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(sorted(range(m), key=lambda j: pvalues[j])):
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        adjusted[i] = running
    return adjusted


def bootstrap_mean_ci(values: Sequence[float], confidence: float = 0.95, n_resamples: int = 2000,
                      seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap CI of a mean; pass one value per cluster for a cluster bootstrap."""
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return 0.0, 0.0
    if np.all(data == data[0]):
        return float(data[0]), float(data[0])   # scipy refuses a degenerate sample
    from scipy.stats import bootstrap
    res = bootstrap((data,), np.mean, confidence_level=confidence, n_resamples=n_resamples, method="percentile",
                    random_state=np.random.default_rng(seed), vectorized=True)
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def cluster_weights(clusters: Sequence[str], n_resamples: int, seed: int = 0) -> np.ndarray:
    """Row weights (n_resamples x rows) of a cluster bootstrap: each resample draws the
    clusters with replacement and a row counts as often as its cluster was drawn."""
    labels, index = np.unique(np.asarray(clusters), return_inverse=True)
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(len(labels), np.full(len(labels), 1 / len(labels)), size=n_resamples)
    return counts[:, index].astype(float)


def weighted_ci(statistic: Callable[[np.ndarray], np.ndarray], clusters: Sequence[str],
                confidence: float = 0.95, n_resamples: int = 2000, seed: int = 0) -> tuple[float, float]:
    """Two-sided percentile CI of `statistic(weights) -> one value per resample`."""
    values = statistic(cluster_weights(clusters, n_resamples, seed))
    values = values[np.isfinite(values)]
    if values.size == 0:
        return float("nan"), float("nan")
    tail = (1 - confidence) / 2
    return float(np.quantile(values, tail)), float(np.quantile(values, 1 - tail))


def group_rates(weights: np.ndarray, values: np.ndarray, groups: np.ndarray, mask: np.ndarray | None = None
                ) -> dict[str, np.ndarray]:
    """Weighted mean of `values` per group, for each row of `weights` (NaN for an empty group)."""
    names, codes = np.unique(np.asarray(groups), return_inverse=True)
    base = np.ones(len(codes)) if mask is None else np.asarray(mask, dtype=float)
    values = np.asarray(values, dtype=float)
    out = {}
    for i, g in enumerate(names):
        member = base * (codes == i)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[str(g)] = (weights @ (member * values)) / (weights @ member)
    return out


def spread(rates: dict[str, np.ndarray]) -> np.ndarray:
    """max - min across groups (the form of demographic parity / equalized odds differences)."""
    stacked = np.vstack(list(rates.values()))
    with warnings.catch_warnings():   # a resample may leave every group empty: NaN, dropped by the caller
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmax(stacked, axis=0) - np.nanmin(stacked, axis=0)


def dp_difference(weights: np.ndarray, y_pred: np.ndarray, groups: np.ndarray) -> np.ndarray:
    return spread(group_rates(weights, y_pred, groups))


def eo_difference(weights: np.ndarray, y_true: np.ndarray, y_pred: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Larger of the TPR and FPR differences between groups (fairlearn's definition)."""
    tpr = spread(group_rates(weights, y_pred, groups, y_true == 1))
    fpr = spread(group_rates(weights, y_pred, groups, y_true == 0))
    return np.fmax(tpr, fpr)


def permutation_pvalue(statistic: Callable[[np.ndarray], np.ndarray], groups: Sequence[str],
                       strata: Sequence[str], n_permutations: int = 2000, seed: int = 0) -> float:
    """P(statistic under within-stratum shuffles of `groups` >= observed), with the +1
    correction so p is never 0. `statistic` maps a (k x rows) array of integer group codes
    to k values."""
    _, codes = np.unique(np.asarray(groups), return_inverse=True)
    _, strata_codes = np.unique(np.asarray(strata), return_inverse=True)
    observed = float(statistic(codes[None, :])[0])
    rng = np.random.default_rng(seed)
    shuffled = np.tile(codes, (n_permutations, 1))
    order = np.argsort(strata_codes, kind="stable")
    bounds = np.flatnonzero(np.diff(strata_codes[order])) + 1
    for idx in np.split(order, bounds):
        if idx.size > 1:
            shuffled[:, idx] = rng.permuted(shuffled[:, idx], axis=1)
    null = statistic(shuffled)
    return float((1 + np.sum(null >= observed - 1e-12)) / (1 + n_permutations))


def group_statistic(kind: str, y_true: np.ndarray, y_pred: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """Disparity statistic ("dp" or "eo") for many labellings at once: row i of the
    argument assigns a group to every row of the data."""
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred, dtype=float)

    def rates(labellings: np.ndarray, columns: np.ndarray) -> np.ndarray:
        sub = labellings[:, columns]
        values = y_pred[columns]
        per_group = []
        for g in range(int(labellings.max()) + 1):
            member = (sub == g).astype(float)
            with np.errstate(invalid="ignore", divide="ignore"):
                per_group.append((member @ values) / member.sum(axis=1))
        stacked = np.vstack(per_group)
        return np.nanmax(stacked, axis=0) - np.nanmin(stacked, axis=0)

    def stat(labellings: np.ndarray) -> np.ndarray:
        if kind == "dp":
            return rates(labellings, np.arange(y_pred.size))
        return np.fmax(rates(labellings, np.flatnonzero(y_true == 1)), rates(labellings, np.flatnonzero(y_true == 0)))
    return stat


@dataclass(frozen=True)
class NonInferiority:
    n: int
    baseline: float
    candidate: float
    regression: float        # baseline - candidate; > 0 means the candidate is worse
    upper: float             # one-sided upper confidence bound of the regression
    margin: float
    confidence: float

    @property
    def passed(self) -> bool:
        return self.upper <= self.margin


def non_inferiority(baseline: Sequence[float], candidate: Sequence[float], clusters: Sequence[str],
                    margin: float, confidence: float = 0.95, n_resamples: int = 4000, seed: int = 0
                    ) -> NonInferiority:
    """Paired test on the same items: resample clusters, recompute mean(baseline - candidate)."""
    b = np.asarray(baseline, dtype=float)
    c = np.asarray(candidate, dtype=float)
    if b.size == 0:
        raise ValueError("no paired items to compare")
    diff = b - c
    weights = cluster_weights(clusters, n_resamples, seed)
    boot = (weights @ diff) / weights.sum(axis=1)
    return NonInferiority(int(b.size), float(b.mean()), float(c.mean()), float(diff.mean()),
                          float(np.quantile(boot, confidence)), margin, confidence)
