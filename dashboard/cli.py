"""`medgate dashboard [--port P] [--host H]`: the oversight dashboard (Streamlit).

Becomes `streamlit run dashboard/app.py` (exec, not a child process: whoever stops
`medgate dashboard` stops Streamlit, and no orphan is left behind) with this environment
(the same MEDGATE_* and MLFLOW_TRACKING_URI as the gateway and `medgate eval`), so it
reads the same audit store, keys and eval runs.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"
DEFAULT_PORT = 8501


def command(host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.address", host, "--server.port", str(port), "--server.headless", "true",
            "--server.fileWatcherType", "none", "--server.runOnSave", "false",
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
            "--theme.base", "light"]


def _run(args: argparse.Namespace) -> int:
    print(f"medgate dashboard: http://{args.host}:{args.port}  (sign in with an auditor or admin key)", flush=True)
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    cmd = command(args.host, args.port)
    os.execve(cmd[0], cmd, env)   # does not return


def register(subparsers) -> None:
    parser = subparsers.add_parser("dashboard", help="the compliance officers' Streamlit dashboard (read-only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    parser.set_defaults(func=_run)
