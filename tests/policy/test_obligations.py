"""Output obligations as text functions, and the gateway's own replies."""
from __future__ import annotations

import re

from gateway.phi import Finding
from gateway.policy import OutputObligations, UnsafeOutput
from gateway.policy.obligations import (mask, needs_whole_reply, policy_chunks, policy_reply, unsafe_match,
                                        with_disclaimer)


def test_mask_replaces_findings_by_kind_and_skips_overlaps():
    text = "Call Dr. Hannah Whitcombe at (617) 555-0199 tomorrow."
    findings = [Finding("PHONE", 29, 43, 0.9), Finding("PERSON", 9, 25, 0.8), Finding("PERSON", 16, 25, 0.5)]
    assert mask(text, findings) == "Call Dr. <PERSON> at <PHONE> tomorrow."


def test_which_obligations_hold_a_stream_back():
    assert not needs_whole_reply(OutputObligations(scan_phi="flag", disclaimer="d", review=True))
    assert needs_whole_reply(OutputObligations(scan_phi="redact"))
    assert needs_whole_reply(OutputObligations(scan_phi="block"))
    assert needs_whole_reply(OutputObligations(unsafe=(UnsafeOutput("r", re.compile("x"), "m", "c"),)))


def test_unsafe_match_and_disclaimer():
    rules = (UnsafeOutput("a", re.compile(r"double your dose", re.I), "m", "c1"),
             UnsafeOutput("b", re.compile(r"stop taking", re.I), "m", "c2"))
    assert unsafe_match("You can STOP TAKING it.", rules).rule_id == "b"
    assert unsafe_match("Take it with food.", rules) is None
    assert with_disclaimer("Hi.", OutputObligations(disclaimer="AI draft.")) == "Hi.\n\nAI draft."
    assert with_disclaimer("Hi.", OutputObligations()) == "Hi."


async def test_policy_reply_and_chunks_carry_the_same_text():
    body = policy_reply("Call or text 988.")
    assert body["object"] == "chat.completion" and body["model"] == "medgate-policy"
    assert body["choices"][0]["message"] == {"role": "assistant", "content": "Call or text 988."}
    chunks = [c async for c in policy_chunks("Call or text 988.")]
    assert "".join(ch["delta"].get("content", "") for c in chunks for ch in c["choices"]) == "Call or text 988."
    assert chunks[-2]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["usage"]["total_tokens"] == 0
