"""Who speaks in a conversation pasted without timestamps: a family's group text, a chat export.

    Colt: did they say how long
    Bree: she said maybe weeks not months
    Dawn: i can fly in from Tulsa the 20th
    Colt: come sooner if u can

Each line starts with a speaker and a colon, as a note's headers do ("Plan:", "Obs:"), and the
speakers are often words ("Dawn", "Colt"), so no single line says a name is there. The
conversation does: a run of such lines in which two speakers or more each speak at least twice.
A header rarely recurs line after line beside another. A speaker counts when it can be a name
(validator `role_name_word`: no ordinary or clinical word unless it is a name too, no role such
as "Caller" or "Nurse"); every line of a recurring speaker in the run is reported.
Timestamped chats are patterns.yaml's (`person_chat_speaker`).
"""
from __future__ import annotations

from collections import Counter
from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from gateway.phi.recognizers.columns import finding
from gateway.phi.recognizers.validators import role_name_word

# "Colt: text", "Aunt Rosa: text", "bella: text"; at most two words before the colon
_SPEAKER = regex.compile(r"[ \t]*(\p{L}[\p{L}'’-]{1,24}(?:[ \t]\p{L}[\p{L}'’-]{0,24})?)[ \t]*:[ \t]+\S")
_MAX_GAP = 2            # lines that are no speaker's (a message's second line) inside a run
_MIN_LINES = 4          # speaker lines in a run
_MIN_SPEAKERS = 2       # speakers who each speak at least twice


class SpeakerRecognizer(EntityRecognizer):
    """Speakers of a conversation without timestamps (see the module docstring)."""

    def __init__(self, score: float = 0.65) -> None:
        self._score = score
        super().__init__(supported_entities=["PERSON"], name="dialogue_speakers", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        if ":" not in text or (entities and "PERSON" not in entities):
            return []
        out: list[RecognizerResult] = []
        for run in _runs(text):
            names = Counter(name for name, _ in run)
            speakers = {name for name, n in names.items() if n >= 2 and role_name_word(name)}
            if len(run) < _MIN_LINES or len(speakers) < _MIN_SPEAKERS:
                continue
            out.extend(finding(self, "PERSON", start, start + len(name), self._score,
                               "a speaker of a conversation") for name, start in run if name in speakers)
        return out


def _runs(text: str) -> list[list[tuple[str, int]]]:
    """Runs of speaker lines, each `(speaker, offset)`, split where more than `_MAX_GAP`
    non-blank lines that are no speaker's come between."""
    runs: list[list[tuple[str, int]]] = []
    run: list[tuple[str, int]] = []
    gap = 0
    offset = 0
    for line in text.split("\n"):
        m = _SPEAKER.match(line)
        if m:
            run.append((m.group(1), offset + m.start(1)))
            gap = 0
        elif line.strip():
            gap += 1
            if gap > _MAX_GAP and run:
                runs.append(run)
                run = []
        offset += len(line) + 1
    if run:
        runs.append(run)
    return runs
