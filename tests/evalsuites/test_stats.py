"""Statistics against known values (textbook, scipy, statsmodels, fairlearn) and the
false-alarm rate / power of the bias and fairness tests on simulated decisions."""
import numpy as np
import pytest
from scipy import stats as sps

from evalsuites import stats
from evalsuites.decisions import Design, load_vignettes
from evalsuites.suites.bias import BiasSuite, analyse


def test_exact_mcnemar_known_values():
    # all 8 discordant pairs one way: p = 2 * 0.5**8
    assert stats.mcnemar_exact([[10, 0], [8, 10]]) == pytest.approx(0.0078125)
    # b=3, c=12: two-sided exact binomial on the 15 discordant pairs
    assert stats.mcnemar_exact([[50, 3], [12, 40]]) == pytest.approx(2 * sps.binom.cdf(3, 15, 0.5))
    assert stats.mcnemar_exact([[5, 0], [0, 5]]) == 1.0


def test_sign_test_is_scipy_binomtest_and_exact_mcnemar_on_binary_pairs():
    rng = np.random.default_rng(1)
    for _ in range(25):
        b, c = (int(x) for x in rng.integers(0, 30, size=2))
        assert stats.sign_test(c, b) == pytest.approx(stats.mcnemar_exact([[7, b], [c, 9]]))
        if b + c:
            assert stats.sign_test(c, b) == pytest.approx(sps.binomtest(c, b + c, 0.5).pvalue)


def test_holm_textbook_example_and_statsmodels():
    from statsmodels.stats.multitest import multipletests
    assert stats.holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])
    assert stats.holm([0.2, 0.5]) == pytest.approx([0.4, 0.5])
    rng = np.random.default_rng(11)
    for size in (1, 4, 13):
        p = list(rng.random(size) ** 3)
        assert stats.holm(p) == pytest.approx(list(multipletests(p, method="holm")[1]))


def test_wilson_interval_matches_the_formula():
    low, high = stats.proportion_ci(8, 40)
    z, p, n = sps.norm.ppf(0.975), 0.2, 40
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert (low, high) == pytest.approx((centre - half, centre + half))


def test_bootstrap_ci_agrees_with_the_normal_approximation_for_a_large_sample():
    rng = np.random.default_rng(2)
    values = rng.normal(10, 2, size=400)
    low, high = stats.bootstrap_mean_ci(values, n_resamples=4000)
    se = values.std(ddof=1) / np.sqrt(values.size)
    assert low == pytest.approx(values.mean() - 1.96 * se, abs=0.05)
    assert high == pytest.approx(values.mean() + 1.96 * se, abs=0.05)
    assert stats.bootstrap_mean_ci([0.0, 0.0, 0.0]) == (0.0, 0.0)


def test_cluster_bootstrap_resamples_clusters_not_rows():
    clusters = np.repeat([f"v{i}" for i in range(20)], 5)
    weights = stats.cluster_weights(clusters, n_resamples=50, seed=3)
    assert weights.shape == (50, 100)
    assert np.all(weights.sum(axis=1) == 100)                  # 20 clusters drawn, 5 rows each
    assert np.all(weights.reshape(50, 20, 5).std(axis=2) == 0)  # rows of a cluster move together
    # perfectly correlated rows: the cluster CI is as wide as a 20-observation CI, not a 100-row one
    values = np.repeat(np.random.default_rng(4).integers(0, 2, 20), 5).astype(float)
    c_low, c_high = stats.weighted_ci(lambda w: (w @ values) / w.sum(axis=1), clusters, n_resamples=2000)
    r_low, r_high = stats.bootstrap_mean_ci(values)
    assert (c_high - c_low) > 1.6 * (r_high - r_low)


def test_disparity_statistics_equal_fairlearn():
    from fairlearn.metrics import demographic_parity_difference, equalized_odds_difference
    rng = np.random.default_rng(5)
    y_true, y_pred = rng.integers(0, 2, 300), rng.integers(0, 2, 300)
    groups = rng.choice(["A", "B", "C"], 300)
    ones = np.ones((1, 300))
    assert stats.dp_difference(ones, y_pred, groups)[0] == pytest.approx(
        demographic_parity_difference(y_true, y_pred, sensitive_features=groups))
    assert stats.eo_difference(ones, y_true, y_pred, groups)[0] == pytest.approx(
        equalized_odds_difference(y_true, y_pred, sensitive_features=groups))
    codes = np.unique(groups, return_inverse=True)[1]
    assert stats.group_statistic("eo", y_true, y_pred)(codes[None, :])[0] == pytest.approx(
        equalized_odds_difference(y_true, y_pred, sensitive_features=groups))


def test_permutation_pvalue_matches_scipy_without_strata():
    rng = np.random.default_rng(6)
    groups = np.array(["A"] * 60 + ["B"] * 60)
    y_pred = np.concatenate([rng.random(60) < 0.55, rng.random(60) < 0.35]).astype(int)
    ours = stats.permutation_pvalue(stats.group_statistic("dp", y_pred, y_pred), groups, ["all"] * 120,
                                    n_permutations=4000, seed=7)
    ref = sps.permutation_test((y_pred[:60], y_pred[60:]), lambda a, b: abs(a.mean() - b.mean()),
                               permutation_type="independent", n_resamples=4000, alternative="greater",
                               random_state=8).pvalue
    assert ours == pytest.approx(ref, abs=0.02)


def test_permutation_stays_within_strata():
    # Within each stratum the groups have identical decisions: no shuffle can change the
    # statistic, so p is 1 even though the groups differ overall.
    groups = np.array(["A", "B"] * 50)
    strata = np.repeat([f"s{i}" for i in range(50)], 2)
    y_pred = np.repeat(np.arange(50) % 2, 2)
    assert stats.permutation_pvalue(stats.group_statistic("dp", y_pred, y_pred), groups, strata, 500) == 1.0


def test_non_inferiority():
    rng = np.random.default_rng(9)
    base = (rng.random(400) < 0.9).astype(float)
    clusters = [f"i{i}" for i in range(400)]
    same = stats.non_inferiority(base, base, clusters, margin=0.03)
    assert same.regression == 0 and same.upper == 0 and same.passed
    worse = base.copy()
    worse[np.flatnonzero(base == 1)[:60]] = 0          # 15 points worse
    result = stats.non_inferiority(base, worse, clusters, margin=0.03)
    assert result.regression == pytest.approx(0.15) and result.upper > 0.15 and not result.passed
    better = np.ones(400)
    assert stats.non_inferiority(base, better, clusters, margin=0.0).passed


# -- false alarms and power of the bias test, on simulated decisions ------------------

@pytest.fixture(scope="module")
def design_and_vignettes():
    design = Design.load()
    return design, load_vignettes(design)


def simulate_bias_rows(design, vignettes, rng, race_effect=False, accuracy=0.7):
    rows = []
    for change in BiasSuite().variants(design):
        attrs = {**design.reference, **change}
        for v in vignettes:
            labels = list(design.tasks[v.task].labels)
            decision = v.gold if rng.random() < accuracy else rng.choice([x for x in labels if x != v.gold])
            if race_effect and v.task == "triage" and attrs["race"] == "Black":
                decision = labels[min(len(labels) - 1, labels.index(v.gold) + 1)]
            rows.append({"group": v.id, "task": v.task, **attrs, "status": "ok", "decision": decision,
                         "unparseable": False, "correct": int(decision == v.gold)})
    return rows


def test_fair_random_model_false_alarm_rate_is_at_most_alpha(design_and_vignettes):
    design, vignettes = design_and_vignettes
    alarms = 0
    seeds = 200
    for seed in range(seeds):
        rows = simulate_bias_rows(design, vignettes, np.random.default_rng(seed))
        alarms += analyse(rows, design, detail=False)["metrics"]["bias.significant_comparisons"] > 0
    # Holm keeps the family-wise error at or below 5%; 20/200 would be far outside chance.
    assert alarms / seeds <= 0.08


def test_race_dependent_triage_is_detected(design_and_vignettes):
    # decisions otherwise stable (as at temperature 0): the race effect alone must show
    design, vignettes = design_and_vignettes
    rows = simulate_bias_rows(design, vignettes, np.random.default_rng(0), race_effect=True, accuracy=1.0)
    result = analyse(rows, design)
    black = next(c for c in result["comparisons"] if c["axis"] == "race" and c["value"] == "Black")
    non_routine = sum(v.task == "triage" and v.gold != "routine" for v in vignettes)
    assert (black["less_care"], black["more_care"]) == (non_routine, 0)
    assert black["p"] == pytest.approx(2 * 0.5 ** non_routine) and black["significant"]
    assert black["tasks"]["triage"]["test"] == "exact sign test" and black["tasks"]["triage"]["p"] < 0.01
    assert black["tasks"]["pain"] == {"test": "exact McNemar", "n": 20, "table": [[8, 0], [0, 12]], "p": 1.0}
    others = [c for c in result["comparisons"] if c is not black]
    assert not any(c["significant"] for c in others) and all(c["flips"] == 0 for c in others)
    assert result["metrics"]["bias.flip_rate.race"] == pytest.approx(non_routine / (3 * len(vignettes)))


def test_fairness_permutation_false_alarm_rate(design_and_vignettes):
    design, vignettes = design_and_vignettes
    races, sexes = design.axes["race"], design.axes["sex"]
    alarms = 0
    seeds = 150
    for seed in range(seeds):
        rng = np.random.default_rng(1000 + seed)
        y_pred, groups, strata = [], [], []
        for v in vignettes:
            for race in races:
                for sex in sexes:
                    y_pred.append(int(rng.random() < (0.6 if v.gold in design.tasks[v.task].positive else 0.2)))
                    groups.append(race)
                    strata.append(f"{v.id}|{sex}")
        y = np.array(y_pred)
        p = stats.permutation_pvalue(stats.group_statistic("dp", y, y), groups, strata, n_permutations=200,
                                     seed=seed)
        alarms += p < 0.05
    assert alarms / seeds <= 0.09
