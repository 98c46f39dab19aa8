"""A small JSON value valid against a JSON schema (the common subset).

Used by the local simulator to answer `response_format: json_schema` and tool
calls, and by the tests' fake provider.
"""
from __future__ import annotations

from typing import Any


def resolve_ref(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 32:
        ref = schema["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#"):
            return {}
        target: Any = root
        for token in [t for t in ref[1:].split("/") if t]:
            token = token.replace("~1", "/").replace("~0", "~")
            target = target.get(token, {}) if isinstance(target, dict) else {}
        schema = target if isinstance(target, dict) else {}
        seen += 1
    return schema


def example_for_schema(schema: Any, root: Any = None, depth: int = 0, text: str | None = None) -> Any:
    """Build a JSON value that validates against ``schema`` (the common subset).

    Objects get every declared property, strings are `text` or "x" (or the first enum
    value / const / a value for common formats), numbers 0 (or the minimum),
    booleans true, arrays one item (or minItems items).
    """
    if root is None:
        root = schema
    if not isinstance(schema, dict) or depth > 24:
        return None
    schema = resolve_ref(schema, root)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            non_null = [o for o in options if not (isinstance(o, dict) and o.get("type") == "null")]
            return example_for_schema((non_null or options)[0], root, depth + 1, text)
    if isinstance(schema.get("allOf"), list) and schema["allOf"]:
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        props: dict[str, Any] = dict(merged.get("properties", {}))
        required: list[str] = list(merged.get("required", []))
        for sub in schema["allOf"]:
            sub = resolve_ref(sub, root) if isinstance(sub, dict) else {}
            props.update(sub.get("properties", {}))
            required.extend(sub.get("required", []))
            for k, v in sub.items():
                merged.setdefault(k, v)
        merged["properties"] = props
        merged["required"] = required
        return example_for_schema(merged, root, depth + 1, text)

    typ = schema.get("type")
    if isinstance(typ, list):
        non_null_types = [t for t in typ if t != "null"]
        typ = non_null_types[0] if non_null_types else "null"
    if typ is None:
        if "properties" in schema:
            typ = "object"
        elif "items" in schema:
            typ = "array"
        else:
            typ = "string"

    if typ == "object":
        out: dict[str, Any] = {}
        properties = schema.get("properties") or {}
        names = list(properties)
        for req in schema.get("required") or []:
            if req not in names:
                names.append(req)
        for name in names:
            out[name] = example_for_schema(properties.get(name, {}), root, depth + 1, text)
        return out
    if typ == "array":
        count = max(1, int(schema.get("minItems", 1) or 1))
        items = schema.get("items")
        if isinstance(schema.get("prefixItems"), list):
            return [example_for_schema(s, root, depth + 1, text) for s in schema["prefixItems"]]
        return [example_for_schema(items if isinstance(items, dict) else {}, root, depth + 1, text)
                for _ in range(count)]
    if typ == "string":
        fmt = schema.get("format")
        formats = {
            "date": "2024-01-01",
            "date-time": "2024-01-01T00:00:00Z",
            "time": "00:00:00",
            "email": "x@example.com",
            "uuid": "00000000-0000-4000-8000-000000000000",
            "uri": "https://example.com/",
        }
        if fmt in formats:
            return formats[fmt]
        if text is not None:
            return text
        return "x" * max(1, int(schema.get("minLength", 1) or 1))
    if typ in ("integer", "number"):
        if "minimum" in schema:
            value: float = schema["minimum"]
        elif "exclusiveMinimum" in schema and not isinstance(schema["exclusiveMinimum"], bool):
            value = schema["exclusiveMinimum"] + 1
        else:
            value = 0
        return int(value) if typ == "integer" else value
    if typ == "boolean":
        return True
    return None
