"""What the pipeline hands the policy besides kinds and counts: user text and scores."""
from __future__ import annotations

from gateway.phi import Finding


def user_text(body: dict) -> str:
    """The text the end user wrote: `user` messages (strings and text parts) of a chat, or
    the input of an embeddings request. System prompts and tool output are the app's, not
    the user's, so content rules (crisis language, dosing questions) do not fire on them."""
    parts: list[str] = []
    for message in body.get("messages") or []:
        if not isinstance(message, dict) or message.get("role") != "user":
            continue
        content = message.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(p["text"] for p in content if isinstance(p, dict) and isinstance(p.get("text"), str))
    raw = body.get("input")
    if isinstance(raw, str):
        parts.append(raw)
    elif isinstance(raw, list):
        parts.extend(x for x in raw if isinstance(x, str))
    return "\n".join(parts)


def max_scores(findings: list[list[Finding]]) -> dict[str, float]:
    scores: dict[str, float] = {}
    for per_text in findings:
        for f in per_text:
            if f.score > scores.get(f.type, -1.0):
                scores[f.type] = f.score
    return scores
