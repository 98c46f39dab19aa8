"""Audit explorer: filter and search the records, read one, check the hash chain, and
export what the filter selects (FHIR AuditEvent bundle, CSV)."""
from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from dashboard import chain, export, ui
from dashboard.context import sources
from dashboard.data import AuditFilter

PAGE_SIZE = 100
SORTS = {"time": "ts", "latency": "latency_ms", "cost": "cost_usd", "prompt tokens": "prompt_tokens",
         "status": "status", "app": "app", "chain position": "chain_seq"}


@st.cache_data(ttl=60, show_spinner="Verifying the hash chain…")
def chain_status(url: str) -> chain.ChainStatus:
    return chain.check(ui.audit_data_for(url).engine, sources().hmac_key)


def kinds(counts: dict | None) -> str:
    return ", ".join(f"{k}×{n}" for k, n in sorted((counts or {}).items()))


ui.require_viewer()
st.title("Audit explorer")
src = sources()
data = ui.audit_data_or_stop()
url = src.audit_url

# -- the hash chain ------------------------------------------------------------------------
head = data.head()
total = head[0] if head else 0
if total <= chain.AUTO_VERIFY_MAX or st.session_state.get("verify_requested"):
    status = chain_status(url)
    if status.state == "intact":
        st.success(f"Hash chain verified — {status.summary}", icon=":material/verified:")
    elif status.state == "tampered":
        st.error(f"Hash chain broken — first bad record: {status.summary}", icon=":material/gpp_bad:")
    else:
        st.warning(f"Hash chain not checked — {status.summary}")
    if st.button("Verify again"):
        chain_status.clear()
        st.rerun()
else:
    status = None
    st.info(f"The chain has {total:,} records: verifying reads all of them (`medgate audit verify` does the same).")
    if st.button("Verify the hash chain now"):
        st.session_state["verify_requested"] = True
        st.rerun()

# -- filters -------------------------------------------------------------------------------
since, until = ui.time_range()
options = ui.hourly(url).options(since, until)   # from whole hours: may offer a value just outside
with st.expander("Filters", expanded=True):
    c = st.columns(3)
    apps = c[0].multiselect("App", options.apps, key="f_app")
    key_ids = c[1].multiselect("Key id", options.key_ids, key="f_key")
    models = c[2].multiselect("Model", options.models, key="f_model")
    c = st.columns(3)
    decisions = c[0].multiselect("Decision", options.decisions, key="f_decision")
    outcomes = c[1].multiselect("Outcome", options.outcomes, key="f_outcome")
    statuses = c[2].multiselect("HTTP status", options.statuses, key="f_status")
    c = st.columns(3)
    rule = c[0].selectbox("Fired rule", options.rules, index=None, placeholder="any rule", key="f_rule")
    phi_kind = c[1].selectbox("PHI kind found", options.phi_kinds, index=None, placeholder="any kind", key="f_kind")
    request_id = c[2].text_input("Request id (or its beginning)", key="f_request").strip() or None
f = AuditFilter(since=since, until=until, apps=tuple(apps), key_ids=tuple(key_ids), models=tuple(models),
                decisions=tuple(decisions), outcomes=tuple(outcomes), statuses=tuple(statuses), rule=rule,
                phi_kind=phi_kind, request_id=request_id)

matched = ui.query(url, "count", f)
if matched == 0:
    if ui.query(url, "count", AuditFilter(since=since, until=until)) == 0:
        ui.no_records(data)
    else:
        st.info("No records match these filters: remove one of them to see more.")
    st.stop()

# -- the records -----------------------------------------------------------------------------
c = st.columns([2, 1, 1, 2])
sort = c[0].selectbox("Sort by", list(SORTS))
descending = c[1].toggle("Descending", value=True)
pages = (matched + PAGE_SIZE - 1) // PAGE_SIZE
page = c[2].number_input("Page", min_value=1, max_value=pages, value=1)
c[3].metric("Matching records", f"{matched:,}")
rows = ui.query(url, "records", f, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, order_by=SORTS[sort],
                descending=descending)
table = pd.DataFrame(rows)
table["fired_rules"] = table["fired_rules"].map(lambda r: ", ".join(r or []))
table["phi_counts"] = table["phi_counts"].map(kinds)
st.dataframe(table, hide_index=True, column_config={
    "ts": st.column_config.DatetimeColumn("time (UTC)", format="YYYY-MM-DD HH:mm:ss"),
    "phi_counts": "PHI found", "fired_rules": "fired rules",
    "cost_usd": st.column_config.NumberColumn("cost (USD)", format="$%.6f"),
    "latency_ms": st.column_config.NumberColumn("latency (ms)", format="%.0f")})

# -- one record ------------------------------------------------------------------------------
st.subheader("Record detail")
choices = [r["chain_seq"] for r in rows]
if status is not None and status.state == "tampered" and status.chain_seq:
    # The broken record comes first, whether or not the filter selects it.
    choices = [status.chain_seq] + [s for s in choices if s != status.chain_seq]
labels = {r["chain_seq"]: f"#{r['chain_seq']} · {r['request_id']} · {r['app'] or '-'}" for r in rows}
seq = st.selectbox("Record (chain position · request id · app)", choices, format_func=lambda s: labels.get(s, f"#{s}"), key="detail")
record = data.record(seq) if seq is not None else None
if record is None:
    st.warning(f"There is no record at chain position {seq} (it was deleted).")
else:
    if status is not None and status.state == "tampered" and status.chain_seq == seq:
        st.error("This is the first record at which the hash chain breaks.")
    shown = {k: (kinds(v) if k.endswith("phi_counts") else ", ".join(v or []) if k == "fired_rules"
                 else v.isoformat() if isinstance(v, datetime) else v) for k, v in record.items()}
    st.dataframe(pd.DataFrame({"field": list(shown), "value": [("" if v is None else str(v)) for v in shown.values()]}),
                 hide_index=True, height=35 * (len(shown) + 1) + 3)   # every field, no inner scrolling

# -- export ----------------------------------------------------------------------------------
st.subheader("Export these records")
st.caption(f"All {matched:,} records that match the filters, in chain order: the same formats as "
           "`medgate audit export` (kinds, counts, ids and hashes; never content).")
stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
c = st.columns(2)
c[0].download_button("FHIR AuditEvent bundle (JSON)", lambda: export.fhir_bundle(data, f),
                     file_name=f"medgate-audit-{stamp}.fhir.json", mime="application/fhir+json")
c[1].download_button("CSV", lambda: export.csv_bytes(data, f), file_name=f"medgate-audit-{stamp}.csv",
                     mime="text/csv")
