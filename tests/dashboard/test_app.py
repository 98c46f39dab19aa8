"""The sign-in rule and the Overview page, through the real app script (AppTest)."""
from __future__ import annotations

from tests.dashboard import seed
from tests.dashboard.apptest import app, create_key, frame_with, open_page, sign_in, texts
from tests.dashboard.conftest import fill


def test_app_key_is_refused_and_auditor_accepted(env):
    app_key = create_key(env, "app", app="ed-triage-assistant")
    at = sign_in(app(), app_key)
    assert not at.exception
    assert "app' role" in at.error[0].value and "auditor or admin" in at.error[0].value
    assert app_key not in texts(at)          # never echoed
    assert not at.metric                     # nothing behind the gate was shown

    at = sign_in(app(), "sk-mg-0000000000000000.not-a-real-secret")
    assert "not accepted" in at.error[0].value

    auditor = create_key(env, "auditor")
    at = sign_in(app(), auditor)
    assert not at.exception and not at.error
    key_id = auditor.removeprefix("sk-mg-").split(".")[0]
    assert f"key `{key_id}`" in texts(at)
    assert auditor.split(".")[1] not in repr(at.session_state)   # the secret is not kept
    assert at.title[0].value == "Overview"


def test_admin_and_master_keys_are_accepted(env, monkeypatch):
    at = sign_in(app(), create_key(env, "admin"))
    assert not at.error and at.title[0].value == "Overview"
    monkeypatch.setenv("MEDGATE_MASTER_KEY", "sk-medgate-master-dashboard-test")
    at = sign_in(app(), "sk-medgate-master-dashboard-test")
    assert not at.error and "key `master`" in texts(at)


def test_sign_out_returns_to_the_login(env):
    at = sign_in(app(), create_key(env, "auditor"))
    at.sidebar.button[0].click()
    at.run()
    assert at.text_input and at.title[0].value == "medgate oversight"


def test_single_sign_on_is_offered_only_when_configured(env):
    at = app()
    at.run()
    assert not [b for b in at.button if "single sign-on" in b.label]
    at = app()
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "medgate-dashboard", "client_secret": "s",
                          "server_metadata_url": "https://idp.example.org/.well-known/openid-configuration"}
    at.run()
    assert [b for b in at.button if "single sign-on" in b.label]


def test_overview_shows_the_numbers_of_the_store(env):
    records = fill(env, 300)
    at = open_page(sign_in(app(), create_key(env, "auditor")), "views/overview.py")
    assert not at.exception
    want = seed.expected_totals(records)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Requests"] == f"{len(records):,}"
    assert metrics["Blocked"] == f"{want['blocked']:,}"
    assert metrics["Requests with PHI"] == f"{want['phi_requests']:,}"
    assert metrics["Cost (USD)"] == f"${want['cost_usd']:,.2f}"
    median = seed.expected_median(records)
    assert abs(float(metrics["p50 latency"].removesuffix(" ms").replace(",", "")) - median) <= 1.0
    rules = frame_with(at, "rule", "fired")
    assert dict(zip(rules["rule"], rules["fired"])) == dict(seed.expected_rules(records).most_common(10))
    kinds = frame_with(at, "kind", "count")
    assert dict(zip(kinds["kind"], kinds["count"])) == dict(seed.expected_phi(records))
    usage = frame_with(at, "app", "model", "cost_usd")
    assert usage["requests"].sum() == len(records) and set(usage["app"]) == {a[0] for a in seed.APPS}


def test_overview_empty_states(env, tmp_path, monkeypatch):
    key = create_key(env, "auditor")          # a migrated store with keys, no records
    at = open_page(sign_in(app(), key), "views/overview.py")
    assert "No audit records yet" in texts(at) and "curl" in texts(at)
    fill(env, 20)                             # records from 2026-11-02: outside "Last 24 hours"
    at = open_page(sign_in(app(), key), "views/overview.py", time_range="Last 24 hours")
    assert "No audit records in this time range" in texts(at)
    monkeypatch.setenv("MEDGATE_AUDIT_URL", f"sqlite:///{tmp_path / 'not-yet.db'}")
    monkeypatch.setenv("MEDGATE_MASTER_KEY", "sk-medgate-master-dashboard-test")
    at = open_page(sign_in(app(), "sk-medgate-master-dashboard-test"), "views/overview.py")
    assert "No audit database yet" in texts(at)
    assert not (tmp_path / "not-yet.db").exists()


def test_overview_and_explorer_on_postgresql(env, pg_schema, monkeypatch):
    from tests.dashboard.conftest import pg_url
    url = pg_url(pg_schema)
    monkeypatch.setenv("MEDGATE_AUDIT_URL", url)
    records = fill(url, 120)
    at = open_page(sign_in(app(), create_key(url, "auditor")), "views/overview.py")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Requests"] == f"{len(records):,}"
    assert metrics["Blocked"] == f"{seed.expected_totals(records)['blocked']:,}"
    at = open_page(at, "views/audit.py")
    assert not at.exception and "Hash chain verified" in texts(at)
    at.selectbox(key="f_kind").set_value("SSN").run()
    assert int(next(m.value for m in at.metric if m.label == "Matching records")) == \
        sum("SSN" in r.phi_counts for r in records)


def test_an_unreachable_or_foreign_store_gets_a_clear_message(env, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDGATE_MASTER_KEY", "sk-medgate-master-dashboard-test")
    monkeypatch.setenv("MEDGATE_AUDIT_URL", "postgresql+psycopg://postgres:s3cret@127.0.0.1:1/test")
    at = sign_in(app(), "sk-medgate-master-dashboard-test")
    assert not at.exception
    assert "could not be read (OperationalError)" in at.error[0].value and "s3cret" not in texts(at)
    import sqlite3
    with sqlite3.connect(tmp_path / "other.db") as conn:   # some other application's database
        conn.execute("CREATE TABLE notes (id INTEGER)")
    monkeypatch.setenv("MEDGATE_AUDIT_URL", f"sqlite:///{tmp_path / 'other.db'}")
    at = open_page(sign_in(app(), "sk-medgate-master-dashboard-test"), "views/overview.py")
    assert not at.exception and "No audit database yet" in texts(at)
