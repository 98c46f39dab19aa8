"""Driving the real dashboard script with streamlit's AppTest, signed in with a real key."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from gateway.auth import KeyStore
from gateway.db import init_schema, make_engine

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def create_key(url: str, role: str, app: str = "compliance-office") -> str:
    engine = make_engine(url)
    try:
        init_schema(engine)
        return KeyStore(engine, master_key=None).create(app, role)[1]
    finally:
        engine.dispose()


def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60)


def sign_in(at: AppTest, key: str) -> AppTest:
    at.run()
    at.text_input[0].input(key)
    at.button[0].click()
    return at.run()


def open_page(at: AppTest, page: str, time_range: str = "All time") -> AppTest:
    """`page`: views/<name>.py. Sets the sidebar's time range first."""
    at.selectbox(key="range").set_value(time_range)
    at.switch_page(page)
    return at.run()


def texts(at: AppTest) -> str:
    """Everything the page wrote as text, for assertions about what a person sees."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error",
                 "code", "text"):
        parts += [str(e.value) for e in at.get(kind)]
    return "\n".join(parts)


def frame_with(at: AppTest, *columns: str):
    """The first table on the page that has all these columns."""
    for df in at.dataframe:
        if all(c in df.value.columns for c in columns):
            return df.value
    raise LookupError(f"no table with columns {columns}: {[list(d.value.columns) for d in at.dataframe]}")
