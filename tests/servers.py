"""Real servers for tests: a gateway on uvicorn in a thread, on 127.0.0.1."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
import yaml
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from gateway.app import create_app
from gateway.settings import Settings, load_config
from gateway.telemetry import Telemetry

MASTER_KEY = "sk-test-master-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def upstream_config(base_url: str, baa: bool = False, **medgate: Any) -> dict:
    """A config with one fast-path-eligible model in front of `base_url`. The fake upstream
    models an external provider: no BAA, so the default policy pseudonymizes PHI for it."""
    return {
        "model_list": [{"model_name": "clinical-gpt",
                        "litellm_params": {"model": "openai/gpt-4o-mini", "api_base": base_url,
                                           "api_key": "sk-upstream-secret"},
                        "baa": baa}],
        "router_settings": {"num_retries": 1, "timeout": 5},
        "medgate": medgate,
    }


class GatewayServer:
    def __init__(self, home: Path, config: dict | None = None, **app_kwargs: Any) -> None:
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.config_path: Path | None = None
        if config is not None:
            self.config_path = self.home / "config.yaml"
            self.config_path.write_text(yaml.safe_dump(config))
        self.spans = InMemorySpanExporter()
        self.settings = Settings(home=self.home, master_key=MASTER_KEY, config=self.config_path)
        self.app = create_app(self.settings, load_config(self.config_path),
                              telemetry=Telemetry(self.spans, batch=False), **app_kwargs)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port,
                                                     log_level="warning", loop="asyncio"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self) -> "GatewayServer":
        self._thread.start()
        # a wait, not a measure: a loaded two-core machine has taken more than 20 s to start one
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("gateway did not start")

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    @property
    def pipeline(self):
        return self.app.state.pipeline

    def audit_records(self) -> list[dict]:
        return self.pipeline.audit.records()

    def audit_count(self) -> int:
        return self.pipeline.audit.count()

    def wait_for_audit(self, count: int, timeout: float = 5.0) -> list[dict]:
        """Records (newest first) once there are `count` in all: a stream writes its
        record when it ends, a moment after the client's last byte."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.audit_count() < count:
            time.sleep(0.02)
        return self.audit_records()

    def __enter__(self) -> "GatewayServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
