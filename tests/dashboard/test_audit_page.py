"""The Audit explorer through the real app script: filters, record detail, the hash
chain's status (also with a tampered record), and the export of the current filter."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import text

from dashboard import export
from dashboard.data import AuditData, AuditFilter
from dashboard.readonly import open_readonly
from gateway.audit.export import write_export
from gateway.audit.records import RECORD_FIELDS
from gateway.db import make_engine
from tests.dashboard.apptest import app, create_key, frame_with, open_page, sign_in, texts
from tests.dashboard.conftest import fill

N = 180


@pytest.fixture()
def explorer(env):
    records = fill(env, N)
    at = open_page(sign_in(app(), create_key(env, "auditor")), "views/audit.py")
    assert not at.exception
    return at, records, env


def matching(at) -> int:
    return int(next(m.value for m in at.metric if m.label == "Matching records").replace(",", ""))


def test_filters_narrow_the_records(explorer):
    at, records, _ = explorer
    assert matching(at) == N
    assert "Hash chain verified" in texts(at) and f"{N} records" in texts(at)
    at.multiselect(key="f_app").set_value(["prior-auth-writer"]).run()
    want = [r for r in records if r.app == "prior-auth-writer"]
    assert matching(at) == len(want) > 0
    table = frame_with(at, "request_id", "app")
    assert set(table["app"]) == {"prior-auth-writer"} and len(table) == min(len(want), 100)
    at.selectbox(key="f_rule").set_value("non-baa-pseudonymize").run()
    want = [r for r in want if "non-baa-pseudonymize" in r.fired_rules]
    assert matching(at) == len(want) > 0
    assert all("non-baa-pseudonymize" in rules for rules in frame_with(at, "fired_rules")["fired_rules"])
    at.text_input(key="f_request").set_value("zzzz-no-such-request").run()
    assert "No records match these filters" in texts(at)


def test_record_detail_shows_the_audit_row_only(explorer):
    at, records, _ = explorer
    detail = frame_with(at, "field", "value")
    fields = dict(zip(detail["field"], detail["value"]))
    newest = records[-1]
    assert fields["request_id"] == newest.request_id and fields["chain_seq"] == str(N)
    assert len(fields["record_hash"]) == 64 and fields["app"] == newest.app
    assert set(fields) == {"chain_seq", *RECORD_FIELDS, "prev_hash", "record_hash"}


def test_a_tampered_record_is_named(env):
    records = fill(env, 60)
    engine = make_engine(env)
    with engine.begin() as conn:   # an insider edits one record's app after the fact
        conn.execute(text("UPDATE audit_log SET app = 'billing-export' WHERE chain_seq = 23"))
    engine.dispose()
    at = open_page(sign_in(app(), create_key(env, "auditor")), "views/audit.py")
    assert not at.exception
    error = at.error[0].value
    assert "Hash chain broken" in error and "chain_seq 23" in error and records[22].request_id in error
    assert "first record at which the hash chain breaks" in texts(at)
    detail = frame_with(at, "field", "value")
    assert dict(zip(detail["field"], detail["value"]))["app"] == "billing-export"


def test_download_buttons_are_offered(explorer):
    at, _, _ = explorer
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["FHIR AuditEvent bundle (JSON)", "CSV"]


def test_exports_of_a_filter(audit_url):
    records = fill(audit_url, 120)
    data = AuditData(open_readonly(audit_url))
    f = AuditFilter(apps=("patient-portal-bot",), phi_kind="PERSON")
    want = [r for r in records if r.app == "patient-portal-bot" and "PERSON" in r.phi_counts]
    bundle = Bundle.model_validate_json(export.fhir_bundle(data, f))
    assert len(bundle.entry) == len(want) > 0
    assert [e.resource.id for e in bundle.entry] == [r.request_id for r in want]
    rows = list(csv.DictReader(io.StringIO(export.csv_bytes(data, f).decode())))
    assert [r["request_id"] for r in rows] == [r.request_id for r in want]
    assert json.loads(rows[0]["phi_counts"]) == want[0].phi_counts
    # Same bytes as `medgate audit export` for the same records.
    out = io.StringIO()
    write_export(data.engine, out, "fhir")
    assert export.fhir_bundle(data, AuditFilter()).decode() == out.getvalue()
    out = io.StringIO(newline="")
    write_export(data.engine, out, "csv")
    assert export.csv_bytes(data, AuditFilter()).decode() == out.getvalue()
    data.engine.dispose()


def test_a_large_chain_is_verified_on_request(env, monkeypatch):
    monkeypatch.setattr("dashboard.chain.AUTO_VERIFY_MAX", 50)
    fill(env, 60)
    at = open_page(sign_in(app(), create_key(env, "auditor")), "views/audit.py")
    assert "verifying reads all of them" in texts(at) and "Hash chain verified" not in texts(at)
    next(b for b in at.button if b.label == "Verify the hash chain now").click()
    at.run()
    assert not at.exception and "Hash chain verified — intact: 60 records" in texts(at)
