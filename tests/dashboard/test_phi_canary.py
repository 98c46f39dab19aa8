"""No PHI on any dashboard page: canary identifiers sent through a real gateway (fake
upstream) must not appear anywhere the dashboard shows, nor in its exports, while the
record they left is there (found by its request id, with its PHI kinds counted)."""
from __future__ import annotations

import httpx

from dashboard import export
from dashboard.data import AuditData, AuditFilter
from dashboard.readonly import open_readonly
from tests.dashboard.apptest import app, frame_with, open_page, sign_in, texts
from tests.servers import MASTER_KEY, GatewayServer, upstream_config

CANARIES = ["Ottoline Vasquez-Brandt", "77310458", "02/29/1956", "ottoline.vb@example.net", "508-555-0143"]


def everything_shown(at) -> str:
    tables = "\n".join(df.value.to_csv() for df in at.dataframe)
    return "\n".join([texts(at), tables, *(str(m.value) for m in at.metric)])


def test_canary_phi_never_reaches_the_dashboard(upstream, tmp_path, monkeypatch):
    note = (f"Prior authorization for {CANARIES[0]}, member ID {CANARIES[1]}, DOB {CANARIES[2]}, phone "
            f"{CANARIES[4]}: MRI lumbar spine after 8 weeks of failed physical therapy and NSAIDs.")
    with GatewayServer(tmp_path / "gw", upstream_config(upstream.base_url)) as gw:
        resp = httpx.post(gw.base_url + "/chat/completions", timeout=30,
                          headers={"Authorization": f"Bearer {MASTER_KEY}"},
                          json={"model": "clinical-gpt", "user": CANARIES[3],
                                "messages": [{"role": "user", "content": note}]})
        assert resp.status_code == 200
        record = gw.wait_for_audit(1)[0]
    assert record["phi_counts"], "the detector should have found the canary PHI"
    url = f"sqlite:///{tmp_path / 'gw' / 'medgate.db'}"
    monkeypatch.setenv("MEDGATE_AUDIT_URL", url)
    monkeypatch.setenv("MEDGATE_HOME", str(tmp_path / "gw"))
    monkeypatch.setenv("MEDGATE_MASTER_KEY", MASTER_KEY)
    monkeypatch.delenv("MEDGATE_AUDIT_HMAC_KEY", raising=False)
    monkeypatch.delenv("MEDGATE_CONFIG", raising=False)
    monkeypatch.setenv("MLFLOW_TRACKING_URI", f"sqlite:///{tmp_path / 'none.db'}")

    at = sign_in(app(), MASTER_KEY)
    shown = []
    for page in ("views/overview.py", "views/audit.py", "views/policies.py", "views/evaluations.py"):
        at = open_page(at, page)
        assert not at.exception, page
        shown.append(everything_shown(at))
        if page == "views/audit.py":
            detail = frame_with(at, "field", "value")
            assert dict(zip(detail["field"], detail["value"]))["request_id"] == record["request_id"]
            assert "Hash chain verified" in texts(at)
    page_text = "\n".join(shown)
    assert record["request_id"] in page_text and "PERSON" in page_text
    data = AuditData(open_readonly(url))
    exports = export.fhir_bundle(data, AuditFilter()).decode() + export.csv_bytes(data, AuditFilter()).decode()
    data.engine.dispose()
    for canary in CANARIES:
        assert canary not in page_text, canary
        assert canary not in exports, canary
