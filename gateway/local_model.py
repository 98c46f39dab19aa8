"""The embedded offline model of the default config: a deterministic simulator.

It is not a language model. It answers every request with what it received, so
that a user of `make run` sees exactly what left the gateway after redaction, and
it speaks enough of the OpenAI protocol (streaming, tools, JSON schema,
embeddings) for clients to be tried against it.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import struct
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from gateway.schema_example import example_for_schema

LABEL = "[medgate local simulator: deterministic echo, not a medical model]"
# The gateway restores <KIND_n> placeholders in replies; the echo shows them as
# ‹KIND_n› instead, so the user sees what the model was actually sent.
_PLACEHOLDER = re.compile(r"<([A-Z_]+_(?:\d+|h[0-9a-f]{8}))>|<([A-Z_]+)>")
MODEL = "medgate-simulator-1"


def message_text(message: dict) -> str:
    content = message.get("content")
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return content or ""


def _tokens(text: str) -> int:
    return len(text.split())


class LocalModel:
    """Stateless; one instance per gateway."""

    def complete(self, body: dict) -> dict:
        message, finish = self._answer(body)
        n = body.get("n") or 1
        prompt_tokens = sum(_tokens(message_text(m)) for m in body["messages"])
        completion_tokens = _tokens(message.get("content") or "") + sum(
            _tokens(tc["function"]["arguments"]) for tc in message.get("tool_calls", []))
        return {
            "id": f"chatcmpl-sim-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": MODEL,
            "system_fingerprint": "medgate-sim",
            "choices": [{"index": i, "message": message, "finish_reason": finish, "logprobs": None}
                        for i in range(n)],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens * n,
                      "total_tokens": prompt_tokens + completion_tokens * n},
        }

    async def stream(self, body: dict) -> AsyncIterator[dict]:
        full = self.complete(body)
        base = {"id": full["id"], "object": "chat.completion.chunk", "created": full["created"],
                "model": MODEL, "system_fingerprint": "medgate-sim"}
        for choice in full["choices"]:
            i, message = choice["index"], choice["message"]
            yield {**base, "choices": [{"index": i, "delta": {"role": "assistant", "content": ""},
                                        "finish_reason": None}]}
            content = message.get("content") or ""
            words = content.split(" ")
            for w, word in enumerate(words):
                piece = word if w == len(words) - 1 else word + " "
                if piece:
                    yield {**base, "choices": [{"index": i, "delta": {"content": piece}, "finish_reason": None}]}
            for t, call in enumerate(message.get("tool_calls", [])):
                yield {**base, "choices": [{"index": i, "delta": {"tool_calls": [{
                    "index": t, "id": call["id"], "type": "function",
                    "function": {"name": call["function"]["name"], "arguments": ""}}]}, "finish_reason": None}]}
                args = call["function"]["arguments"]
                for k in range(0, len(args), 16):
                    yield {**base, "choices": [{"index": i, "delta": {"tool_calls": [{
                        "index": t, "function": {"arguments": args[k:k + 16]}}]}, "finish_reason": None}]}
            yield {**base, "choices": [{"index": i, "delta": {}, "finish_reason": choice["finish_reason"]}]}
        if (body.get("stream_options") or {}).get("include_usage"):
            yield {**base, "choices": [], "usage": full["usage"]}

    def embed(self, body: dict) -> dict:
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        dims = body.get("dimensions") or 64
        data = []
        for i, item in enumerate(inputs):
            vector = _vector(json.dumps(item), dims)
            if body.get("encoding_format") == "base64":
                vector = base64.b64encode(struct.pack(f"<{dims}f", *vector)).decode()
            data.append({"object": "embedding", "index": i, "embedding": vector})
        tokens = sum(_tokens(x) if isinstance(x, str) else len(x) for x in inputs)
        return {"object": "list", "data": data, "model": MODEL,
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}

    def _answer(self, body: dict) -> tuple[dict, str]:
        messages = body["messages"]
        last = messages[-1]
        tools = body.get("tools") or []
        if tools and last.get("role") != "tool" and body.get("tool_choice") != "none":
            fn = self._chosen_tool(tools, body.get("tool_choice"))
            args = example_for_schema(fn.get("parameters") or {}, text=message_text(last))
            call = {"id": f"call_{hashlib.sha256(json.dumps(args).encode()).hexdigest()[:16]}",
                    "type": "function",
                    "function": {"name": fn["name"], "arguments": json.dumps(args)}}
            return {"role": "assistant", "content": None, "tool_calls": [call]}, "tool_calls"
        fmt = body.get("response_format") or {}
        user_text = next((message_text(m) for m in reversed(messages) if m.get("role") == "user"), "")
        if fmt.get("type") == "json_schema":
            content = json.dumps(example_for_schema(fmt["json_schema"].get("schema") or {}))
        elif fmt.get("type") == "json_object":
            content = json.dumps({"simulator": LABEL, "received": user_text})
        else:
            roles = ", ".join(m["role"] for m in messages)
            heard = message_text(last) if last.get("role") == "tool" else user_text
            shown = _PLACEHOLDER.sub(lambda m: f"‹{m.group(1) or m.group(2)}›", heard)
            content = (f"{LABEL} I received {len(messages)} message(s) ({roles}). "
                       f"The last {'tool result' if last.get('role') == 'tool' else 'user message'}, "
                       f"exactly as it left medgate (redacted identifiers shown as ‹KIND_n›): «{shown}»")
        finish = "stop"
        limit = body.get("max_completion_tokens") or body.get("max_tokens")
        if limit and _tokens(content) > limit and fmt.get("type") not in ("json_schema", "json_object"):
            content, finish = " ".join(content.split()[:limit]), "length"
        return {"role": "assistant", "content": content}, finish

    @staticmethod
    def _chosen_tool(tools: list[dict], choice: Any) -> dict:
        if isinstance(choice, dict):
            name = (choice.get("function") or {}).get("name")
            for tool in tools:
                if tool["function"]["name"] == name:
                    return tool["function"]
        return tools[0]["function"]


def _vector(text: str, dims: int) -> list[float]:
    raw = b"".join(hashlib.sha256(f"{k}:{text}".encode()).digest() for k in range((dims * 4 + 31) // 32))
    values = [v / 2**31 - 1.0 for v in struct.unpack(f"<{dims}I", raw[: dims * 4])]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [v / norm for v in values]
