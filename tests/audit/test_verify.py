"""`medgate audit verify` against real SQLite and PostgreSQL stores: intact chains pass,
and every kind of tampering is found and named by its first bad record."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, select, text, update

from gateway.audit import chain
from gateway.audit.chain import checkpoint_key
from gateway.audit.store import AuditStore, audit_chain_head, audit_checkpoint, audit_log
from gateway.audit.verify import verify
from gateway.cli import main
from gateway.db import init_schema, make_engine
from tests.audit.conftest import HMAC_KEY, fill, make_record, pg_url

N = 25   # batches of 7 with checkpoint_every=10: signed checkpoints at chain_seq 7 and 21


@pytest.fixture()
def chain_of_25(store):
    records = fill(store, N)
    with store.engine.connect() as conn:
        assert list(conn.execute(select(audit_checkpoint.c.chain_seq).order_by(audit_checkpoint.c.chain_seq))
                    .scalars()) == [7, 21]
    return records


@pytest.fixture()
def verify_cli(db_url, monkeypatch, capsys):
    monkeypatch.setenv("MEDGATE_AUDIT_HMAC_KEY", HMAC_KEY.decode())

    def run(*extra: str) -> tuple[int, str]:
        code = main(["audit", "verify", "--url", db_url, *extra])
        out = capsys.readouterr()
        return code, out.out + out.err
    return run


def _sql(store, *statements) -> None:
    with store.engine.begin() as conn:
        for statement in statements:
            conn.execute(statement)


def _row(store, seq: int) -> dict:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(audit_log).where(audit_log.c.chain_seq == seq)).mappings().one())


def _tampered_at(verify_cli, seq: int, request_id: str | None, words: str) -> str:
    code, out = verify_cli()
    assert code == 1, out
    assert out.startswith("TAMPERED: ") and f"chain_seq {seq}" in out and words in out
    if request_id:
        assert f"request_id {request_id}" in out
    return out


def test_intact_chain_verifies(store, chain_of_25, verify_cli):
    code, out = verify_cli()
    assert code == 0, out
    assert "intact: 25 records, chain_seq 1..25" in out and "last signed checkpoint at 21" in out
    assert [r["request_id"] for r in reversed(store.records())] == [r.request_id for r in chain_of_25]


def test_empty_chain_verifies(store, verify_cli):
    assert verify_cli() == (0, "intact: no records (anchor 0)\n")


@pytest.mark.parametrize("column, value", [
    ("app", "someone-else"), ("outcome", "success"), ("phi_counts", {"PERSON": 1}),
    ("latency_ms", 12.5), ("cost_usd", None), ("stream", True), ("fired_rules", []),
])
def test_modified_field(store, chain_of_25, verify_cli, column, value):
    victim = _row(store, 12)
    assert victim[column] != value
    _sql(store, update(audit_log).where(audit_log.c.chain_seq == 12).values({column: value}))
    _tampered_at(verify_cli, 12, victim["request_id"], "a field was modified")


def test_modified_timestamp(store, chain_of_25, verify_cli):
    victim = _row(store, 3)
    _sql(store, update(audit_log).where(audit_log.c.chain_seq == 3)
         .values(ts=chain.as_utc(victim["ts"]).replace(microsecond=0)))
    _tampered_at(verify_cli, 3, victim["request_id"], "a field was modified")


def test_deleted_record(store, chain_of_25, verify_cli):
    after = _row(store, 10)
    _sql(store, delete(audit_log).where(audit_log.c.chain_seq == 9))
    _tampered_at(verify_cli, 10, after["request_id"], "record(s) 9 before it are missing")


def test_inserted_record(store, chain_of_25, verify_cli):
    """A forged record slid in at 6, well formed and linked to 5; the rest renumbered."""
    shifted = _row(store, 6)
    _sql(store, update(audit_log).where(audit_log.c.chain_seq >= 6).values(chain_seq=audit_log.c.chain_seq + 1000),
         update(audit_log).where(audit_log.c.chain_seq >= 1000).values(chain_seq=audit_log.c.chain_seq - 999))
    forged = chain.normalized(make_record(99).as_row())
    prev = _row(store, 5)["record_hash"]
    forged |= {"chain_seq": 6, "prev_hash": prev, "record_hash": chain.record_hash(forged, 6, prev)}
    _sql(store, insert(audit_log).values(forged))
    _tampered_at(verify_cli, 7, shifted["request_id"], "prev_hash does not match the record before it")


def test_reordered_records(store, chain_of_25, verify_cli):
    a, b = _row(store, 15), _row(store, 16)
    _sql(store, update(audit_log).where(audit_log.c.chain_seq == 15).values(request_id="swap-tmp"),
         update(audit_log).where(audit_log.c.chain_seq == 16)
         .values({k: v for k, v in a.items() if k != "chain_seq"}),
         update(audit_log).where(audit_log.c.chain_seq == 15)
         .values({k: v for k, v in b.items() if k != "chain_seq"}))
    _tampered_at(verify_cli, 15, b["request_id"], "prev_hash does not match")


def test_tail_truncated_back_past_the_last_checkpoint(store, chain_of_25, verify_cli):
    """The head row rewritten too, so only the signed checkpoint at 21 gives it away."""
    last_kept = _row(store, 18)
    _sql(store, delete(audit_log).where(audit_log.c.chain_seq > 18),
         update(audit_chain_head).values(chain_seq=18, record_hash=last_kept["record_hash"]))
    _tampered_at(verify_cli, 19, None, "a signed checkpoint covers chain_seq 21 but the records end at 18")


def test_tail_truncated_after_the_last_checkpoint(store, chain_of_25, verify_cli):
    _sql(store, delete(audit_log).where(audit_log.c.chain_seq > 23))
    _tampered_at(verify_cli, 24, None, "the chain head says the last record is chain_seq 25")


def test_chain_recomputed_after_an_edit(store, chain_of_25, verify_cli):
    """An attacker who edits record 3 and rehashes everything after it still cannot sign."""
    with store.engine.begin() as conn:
        rows = [dict(r) for r in conn.execute(select(audit_log).order_by(audit_log.c.chain_seq)).mappings()]
        prev = rows[1]["record_hash"]
        for row in rows[2:]:
            if row["chain_seq"] == 3:
                row["outcome"] = "success"
            new = chain.record_hash(row, row["chain_seq"], prev)
            conn.execute(update(audit_log).where(audit_log.c.chain_seq == row["chain_seq"])
                         .values(outcome=row["outcome"], prev_hash=prev, record_hash=new))
            prev = new
        conn.execute(update(audit_chain_head).values(record_hash=prev))
    _tampered_at(verify_cli, 7, _row(store, 7)["request_id"], "differs from the signed checkpoint")


@pytest.mark.parametrize("how", ["altered", "forged"])
def test_forged_or_altered_checkpoint(store, chain_of_25, verify_cli, how):
    if how == "altered":   # moved to claim a different record
        _sql(store, update(audit_checkpoint).where(audit_checkpoint.c.chain_seq == 21)
             .values(record_hash=_row(store, 20)["record_hash"]))
        seq = 21
    else:                  # added by someone without the key
        row = _row(store, 24)
        ts = chain.as_utc(row["ts"])
        _sql(store, insert(audit_checkpoint).values(chain_seq=24, record_hash=row["record_hash"], ts=ts,
                                                    signature=chain.sign(b"guessed-key", "checkpoint", 24,
                                                                         row["record_hash"], ts)))
        seq = 24
    _tampered_at(verify_cli, seq, None, "the checkpoint's signature is invalid")


def test_wrong_key_is_reported_as_such(store, chain_of_25, verify_cli, monkeypatch):
    monkeypatch.setenv("MEDGATE_AUDIT_HMAC_KEY", "not-the-key")
    code, out = verify_cli()
    assert code == 1 and "different MEDGATE_AUDIT_HMAC_KEY" in out


def test_could_not_check(tmp_path, monkeypatch, capsys, pg_schema):
    monkeypatch.setenv("MEDGATE_AUDIT_HMAC_KEY", "k")
    cases = {
        "unreachable": "postgresql+psycopg://postgres@127.0.0.1:1/test",
        "no tables": f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{pg_schema}",
        "no file": f"sqlite:///{tmp_path / 'absent.db'}",
    }
    for name, url in cases.items():
        assert main(["audit", "verify", "--url", url]) == 2, name
        err = capsys.readouterr().err
        assert err.startswith("medgate audit: ") and ("could not" in err or "no audit" in err), (name, err)
    assert not (tmp_path / "absent.db").exists()


def test_no_key_cannot_check(tmp_path, monkeypatch, capsys):
    for name in ("MEDGATE_AUDIT_HMAC_KEY", "MEDGATE_MASTER_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MEDGATE_HOME", str(tmp_path))
    assert main(["audit", "verify", "--url", f"sqlite:///{tmp_path / 'x.db'}"]) == 2
    assert "MEDGATE_AUDIT_HMAC_KEY" in capsys.readouterr().err
    assert not (tmp_path / "master.key").exists()   # never invents a key it would then "verify" with


def test_verify_streams_in_chunks(store, monkeypatch):
    """Small chunks give the same verdict: records are not all loaded at once."""
    fill(store, 40, batch=40)
    assert verify(store.engine, HMAC_KEY, chunk=3).records == 40
    _sql(store, text("UPDATE audit_log SET team = 'x' WHERE chain_seq = 33"))
    with pytest.raises(Exception, match="chain_seq 33"):
        verify(store.engine, HMAC_KEY, chunk=3)


def test_finds_the_store_like_serve_does(tmp_path, monkeypatch, capsys, pg_schema):
    """No --url: MEDGATE_AUDIT_URL if set, else the SQLite file under MEDGATE_HOME; the
    key derived from the master key (here from MEDGATE_HOME/master.key, as `make run` makes it)."""
    (tmp_path / "master.key").write_text("sk-medgate-master-abc123\n")
    key = checkpoint_key(None, "sk-medgate-master-abc123")
    for name in ("MEDGATE_AUDIT_HMAC_KEY", "MEDGATE_MASTER_KEY", "MEDGATE_AUDIT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MEDGATE_HOME", str(tmp_path))
    for url in (f"sqlite:///{tmp_path / 'medgate.db'}", pg_url(pg_schema)):
        engine = make_engine(url)
        init_schema(engine)
        store = AuditStore(engine, hmac_key=key, checkpoint_every=3)
        fill(store, 4 if "sqlite" in url else 6)
        engine.dispose()
        if "postgresql" in url:
            monkeypatch.setenv("MEDGATE_AUDIT_URL", url)
        assert main(["audit", "verify"]) == 0
        assert ("4 records" if "sqlite" in url else "6 records") in capsys.readouterr().out
