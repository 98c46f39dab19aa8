"""`medgate audit export`: FHIR R4 AuditEvents validated with fhir.resources (R4B,
whose AuditEvent is R4's), JSON Lines that re-verify on their own, CSV; and no PHI
in any of them, checked with canary identifiers sent through a real gateway."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta

import httpx
import pytest
from fhir.resources.R4B.auditevent import AuditEvent
from fhir.resources.R4B.bundle import Bundle

from gateway.audit import chain
from gateway.audit.export import write_export
from gateway.cli import main
from tests.audit.conftest import T0, make_record
from tests.servers import MASTER_KEY

# Codes of the value sets the export uses (FHIR R4 terminology).
AUDIT_EVENT_ACTION = {"C", "R", "U", "D", "E"}
AUDIT_EVENT_OUTCOME = {"0", "4", "8", "12"}
AUDIT_ENTITY_TYPE = {"1", "2", "3", "4"}
SECURITY_SOURCE_TYPE = {str(i) for i in range(1, 10)}


@pytest.fixture()
def six(store):
    records = [make_record(i) for i in range(5)]
    internal = make_record(5)
    internal.status, internal.outcome, internal.error_code = 500, "error", "internal_error"
    records.append(internal)
    store.append(records)
    return records


def _export(store, fmt: str, **kw) -> str:
    buf = io.StringIO()
    write_export(store.engine, buf, fmt, **kw)
    return buf.getvalue()


def test_fhir_bundle_of_valid_audit_events(store, six):
    bundle = Bundle.model_validate_json(_export(store, "fhir"))
    assert bundle.type == "collection" and len(bundle.entry) == 6
    # success, blocked, upstream 502, client disconnect, 401, internal 500
    assert [e.resource.outcome for e in bundle.entry] == ["0", "4", "8", "4", "4", "12"]
    for entry, record in zip(bundle.entry, six):
        event = entry.resource
        assert isinstance(event, AuditEvent) and event.id == record.request_id
        assert entry.fullUrl.startswith("urn:uuid:")
        assert (event.type.system, event.type.code) == ("http://terminology.hl7.org/CodeSystem/audit-event-type",
                                                        "rest")
        assert [(c.system, c.code) for c in event.subtype] == [("urn:medgate:codesystem:operation",
                                                                record.operation)]
        assert event.action in AUDIT_EVENT_ACTION and event.outcome in AUDIT_EVENT_OUTCOME
        assert event.recorded is not None and event.period.start == record.ts
        assert event.outcomeDesc == (record.error_code or record.reason_code)
        requestors = [a for a in event.agent if a.requestor]
        assert len(requestors) == 1 and requestors[0].who.identifier.value == record.key_id
        assert requestors[0].role[0].coding[0].code == "app"
        assert (len(event.agent) == 2) == (record.end_user_hash is not None)
        assert event.source.observer.display == "medgate gateway"
        assert [(c.system, c.code in SECURITY_SOURCE_TYPE) for c in event.source.type] == [
            ("http://terminology.hl7.org/CodeSystem/security-source-type", True)]
        (entity,) = event.entity
        assert entity.what.identifier.value == record.request_id
        assert entity.type.system == "http://terminology.hl7.org/CodeSystem/audit-entity-type"
        assert entity.type.code in AUDIT_ENTITY_TYPE
        details = {d.type: d.valueString for d in entity.detail}
        assert details["model_requested"] == "clinical-gpt" and details["request_hash"] == record.request_hash
        for kind, n in record.phi_counts.items():
            assert details[f"phi.{kind}"] == str(n)


def test_since_until_select_by_time(store, six, monkeypatch, capsys, db_url, tmp_path):
    since, until = T0 + timedelta(seconds=7), T0 + timedelta(seconds=21)   # records 1 and 2
    out = tmp_path / "slice.jsonl"
    assert main(["audit", "export", "--url", db_url, "--format", "jsonl", "--since", since.isoformat(),
                 "--until", until.isoformat().replace("+00:00", "Z"), "--output", str(out)]) == 0
    assert [json.loads(x)["request_id"] for x in out.read_text().splitlines()] == [r.request_id for r in six[1:3]]
    assert "exported 2 records as jsonl" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["audit", "export", "--url", db_url, "--format", "jsonl", "--since", "last tuesday"])


def test_jsonl_export_reverifies_on_its_own(store, six):
    """An exported file carries the chain: each line's hash recomputes from the line."""
    lines = [json.loads(x) for x in _export(store, "jsonl").splitlines()]
    prev = chain.GENESIS
    for line in lines:
        line["ts"] = datetime.fromisoformat(line["ts"].replace("Z", "+00:00"))
        assert line["prev_hash"] == prev
        assert chain.record_hash(line, line["chain_seq"], prev) == line["record_hash"]
        prev = line["record_hash"]
    assert len(lines) == 6


def test_csv_export(store, six):
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv"))))
    assert len(rows) == 6 and rows[0]["chain_seq"] == "1" and rows[5]["record_hash"]
    assert json.loads(rows[1]["phi_counts"]) == six[1].phi_counts


CANARIES = ["Rosalind Quenby-Farthing", "48213977", "03/14/1962", "rosalind.qf@example.org", "617-555-0199"]


def test_no_phi_in_any_export_of_real_traffic(gateway, fresh_upstream, tmp_path, monkeypatch, capsys):
    note = (f"Patient {CANARIES[0]}, MRN {CANARIES[1]}, DOB {CANARIES[2]}, call back at {CANARIES[4]}. "
            "Summarize the discharge plan: metoprolol 25 mg BID, follow up with cardiology in 2 weeks.")
    body = {"model": "clinical-gpt", "user": CANARIES[3], "messages": [{"role": "user", "content": note}]}
    before = gateway.audit_count()
    resp = httpx.post(gateway.base_url + "/chat/completions", json=body, timeout=30,
                      headers={"Authorization": f"Bearer {MASTER_KEY}"})
    assert resp.status_code == 200
    record = gateway.wait_for_audit(before + 1)[0]
    assert record["phi_counts"], "the detector should have found the canary PHI"
    assert record["end_user_hash"] and record["end_user_hash"] != CANARIES[3]
    assert record["cost_usd"] > 0   # openai/gpt-4o-mini is priced in litellm's bundled map
    url = f"sqlite:///{gateway.home / 'medgate.db'}"
    for fmt in ("fhir", "jsonl", "csv"):
        out = tmp_path / f"export.{fmt}"
        assert main(["audit", "export", "--url", url, "--format", fmt, "--output", str(out)]) == 0
        text = out.read_text()
        assert record["request_id"] in text
        for canary in CANARIES:
            assert canary not in text, (fmt, canary)
    monkeypatch.setenv("MEDGATE_MASTER_KEY", MASTER_KEY)   # the gateway's checkpoints: key derived from it
    monkeypatch.delenv("MEDGATE_AUDIT_HMAC_KEY", raising=False)
    capsys.readouterr()
    assert main(["audit", "verify", "--url", url]) == 0, capsys.readouterr()


def test_a_reader_that_stops_early_is_not_a_store_failure(tmp_path):
    """`medgate audit export | head`: the closed pipe ends the export quietly, exit 0."""
    import os
    import subprocess
    import sys

    from gateway.audit.store import AuditStore
    from gateway.db import init_schema, make_engine
    from tests.audit.conftest import HMAC_KEY, fill

    url = f"sqlite:///{tmp_path / 'audit.db'}"
    engine = make_engine(url)
    init_schema(engine)
    fill(AuditStore(engine, hmac_key=HMAC_KEY), 400, batch=50)   # far more than a pipe buffer
    engine.dispose()
    proc = subprocess.Popen([sys.executable, "-m", "gateway.cli", "audit", "export", "--url", url, "--format", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "MEDGATE_AUDIT_HMAC_KEY": HMAC_KEY.decode()})
    assert json.loads(proc.stdout.readline())["chain_seq"] == 1
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert b"could not be read" not in err and b"Traceback" not in err
