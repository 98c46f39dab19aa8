"""A real browser on a running `medgate dashboard`: Debian's Chromium, headless, driven
by Playwright (the system browser: nothing is downloaded). Signs in, visits every page
through the sidebar, checks that no page shows an exception, downloads the CSV export,
and saves a screenshot of each page.

Screenshots go to the test's temp dir; with MEDGATE_SCREENSHOTS=docs/screenshots they
replace the set the README shows.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from tests.dashboard import seed
from tests.dashboard.apptest import create_key
from tests.dashboard.conftest import fill

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it "
                                                         "with apt-get; it could not be installed here)")
PAGES = [("Overview", "overview"), ("Audit explorer", "audit-explorer"), ("Policies", "policies"),
         ("Evaluations", "evaluations")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def dashboard(tmp_path, mlflow_store):
    home = tmp_path / "home"
    url = f"sqlite:///{home / 'medgate.db'}"
    now = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    records = fill(url, 600, start=now - timedelta(days=3), spacing_s=430.0)   # inside "Last 7 days"
    key = create_key(url, "auditor")
    port = free_port()
    env = {**os.environ, "MEDGATE_HOME": str(home), "MEDGATE_AUDIT_URL": url, "MLFLOW_TRACKING_URI": mlflow_store[0],
           "MEDGATE_AUDIT_HMAC_KEY": seed.HMAC_KEY.decode()}
    env.pop("MEDGATE_CONFIG", None)
    env.pop("MEDGATE_MASTER_KEY", None)
    proc = subprocess.Popen([sys.executable, "-m", "gateway.cli", "dashboard", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/_stcore/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"medgate dashboard did not start: {proc.stdout.read().decode()[-2000:]}")
            time.sleep(0.3)
        yield base, key, records
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def settled(page) -> None:
    """Wait until the script run that the last action started has finished."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=120_000)
    page.wait_for_timeout(500)   # charts render after the run ends


def _download_csv(page) -> Path:
    """The audit explorer's CSV export. A Streamlit rerun can replace the button under the click,
    which then starts no download (seen once in a fresh clone): click again, within the same 120 s."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    for attempt in range(3):
        try:
            with page.expect_download(timeout=40_000) as info:
                page.get_by_role("button", name="CSV", exact=True).click()
            return Path(info.value.path())
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


# every page gets Playwright's own 120 s wait; the suite-wide 120 s cap (pyproject) is for a
# whole test, and this one walks all pages: on a cold fresh clone (background Hyperscan compile
# on 2 cores) it once ran past 120 s in total
@pytest.mark.timeout(600)
def test_every_page_in_chromium(dashboard, tmp_path):
    from playwright.sync_api import sync_playwright
    base, key, records = dashboard
    shots = Path(os.environ.get("MEDGATE_SCREENSHOTS") or tmp_path / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1800}, accept_downloads=True)
            page.set_default_timeout(120_000)   # a busy 2-core machine: generous, never a timing assertion
            page.goto(base)
            page.get_by_label("API key").fill(key)
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("heading", name="Overview").wait_for(timeout=120_000)
            for title, name in PAGES:
                page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
                page.get_by_role("heading", name=title).first.wait_for(timeout=120_000)
                settled(page)
                assert page.get_by_test_id("stException").count() == 0, f"{title}: the page shows an exception"
                assert key.split(".")[1] not in page.content()
                page.screenshot(path=str(shots / f"{name}.png"))
                if name == "evaluations":
                    page.get_by_role("tab", name="Fairness by group").click()
                    page.wait_for_timeout(1000)
                    page.screenshot(path=str(shots / "evaluations-fairness.png"))
                if name == "overview":
                    assert page.get_by_test_id("stMetricValue").first.inner_text() == f"{len(records):,}"
                if name == "audit-explorer":
                    assert "Hash chain verified" in page.content()
                    rows = list(csv.DictReader(io.StringIO(_download_csv(page).read_text())))
                    assert [r["request_id"] for r in rows] == [r.request_id for r in records]
        finally:
            browser.close()
    assert sorted(p.name for p in shots.glob("*.png")) == sorted([f"{n}.png" for _, n in PAGES]
                                                                  + ["evaluations-fairness.png"])
