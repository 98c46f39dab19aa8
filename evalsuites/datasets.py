"""Versioned datasets: JSONL/YAML files under evalsuites/data, named in datasets.yaml.

A dataset's identity is its version string plus the sha256 of its files' bytes; both
go into every report and MLflow run so that two runs are comparable only when they
scored the same items.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


class DatasetError(ValueError):
    """Bad data: the message names the file, line and field."""


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    version: str
    sha256: str
    files: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "sha256": self.sha256, "files": list(self.files)}


def dataset_info(suite: str, data_dir: Path = DATA_DIR) -> DatasetInfo:
    manifest = load_yaml(data_dir / "datasets.yaml")
    entry = manifest.get(suite)
    if not isinstance(entry, dict) or "version" not in entry or "files" not in entry:
        raise DatasetError(f"{data_dir / 'datasets.yaml'}: no entry with version and files for suite {suite!r}")
    digest = hashlib.sha256()
    for name in entry["files"]:
        path = data_dir / name
        if not path.is_file():
            raise DatasetError(f"{data_dir / 'datasets.yaml'}: {suite}.files names {name}, which does not exist")
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return DatasetInfo(suite, str(entry["version"]), digest.hexdigest(), tuple(entry["files"]))


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text())
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise DatasetError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise DatasetError(f"{path}: expected a mapping at the top level")
    return data


def load_jsonl(path: Path, required: dict[str, type | tuple[type, ...]]) -> list[dict[str, Any]]:
    """Every line is checked before anything is returned; ids must be unique."""
    try:
        lines = path.read_text().splitlines()
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read ({exc.strerror})") from None
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(row, dict):
            raise DatasetError(f"{path}:{number}: expected a JSON object")
        for field, kind in {"id": str, **required}.items():
            if field not in row:
                raise DatasetError(f"{path}:{number}: missing field {field!r}")
            if not isinstance(row[field], kind):
                raise DatasetError(f"{path}:{number}: field {field!r} has the wrong type "
                                   f"({type(row[field]).__name__})")
        if row["id"] in seen:
            raise DatasetError(f"{path}:{number}: duplicate id {row['id']!r}")
        seen.add(row["id"])
        rows.append(row)
    return rows
