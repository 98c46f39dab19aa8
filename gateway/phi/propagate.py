"""A name found once with evidence is the same name wherever else the document uses it.

"Radu Crosson contacted" is found by a pattern ("son Radu", "Dr. Lange"), but the next
line says only "Radu wishes to make pt DNR": nothing there marks it as a name. De-id
systems carry a confirmed name through the document; so does this. Only findings from
the anchored pattern recognizers count as confirmation (the NER model's guesses would
spread their own mistakes), and words that are also ordinary clinical words are never
carried ("Will", "Foley").
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import regex
from presidio_analyzer import RecognizerResult

KINDS = ("PERSON", "LOCATION", "ORGANIZATION")
_WORD = regex.compile(r"(?<![\p{L}\d])\p{L}+(?![\p{L}\d])")   # "O'Brien" -> O, Brien; "ANN'S" -> ANN, S


class Propagator:
    def __init__(self, stop_words: Iterable[str], min_score: float = 0.6, min_length: int = 3,
                 score: float = 0.6) -> None:
        self._stop = {w.lower() for w in stop_words}
        self._min_score, self._min_length, self._score = min_score, min_length, score

    def __call__(self, text: str, results: list[RecognizerResult],
                 confirmed: Callable[[RecognizerResult], bool]) -> list[RecognizerResult]:
        """`results` plus a finding for every other occurrence of a confirmed name word."""
        kinds: dict[str, str] = {}
        for r in results:
            if r.entity_type in KINDS and r.score >= self._min_score and confirmed(r):
                for w in _WORD.findall(text[r.start:r.end]):
                    if len(w) >= self._min_length and w.lower() not in self._stop:
                        kinds.setdefault(w.lower(), r.entity_type)
        if not kinds:
            return results
        taken = [(r.start, r.end) for r in results]
        extra = []
        for m in _WORD.finditer(text):          # one pass; no per-document regex to compile
            kind = kinds.get(m.group().lower())
            if kind and not any(s <= m.start() and m.end() <= e for s, e in taken):
                extra.append(RecognizerResult(kind, m.start(), m.end(), self._score,
                                              recognition_metadata={"recognizer_name": "propagation"}))
        return results + extra
