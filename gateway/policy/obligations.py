"""Output obligations: what a policy asks of the reply (docs/policies.md, "Output").

Pure functions over text; the pipeline (stage 7) calls them for plain and streamed
replies alike. Markers added to the decision's `fired_rules` record what happened:
`output:phi_masked`, `output:withheld` (with the withholding rule's id).
"""
from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator

from gateway.phi import Finding
from gateway.policy import OutputObligations, UnsafeOutput

POLICY_MODEL = "medgate-policy"     # `model` of a reply the gateway wrote itself
PHI_WITHHELD = "This reply was withheld: it contained identifiers the organization's policy does not allow here."


def needs_whole_reply(output: OutputObligations) -> bool:
    """Masking or withholding must see the whole reply first: a stream is held back."""
    return output.scan_phi in ("redact", "block") or bool(output.unsafe)


def mask(text: str, findings: list[Finding]) -> str:
    """Identifiers the model introduced, replaced by their kind (`<PHONE>`), for good."""
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < pos:
            continue
        out.append(text[pos:f.start])
        out.append(f"<{f.type}>")
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def unsafe_match(text: str, rules: tuple[UnsafeOutput, ...]) -> UnsafeOutput | None:
    return next((rule for rule in rules if rule.pattern.search(text)), None)


def with_disclaimer(text: str, output: OutputObligations) -> str:
    return text + "\n\n" + output.disclaimer if output.disclaimer else text


def policy_reply(message: str) -> dict:
    """A chat.completion the gateway writes itself (action `respond`): nothing was forwarded."""
    return {"id": "chatcmpl-policy-" + uuid.uuid4().hex[:20], "object": "chat.completion",
            "created": int(time.time()), "model": POLICY_MODEL,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": message},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}


async def policy_chunks(message: str) -> AsyncIterator[dict]:
    """The same reply as chat.completion.chunk events."""
    base = {"id": "chatcmpl-policy-" + uuid.uuid4().hex[:20], "object": "chat.completion.chunk",
            "created": int(time.time()), "model": POLICY_MODEL}
    yield {**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": message},
                                "finish_reason": None}]}
    yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
    yield {**base, "choices": [], "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}
