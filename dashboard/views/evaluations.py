"""Placeholder until its commit lands."""
import streamlit as st

from dashboard import ui

ui.require_viewer()
st.title("evaluations")
st.info("This page is not built yet.")
