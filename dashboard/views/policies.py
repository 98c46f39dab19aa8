"""Policies: the active rules, how often each fired in the time range, and the policy
test cases' results."""
from __future__ import annotations

import hashlib
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import policies, ui
from dashboard.context import sources


@st.cache_data(ttl=60, show_spinner="Running the policy test cases…")
def test_results(path: str, fingerprint: str) -> list[dict]:
    return policies.test_results(Path(path))


def fingerprint(path: Path) -> str:
    """Changes whenever a policy or test file changes: cached results are never stale."""
    files = sorted(path.rglob("*.y*ml")) if path.is_dir() else [path, *path.parent.glob("*.test.y*ml")]
    h = hashlib.sha256()
    for f in files:
        h.update(str(f).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


ui.require_viewer()
st.title("Policies")
current = policies.active()
if current.error:
    st.error(f"The policies cannot be loaded, so the gateway would refuse to start with them: {current.error}")
    st.stop()
if not current.enabled:
    st.info("Policies are disabled in the gateway config (`medgate.policies.enabled: false`): the built-in "
            "baseline applies — every PHI kind found is pseudonymized before a provider sees it.")
    st.stop()

st.caption(f"Policy set `{current.path}` · version `{current.version}` · {len(current.rules)} rules in "
           f"{len(current.files)} file(s). Reference: docs/policies.md.")
st.dataframe(pd.DataFrame(current.files), hide_index=True)

# -- how often each rule fired -----------------------------------------------------------------
src = sources()
data = ui.audit_data()
fired: dict[str, int] = {}
if data is not None:
    fired = {r["rule"]: r["fired"] for r in ui.hourly(src.audit_url).rule_counts(*ui.time_range())}
rules = pd.DataFrame(current.rules)
rules.insert(1, "fired", [fired.get(r, 0) for r in rules["rule"]])
st.subheader("Rules and how often they fired")
if data is None:
    ui.no_audit_store(src)
elif not fired:
    st.info("No rule fired in this time range (widen it in the sidebar, or send requests through the gateway).")
else:
    st.altair_chart(alt.Chart(rules[rules["fired"] > 0]).mark_bar().encode(
        x=alt.X("fired:Q", title="requests"), y=alt.Y("rule:N", sort="-x", title=None),
        color=alt.Color("action:N"), tooltip=["rule", "action", "reason_code", "fired"]))
st.dataframe(rules, hide_index=True)
others = {r: n for r, n in fired.items() if r not in set(rules["rule"])}
if others:
    st.caption("Also recorded in this range, not rules of the active set (markers such as `obligation:review`, "
               "or rules of an earlier policy version):")
    st.dataframe(pd.DataFrame({"rule or marker": list(others), "fired": list(others.values())}), hide_index=True)

# -- policy tests ------------------------------------------------------------------------------
st.subheader("Policy test results")
results = test_results(str(current.path), fingerprint(current.path))
if not results:
    st.info(f"No policy test files (`*.test.yaml`) for `{current.path}`: write cases beside the policy and run "
            "`medgate policy test`.")
else:
    failed = sum(r["result"] == "FAIL" for r in results)
    passed = len(results) - failed
    (st.error if failed else st.success)(f"{passed}/{len(results)} policy test cases pass "
                                         f"({len({r['file'] for r in results})} files)")
    st.dataframe(pd.DataFrame(results), hide_index=True)
