"""What every page shares: the login gate, the sidebar's time range, the cached
read-only data access, and the empty states that say what to do next."""
from __future__ import annotations

import hashlib
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import streamlit as st

from dashboard import auth
from dashboard.context import Sources, gateway_url, sources
from dashboard.data import AuditData
from dashboard.readonly import StoreMissing, open_readonly
from dashboard.rollup import Rollup

VIEWER = "medgate_viewer"
RANGES = {"Last 24 hours": timedelta(days=1), "Last 7 days": timedelta(days=7), "Last 30 days": timedelta(days=30),
          "All time": None, "Custom": None}
CACHE_SECONDS = 15   # aggregates are recomputed at most this often per filter


@st.cache_resource(show_spinner=False)
def audit_data_for(url: str) -> AuditData:
    return AuditData(open_readonly(url))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def query(url: str, method: str, *args, **kwargs):
    """AuditData.<method>(*args) through a short-lived cache shared by every session."""
    return getattr(audit_data_for(url), method)(*args, **kwargs)


SAVE_EVERY = 10_000   # new records summarized before the saved copy is rewritten


def _summary_dir(url: str) -> Path:
    return sources().home / "dashboard-cache" / hashlib.sha256(url.encode()).hexdigest()[:16]


@st.cache_resource(show_spinner=False)
def _rollup_for(url: str) -> Rollup:
    rollup = Rollup(audit_data_for(url))
    rollup.load(_summary_dir(url))
    return rollup


def hourly(url: str) -> Rollup:
    """The store's hourly summaries, brought up to date (only new records are read) and
    saved under MEDGATE_HOME now and then, so a restart does not read the whole log."""
    rollup = _rollup_for(url)
    with st.spinner("Summarizing the audit log by hour…"):
        rollup.refresh()
    if rollup.unsaved >= SAVE_EVERY:
        try:
            rollup.save(_summary_dir(url))
        except OSError:   # a read-only MEDGATE_HOME: the summaries just stay in memory
            pass
    return rollup


def audit_data() -> AuditData | None:
    """None when there is no audit database yet (the page shows how to make one)."""
    try:
        return audit_data_for(sources().audit_url)
    except StoreMissing:
        return None


def viewer() -> auth.Viewer | None:
    return st.session_state.get(VIEWER)


def audit_data_or_stop() -> AuditData:
    """The audit store, or (when there is none yet) how to make one, and the page ends."""
    data = audit_data()
    if data is None:
        no_audit_store(sources())
        st.stop()
    return data


def require_viewer() -> auth.Viewer:
    """Every page starts with this: for a session that has not signed in, app.py has
    shown the sign-in form, and the page shows nothing at all."""
    current = viewer()
    if current is None:
        st.stop()
    return current


def sign_in() -> auth.Viewer | None:
    """The signed-in viewer; otherwise shows the sign-in form (cleared at once when a key
    is accepted, so no rerun is needed) and returns None."""
    current = viewer()
    if current is not None:
        return current
    box = st.empty()
    with box.container():
        st.title("medgate oversight")
        st.write("Sign in with an **auditor** or **admin** API key. The key is checked against the gateway's key "
                 "store and is not kept: only its id and role stay in this browser session.")
        src = sources()
        if auth.oidc_configured(st.secrets):
            _oidc_login()
        with st.form("login"):
            key = st.text_input("API key", type="password", placeholder="sk-mg-…")
            submitted = st.form_submit_button("Sign in")
        if submitted:
            data = audit_data()
            try:
                current = auth.check_key(data.engine if data else None, src.master_key, key)
            except auth.LoginRefused as exc:
                st.error(str(exc))
        st.caption("No auditor key yet? `medgate keys create --app compliance --role auditor` prints one.")
    if current is not None:
        st.session_state[VIEWER] = current
        box.empty()
    return current


def _oidc_login() -> None:
    user = st.user
    if getattr(user, "is_logged_in", False):
        try:
            st.session_state[VIEWER] = auth.oidc_viewer(user.get("email"))
        except auth.LoginRefused as exc:
            st.error(str(exc))
            st.button("Sign out of single sign-on", on_click=st.logout)
            return
        st.rerun()   # signed in: start over, past the gate
    st.button("Sign in with single sign-on", on_click=st.login, type="primary")
    st.write("or")


def sidebar(current: auth.Viewer) -> None:
    with st.sidebar:
        st.caption(f"Signed in: key `{current.key_id}` ({current.name}, {current.role})")
        st.button("Sign out", on_click=lambda: st.session_state.pop(VIEWER, None))
        choice = st.selectbox("Time range", list(RANGES), index=1, key="range")
        if choice == "Custom":
            today = datetime.now(timezone.utc).date()
            st.date_input("From (UTC)", today - timedelta(days=7), key="range_from")
            st.date_input("To (UTC, inclusive)", today, key="range_to")


def time_range() -> tuple[datetime | None, datetime | None]:
    choice = st.session_state.get("range", "Last 7 days")
    if choice == "Custom":
        lo, hi = st.session_state.get("range_from"), st.session_state.get("range_to")
        since = datetime.combine(lo, time(), timezone.utc) if lo else None
        until = datetime.combine(hi, time(), timezone.utc) + timedelta(days=1) if hi else None
        return since, until
    span = RANGES.get(choice)
    # Whole minutes, so that reruns within a minute ask the same (cached) question.
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    return (None, None) if span is None else (now - span, None)


def no_audit_store(src: Sources) -> None:
    st.info(f"No audit database yet at `{src.audit_display}`. Start the gateway (`make run` or `medgate serve`) "
            "and send a request; every request leaves one audit record.")


def no_records(data: AuditData) -> None:
    """Nothing in range: say whether the store is empty or the range is too narrow."""
    bounds = data.time_bounds()
    if bounds is None:
        st.info("No audit records yet — send a request through the gateway:\n\n"
                f"```\ncurl -s {gateway_url()}/v1/chat/completions \\\n"
                "  -H \"Authorization: Bearer $(cat .medgate/master.key)\" -H \"Content-Type: application/json\" \\\n"
                "  -d '{\"model\": \"medgate-local\", \"messages\": [{\"role\": \"user\", "
                "\"content\": \"Summarize: pt c/o chest pain since Tuesday\"}]}'\n```")
    else:
        st.info(f"No audit records in this time range. Records span {bounds[0]:%Y-%m-%d %H:%M} to "
                f"{bounds[1]:%Y-%m-%d %H:%M} UTC: widen the time range in the sidebar (e.g. All time).")
