"""medgate oversight dashboard: `medgate dashboard` (or `streamlit run dashboard/app.py`).

Sign-in first; then four pages, all read-only: Overview, Audit explorer, Policies,
Evaluations. The sidebar's time range applies to every audit view.

The page scripts live in views/, not pages/: a `pages/` folder beside the main script
switches Streamlit to its older multipage mode, which can run a page script without
this file (and so without the sign-in) until st.navigation has run once.
"""
from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from dashboard import ui
from dashboard.context import sources

st.set_page_config(page_title="medgate oversight", page_icon="🩺", layout="wide")
try:
    current = ui.sign_in()
    if current is not None:
        ui.sidebar(current)
    # Every page begins with ui.require_viewer(): before sign-in a page shows nothing but the form above.
    st.navigation([
        st.Page("views/overview.py", title="Overview", icon=":material/monitoring:", default=True),
        st.Page("views/audit.py", title="Audit explorer", icon=":material/manage_search:"),
        st.Page("views/policies.py", title="Policies", icon=":material/policy:"),
        st.Page("views/evaluations.py", title="Evaluations", icon=":material/science:"),
    ], position="sidebar" if current else "hidden").run()
except SQLAlchemyError as exc:
    # The type only: a driver's message can quote the URL or statement parameters.
    st.error(f"The audit store at `{sources().audit_display}` could not be read ({type(exc).__name__}). "
             "Check MEDGATE_AUDIT_URL and that the database is running, then reload this page.")
