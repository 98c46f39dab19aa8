"""Placeholder until its commit lands."""
import streamlit as st

from dashboard import ui

ui.require_viewer()
st.title("policies")
st.info("This page is not built yet.")
