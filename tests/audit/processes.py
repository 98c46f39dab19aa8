"""`medgate serve` as a real separate process, the way replicas run."""
from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import yaml

from tests.servers import MASTER_KEY, free_port

ROOT = Path(__file__).resolve().parents[2]


def _die_with_parent() -> None:
    # A test killed by its timeout must not leave gateways running on a shared machine.
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG


class ServeProcess:
    def __init__(self, home: Path, config: dict, audit_url: str) -> None:
        home.mkdir(parents=True, exist_ok=True)
        (home / "config.yaml").write_text(yaml.safe_dump(config))
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.log = home / "serve.log"
        env = {**os.environ, "MEDGATE_HOME": str(home), "MEDGATE_AUDIT_URL": audit_url,
               "MEDGATE_MASTER_KEY": MASTER_KEY, "LITELLM_LOCAL_MODEL_COST_MAP": "True"}
        env.pop("MEDGATE_AUDIT_HMAC_KEY", None)
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gateway.cli", "serve", "--config", str(home / "config.yaml"),
                 "--port", str(self.port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent)

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"medgate serve exited: {self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("medgate serve did not start")

    def stop(self) -> int:
        """SIGINT: uvicorn shuts down gracefully, so the writer drains and signs the tail."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode
