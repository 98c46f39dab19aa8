"""`medgate audit export`: the records as FHIR R4 AuditEvents (a `collection`
Bundle), JSON Lines or CSV, streamed in chain order.

FHIR mapping (README "Audit trail"):
  type      DICOM/HL7 audit-event-type `rest` (a RESTful operation)
  subtype   the operation, in medgate's code system (chat, embeddings, phi.analyze)
  action    E (execute): every gateway operation runs something on a model
  period    request start .. start + latency; `recorded` = its end
  outcome   0 success; 4 minor failure: refused or abandoned by the client's side
            (blocked by policy, any 4xx, client disconnect); 8 serious failure: the
            call failed downstream (5xx from upstream, a cut stream); 12 major
            failure: medgate's own internal error (500)
  outcomeDesc  the stable reason/error code, never a message
  agent     the API key (id, app, role) as requestor; the end user's keyed hash, if sent
  source    observer "medgate gateway", type 4 (application server)
  entity    the request (its id), type 2 (system object); details: model, provider,
            policy decision and fired rules, PHI kinds and counts, tokens, cost,
            hashes and chain position. Never content: stored (redacted) content
            goes to JSON Lines and CSV only, never into a FHIR resource.

JSON Lines: the content fields only on records that have them. CSV: the content
columns only when some record in the range has content.
"""
from __future__ import annotations

import csv
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import IO

import orjson
from sqlalchemy import Engine, or_, select

from gateway.audit import chain
from gateway.audit.store import audit_log, stream_rows

AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type"
SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type"
ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
DICOM = "http://dicom.nema.org/resources/ontology/DCM"
OPERATION_SYSTEM = "urn:medgate:codesystem:operation"
ROLE_SYSTEM = "urn:medgate:codesystem:role"
KEY_SYSTEM = "urn:medgate:api-key"
END_USER_SYSTEM = "urn:medgate:end-user-hash"
REQUEST_SYSTEM = "urn:medgate:request-id"

CONTENT_COLUMNS = chain.OPTIONAL_FIELDS
COLUMNS = ("chain_seq", *(f for f in chain.RECORD_FIELDS if f not in CONTENT_COLUMNS), "prev_hash", "record_hash")


def outcome_code(outcome: str, status: int, error_code: str | None) -> str:
    if outcome == "success" and status < 400:
        return "0"
    if status == 500 and error_code == "internal_error":
        return "12"
    if outcome in ("blocked", "client_disconnect") or 400 <= status < 500:
        return "4"
    return "8"


def _instant(ts: datetime) -> str:
    return chain.format_ts(ts)


def audit_event(row: dict) -> dict:
    start = chain.as_utc(row["ts"])
    end = start + timedelta(milliseconds=row["latency_ms"] or 0.0)
    requestor: dict = {"type": {"coding": [{"system": DICOM, "code": "110153", "display": "Source Role ID"}]},
                       "requestor": True}
    if row["key_id"]:
        requestor["who"] = {"identifier": {"system": KEY_SYSTEM, "value": row["key_id"]},
                            "display": row["app"] or row["key_id"]}
        requestor["name"] = row["app"] or row["key_id"]
    else:
        requestor["who"] = {"display": "unauthenticated client"}
    if row["role"]:
        requestor["role"] = [{"coding": [{"system": ROLE_SYSTEM, "code": row["role"]}]}]
    agents = [requestor]
    if row["end_user_hash"]:
        agents.append({"type": {"text": "end user (keyed hash of the request's user field)"},
                       "who": {"identifier": {"system": END_USER_SYSTEM, "value": row["end_user_hash"]}},
                       "requestor": False})
    event = {
        "resourceType": "AuditEvent",
        "id": row["request_id"],
        "type": {"system": AUDIT_EVENT_TYPE, "code": "rest", "display": "Restful Operation"},
        "subtype": [{"system": OPERATION_SYSTEM, "code": row["operation"]}],
        "action": "E",
        "period": {"start": _instant(start), "end": _instant(end)},
        "recorded": _instant(end),
        "outcome": outcome_code(row["outcome"], row["status"], row["error_code"]),
        "agent": agents,
        "source": {"observer": {"display": "medgate gateway"},
                   "type": [{"system": SOURCE_TYPE, "code": "4", "display": "Application Server"}]},
        "entity": [{"what": {"identifier": {"system": REQUEST_SYSTEM, "value": row["request_id"]}},
                    "type": {"system": ENTITY_TYPE, "code": "2", "display": "System Object"},
                    "detail": _details(row)}],
    }
    desc = row["error_code"] or row["reason_code"]
    if desc:
        event["outcomeDesc"] = desc
    return event


def _details(row: dict) -> list[dict]:
    pairs: list[tuple[str, object]] = [
        (name, row[name]) for name in ("outcome", "status", "model_requested", "model_used", "provider", "stream",
                                       "team", "decision", "reason_code")]
    pairs.append(("fired_rules", ",".join(row["fired_rules"] or []) or None))
    pairs += [(f"phi.{kind}", n) for kind, n in sorted((row["phi_counts"] or {}).items())]
    pairs += [(f"output_phi.{kind}", n) for kind, n in sorted((row["output_phi_counts"] or {}).items())]
    pairs += [(name, row[name]) for name in ("prompt_tokens", "completion_tokens", "cost_usd", "latency_ms",
                                             "request_hash", "response_hash", "chain_seq", "record_hash")]
    return [{"type": name, "valueString": str(value).lower() if isinstance(value, bool) else str(value)}
            for name, value in pairs if value is not None]


def _full_url(request_id: str) -> str:
    try:
        return f"urn:uuid:{uuid.UUID(hex=request_id)}"
    except ValueError:
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, REQUEST_SYSTEM + ':' + request_id)}"


def _where(since: datetime | None, until: datetime | None) -> list:
    where = []
    if since is not None:
        where.append(audit_log.c.ts >= chain.as_utc(since))
    if until is not None:
        where.append(audit_log.c.ts < chain.as_utc(until))
    return where


def _rows(engine: Engine, since: datetime | None, until: datetime | None) -> Iterator[dict]:
    with engine.connect() as conn:
        yield from stream_rows(conn, where=_where(since, until))


def _has_content(engine: Engine, since: datetime | None, until: datetime | None) -> bool:
    query = select(audit_log.c.chain_seq).where(*_where(since, until), or_(
        *(audit_log.c[name].is_not(None) for name in CONTENT_COLUMNS))).limit(1)
    with engine.connect() as conn:
        return conn.execute(query).first() is not None


def _plain(row: dict) -> dict:
    """The fixed columns (no content: the dashboard's CSV uses this as it is)."""
    out = {name: row[name] for name in COLUMNS}
    out["ts"] = chain.format_ts(row["ts"])
    return out


def _with_content(row: dict) -> dict:
    out = _plain(row)
    for name in CONTENT_COLUMNS:   # only when stored: absent hashes as None (chain.canonical)
        if row.get(name) is not None:
            out[name] = row[name]
    return out


def write_export(engine: Engine, out: IO[str], fmt: str, *, since: datetime | None = None,
                 until: datetime | None = None) -> int:
    """Writes as it reads; returns the number of records."""
    count = 0
    if fmt == "jsonl":
        for row in _rows(engine, since, until):
            out.write(orjson.dumps(_with_content(row)).decode() + "\n")
            count += 1
    elif fmt == "csv":
        columns = COLUMNS + CONTENT_COLUMNS if _has_content(engine, since, until) else COLUMNS
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")   # content written meanwhile
        writer.writeheader()
        for row in _rows(engine, since, until):
            plain = _with_content(row)
            for name in ("fired_rules", "phi_counts", "output_phi_counts"):
                plain[name] = orjson.dumps(plain[name]).decode()
            writer.writerow(plain)
            count += 1
    elif fmt == "fhir":
        out.write('{"resourceType":"Bundle","type":"collection","entry":[')
        for row in _rows(engine, since, until):
            entry = {"fullUrl": _full_url(row["request_id"]), "resource": audit_event(row)}
            out.write(("," if count else "") + "\n" + orjson.dumps(entry).decode())
            count += 1
        out.write("\n]}\n")
    else:
        raise ValueError(f"unknown export format {fmt!r}: fhir, jsonl or csv")
    return count
