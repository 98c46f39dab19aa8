"""Retention pruning is checkpoint-anchored: the pruned chain still verifies (exit 0),
and tampering after pruning is still found."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, select, update

from gateway.audit.retention import prune
from gateway.audit.store import audit_anchor, audit_checkpoint, audit_log
from gateway.audit.verify import Tampered, verify
from gateway.cli import main
from tests.audit.conftest import HMAC_KEY, make_record

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


@pytest.fixture()
def month(store):
    """30 records, one a day, oldest first; checkpoints (every 10) at chain_seq 7 and 21."""
    records = [make_record(i, ts=NOW - timedelta(days=30 - i)) for i in range(30)]
    for start in range(0, 30, 7):
        store.append(records[start:start + 7])
    return records


def _seqs(store) -> list[int]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(audit_log.c.chain_seq).order_by(audit_log.c.chain_seq)).scalars())


def test_prune_to_checkpoints_and_still_verify(store, month):
    result = prune(store.engine, HMAC_KEY, days=12, now=NOW)   # keep from seq 19: anchor at checkpoint 7
    assert (result.deleted, result.anchor_seq) == (7, 7)
    assert _seqs(store) == list(range(8, 31))
    report = verify(store.engine, HMAC_KEY)
    assert (report.records, report.anchor_seq, report.first_seq) == (23, 7, 8)

    result = prune(store.engine, HMAC_KEY, days=5, now=NOW)    # keep from seq 26: anchor at checkpoint 21
    assert (result.deleted, result.anchor_seq) == (14, 21)
    assert verify(store.engine, HMAC_KEY).first_seq == 22
    with store.engine.connect() as conn:   # the anchor is all that is left before 22
        assert list(conn.execute(select(audit_anchor.c.chain_seq)).scalars()) == [21]
        assert list(conn.execute(select(audit_checkpoint.c.chain_seq)).scalars()) == [21]


def test_nothing_older_than_retention_prunes_nothing(store, month):
    result = prune(store.engine, HMAC_KEY, days=60, now=NOW)
    assert result.anchor_seq is None and _seqs(store) == list(range(1, 31))
    assert "nothing to prune" in result.summary()


def test_records_newer_than_cutoff_are_never_pruned(store, month):
    """A replica's late record (older ts, higher seq) pins everything after the checkpoint before it."""
    late = make_record(99, ts=NOW - timedelta(hours=1))
    store.append([late])                                    # seq 31, recent
    prune(store.engine, HMAC_KEY, days=1, now=NOW)
    kept = _seqs(store)
    assert 31 in kept and kept[0] == 22


@pytest.mark.parametrize("tamper, seq, words", [
    ("modify", 23, "a field was modified"),
    ("delete-first", 23, "record(s) 22 before it are missing"),
    ("drop-anchor", 22, "record(s) 1..21 before it are missing"),
    ("move-anchor", 26, "prune anchor's signature is invalid"),
])
def test_tampering_after_pruning_is_detected(store, month, tamper, seq, words):
    prune(store.engine, HMAC_KEY, days=5, now=NOW)
    with store.engine.begin() as conn:
        if tamper == "modify":
            conn.execute(update(audit_log).where(audit_log.c.chain_seq == 23).values(decision="allow", app="x"))
        elif tamper == "delete-first":
            conn.execute(delete(audit_log).where(audit_log.c.chain_seq == 22))
        elif tamper == "drop-anchor":
            conn.execute(delete(audit_anchor))
        else:   # claim a later start to hide deleted records
            conn.execute(update(audit_anchor).values(chain_seq=26))
            conn.execute(delete(audit_log).where(audit_log.c.chain_seq <= 26))
    with pytest.raises(Tampered) as exc:
        verify(store.engine, HMAC_KEY)
    assert exc.value.chain_seq == seq and words in str(exc.value)


def test_a_tampered_chain_is_not_pruned(store, month):
    with store.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.chain_seq == 3).values(status=200))
    with pytest.raises(Tampered):
        prune(store.engine, HMAC_KEY, days=5, now=NOW)
    assert _seqs(store) == list(range(1, 31))   # the evidence stays


def test_prune_cli_uses_the_configured_retention(store, db_url, tmp_path, monkeypatch, capsys):
    now = datetime.now(timezone.utc)   # the CLI prunes against the real clock
    records = [make_record(i, ts=now - timedelta(days=30 - i)) for i in range(30)]
    for start in range(0, 30, 7):
        store.append(records[start:start + 7])
    monkeypatch.setenv("MEDGATE_AUDIT_HMAC_KEY", HMAC_KEY.decode())
    monkeypatch.delenv("MEDGATE_CONFIG", raising=False)
    assert main(["audit", "prune", "--url", db_url]) == 2      # the embedded default keeps forever
    assert "retention_days is unset" in capsys.readouterr().err
    config = tmp_path / "medgate.yaml"
    config.write_text("model_list:\n  - model_name: m\n    litellm_params: {model: medgate/simulator}\n"
                      "medgate:\n  audit:\n    retention_days: 20.5\n")
    assert main(["audit", "prune", "--url", db_url, "--config", str(config)]) == 0   # keeps seq 11..: anchor 7
    assert "pruned 7 records; the chain now starts after the signed anchor at 7" in capsys.readouterr().out
    assert main(["audit", "verify", "--url", db_url]) == 0
    assert "pruned through 7" in capsys.readouterr().out
