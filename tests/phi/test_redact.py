"""Pseudonymization and restoration, including streams cut at every boundary."""
from __future__ import annotations

import json

import pytest

from gateway.phi.detector import Finding
from gateway.phi.engine import merge, split
from gateway.phi.redact import StreamRestorer, Vault, redact
from gateway.phi.slots import text_slots


def _vault() -> tuple[Vault, dict[str, str]]:
    v = Vault(hash_key=b"k")
    names = {"pt": "María José Ñúñez-O'Connor", "dtr": 'Ana "Annie" Lee', "dob": "02/29/1948"}
    ph = {k: v.substitute("PERSON" if k != "dob" else "DATE", val, "pseudonymize") for k, val in names.items()}
    return v, ph


def test_placeholders_are_consistent_and_indexed():
    v = Vault()
    a = v.substitute("PERSON", "John Smith", "pseudonymize")
    b = v.substitute("PERSON", "Jane Doe", "pseudonymize")
    assert (a, b) == ("<PERSON_1>", "<PERSON_2>")
    assert v.substitute("PERSON", "John Smith", "pseudonymize") == a      # same value, same placeholder
    assert v.substitute("DATE", "3/14", "pseudonymize") == "<DATE_1>"      # counters per kind
    assert "John" not in repr(v) and "Smith" not in str(v)


def test_mask_and_hash_modes():
    v1, v2 = Vault(hash_key=b"secret"), Vault(hash_key=b"secret")
    assert v1.substitute("MRN", "00458231", "mask") == "<MRN>"
    h = v1.substitute("PERSON", "John Smith", "hash")
    assert h == v2.substitute("PERSON", "JOHN SMITH", "hash")            # stable across requests
    assert h != Vault(hash_key=b"other").substitute("PERSON", "John Smith", "hash")   # keyed
    assert not v1 and v1.restore(f"see {h}") == f"see {h}"               # one-way


def test_restore_leaves_unknown_placeholders():
    v, ph = _vault()
    text = f"{ph['pt']} and <PERSON_9> and <not a placeholder>"
    assert v.restore(text) == "María José Ñúñez-O'Connor and <PERSON_9> and <not a placeholder>"


def test_restore_in_json_arguments_stays_valid_json():
    v, ph = _vault()
    args = json.dumps({"patient": ph["pt"], "daughter": ph["dtr"], "dob": ph["dob"]})
    assert json.loads(v.restore(args, json_string=True)) == {
        "patient": "María José Ñúñez-O'Connor", "daughter": 'Ana "Annie" Lee', "dob": "02/29/1948"}


@pytest.mark.parametrize("json_string", [False, True])
def test_stream_restore_at_every_boundary(json_string):
    v, ph = _vault()
    text = (f"Summary for {ph['pt']} (DOB {ph['dob']}): daughter {ph['dtr']} visited. "
            f"<PERSON_7> is unknown; a<b; {ph['pt']}<")
    expected = v.restore(text, json_string)
    for i in range(len(text) + 1):
        for j in range(i, len(text) + 1, 7):
            r = StreamRestorer(v, json_string)
            parts = [r.feed(text[:i]), r.feed(text[i:j]), r.feed(text[j:]), r.flush()]
            assert "".join(parts) == expected
            for part in parts[:-1]:   # no piece ends in half a placeholder
                assert not any(part.endswith(p[:k]) for p in v.placeholders for k in range(2, len(p)))


def test_stream_restore_byte_by_byte_utf8():
    """Pieces as they arrive from a byte stream decoded incrementally."""
    import codecs
    v, ph = _vault()
    text = f"Paciente {ph['pt']}, née {ph['dob']} — ok ✓"
    raw = text.encode()
    decoder, r, out = codecs.getincrementaldecoder("utf-8")(), StreamRestorer(v), []
    for k in range(len(raw)):
        out.append(r.feed(decoder.decode(raw[k:k + 1])))
    out.append(r.feed(decoder.decode(b"", final=True)) + r.flush())
    assert "".join(out) == v.restore(text)


def test_holdback_is_bounded():
    v, ph = _vault()
    r = StreamRestorer(v)
    longest = max(len(p) for p in v.placeholders)
    emitted = r.feed("x" * 1000 + "<PERS")
    assert emitted == "x" * 1000                    # only the possible placeholder prefix waits
    assert len(r.flush()) < longest


def test_redact_rewrites_every_slot_in_place():
    body = {"model": "m", "messages": [
        {"role": "system", "content": "Patient John Smith."},
        {"role": "user", "content": [{"type": "text", "text": "Call John Smith"}, {"type": "image_url", "image_url": {"url": "x"}}]},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c", "type": "function", "function": {
            "name": "f", "arguments": json.dumps({"name": "John Smith"})}}]}],
        "tools": [{"type": "function", "function": {"name": "f", "description": "look up John Smith",
                                                     "parameters": {"type": "object", "properties": {
                                                         "name": {"type": "string", "description": "e.g. John Smith"}}}}}]}
    slots = text_slots(body)
    assert [s.path for s in slots] == ["messages[0].content", "messages[1].content[0].text",
                                       "messages[2].tool_calls[0].function.arguments",
                                       "tools[0].function.description",
                                       "tools[0].function.parameters.properties.name.description"]
    findings = [[Finding("PERSON", s.text.index("John"), s.text.index("Smith") + 5, 0.9)] for s in slots]
    vault = redact(slots, findings, {"PERSON": "pseudonymize"})
    assert "John" not in json.dumps(body)
    assert body["messages"][0]["content"] == "Patient <PERSON_1>."
    assert json.loads(body["messages"][2]["tool_calls"][0]["function"]["arguments"]) == {"name": "<PERSON_1>"}
    assert vault.restore(body["messages"][1]["content"][0]["text"]) == "Call John Smith"


def test_kinds_without_a_mode_are_left():
    body = {"model": "m", "messages": [{"role": "user", "content": "seen 3/14 by Dr. Lee"}]}
    slots = text_slots(body)
    redact(slots, [[Finding("DATE", 5, 9, 0.9), Finding("PERSON", 13, 20, 0.9)]], {"PERSON": "mask"})
    assert body["messages"][0]["content"] == "seen 3/14 by <PERSON>"


def test_merge_and_split_across_texts():
    merged = merge([Finding("PHONE", 5, 12, 0.6), Finding("PERSON", 0, 4, 0.9), Finding("ID", 8, 20, 0.9)])
    assert merged == [Finding("PERSON", 0, 4, 0.9), Finding("ID", 5, 20, 0.9)]
    texts = ["SSN 123-45", "-6789 on file"]
    joined = "\n".join(texts)
    per = split([Finding("SSN", joined.index("123"), joined.index("6789") + 4, 0.9)], [len(t) for t in texts])
    assert [texts[0][f.start:f.end] for f in per[0]] == ["123-45"]
    assert [texts[1][f.start:f.end] for f in per[1]] == ["-6789"]
