"""Export of the explorer's current filter, in the same formats as `medgate audit
export`: a FHIR R4 AuditEvent `collection` Bundle and CSV, records in chain order.

gateway.audit.export filters by time only; this adapter streams the rows of any
AuditFilter and renders each with gateway.audit.export's own mapping, so a dashboard
export and a CLI export of the same records are the same bytes.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import orjson
from sqlalchemy import select

from gateway.audit.export import COLUMNS, _full_url, _plain, audit_event
from gateway.audit.store import audit_log

from dashboard.data import AuditData, AuditFilter

_JSON = ("fired_rules", "phi_counts", "output_phi_counts")


def rows(data: AuditData, f: AuditFilter, chunk: int = 5000) -> Iterator[dict]:
    query = select(audit_log).where(*data.where(f)).order_by(audit_log.c.chain_seq)
    with data.engine.connect() as conn:
        for row in conn.execution_options(stream_results=True, yield_per=chunk).execute(query).mappings():
            yield dict(row)


def fhir_bundle(data: AuditData, f: AuditFilter) -> bytes:
    out = io.BytesIO()
    out.write(b'{"resourceType":"Bundle","type":"collection","entry":[')
    for i, row in enumerate(rows(data, f)):
        entry = {"fullUrl": _full_url(row["request_id"]), "resource": audit_event(row)}
        out.write((b"," if i else b"") + b"\n" + orjson.dumps(entry))
    out.write(b"\n]}\n")
    return out.getvalue()


def csv_bytes(data: AuditData, f: AuditFilter) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows(data, f):
        plain = _plain(row)
        for name in _JSON:
            plain[name] = orjson.dumps(plain[name]).decode()
        writer.writerow(plain)
    return out.getvalue().encode()
