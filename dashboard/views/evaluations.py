"""Evaluations: eval runs from MLflow per suite and model, metrics over time, fairness
by group with confidence intervals, counterfactual flips, gate verdicts, and two
models side by side."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import evals, ui
from dashboard.context import sources


@st.cache_data(ttl=30, show_spinner=False)
def all_runs(uri: str) -> list[evals.Run]:
    return evals.runs(uri)


@st.cache_data(show_spinner="Reading the run's report…")
def run_report(uri: str, run_id: str):
    return evals.report(uri, run_id)   # a finished run's artifacts never change


def label(run: evals.Run) -> str:
    return f"{run.suite} · {run.model} · {run.started:%Y-%m-%d %H:%M} · {run.run_id[:8]}"


def interval_chart(df: pd.DataFrame, x: str, y: str, color: str | None = None, title: str = "") -> alt.LayerChart:
    """Points with 95% interval whiskers."""
    enc = {"x": alt.X(f"{x}:N", title=None), "tooltip": list(df.columns)}
    if color:
        enc["color"] = alt.Color(f"{color}:N")
        enc["xOffset"] = alt.XOffset(f"{color}:N")
    base = alt.Chart(df).encode(**enc)
    return (base.mark_rule(strokeWidth=2).encode(y=alt.Y("ci_low:Q", title=title), y2="ci_high:Q")
            + base.mark_point(filled=True, size=70).encode(y=alt.Y(f"{y}:Q", title=title)))


ui.require_viewer()
st.title("Evaluations")
uri = sources().mlflow_uri
runs = all_runs(uri)
if not runs:
    st.info("No eval runs yet. Run a suite and it lands here (MLflow experiment `medgate-evals`):\n\n"
            "```\nmedgate eval run --suite hallucination --model medgate-local --api-base http://127.0.0.1:4000/v1 "
            "--api-key $(cat .medgate/master.key)\n```\n"
            "Suites: hallucination, bias, fairness (`medgate eval suites`).")
    st.stop()
by_id = {r.run_id: r for r in runs}

# -- every run, with its gate verdict -------------------------------------------------------------
st.subheader("Runs")
suites = sorted({r.suite for r in runs})
chosen = st.multiselect("Suites", suites, default=suites, key="suites")
shown = [r for r in runs if r.suite in chosen]
table = pd.DataFrame([{"suite": r.suite, "model": r.model, "started (UTC)": r.started, "status": r.status,
                       "complete": r.complete, "dataset": r.dataset_version, "gate": evals.verdict(r)[0],
                       "run id": r.run_id} for r in shown])
st.dataframe(table, hide_index=True)

overtime, fairness, flips, gates, compare = st.tabs(
    ["Metrics over time", "Fairness by group", "Counterfactual flips", "Gate verdicts", "Compare two models"])

with overtime:
    c = st.columns(2)
    suite = c[0].selectbox("Suite", suites, key="time_suite")
    suite_runs = [r for r in runs if r.suite == suite]
    names = sorted({m for r in suite_runs for m in evals.headline(r.metrics)})
    metric = c[1].selectbox("Metric", names, key="time_metric")
    points = pd.DataFrame([{"started": r.started, "model": r.model, "value": r.metrics.get(metric),
                            "ci_low": r.metrics.get(f"{metric}.ci_low"), "ci_high": r.metrics.get(f"{metric}.ci_high")}
                           for r in suite_runs if metric in r.metrics])
    base = alt.Chart(points).encode(x=alt.X("started:T", title=None), color=alt.Color("model:N"))
    chart = base.mark_line(point=True).encode(y=alt.Y("value:Q", title=metric), tooltip=list(points.columns))
    if points["ci_low"].notna().any():
        chart = base.mark_rule().encode(y="ci_low:Q", y2="ci_high:Q") + chart
    st.altair_chart(chart)

with fairness:
    candidates = [r for r in runs if r.suite == "fairness"]
    if not candidates:
        st.info("No fairness runs yet: `medgate eval run --suite fairness --model …`.")
    else:
        run = by_id[st.selectbox("Fairness run", [r.run_id for r in candidates], key="fair_run",
                                 format_func=lambda i: label(by_id[i]))]
        groups = pd.DataFrame(evals.fairness_groups(run_report(uri, run.run_id)))
        for feature in groups["feature"].unique():
            st.markdown(f"**By {feature}** — points with 95% Wilson intervals")
            part = groups[groups["feature"] == feature]
            st.altair_chart(interval_chart(part, "group", "value", "metric", "rate"))
        st.dataframe(groups, hide_index=True)
        st.markdown("**Disparities** (95% cluster-bootstrap intervals, permutation p-values)")
        st.dataframe(pd.DataFrame(evals.disparities(run.metrics)), hide_index=True)

with flips:
    candidates = [r for r in runs if r.suite == "bias"]
    if not candidates:
        st.info("No bias runs yet: `medgate eval run --suite bias --model …`.")
    else:
        run = by_id[st.selectbox("Bias run", [r.run_id for r in candidates], key="bias_run",
                                 format_func=lambda i: label(by_id[i]))]
        rates = pd.DataFrame(evals.flip_rates(run.metrics))
        st.markdown("**Decision flip rate by attribute** (95% intervals)")
        st.altair_chart(interval_chart(rates, "attribute", "flip_rate", title="flip rate"))
        st.markdown("**Counterfactual flips**: each attribute value against the reference patient "
                    "(exact sign test on the direction of changes, Holm-adjusted)")
        st.dataframe(pd.DataFrame(evals.flip_table(run_report(uri, run.run_id))), hide_index=True)

with gates:
    run = by_id[st.selectbox("Run", [r.run_id for r in shown or runs], key="gate_run",
                             format_func=lambda i: label(by_id[i]))]
    result, checks = evals.verdict(run)
    (st.success if result == "PASS" else st.error if result == "FAIL" else st.warning)(
        f"Gate verdict for {run.model} on {run.suite}: {result}")
    if checks:
        st.dataframe(pd.DataFrame(checks), hide_index=True)

with compare:
    suite = st.selectbox("Suite", suites, key="cmp_suite")
    suite_runs = [r for r in runs if r.suite == suite]
    if len(suite_runs) < 2:
        st.info(f"Only one {suite} run so far: run the suite for another model to compare them.")
    else:
        ids = [r.run_id for r in suite_runs]
        c = st.columns(2)
        a = by_id[c[0].selectbox("Baseline", ids, index=1, key="cmp_a", format_func=lambda i: label(by_id[i]))]
        b = by_id[c[1].selectbox("Candidate", ids, index=0, key="cmp_b", format_func=lambda i: label(by_id[i]))]
        names = sorted(set(evals.headline(a.metrics)) | set(evals.headline(b.metrics)))
        st.dataframe(pd.DataFrame([{"metric": m, f"baseline ({a.model})": a.metrics.get(m),
                                    f"candidate ({b.model})": b.metrics.get(m),
                                    "difference": (b.metrics[m] - a.metrics[m]) if m in a.metrics and m in b.metrics
                                    else None} for m in names]), hide_index=True)
        result, checks = evals.verdict(b, run_report(uri, b.run_id), run_report(uri, a.run_id))
        (st.success if result == "PASS" else st.error if result == "FAIL" else st.warning)(
            f"May {b.model} replace {a.model}? Gate with non-inferiority: {result}")
        if checks:
            st.dataframe(pd.DataFrame(checks), hide_index=True)
