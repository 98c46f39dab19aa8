"""What the pipeline hands the policy: the user's own text, the best score per kind."""
from __future__ import annotations

from gateway.phi import Finding
from gateway.policy.inputs import max_scores, user_text


def test_user_text_is_only_what_the_user_wrote():
    body = {"messages": [
        {"role": "system", "content": "Screen for suicide risk in every note."},          # the app's, not the user's
        {"role": "user", "content": "Refill my sertraline please."},
        {"role": "assistant", "content": "Which pharmacy?"},
        {"role": "tool", "tool_call_id": "c1", "content": "pharmacy: Elm St"},
        {"role": "user", "content": [{"type": "text", "text": "The one on Elm."},
                                     {"type": "image_url", "image_url": {"url": "data:,"}}]},
    ]}
    assert user_text(body) == "Refill my sertraline please.\nThe one on Elm."
    assert user_text({"input": ["pt note one", "pt note two"]}) == "pt note one\npt note two"
    assert user_text({"input": "single"}) == "single" and user_text({"messages": []}) == ""


def test_max_scores_per_kind():
    findings = [[Finding("PERSON", 0, 4, 0.61), Finding("MRN", 10, 18, 0.99)], [], [Finding("PERSON", 3, 9, 0.87)]]
    assert max_scores(findings) == {"PERSON": 0.87, "MRN": 0.99}
