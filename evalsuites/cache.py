"""Response cache on disk: one JSON file per request, keyed by sha256 of everything that
determines the reply (model, API base, messages, parameters) and nothing secret (never
the API key), so a re-run is cheap and returns exactly the replies that were scored."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def request_key(model: str, api_base: str | None, messages: list[dict[str, Any]], params: dict[str, Any]) -> str:
    canonical = json.dumps({"model": model, "api_base": api_base or "", "messages": messages, "params": params},
                           sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class ResponseCache:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            return json.loads(self._path(key).read_text())
        except (OSError, json.JSONDecodeError):
            return None   # a missing or torn entry is a miss, never an error

    def put(self, key: str, value: dict[str, Any]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write-then-rename: concurrent runs sharing a cache never see half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w") as f:
            json.dump(value, f)
        os.replace(tmp, path)
