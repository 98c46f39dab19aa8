"""`medgate audit verify | export | prune`: the compliance officer's commands.

The store is found as `medgate serve` finds it (MEDGATE_AUDIT_URL, else the SQLite
file under MEDGATE_HOME) unless `--url` says otherwise. Exit codes: 0 fine,
1 tampered (verify), 2 could not do it (store unreachable, no audit tables, no key,
bad arguments).
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timezone
from pathlib import Path


def register(subparsers) -> None:
    audit = subparsers.add_parser("audit", help="verify, export and prune the tamper-evident audit trail")
    sub = audit.add_subparsers(dest="audit_cmd", required=True)

    verify = sub.add_parser("verify", help="check the hash chain and signed checkpoints: exit 0 intact, "
                                           "1 tampered (names the first bad record), 2 could not check")
    _store_args(verify)
    verify.set_defaults(func=_verify)

    export = sub.add_parser("export", help="write the records as FHIR R4 AuditEvents, JSON Lines or CSV")
    _store_args(export)
    export.add_argument("--format", required=True, choices=["fhir", "jsonl", "csv"])
    export.add_argument("--since", type=_iso, help="ISO 8601 time: records at or after it")
    export.add_argument("--until", type=_iso, help="ISO 8601 time: records before it")
    export.add_argument("--output", help="file to write (default: stdout)")
    export.set_defaults(func=_export)

    prune = sub.add_parser("prune", help="delete records older than the retention, up to a signed checkpoint")
    _store_args(prune)
    prune.add_argument("--days", type=float, help="retention in days (default: medgate.audit.retention_days)")
    prune.add_argument("--config", help="YAML config (default: MEDGATE_CONFIG or the embedded default)")
    prune.set_defaults(func=_prune)


def _store_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="SQLAlchemy URL of the audit store (default: MEDGATE_AUDIT_URL, "
                                      "else MEDGATE_HOME/medgate.db)")


def _iso(value: str) -> datetime:
    try:
        ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from None
    return ts.replace(tzinfo=timezone.utc) if ts.tzinfo is None else ts


def _fail(message: str, code: int = 2) -> int:
    print(f"medgate audit: {message}", file=sys.stderr)
    return code


def _engine(args: argparse.Namespace):
    """An engine on an existing store, never a new empty SQLite file."""
    from sqlalchemy.engine import make_url

    from gateway.db import make_engine
    from gateway.settings import Settings
    url = args.url or Settings().database_url()
    try:
        parsed = make_url(url)
    except Exception:
        raise LookupError("--url is not a SQLAlchemy URL") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not Path(parsed.database).exists():
        raise LookupError(f"no audit database at {parsed.database}")
    return make_engine(url)


def _key() -> bytes | None:
    from gateway.audit.chain import checkpoint_key
    from gateway.settings import Settings
    settings = Settings()
    master = settings.master_key
    path = settings.home / "master.key"
    if master is None and path.exists():   # never generate one here: a new key verifies nothing
        master = path.read_text().strip()
    return checkpoint_key(settings.audit_hmac_key, master)


def _verify(args: argparse.Namespace) -> int:
    from gateway.audit.verify import CannotCheck, Tampered, verify
    key = _key()
    if key is None:
        return _fail("no key to check signed checkpoints: set MEDGATE_AUDIT_HMAC_KEY or MEDGATE_MASTER_KEY "
                     "(or MEDGATE_HOME with its master.key)")
    try:
        engine = _engine(args)
        report = verify(engine, key)
    except LookupError as exc:
        return _fail(str(exc))
    except CannotCheck as exc:
        return _fail(f"could not check: {exc}")
    except Tampered as exc:
        print(f"TAMPERED: {exc}")
        return 1
    print(report.summary())
    return 0


def _export(args: argparse.Namespace) -> int:
    from gateway.audit.export import write_export
    try:
        engine = _engine(args)
        out = open(args.output, "w", newline="") if args.output else sys.stdout
    except (LookupError, OSError) as exc:
        return _fail(str(exc))
    try:
        count = write_export(engine, out, args.format, since=args.since, until=args.until)
    except BrokenPipeError:    # `| head`: the reader has what it wanted; nothing is wrong with the store
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # no second error at exit
        return 0
    except Exception as exc:   # the type only: a driver message may quote parameters
        return _fail(f"export failed ({type(exc).__name__}: the store could not be read)")
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"exported {count} records as {args.format}", file=sys.stderr)
    return 0


def _prune(args: argparse.Namespace) -> int:
    from gateway.audit.retention import prune
    from gateway.settings import ConfigError, Settings, load_config
    days = args.days
    if days is None:
        try:
            days = load_config(args.config or Settings().config).medgate.audit.retention_days
        except ConfigError as exc:
            return _fail(f"config error: {exc}")
        if days is None:
            return _fail("no retention set: medgate.audit.retention_days is unset (keep forever); pass --days")
    if days <= 0:
        return _fail("--days must be positive")
    key = _key()
    if key is None:
        return _fail("no key to sign the prune anchor: set MEDGATE_AUDIT_HMAC_KEY or MEDGATE_MASTER_KEY")
    try:
        result = prune(_engine(args), key, days)
    except LookupError as exc:
        return _fail(str(exc))
    except Exception as exc:
        return _fail(f"prune failed ({type(exc).__name__})")
    print(result.summary())
    return 0
