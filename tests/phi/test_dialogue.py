"""gateway/phi/recognizers/dialogue.py: the speakers of a conversation pasted without timestamps."""
from __future__ import annotations

import pytest

from gateway.phi.recognizers.dialogue import SpeakerRecognizer


@pytest.fixture(scope="module")
def speakers():
    return SpeakerRecognizer()


def found(recognizer, text):
    return [(r.entity_type, text[r.start:r.end], r.start) for r in recognizer.analyze(text, [])]


# invented names; "Dawn" and "Colt" are words too (lexicon/word-names.txt)
FAMILY_TEXT = (
    "Quenby: hospice came today. mom is sleeping most of the day now\n"
    "Colt: did they say how long\n"
    "Quenby: she said maybe weeks not months. she's tired\n"
    "Dawn: i can fly in the 20th. is that too late??\n"
    "   (sent from my phone)\n"
    "\n"
    "Colt: come sooner if u can\n"
    "Dawn: ok\n"
)


def test_every_line_of_each_recurring_speaker(speakers):
    got = found(speakers, FAMILY_TEXT)
    assert [(k, v) for k, v, _ in got] == [("PERSON", n) for n in
                                           ("Quenby", "Colt", "Quenby", "Dawn", "Colt", "Dawn")]
    assert all(FAMILY_TEXT[s:].startswith(v + ":") for _, v, s in got)


def test_lowercase_chat_speakers(speakers):
    text = "xiomara: u up?\nbelen: yes\nxiomara: can u take mom to the 3pm\nbelen: ok\n"
    assert [v for _, v, _ in found(speakers, text)] == ["xiomara", "belen", "xiomara", "belen"]


@pytest.mark.parametrize("text", [
    # a note's headers recur rarely, and are words or clinical terms
    "Plan: continue ceftriaxone\nAllergies: NKDA\nPlan: recheck BMP\nAllergies: none new\n",
    # roles and relations speak, not names
    "Caller: my mom fell\nNurse: is she breathing\nCaller: yes\nNurse: is she bleeding\n",
    "Mom: call me after\nDad: ok will do\nMom: love u\nDad: same\n",
    # two names but only one recurs: an e-mail header, a sign-off
    "Quenby: see attached\nColt: thanks\nQuenby: np\nReason: follow-up\n",
    # a conversation too short to say so
    "Quenby: hi\nColt: hi\nQuenby: ok\n",
    # the lines are far apart: not one run
    "Quenby: hi\nColt: hi\nBP 120/80\nHR 72\nT 37.0\nQuenby: ok\nColt: ok\n",
])
def test_no_conversation_no_speakers(speakers, text):
    assert found(speakers, text) == []


def test_only_person_is_asked(speakers):
    assert speakers.analyze(FAMILY_TEXT, ["PHONE"]) == []
