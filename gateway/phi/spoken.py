"""Identifiers as speech recognition writes them, read as people write them.

An ambient scribe's transcript or a dictation spells out what was said: "my direct is five oh
five, five five five, oh one seven one", "date of birth seven twelve seventy two", "medical
record s c m zero zero eight two one nine four", "DEA B-H-4-4-1-7-6-0-3", "kowalski, spelled
k o w a l s k i", "seen november fourteenth". The recognizers know identifiers as they are
written, so `said()` analyses the stretch around such runs once more with the runs rewritten
("5055550171", "7/12/72", "SCM0082194", "BH4417603", "KOWALSKI", "november 14th"), and maps
what it finds on a run back onto the spoken words, which are what gets redacted. The text
itself is analysed as it is, so the model and the patterns for spoken forms see what they
always saw; the second reading only adds.

Only runs that read as an identifier are rewritten, so ordinary prose keeps its words ("one of
the two", "a b" and "twenty minutes" stay): three or more spoken numbers or spelt characters, an
ordinal day (the fourth to the thirty-first anywhere, the first to the third after a month), the
number after a month and its ordinal ("april ninth, fifty-nine"), a house number before its
street ("eight ten quaxley road": 810) and a road's number after the road ("route nine").

A dictated text says its punctuation ("r e colon margaret quaxley comma date of birth …"), and the
model, which learnt from written text, reads "comma" as a word of a name or an organization. In
a text dictated so (it says "comma" twice, or "new paragraph"), the second reading writes those
words as punctuation and keeps what it finds next to them. An e-mail address said aloud ("jide
dot quaxley seventy two at gmail dot com") is written as one ("jide.quaxley72@gmail.com").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult

from gateway.phi.normalize import rewritten

_UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "thirtieth": 30}
_REPEAT = {"double": 2, "triple": 3}
_SCALE = {"hundred": 100, "thousand": 1000}
_WORDS = {**_UNITS, **_TEENS, **_TENS, **_ORDINALS, **_REPEAT, **_SCALE}

_ALT = "|".join(sorted(_WORDS, key=len, reverse=True))
# a spoken number word, a spelt letter, or a digit spelt between hyphens ("B-H-4-4-1")
_TOKEN = rf"(?:{_ALT}|[a-z](?![a-z])|[0-9](?=-[a-z0-9]\b)|(?<=\b[a-z0-9]-)[0-9])"
# words of one run are said in one breath: a space, a hyphen ("twenty-one") or a comma's pause.
# Matched in lowercased text: a case-insensitive pattern is five times slower in `re`.
_RUN = re.compile(rf"\b{_TOKEN}(?:(?:, ?| |-){_TOKEN})*\b")
_PIECE = re.compile(rf"\b{_TOKEN}\b")
_CASELESS_RUN = re.compile(_RUN.pattern, re.IGNORECASE)
_CASELESS_PIECE = re.compile(_PIECE.pattern, re.IGNORECASE)
# a phone's extension, said in two words or more ("extension two two")
_EXTENSION = re.compile(r"(?i)\b(?:ext\.?|extension|x)[ ]\Z")
# a house number is said in pairs before its street ("eight ten whitcombe road": 810), a road's
# number alone after the road ("on route nine")
_STREET_AFTER = re.compile(r"(?i)[ ]+(?:[a-z'’-]+[ ]+){1,2}(?:road|rd|street|st|avenue|ave|lane|ln|drive|dr|court|ct"
                           r"|boulevard|blvd|way|place|pl|circle|terrace|parkway|pkwy|trail|pike|highway|hwy)\b")
_ROAD_BEFORE = re.compile(r"(?i)\b(?:route|rte|highway|hwy|interstate)[ ]\Z")
# labels of identifiers, said letter by letter before the value they name
_LABELS = frozenset({"MRN", "NPI", "DEA", "SSN", "DOB", "MBI", "VIN", "DL", "ID", "PIN", "EIN", "FIN",
                     "CSN", "HAR", "UPI", "TIN", "EMR", "EHR", "CLIA"})
_MONTH_BEFORE = re.compile(r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
                           r"july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
                           r"dec(?:ember)?)\.?,? ?(?:the )?\Z")
# a day named alone ends its phrase ("seen on the fourteenth.", "due the fifth at 9"); an
# ordinal before another word is that thing's ("the fourth floor", "the eleventh judicial circuit")
_NOUN_AFTER = re.compile(r"(?i)[ \t]+(?!(?:of|at|in|on|and|or|for|to|by|from|when|then|is|was|please|so|but"
                         r"|we|i|she|he|they|you|it|if|around|about|before|after|next|this|that)\b)[a-z]")
_OF_MONTH = re.compile(r"(?i) of (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


@dataclass(frozen=True)
class _Group:
    """One number as said: its digits, whether it is a single spoken digit, its separator
    before it, and whether it is an ordinal."""
    digits: str
    single: bool
    sep: str = ""
    ordinal: bool = False


# what a label or a cue needs around a run: "medical record number …", "the car's plate …"
_BEFORE, _AFTER = 100, 40

# Dictation: a text that says its punctuation, and the punctuation it says. "period" and "colon"
# are also words ("the grace period", "the sigmoid colon"): not after the words that make them so.
_COMMA = re.compile(r"\bcomma\b")
_SAID_MARK = re.compile(r"[ \t]*\b(comma|period|full stop|colon|semicolon|question mark)\b|[ \t]*\bnew (?:paragraph|line)\b")
_MARKS = {"comma": ",", "period": ".", "full stop": ".", "colon": ":", "semicolon": ";", "question mark": "?"}
_A_WORD_BEFORE = re.compile(r"([a-z-]+)[ \t]*\Z")
_NOT_A_MARK_AFTER = {
    "period": frozenset("""the a this that grace waiting refractory postoperative perioperative postpartum
        incubation trial monitoring washout observation recovery rest menstrual neonatal latent same short long
        brief study probation time window""".split()),
    "colon": frozenset("""the sigmoid transverse ascending descending right left entire proximal distal his her
        spastic irritable whole""".split()),
}
# an e-mail address said aloud: its words joined by "dot", "underscore" or "dash", digits said at
# the end of a part, "at", and a domain that ends in a known top-level domain
_NUMBER_WORDS = "|".join(sorted({**_UNITS, **_TEENS, **_TENS}, key=len, reverse=True))
# The domain is found first and the local part read back from it, within _LOCAL_REACH: one
# pattern for both tried every word of a long "… dot … dot …" run as a start (quadratic: 13 s
# on 54 KB of "one two three dot").
_EMAIL_PART = rf"[a-z][a-z0-9]*(?:[ ](?:{_NUMBER_WORDS}))*"
_SAID_DOMAIN = re.compile(r"[ ]at[ ][a-z][a-z0-9-]*(?:[ ]dot[ ][a-z][a-z0-9-]*)*[ ]dot[ ]"
                          r"(?:com|org|net|edu|gov|us|io|info|co|mil)\b")
_SAID_LOCAL = re.compile(rf"(?<![a-z0-9]){_EMAIL_PART}(?:[ ](?:dot|underscore|dash|hyphen)[ ]{_EMAIL_PART})*\Z")
_LOCAL_REACH = 100
_EMAIL_JOINS = {" dot ": ".", " underscore ": "_", " dash ": "-", " hyphen ": "-", " at ": "@"}
_EMAIL_WORD = re.compile(r" (?:dot|underscore|dash|hyphen|at) |[a-z0-9]+(?: (?:" + _NUMBER_WORDS + r")\b)+|[a-z0-9]+")


def said(text: str, results: list[RecognizerResult],
         analyze: Callable[[str], list[RecognizerResult]]) -> list[RecognizerResult]:
    """`results` (what `analyze` found in `text`) with what it finds on the spoken identifiers
    of `text` when they are written out, at offsets into `text` covering the spoken words; a
    said mark at the edge of a result is not part of it ("comma Quaxley Medical")."""
    runs = rewrites(text)
    marks = [(a, b) for a, b, written in runs if not any(c.isalnum() for c in written)]
    found = [r for r in (_without_marks(r, marks, text) for r in results) if r is not None] if marks else list(results)
    for start, end, inside in _stretches(text, runs):
        written = rewritten(text[start:end], inside)
        for r in analyze(written.text):
            a, b = written.span(*_alnum_ends(written.text, r.start, r.end))
            if any(_on(a, b, run, text[start:end]) for run in inside):
                found.append(RecognizerResult(r.entity_type, start + a, start + b, r.score,
                                              r.analysis_explanation, r.recognition_metadata))
    return found + _spelt_as_found(text, runs, found)


def _spelt_as_found(text: str, runs: list[tuple[int, int, str]],
                    found: list[RecognizerResult]) -> list[RecognizerResult]:
    """A word spelt out is the word it spells: "first name quenby spelled q u e n b y" is a
    name wherever "quenby" was found as one."""
    spelt: dict[str, list[tuple[int, int]]] = {}
    for a, b, w in runs:
        if len(w) >= 4 and w.isalpha():
            spelt.setdefault(w.lower(), []).append((a, b))
    if not spelt:
        return []
    return [RecognizerResult(r.entity_type, a, b, r.score, r.analysis_explanation, r.recognition_metadata)
            for r in found for a, b in spelt.get(text[r.start:r.end].lower(), ())
            if not (r.start < b and r.end > a)]


def _without_marks(r: RecognizerResult, marks: list[tuple[int, int]], text: str) -> RecognizerResult | None:
    start, end = r.start, r.end
    for a, b in marks:
        if start < b and end > a:
            if a <= start:
                start = b
            elif b >= end:
                end = a
    while start < end and text[start].isspace():
        start += 1
    if (start, end) == (r.start, r.end):
        return r
    return RecognizerResult(r.entity_type, start, end, r.score, r.analysis_explanation,
                            r.recognition_metadata) if start < end else None


def _alnum_ends(text: str, start: int, end: int) -> tuple[int, int]:
    # a finding that took a said mark's punctuation ("young.") would take the word "period"
    while end > start + 1 and not text[end - 1].isalnum():
        end -= 1
    while start < end - 1 and not text[start].isalnum():
        start += 1
    return start, end


def _on(a: int, b: int, run: tuple[int, int, str], text: str) -> bool:
    """Whether a finding at [a, b) is one the run made readable: on it, or, for said
    punctuation, right before or after it ("margaret quaxley comma" → "margaret quaxley,")."""
    run_start, run_end, written = run
    if a < run_end and b > run_start:
        return True
    if any(c.isalnum() for c in written):
        return False
    return b <= run_start and not text[b:run_start].strip() or a >= run_end and not text[run_end:a].strip()


def _stretches(text: str, runs: list[tuple[int, int, str]]) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """The stretches of `text` around `runs` (overlapping ones merged), each with its runs at
    offsets into it; a stretch starts and ends between words."""
    merged: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for run in runs:
        start = _word_start(text, max(0, run[0] - _BEFORE), run[0])
        end = _word_end(text, min(len(text), run[1] + _AFTER), run[1])
        if merged and start <= merged[-1][1]:
            start, _, inside = merged.pop()
            merged.append((start, end, inside + [run]))
        else:
            merged.append((start, end, [run]))
    return [(s, e, [(a - s, b - s, w) for a, b, w in inside]) for s, e, inside in merged]


def _word_start(text: str, pos: int, limit: int) -> int:
    while 0 < pos < limit and not text[pos - 1].isspace():
        pos += 1
    return pos


def _word_end(text: str, pos: int, limit: int) -> int:
    while limit < pos < len(text) and not text[pos].isspace():
        pos -= 1
    return pos


def rewrites(text: str) -> list[tuple[int, int, str]]:
    """(start, end, written form) of each spoken identifier in `text`, and of the punctuation
    a dictated text says, in order."""
    lower = text.lower()
    source, run_rx, piece_rx = (lower, _RUN, _PIECE) if len(lower) == len(text) \
        else (text, _CASELESS_RUN, _CASELESS_PIECE)
    emails = _emails(source) if " dot " in source else []
    numbers = _number_runs(text, source, run_rx, piece_rx)
    dictated = "new paragraph" in source or len(_COMMA.findall(source)) >= 2
    marks = _marks(source) if dictated and len(lower) == len(text) else []
    if not emails and not marks:
        return numbers
    taken = sorted(emails)
    out = taken + [r for r in numbers + marks if not any(r[0] < e and r[1] > s for s, e, _ in taken)]
    return sorted(out)


def _marks(lower: str) -> list[tuple[int, int, str]]:
    """The punctuation a dictated text says, written: "quaxley comma date" → "quaxley, date"."""
    out = []
    for m in _SAID_MARK.finditer(lower):
        word = m.group(1)
        if word is None:
            out.append((m.start(), m.end(), "\n"))
            continue
        before = _A_WORD_BEFORE.search(lower, max(0, m.start() - 30), m.start(1))
        if before and before.group(1) in _NOT_A_MARK_AFTER.get(word, ()) or lower.startswith(" period", m.end()):
            continue                     # "the grace period", "sigmoid colon", "the period period"
        out.append((m.start(), m.end(), _MARKS[word]))
    return out


def _emails(lower: str) -> list[tuple[int, int, str]]:
    """E-mail addresses said aloud, written: "jide dot quaxley seventy two at gmail dot com"."""
    out = []
    for domain in _SAID_DOMAIN.finditer(lower):
        local = _SAID_LOCAL.search(lower, max(0, domain.start() - _LOCAL_REACH), domain.start())
        if local is None or out and local.start() < out[-1][1]:
            continue
        written = []
        for w in _EMAIL_WORD.findall(lower, local.start(), domain.end()):
            if w in _EMAIL_JOINS:
                written.append(_EMAIL_JOINS[w])
            elif " " in w:                 # a part and the digits said after it: "quaxley seventy two"
                head, *said_digits = w.split(" ")
                groups = _groups(" ".join(said_digits), [(d, 0, 0) for d in said_digits])
                if groups is None:
                    break
                written.append(head + "".join(g.digits for g in groups))
            else:
                written.append(w)
        else:
            out.append((local.start(), domain.end(), "".join(written)))
    return out


def _number_runs(text: str, source: str, run_rx: re.Pattern, piece_rx: re.Pattern) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for run in run_rx.finditer(source):
        if (run.end() - run.start() < 5 and run.group().lower() not in _ORDINALS
                and not _ROAD_BEFORE.search(source, max(0, run.start() - 12), run.start())):
            continue                                   # one letter or one short word: nothing to rewrite
        pieces = [(text[m.start():m.end()], m.start(), m.end())
                  for m in piece_rx.finditer(source, run.start(), run.end())]
        if any(p[0].isdigit() for p in pieces) and (len(pieces) < 4 or " " in run.group() or "," in run.group()):
            continue                                   # digits spelt with hyphens are one chain ("q 2-3" is a range)
        out.extend(_rewrite(text, pieces))
    return out


def _rewrite(text: str, pieces: list[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    """The rewrites of one run of spoken pieces ((word, start, end))."""
    if not pieces:
        return []
    # spelt letters first ("x r j four one two"), up to a comma's pause ("m m r, i p v"); an
    # "o" that starts spoken digits is a zero
    n = 0
    while n < len(pieces) and len(pieces[n][0]) == 1 and pieces[n][0].isalpha() and not (
            n == 0 and pieces[0][0].lower() == "o" and len(pieces) > 1 and pieces[1][0].lower() in _UNITS):
        n += 1
        if n < len(pieces) and "," in text[pieces[n - 1][2]:pieces[n][1]]:
            break
    letters, rest = pieces[:n], pieces[n:]
    if letters and rest and ("," in text[letters[-1][2]:rest[0][1]]
                             or "".join(p[0] for p in letters).upper() in _LABELS):
        # a pause, or a label said letter by letter before its value ("N P I one four…")
        return _spelt(letters) + _rewrite(text, rest)
    groups = _groups(text, rest)
    if groups is None:                                 # a letter among numbers ("a one c")
        return _spelt(letters)
    if letters and groups and all(g.single for g in groups):
        if len(pieces) < 3:
            return []
        written = "".join(p[0].upper() for p in letters) + "".join(g.digits for g in groups)
        return [(pieces[0][1], pieces[-1][2], written)]
    found = _spelt(letters)
    if groups:
        written = _numbers(groups, len(rest), text, rest[0][1], rest[-1][2])
        if written is not None and written != text[rest[0][1]:rest[-1][2]]:
            found.append((rest[0][1], rest[-1][2], written))
    return found


def _spelt(letters: list[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    # four letters or more: a spelt name; fewer are an abbreviation said letter by letter
    # ("m m r", "a o x"), which needs no rewriting unless it labels a value ("M R N")
    written = "".join(p[0].upper() for p in letters)
    if written in _LABELS and len(letters) > 1 or 4 <= len(letters) <= 20:   # not a row of "x x x x …"
        return [(letters[0][1], letters[-1][2], written)]
    return []


def _numbers(groups: list[_Group], words: int, text: str, start: int, end: int) -> str | None:
    if any(g.ordinal for g in groups):
        return _with_ordinal(groups, text, start, end)
    if words <= 4 and (_STREET_AFTER.match(text, end) or _ROAD_BEFORE.search(text, max(0, start - 12), start)):
        return "".join(g.digits for g in groups)
    if words < 3 and not _EXTENSION.search(text, max(0, start - 12), start):
        return None
    if all(g.single for g in groups):
        return "".join(g.digits for g in groups)
    return _as_date(groups) or "".join(g.sep + g.digits for g in groups).lstrip(", ")


def _groups(text: str, spoken: list[tuple[str, int, int]]) -> list[_Group] | None:
    """The numbers said by `spoken` ((word, start, end)); None if a piece is a letter between
    numbers ("a one c": not a number we rewrite)."""
    pieces = [(w, text[e:spoken[k + 1][1]] if k + 1 < len(spoken) else "")
              for k, (w, _, e) in enumerate(spoken)]
    groups: list[_Group] = []
    i, sep = 0, ""
    while i < len(pieces):
        word, after = pieces[i][0].lower(), pieces[i][1]
        nxt = pieces[i + 1][0].lower() if i + 1 < len(pieces) else ""
        if word.isdigit():
            groups.append(_Group(word, True, sep))
        elif word == "o" and (groups or nxt in _UNITS):
            groups.append(_Group("0", True, sep))
        elif len(word) == 1:
            return None
        elif word in _REPEAT and nxt in _UNITS:
            groups.append(_Group(str(_UNITS[nxt]) * _REPEAT[word], True, sep))
            i, after = i + 1, pieces[i + 1][1]
        elif word in _UNITS and nxt in _SCALE or word in _TEENS or word in _TENS:
            value, i, after = _compound(pieces, i)
            if isinstance(value, int):
                groups.append(_Group(str(value), False, sep))
            else:                                      # "twenty-first"
                groups.append(_Group(value, False, sep, ordinal=True))
        elif word in _UNITS:
            groups.append(_Group(str(_UNITS[word]), True, sep))
        elif word in _ORDINALS:
            groups.append(_Group(str(_ORDINALS[word]), False, sep, ordinal=True))
        else:                                          # a scale or repeat word alone
            return None
        sep = ", " if "," in after else " "
        i += 1
    return _years(groups)


def _compound(pieces: list[tuple[str, str]], i: int) -> tuple[int | str, int, str]:
    """A number of several words from pieces[i]: "forty one", "forty one hundred", "two
    thousand one", "twenty-first" (returned as a str). Returns the value, the index of its
    last piece and the separator after it."""
    def word(k: int) -> str:
        return pieces[k][0].lower() if k < len(pieces) else ""

    value = _TEENS.get(word(i)) or _TENS.get(word(i)) or _UNITS[word(i)]
    if word(i) in _TENS and word(i + 1) in _UNITS and word(i + 1) != "oh" and _UNITS[word(i + 1)]:
        i += 1
        value += _UNITS[word(i)]
    elif word(i) in ("twenty", "thirty") and word(i + 1) in _ORDINALS and _ORDINALS[word(i + 1)] < 10:
        i += 1
        return str(value + _ORDINALS[word(i)]), i, pieces[i][1]
    while word(i + 1) in _SCALE:
        i += 1
        value *= _SCALE[word(i)]
        rest = word(i + 1)
        if rest in _UNITS and rest != "oh" or rest in _TEENS or rest in _TENS:
            tail, j, _ = _compound(pieces, i + 1) if rest not in _UNITS or word(i + 2) in _SCALE \
                else (_UNITS[rest], i + 1, "")
            if isinstance(tail, int) and tail < _SCALE[word(i)]:
                value, i = value + tail, j
    return value, i, pieces[i][1]


def _years(groups: list[_Group]) -> list[_Group]:
    """ "nineteen fifty one", "twenty twenty five", "twenty oh five" are years."""
    out: list[_Group] = []
    k = 0
    while k < len(groups):
        g = groups[k]
        nxt = groups[k + 1] if k + 1 < len(groups) else None
        if g.digits in ("18", "19", "20") and not g.ordinal and nxt is not None and not nxt.ordinal:
            if not nxt.single and len(nxt.digits) == 2:
                out.append(_Group(g.digits + nxt.digits, False, g.sep))
                k += 2
                continue
            third = groups[k + 2] if k + 2 < len(groups) else None
            if nxt.digits == "0" and third is not None and third.single:
                out.append(_Group(g.digits + "0" + third.digits, False, g.sep))
                k += 3
                continue
        out.append(g)
        k += 1
    return out


def _as_date(groups: list[_Group]) -> str | None:
    """Month, day and year said as three numbers ("seven twelve seventy two")."""
    if len(groups) != 3:
        return None
    month, day = int(groups[0].digits), int(groups[1].digits)
    if 1 <= month <= 12 and 1 <= day <= 31 and len(groups[2].digits) in (2, 4):
        return f"{month}/{day}/{groups[2].digits}"
    return None


def _with_ordinal(groups: list[_Group], text: str, start: int, end: int) -> str | None:
    first = groups[0]
    if not first.ordinal or any(g.ordinal for g in groups[1:]):
        return None
    day = int(first.digits)
    if not 1 <= day <= 31:
        return None
    after_month = _MONTH_BEFORE.search(text, max(0, start - 14), start) or _OF_MONTH.match(text, end)
    if not after_month and (day <= 3 or len(groups) == 1 and _NOUN_AFTER.match(text, end)):
        return None            # "the first time", "a second opinion", "the eleventh judicial circuit"
    suffix = "st" if day % 10 == 1 and day != 11 else "nd" if day % 10 == 2 and day != 12 \
        else "rd" if day % 10 == 3 and day != 13 else "th"
    return f"{day}{suffix}" + "".join(g.sep + g.digits for g in groups[1:])
