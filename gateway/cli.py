"""`medgate …`: the command line (DESIGN.md, "Public contracts")."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dashboard.cli import register as register_dashboard
from evalsuites.cli import register as register_eval
from gateway.audit.cli import register as register_audit
from gateway.policy.cli import register as register_policy
from gateway.settings import ConfigError, Settings, load_config


def _fail(message: str, code: int = 2) -> int:
    print(f"medgate: {message}", file=sys.stderr)
    return code


def _serve(args: argparse.Namespace) -> int:
    # Flags become environment so that every uvicorn worker builds the same app.
    if args.config:
        os.environ["MEDGATE_CONFIG"] = str(Path(args.config).resolve())
    settings = Settings()
    try:
        config = load_config(settings.config)
        from gateway.upstream import Upstream
        Upstream(config)   # refuse to start on a config the router cannot use
        from gateway.policy.reload import from_config
        from_config(config)   # ... or on a policy that does not load (PolicyError is a ConfigError)
    except ConfigError as exc:
        return _fail(f"config error: {exc}")
    settings.home.mkdir(parents=True, exist_ok=True)
    os.environ["MEDGATE_HOME"] = str(settings.home.resolve())
    _, key_source = settings.resolve_master_key()
    from gateway.db import init_schema, make_engine
    engine = make_engine(settings.database_url())
    init_schema(engine)   # once, before the workers: they would race to create tables
    engine.dispose()
    host, port = args.host or settings.host, args.port or settings.port
    key_ref = "$MEDGATE_MASTER_KEY" if key_source == "MEDGATE_MASTER_KEY" else f"$(cat {key_source})"
    model = config.model_list[0].model_name
    print(f"""
medgate {_version()} — governance gateway for healthcare LLMs
  API:         http://{host}:{port}/v1   (OpenAI-compatible)
  config:      {config.source}
  models:      {', '.join(dict.fromkeys(m.model_name for m in config.model_list))}
  master key:  {key_source}
  audit/keys:  {_redact_url(settings.database_url())}

Try it:
  curl -s http://{host}:{port}/v1/chat/completions \\
    -H "Authorization: Bearer {key_ref}" -H "Content-Type: application/json" \\
    -d '{{"model": "{model}", "messages": [{{"role": "user", "content": "Summarize: pt c/o chest pain since Tuesday"}}]}}'
""", flush=True)
    import uvicorn
    uvicorn.run("gateway.app:create_app", factory=True, host=host, port=port, workers=args.workers,
                log_level=settings.log_level, loop="uvloop", http="httptools", access_log=False)
    return 0


def _redact_url(url: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(url).render_as_string(hide_password=True)


def _version() -> str:
    from gateway import __version__
    return __version__


def _keystore():
    from gateway.auth import KeyStore
    from gateway.db import init_schema, make_engine
    settings = Settings()
    engine = make_engine(settings.database_url())
    init_schema(engine)
    return KeyStore(engine, master_key=None)


def _keys(args: argparse.Namespace) -> int:
    store = _keystore()
    if args.keys_cmd == "create":
        models = [m.strip() for m in args.models.split(",") if m.strip()] if args.models else None
        try:
            key_id, key = store.create(args.app, args.role, team=args.team, models=models)
        except ValueError as exc:
            return _fail(str(exc))
        print(key)
        print(f"key id {key_id} (app {args.app}, role {args.role}); the key is shown only once.",
              file=sys.stderr)
    elif args.keys_cmd == "list":
        for k in store.list():
            state = f"revoked {k.revoked_at:%Y-%m-%d}" if k.revoked_at else "active"
            models = ",".join(k.allowed_models) if k.allowed_models else "*"
            print(f"{k.key_id}  {k.role:8s} {k.app:20s} team={k.team or '-':12s} models={models}  {state}")
    elif args.keys_cmd == "revoke":
        if not store.revoke(args.key_id):
            return _fail(f"no active key with id {args.key_id}", 1)
        print(f"revoked {args.key_id}")
    return 0


def _phi_detector(config_path: str | None):
    from gateway.phi.engine import build_detector
    settings = Settings()
    options = load_config(config_path or settings.config).medgate.phi
    return build_detector(options.model_copy(update={"detector": "presidio"}))


def _read_jsonl(stream) -> list[dict]:
    """Every line checked before any output: bad input loses nothing and prints nothing."""
    import json
    items = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("text"), str):
            raise ValueError(f'line {number}: expected an object {{"id": string, "text": string}}')
        items.append(item)
    return items


def _phi(args: argparse.Namespace) -> int:
    import json
    try:
        if args.phi_cmd == "detect":
            items = _read_jsonl(sys.stdin)
        else:
            items = [{"id": "-", "text": Path(args.file).read_text() if args.file and args.file != "-"
                      else sys.stdin.read()}]
    except (ValueError, OSError) as exc:
        return _fail(str(exc))
    try:
        detector = _phi_detector(args.config)
    except Exception as exc:
        return _fail(f"cannot start the PHI detector: {exc}")
    if args.phi_cmd == "detect":
        out = sys.stdout
        for item in items:
            entities = [{"type": f.type, "start": f.start, "end": f.end, "score": round(f.score, 4)}
                        for f in detector.analyze(item["text"])]
            out.write(json.dumps({"id": item["id"], "entities": entities}) + "\n")
        return 0
    from gateway.phi import redact, text_slots
    from gateway.phi.kinds import KINDS
    body = {"input": items[0]["text"]}
    slots = text_slots(body)
    key = b""
    if args.mode == "hash":
        import hashlib
        import hmac
        master, _ = Settings().resolve_master_key()
        key = hmac.new(master.encode(), b"medgate phi hash v1", hashlib.sha256).digest()
    redact(slots, [detector.analyze(slots[0].text)], {k: args.mode for k in KINDS}, key)
    sys.stdout.write(body["input"])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medgate", description="Governance gateway for healthcare LLMs")
    sub = parser.add_subparsers(dest="cmd", required=True)

    serve = sub.add_parser("serve", help="run the OpenAI-compatible gateway")
    serve.add_argument("--config", help="YAML config (default: MEDGATE_CONFIG or the embedded default)")
    serve.add_argument("--host", help="bind address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 4000)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    serve.set_defaults(func=_serve)

    keys = sub.add_parser("keys", help="manage API keys")
    ksub = keys.add_subparsers(dest="keys_cmd", required=True)
    create = ksub.add_parser("create", help="create a key and print it once")
    create.add_argument("--app", required=True)
    create.add_argument("--role", required=True, choices=["app", "auditor", "admin"])
    create.add_argument("--team")
    create.add_argument("--models", help="comma-separated model names this key may use (default: all)")
    ksub.add_parser("list", help="list keys (ids, never secrets)")
    revoke = ksub.add_parser("revoke", help="revoke a key by id")
    revoke.add_argument("key_id")
    keys.set_defaults(func=_keys)

    phi = sub.add_parser("phi", help="detect or redact PHI offline")
    psub = phi.add_subparsers(dest="phi_cmd", required=True)
    detect = psub.add_parser("detect", help='JSON Lines {"id","text"} on stdin -> {"id","entities"} on stdout')
    detect.add_argument("--config", help="YAML config whose medgate.phi section to use")
    red = psub.add_parser("redact", help="print a file (or stdin) with its PHI replaced")
    red.add_argument("file", nargs="?", help="text file (default: stdin)")
    red.add_argument("--mode", choices=["pseudonymize", "mask", "hash"], default="pseudonymize")
    red.add_argument("--config", help="YAML config whose medgate.phi section to use")
    phi.set_defaults(func=_phi)
    register_audit(sub)
    register_policy(sub)
    register_eval(sub)
    register_dashboard(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
