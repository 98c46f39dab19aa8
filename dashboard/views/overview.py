"""Overview: traffic, blocks, PHI by identifier kind, fired rules, latency, usage and cost."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import ui
from dashboard.context import sources
from dashboard.data import bucket_for
from dashboard.rollup import hour_floor

ui.require_viewer()
st.title("Overview")
src = sources()
data = ui.audit_data_or_stop()

since, until = ui.time_range()
url = src.audit_url
summary = ui.hourly(url)   # whole UTC hours: aggregates cost the same at any store size
totals = summary.totals(since, until)
if totals.requests == 0:
    ui.no_records(data)
    st.stop()
if since is not None:
    st.caption(f"From {hour_floor(since):%Y-%m-%d %H:00} UTC (whole hours)"
               + (f" to {until:%Y-%m-%d %H:%M} UTC" if until else " until now"))

unit = bucket_for(since, until) if since else "day"
share = (lambda n: f"{n / totals.requests:.1%} of requests")
c = st.columns(6)
c[0].metric("Requests", f"{totals.requests:,}")
c[1].metric("Blocked", f"{totals.blocked:,}", share(totals.blocked), delta_color="off")
c[2].metric("Errors", f"{totals.errors:,}", share(totals.errors), delta_color="off")
c[3].metric("Requests with PHI", f"{totals.phi_requests:,}", share(totals.phi_requests), delta_color="off")
c[4].metric("Tokens", f"{totals.prompt_tokens + totals.completion_tokens:,}")
c[5].metric("Cost (USD)", f"${totals.cost_usd:,.2f}")

left, right = st.columns(2)
with left:
    st.subheader(f"Requests per {unit}")
    traffic = pd.DataFrame(summary.requests_over_time(unit, since, until))
    long = traffic.melt("bucket", ["requests", "blocked", "errors"], "series", "count")
    st.altair_chart(alt.Chart(long).mark_line(point=True).encode(
        x=alt.X("bucket:T", title=None), y=alt.Y("count:Q", title="requests"),
        color=alt.Color("series:N", title=None, sort=["requests", "blocked", "errors"]),
        tooltip=["bucket:T", "series:N", "count:Q"]))
with right:
    st.subheader(f"PHI redactions by identifier kind, per {unit}")
    phi = pd.DataFrame(summary.phi_over_time(unit, since, until))
    if phi.empty:
        st.info("No PHI was found in requests in this time range.")
    else:
        st.altair_chart(alt.Chart(phi).mark_bar().encode(
            x=alt.X("bucket:T", title=None), y=alt.Y("sum(count):Q", title="identifiers"),
            color=alt.Color("kind:N", title="kind"), tooltip=["bucket:T", "kind:N", "count:Q"]))

left, right = st.columns(2)
with left:
    st.subheader("Top fired policy rules")
    rules = pd.DataFrame(summary.rule_counts(since, until, limit=10))
    if rules.empty:
        st.info("No policy rule fired in this time range.")
    else:
        st.altair_chart(alt.Chart(rules).mark_bar().encode(
            x=alt.X("fired:Q", title="requests"), y=alt.Y("rule:N", sort="-x", title=None),
            tooltip=["rule:N", "fired:Q"]))
        st.dataframe(rules, hide_index=True)
with right:
    st.subheader("Latency")
    lat = summary.latency(since, until)
    c = st.columns(3)
    for col, name in zip(c, ("p50", "p95", "p99")):
        value = getattr(lat, name)
        col.metric(f"{name} latency", "–" if value is None else f"{value:,.0f} ms")
    kinds = pd.DataFrame(summary.phi_by_kind(since, until))
    st.subheader("PHI identifiers by kind")
    if kinds.empty:
        st.info("No PHI was found in requests in this time range.")
    else:
        st.dataframe(kinds, hide_index=True,
                     column_config={"count": "identifiers", "requests": "requests with this kind"})

st.subheader("Tokens and cost by app and model")
usage = pd.DataFrame(summary.usage(since, until))
st.altair_chart(alt.Chart(usage).mark_bar().encode(
    x=alt.X("cost_usd:Q", title="cost (USD)"), y=alt.Y("app:N", title=None, sort="-x"),
    color=alt.Color("model:N", title="model"), tooltip=["app", "model", "requests", "cost_usd"]))
st.dataframe(usage, hide_index=True, column_config={
    "cost_usd": st.column_config.NumberColumn("cost (USD)", format="$%.4f"),
    "mean_latency_ms": st.column_config.NumberColumn("mean latency (ms)", format="%.0f")})
