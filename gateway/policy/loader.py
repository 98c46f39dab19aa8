"""Loading a policy set: every file read, validated and compiled, or nothing at all.

A policy path is a file or a directory; a directory's policy set is its `*.yaml`
files in name order (test files, `*.test.yaml`, excluded). Errors name the file,
the line, the rule and the field:

    policies/default.yaml:14: rule 'phi-to-non-baa': when: CEL syntax error at line 1 column 12 …
"""
from __future__ import annotations

import hashlib
from collections.abc import Collection
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from gateway.auth import Principal
from gateway.policy import PolicyInput
from gateway.policy.conditions import ConditionError, ConditionSyntaxError, Program
from gateway.policy.engine import CompiledFile, CompiledRule, PolicySet, content_matcher, unsafe_output
from gateway.policy.schema import PolicyFile
from gateway.settings import ConfigError

TEST_SUFFIX = ".test.yaml"
# Probe failures that no request could avoid: reported at load, not at the first request.
STRUCTURAL = ("unknown variable", "does not exist", "must be a boolean", "wrong type")


class PolicyError(ConfigError):
    """A policy that cannot be used. The message names file, line, rule and field."""


def policy_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")
                       and not p.name.endswith((TEST_SUFFIX, ".test.yml")) and p.is_file())
        if not files:
            raise PolicyError(f"{path}: no policy files (*.yaml) in this directory")
        return files
    if not path.exists():
        raise PolicyError(f"{path}: no such policy file or directory")
    return [path]


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None, bytes]:
    """(data, node tree for line numbers, raw bytes); PolicyError naming the line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        duplicate = _duplicate_key(node)
        if duplicate:   # YAML would silently keep the last one: a lost condition
            raise PolicyError(f"{path}:{duplicate[0]}: key {duplicate[1]!r} appears twice in the same mapping")
        return yaml.safe_load(text), node, raw
    except UnicodeDecodeError:
        raise PolicyError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "syntax error"
        raise PolicyError(f"{path}:{mark.line + 1 if mark else '?'}: not valid YAML ({problem})") from None


def _duplicate_key(node: yaml.Node | None) -> tuple[int, str] | None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                return key.start_mark.line + 1, key.value
            seen.add(key.value)
            found = _duplicate_key(value)
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _duplicate_key(item)
            if found:
                return found
    return None


def _rule_lines(node: yaml.Node | None) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "rules" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _where(source: Path, data: Any, lines: list[int], index: int) -> str:
    rules = data.get("rules") if isinstance(data, dict) else None
    rule = rules[index] if isinstance(rules, list) and index < len(rules) else None
    rule_id = rule.get("id") if isinstance(rule, dict) and isinstance(rule.get("id"), str) else f"#{index + 1}"
    line = f":{lines[index]}" if index < len(lines) else ""
    return f"{source}{line}: rule '{rule_id}'"


def parse_file(source: Path) -> tuple[PolicyFile, list[int], bytes]:
    data, node, raw = read_yaml(source)
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: expected a mapping with `rules:`")
    lines = _rule_lines(node)
    try:
        return PolicyFile.model_validate(data), lines, raw
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = list(error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown field (a typo?)"
        elif error["type"] == "missing":
            message = "required field missing"
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
            field = ".".join(str(p) for p in loc[2:])
            where = _where(source, data, lines, loc[1])
            raise PolicyError(f"{where}: {field + ': ' if field else ''}{message}") from None
        field = ".".join(str(p) for p in loc)
        raise PolicyError(f"{source}: {field + ': ' if field else ''}{message}") from None


def _probe(models: Collection[str]) -> PolicyInput:
    """A plausible request: conditions that fail on it fail on every request."""
    return PolicyInput(
        principal=Principal(key_id="probe", app="probe-app", role="app", team="probe-team"),
        operation="chat", model=next(iter(models), "probe-model"), provider="openai", baa=False,
        phi={"PERSON": 1}, phi_scores={"PERSON": 0.9}, content="probe",
        params={"max_tokens": 256, "temperature": 0.2, "stream": False,
                "tools": [{"type": "function", "function": {"name": "probe"}}]},
        now=datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc))


def compile_file(source: Path, policy: PolicyFile, lines: list[int],
                 models: Collection[str] | None) -> CompiledFile:
    texts: list[str] = []
    compiled: list[CompiledRule] = []
    for index, rule in enumerate(policy.rules):
        where = f"{source}{':' + str(lines[index]) if index < len(lines) else ''}: rule '{rule.id}'"
        condition = None
        if rule.when is not None:
            try:
                Program([rule.when])
            except ConditionSyntaxError as exc:
                raise PolicyError(f"{where}: when: {exc}") from None
            condition = len(texts)
            texts.append(rule.when)
        if rule.route is not None and models is not None and rule.route.to not in models:
            raise PolicyError(f"{where}: route.to: model {rule.route.to!r} is not in the gateway config "
                              f"(configured: {', '.join(sorted(models))})")
        compiled.append(CompiledRule(rule, str(source), condition,
                                     content_matcher(rule.content) if rule.content else None, unsafe_output(rule)))
    file = CompiledFile(str(source), policy, compiled, Program(texts))
    probe = PolicySet([file])
    try:
        file.program.run(probe.values(_probe(models or ()), "probe", file, datetime.now(timezone.utc)))
    except ConditionError as exc:
        if any(word in exc.problem for word in STRUCTURAL):
            rule = next(r for r in compiled if r.condition == exc.index)
            index = compiled.index(rule)
            where = f"{source}{':' + str(lines[index]) if index < len(lines) else ''}: rule '{rule.rule.id}'"
            raise PolicyError(f"{where}: when: {exc.problem}") from None
    return file


def load_policy_set(path: Path | str, *, models: Collection[str] | None = None,
                    site_modes: dict[str, str] | None = None) -> PolicySet:
    """All files of the set, or PolicyError: never part of one. `models`: the configured
    model names (route targets are checked against them); `site_modes`: the config's
    per-kind PHI modes, used where a redact rule names no mode."""
    path = Path(path)
    digest = hashlib.sha256()
    files: list[CompiledFile] = []
    seen: dict[str, str] = {}
    for source in policy_files(path):
        policy, lines, raw = parse_file(source)
        digest.update(source.name.encode() + b"\0" + raw + b"\0")
        for index, rule in enumerate(policy.rules):
            if rule.id in seen:
                line = f":{lines[index]}" if index < len(lines) else ""
                raise PolicyError(f"{source}{line}: rule '{rule.id}': id: duplicate (first in {seen[rule.id]})")
            seen[rule.id] = str(source)
        files.append(compile_file(source, policy, lines, models))
    return PolicySet(files, site_modes, digest.hexdigest())
