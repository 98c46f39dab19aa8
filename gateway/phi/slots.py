"""Every place in an OpenAI request where text (and so PHI) can hide."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass
class TextSlot:
    path: str            # e.g. "messages[2].content[0].text": for findings, never for values
    container: Any       # the dict or list holding the text
    key: Any             # its key or index there

    @property
    def text(self) -> str:
        return self.container[self.key]

    def replace(self, text: str) -> None:
        self.container[self.key] = text


def text_slots(body: dict) -> list[TextSlot]:
    """Slots of a chat or embeddings request body (the dict is edited in place by
    `TextSlot.replace`, so callers pass a copy they own)."""
    return list(_chat(body)) if "messages" in body else list(_embeddings(body))


def _chat(body: dict) -> Iterator[TextSlot]:
    for i, msg in enumerate(body.get("messages", [])):
        at = f"messages[{i}]"
        content = msg.get("content")
        if isinstance(content, str):
            yield TextSlot(f"{at}.content", msg, "content")
        elif isinstance(content, list):
            for j, part in enumerate(content):
                if isinstance(part, dict) and isinstance(part.get("text"), str):
                    yield TextSlot(f"{at}.content[{j}].text", part, "text")
        for k, call in enumerate(msg.get("tool_calls") or []):
            fn = call.get("function") or {}
            if isinstance(fn.get("arguments"), str):
                yield TextSlot(f"{at}.tool_calls[{k}].function.arguments", fn, "arguments")
        if isinstance(msg.get("function_call"), dict) and isinstance(msg["function_call"].get("arguments"), str):
            yield TextSlot(f"{at}.function_call.arguments", msg["function_call"], "arguments")
    for i, tool in enumerate(body.get("tools") or []):
        fn = tool.get("function") or {}
        if isinstance(fn.get("description"), str):
            yield TextSlot(f"tools[{i}].function.description", fn, "description")
        yield from _schema_descriptions(fn.get("parameters"), f"tools[{i}].function.parameters")


def _schema_descriptions(schema: Any, at: str) -> Iterator[TextSlot]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "description" and isinstance(value, str):
                yield TextSlot(f"{at}.description", schema, key)
            else:
                yield from _schema_descriptions(value, f"{at}.{key}")
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _schema_descriptions(value, f"{at}[{i}]")


def _embeddings(body: dict) -> Iterator[TextSlot]:
    value = body.get("input")
    if isinstance(value, str):
        yield TextSlot("input", body, "input")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield TextSlot(f"input[{i}]", value, i)
