"""Redacted content in audit records (`medgate.audit.store_content`, a rule's
`output: {store_content: true}`), through real gateways, the real detector and the fake
provider: placeholders are stored, canary identifiers never (database rows, the files
on disk, every export); the hash chain covers the content; old records still verify."""
from __future__ import annotations

import io
import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import openai
import orjson
import pytest
from sqlalchemy import text, update

from gateway.audit import chain, content
from gateway.audit.export import write_export
from gateway.audit.records import RECORD_FIELDS
from gateway.audit.store import audit_log
from gateway.audit.verify import Tampered, verify
from gateway.cli import main
from gateway.phi import Finding
from tests.audit.conftest import HMAC_KEY, make_record
from tests.servers import MASTER_KEY, GatewayServer, upstream_config

SHIPPED = Path(__file__).parents[2] / "policies" / "default.yaml"
NAME, MRN, DOB, EMAIL = "Rosalind Quenby-Farthing", "48213977", "03/14/1962", "rosalind.qf@example.org"
CANARIES = [NAME, MRN, DOB, EMAIL]
NOTE = (f"Patient {NAME}, MRN {MRN}, DOB {DOB}, is short of breath on exertion. "
        "Summarize the plan: metoprolol 25 mg BID, follow up with cardiology in 2 weeks.")
KEEP_RULE = """\
version: 1
rules:
  - id: keep-content-for-review
    description: the pilot app's exchanges are kept (redacted) for quality review
    when: principal.app == "pilot-app"
    action: allow
    output: {store_content: true}
"""


def _baa_model(base_url: str) -> dict:
    return {"model_name": "baa-llm", "baa": True,
            "litellm_params": {"model": "openai/llama-3-70b", "api_base": base_url, "api_key": "sk-baa"}}


@pytest.fixture(scope="module")
def by_rule(upstream, tmp_path_factory):
    """Default config (store_content: none) plus one rule that asks for content."""
    home = tmp_path_factory.mktemp("content-by-rule")
    (home / "policies").mkdir()
    shutil.copy(SHIPPED, home / "policies" / "default.yaml")
    (home / "policies" / "zz-keep.yaml").write_text(KEEP_RULE)
    with GatewayServer(home, upstream_config(upstream.base_url,
                                             policies={"path": "policies", "reload": False})) as gw:
        yield gw


@pytest.fixture(scope="module")
def redacted(upstream, tmp_path_factory):
    """`medgate.audit.store_content: redacted`, the shipped default policy, and a BAA model."""
    config = upstream_config(upstream.base_url, audit={"store_content": "redacted"})
    config["model_list"].append(_baa_model(upstream.base_url))
    with GatewayServer(tmp_path_factory.mktemp("content-redacted"), config) as gw:
        yield gw


def _client(gw, app: str) -> openai.OpenAI:
    _, key = gw.app.state.keys.create(app, "app")
    return openai.OpenAI(base_url=gw.base_url, api_key=key, max_retries=0, timeout=30)


def _chat(gw, client, model: str = "clinical-gpt", **kw) -> tuple[object, dict]:
    before = gw.audit_count()
    reply = client.chat.completions.create(model=model, user=EMAIL, messages=[{"role": "user", "content": NOTE}],
                                           **kw)
    if kw.get("stream"):
        reply = "".join(c.choices[0].delta.content or "" for c in reply if c.choices)
    return reply, gw.wait_for_audit(before + 1)[0]


def _db(gw) -> Path:
    return gw.home / "medgate.db"


def _assert_no_canaries_stored(gw, tmp_path: Path) -> None:
    """Rows, the database files themselves, and every export format."""
    with sqlite3.connect(_db(gw)) as conn:
        rows = conn.execute("SELECT * FROM audit_log").fetchall()
    dumped = json.dumps(rows, default=str)
    for path in gw.home.glob("medgate.db*"):   # the database and its WAL
        raw = path.read_bytes()
        for canary in CANARIES:
            assert canary.encode() not in raw, (path.name, canary)
    for fmt in ("fhir", "jsonl", "csv"):
        out = tmp_path / f"export.{fmt}"
        assert main(["audit", "export", "--url", f"sqlite:///{_db(gw)}", "--format", fmt,
                     "--output", str(out)]) == 0
        dumped += out.read_text()
    for canary in CANARIES:
        assert canary not in dumped, canary


# -- the default: no content -----------------------------------------------------------

def test_default_config_stores_no_content(by_rule, fresh_upstream, tmp_path):
    reply, record = _chat(by_rule, _client(by_rule, "other-app"))
    assert NAME in reply.choices[0].message.content   # the client got its names back
    assert record["phi_counts"] and record["decision"] == "allow"
    assert record["request_content"] is None and record["response_content"] is None
    assert "keep-content-for-review" not in record["fired_rules"]
    line = json.loads(_export(by_rule, "jsonl").splitlines()[-1])
    assert "request_content" not in line and "response_content" not in line


def test_a_rule_asks_for_content_for_its_app_only(by_rule, fresh_upstream, tmp_path):
    reply, record = _chat(by_rule, _client(by_rule, "pilot-app"))
    assert NAME in reply.choices[0].message.content
    assert "keep-content-for-review" in record["fired_rules"]
    sent = json.loads(record["request_content"])
    assert sent["messages"][0]["content"] == fresh_upstream.requests[-1].body["messages"][0]["content"]
    assert "<PERSON_1>" in sent["messages"][0]["content"] and "<MRN_1>" in sent["messages"][0]["content"]
    assert "user" not in sent   # the end-user id may be an email: the record has its keyed hash
    assert record["response_content"].startswith("echo: Patient <PERSON_1>, MRN <MRN_1>")   # before restoration
    _, other = _chat(by_rule, _client(by_rule, "other-app"))
    assert other["request_content"] is None and other["response_content"] is None
    _assert_no_canaries_stored(by_rule, tmp_path)


# -- store_content: redacted --------------------------------------------------------------

def test_redacted_config_stores_placeholders_never_identifiers(redacted, fresh_upstream, tmp_path):
    reply, record = _chat(redacted, _client(redacted, "ward-app"))
    assert NAME in reply.choices[0].message.content
    assert record["decision"] == "allow" and "non-baa-pseudonymize" in record["fired_rules"]
    sent = json.loads(record["request_content"])
    assert sent["model"] == "clinical-gpt" and sent["messages"][0]["role"] == "user"
    assert sent["messages"][0]["content"] == fresh_upstream.requests[-1].body["messages"][0]["content"]
    assert "<PERSON_1>" in record["request_content"] and "metoprolol 25 mg BID" in record["request_content"]
    assert record["response_content"] == "echo: " + sent["messages"][0]["content"]
    _assert_no_canaries_stored(redacted, tmp_path)
    # stored content shows in JSON Lines, never in FHIR
    line = json.loads(_export(redacted, "jsonl").splitlines()[-1])
    assert line["request_content"] == record["request_content"]
    assert line["response_content"] == record["response_content"]
    fhir = _export(redacted, "fhir")
    assert "<PERSON_1>" not in fhir and "request_content" not in fhir and "metoprolol" not in fhir
    assert "request_content" in _export(redacted, "csv").splitlines()[0]


def test_baa_model_gets_phi_but_the_record_is_masked(redacted, fresh_upstream, tmp_path):
    reply, record = _chat(redacted, _client(redacted, "ward-app"), model="baa-llm")
    assert NAME in json.dumps(fresh_upstream.requests[-1].body)   # the policy let PHI through
    assert NAME in reply.choices[0].message.content
    assert "baa-allow-with-audit" in record["fired_rules"]
    stored = json.loads(record["request_content"])["messages"][0]["content"]
    assert stored.startswith("Patient <PERSON>, MRN <MRN>, DOB <DATE>, is short of breath")
    assert record["response_content"].startswith("echo: Patient <PERSON>, MRN <MRN>, DOB <DATE>")
    _assert_no_canaries_stored(redacted, tmp_path)


def test_stream_reply_is_stored_assembled(redacted, fresh_upstream, tmp_path):
    text_, record = _chat(redacted, _client(redacted, "ward-app"), stream=True)
    assert NAME in text_ and record["stream"] and record["outcome"] == "success"
    sent = fresh_upstream.requests[-1].body["messages"][0]["content"]
    assert record["response_content"] == "echo: " + sent   # placeholders, as the provider streamed it
    assert "<PERSON_1>" in record["response_content"]
    text_, record = _chat(redacted, _client(redacted, "ward-app"), model="baa-llm", stream=True)
    assert NAME in text_ and record["response_content"].startswith("echo: Patient <PERSON>, MRN <MRN>")
    _assert_no_canaries_stored(redacted, tmp_path)


def test_cut_stream_keeps_what_arrived(redacted, fresh_upstream):
    before = redacted.audit_count()
    fresh_upstream.cut_stream_next(after_chunks=3)
    with pytest.raises(openai.APIError):
        for _ in _client(redacted, "ward-app").chat.completions.create(
                model="baa-llm", stream=True, messages=[{"role": "user", "content": NOTE}]):
            pass
    record = redacted.wait_for_audit(before + 1)[0]
    assert record["outcome"] == "stream_error" and record["response_content"]
    # a few chunks of the echo (a fragment of it may be masked too: the scan errs that way)
    assert record["response_content"].startswith("echo: ") and len(record["response_content"]) < 30
    assert "<PERSON>" in record["request_content"] and NAME not in record["request_content"]


def test_failed_upstream_keeps_the_redacted_request(redacted, fresh_upstream):
    fresh_upstream.fail_next(400)
    with pytest.raises(openai.APIStatusError):
        _chat(redacted, _client(redacted, "ward-app"))
    record = redacted.wait_for_audit(1)[0]
    assert record["outcome"] == "error" and record["response_content"] is None
    assert "<PERSON_1>" in record["request_content"] and NAME not in record["request_content"]


def test_tampered_content_is_caught_by_verify(redacted, fresh_upstream, tmp_path, monkeypatch, capsys):
    _chat(redacted, _client(redacted, "ward-app"))
    copy = tmp_path / "copy.db"
    with sqlite3.connect(_db(redacted)) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    monkeypatch.setenv("MEDGATE_MASTER_KEY", MASTER_KEY)   # the gateway's checkpoint key derives from it
    monkeypatch.delenv("MEDGATE_AUDIT_HMAC_KEY", raising=False)
    url = f"sqlite:///{copy}"
    assert main(["audit", "verify", "--url", url]) == 0, capsys.readouterr()
    with sqlite3.connect(copy) as conn:
        seq = conn.execute("SELECT max(chain_seq) FROM audit_log WHERE response_content IS NOT NULL").fetchone()[0]
        conn.execute("UPDATE audit_log SET response_content = replace(response_content, 'echo', 'ECHO') "
                     "WHERE chain_seq = ?", (seq,))
    capsys.readouterr()
    assert main(["audit", "verify", "--url", url]) == 1
    assert f"chain_seq {seq}" in capsys.readouterr().out


def _export(gw, fmt: str) -> str:
    buf = io.StringIO()
    write_export(gw.pipeline.audit.engine, buf, fmt)
    return buf.getvalue()


# -- the chain: old records, new fields -------------------------------------------------

def test_records_without_content_hash_as_before_the_fields_existed():
    record = make_record(1)
    row = chain.normalized(record.__dict__)
    old = {k: v for k, v in row.items() if k not in ("request_content", "response_content")}
    old["ts"] = chain.format_ts(old["ts"])
    assert set(RECORD_FIELDS) - set(old) == {"request_content", "response_content"}
    assert chain.canonical(row) == orjson.dumps(old, option=orjson.OPT_SORT_KEYS)
    with_content = replace(record, request_content='{"messages":[]}')
    assert chain.record_hash(with_content.__dict__, 1, chain.GENESIS) != chain.record_hash(row, 1, chain.GENESIS)


def test_content_is_covered_by_the_chain(store):
    records = [make_record(i) for i in range(6)]
    records[2] = replace(records[2], request_content='{"messages":[{"content":"<PERSON_1> has a cough"}]}',
                         response_content="echo: <PERSON_1> has a cough")
    store.append(records)
    assert verify(store.engine, HMAC_KEY).records == 6
    seq_with, seq_without = 3, 4
    for seq, column, value in ((seq_with, "response_content", "echo: someone else has a cough"),
                               (seq_with, "request_content", None),
                               (seq_without, "response_content", "added later")):
        with store.engine.begin() as conn:
            old = conn.execute(text(f"SELECT {column} FROM audit_log WHERE chain_seq = {seq}")).scalar_one()
            conn.execute(update(audit_log).where(audit_log.c.chain_seq == seq).values({column: value}))
        with pytest.raises(Tampered) as exc:
            verify(store.engine, HMAC_KEY)
        assert exc.value.chain_seq == seq and "modified" in exc.value.problem
        with store.engine.begin() as conn:
            conn.execute(update(audit_log).where(audit_log.c.chain_seq == seq).values({column: old}))
        assert verify(store.engine, HMAC_KEY).records == 6


# -- the pieces ---------------------------------------------------------------------------

def test_masker_masks_whole_values_longest_first():
    text_ = "Pt Ann Lee, 45 y, MRN 12345; Ann called."
    findings = [[Finding("PERSON", 3, 10, 0.9), Finding("PERSON", 3, 6, 0.5), Finding("MRN", 22, 27, 0.9)]]
    masker = content.Masker([text_], findings)
    assert NAME not in repr(masker) and "Ann" not in repr(masker)
    assert masker.text("Ann Lee, id 12345, 145 mg; Annabel") == "<PERSON>, id <MRN>, 145 mg; Annabel"
    assert masker.value({"a": ["Ann Lee"], "n": 3}) == {"a": ["<PERSON>"], "n": 3}


def test_content_is_capped_and_marked():
    body = {"messages": [{"role": "user", "content": "x" * (content.MAX_CHARS + 500)}]}
    stored = content.request_content(body, content.Masker([], []))
    assert len(stored) < content.MAX_CHARS + 100 and "truncated" in stored[-80:]
    assert content.cap("short") == "short"


def test_store_content_obligation_merges_and_survives_respond(tmp_path):
    from gateway.auth import Principal
    from gateway.policy import PolicyInput
    from gateway.policy.loader import load_policy_set
    (tmp_path / "p.yaml").write_text(KEEP_RULE + """\
  - id: kiosk-respond
    when: principal.app == "pilot-app"
    content: {keywords: [help]}
    action: respond
    reason_code: kiosk
    message: Please ask at the desk.
""")
    policy = load_policy_set(tmp_path / "p.yaml")

    def ask(app: str, content_: str = ""):
        return policy.decide(PolicyInput(principal=Principal(key_id="k", app=app, role="app"),
                                         operation="chat", model="m", baa=False, phi={}, params={},
                                         content=content_))
    assert ask("pilot-app").output.store_content is True
    assert ask("other-app").output.store_content is False
    responded = ask("pilot-app", "help me")
    assert responded.action == "respond" and responded.output.store_content is True


def test_config_option_is_validated():
    from gateway.settings import AuditOptions
    assert AuditOptions().store_content == "none"
    assert AuditOptions(store_content="redacted").store_content == "redacted"
    with pytest.raises(ValueError):
        AuditOptions(store_content="raw")


def test_a_chain_written_before_migration_0002_verifies_after_it(db_url):
    """Records inserted on the 0001 schema (no content columns), then upgraded to head:
    intact, and new records with content chain on after them."""
    from alembic import command
    from sqlalchemy import insert as sa_insert

    from gateway.audit.store import AuditStore, audit_chain_head
    from gateway.db import alembic_config, init_schema, make_engine
    engine = make_engine(db_url)
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.commit()
    old_columns = [c for c in audit_log.c if c.name not in chain.OPTIONAL_FIELDS]
    prev = chain.GENESIS
    with engine.begin() as conn:
        for seq in range(1, 4):
            row = {k: v for k, v in chain.normalized(make_record(seq).__dict__).items()
                   if k not in chain.OPTIONAL_FIELDS}
            row |= {"chain_seq": seq, "prev_hash": prev, "record_hash": chain.record_hash(row, seq, prev)}
            prev = row["record_hash"]
            conn.execute(sa_insert(audit_log).values(
                {c.name: row[c.name] for c in old_columns}))
        conn.execute(update(audit_chain_head).values(chain_seq=3, record_hash=prev))
    init_schema(engine)
    assert verify(engine, HMAC_KEY).records == 3
    store = AuditStore(engine, hmac_key=HMAC_KEY, checkpoint_every=10, checkpoint_seconds=3600)
    store.append([replace(make_record(4), request_content='{"messages":[]}', response_content="ok")])
    assert verify(engine, HMAC_KEY).records == 4
    engine.dispose()


def test_policy_test_cases_can_expect_store_content(tmp_path):
    from gateway.policy import Decision, OutputObligations
    from gateway.policy.testing import Expect, check
    kept = Decision(output=OutputObligations(store_content=True))
    assert check(kept, Expect(store_content=True)) == []
    assert check(Decision(), Expect(store_content=True)) == ["store_content: expected True, got False"]


def test_exports_with_content_in_some_records(store):
    """JSON Lines: fields only where present; CSV: the columns since some record has
    content; FHIR and the dashboard's CSV (fixed columns): none of it."""
    import csv

    from dashboard.data import AuditData, AuditFilter
    from dashboard.export import csv_bytes, fhir_bundle
    records = [make_record(i) for i in range(3)]
    records[1] = replace(records[1], request_content='{"messages":[{"content":"<PERSON_1> coughs"}]}',
                         response_content="echo: <PERSON_1> coughs")
    store.append(records)
    buf = io.StringIO()
    write_export(store.engine, buf, "jsonl")
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert ["response_content" in line for line in lines] == [False, True, False]
    buf = io.StringIO()
    write_export(store.engine, buf, "csv")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["response_content"] for r in rows] == ["", "echo: <PERSON_1> coughs", ""]
    buf = io.StringIO()
    write_export(store.engine, buf, "fhir")
    data = AuditData(store.engine)
    for out in (buf.getvalue(), fhir_bundle(data, AuditFilter()).decode(), csv_bytes(data, AuditFilter()).decode()):
        assert "coughs" not in out and "content" not in out
