"""Build Presidio pattern recognizers from patterns.yaml.

Each YAML entry becomes one `ContextPatternRecognizer` (a Presidio
`PatternRecognizer`) that owns its whole decision:

* patterns: regexes (compiled once, `regex` module, flags per recognizer). A
  regex may name a group `phi`: then only that group is reported, so a label
  that anchors the match ("MRN:", "Dr.") stays readable and only the value is
  redacted.
* deny: regexes that, when they match the whole reported value, drop it
  (the recognizer's `invalidate_result`).
* negative_context: words that, within a window before (and, if configured, after)
  the value, drop it ("BP" before 120/80); negative_context_after: words that drop it
  only when they follow ("tab" after 1/2, "days" after 2-3).
* validator: a named function from validators.py (the recognizer's
  `validate_result`): False drops, a float adjusts the score.
* context: words (case-insensitive, whole words; phrases match any run of
  whitespace) looked for within `context_window` characters before the value
  and `context_window_after` characters after it. With `context_required` a
  match without context is dropped (score = the pattern score); otherwise
  context adds `context_boost` (default 0.35), capped at 1.0. This does not
  depend on Presidio's LemmaContextAwareEnhancer (it needs a lemmatizer, which
  our NLP pipeline lacks); results are marked as already context-enhanced so
  that enhancer leaves them alone.

* anchor (per pattern, optional): a cheap regex; the pattern then only runs in
  windows around the anchor's matches (anchor_before / anchor_after characters,
  extended to the end of the line). For patterns that start with a name word,
  which would otherwise be tried, with their stop-word checks, at every word.

* requires (per recognizer or per pattern, optional): a regex every match needs
  somewhere in the text (a month name, five digits, "://"); searched once, and
  when absent the recognizer or pattern is skipped. It must be a necessary
  condition: a `requires` that rejects a text with a match loses that match.

* prefilter (per pattern, default true): whether the one-pass Hyperscan prefilter
  (prefilter.py) may skip the pattern on texts where its approximation finds nothing.
  false for patterns Hyperscan cannot take (too long) or compiles too slowly; the prefilter
  then looks for the pattern's anchor instead, when it has one (no anchor, no match).

Macros: `{{NAME}}` in a regex expands to the macro, wrapped as `(?x:...)` (so macros
may span lines). A macro given as a list of words becomes a trie-shaped literal
alternation, which the `regex` module matches far faster than a flat one.

Errors in the YAML (unknown field, KIND, validator, flag or macro; a regex that
does not compile; a score out of range) raise RecognizerConfigError naming the
recognizer and the field, at load time.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml
from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)

from gateway.phi.kinds import KINDS
from gateway.phi.recognizers import yamlfile
from gateway.phi.recognizers.prefilter import Prefilter
from gateway.phi.recognizers.validators import VALIDATORS

DEFAULT_PATTERNS = Path(__file__).with_name("patterns.yaml")

DEFAULT_CONTEXT_WINDOW = 40
DEFAULT_NEGATIVE_WINDOW = 20
DEFAULT_CONTEXT_BOOST = 0.35
DEFAULT_FLAGS = ("IGNORECASE", "MULTILINE")
FLAGS = {"IGNORECASE": regex.IGNORECASE, "MULTILINE": regex.MULTILINE,
         "DOTALL": regex.DOTALL, "ASCII": regex.ASCII, "VERBOSE": regex.VERBOSE}

_RECOGNIZER_FIELDS = {
    "name", "entity", "description", "patterns", "flags", "validator", "deny",
    "context", "context_window", "context_window_after", "context_required", "context_boost",
    "negative_context", "negative_context_window", "negative_context_window_after",
    "negative_context_after", "negative_context_after_window", "requires",
}
_PATTERN_FIELDS = {"name", "regex", "score", "context_required", "anchor", "anchor_before", "anchor_after",
                   "requires", "prefilter"}
# Hyperscan refuses longer expressions ("Pattern length exceeds limit": 16,050 was refused,
# 15,660 taken); a margin below that
PREFILTER_MAX_LENGTH = 15_000
# a line break before a list item: a bullet, a checkbox or a number ("- ", "[x]", "2)")
_NEXT_ITEM = regex.compile(r"\n[ \t]*(?:[-*•][ \t]|\[[ xX✓]?\]|\d{1,2}[.)][ \t])")
# the end of a clause right after a value: what follows it is no unit of that value; a sentence
# ends one too ("overhead on 1/28. Pain 6/10": the pain is no unit of the date)
_CLAUSE_END = regex.compile(r"[ \t]*[:;](?:[ \t]|$)|\.[ \t]+(?=\p{Lu}\p{Ll})", regex.MULTILINE)
DEFAULT_ANCHOR_BEFORE = 80
DEFAULT_ANCHOR_AFTER = 40
_WORD_ALTERNATION = regex.compile(r"\s*\w+(?:\s*\|\s*\w+)*\s*")
_MACRO_REF = regex.compile(r"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")
_NAME = regex.compile(r"[a-z][a-z0-9_]*")


@lru_cache(maxsize=4096)
def _regex(rx: str, flags: int) -> regex.Pattern:
    """regex.compile, memoized per process. The `regex` module parses in Python (~7 s for
    the shipped patterns) and its own cache holds 500 patterns, fewer than we compile, so
    every load (each test, each detector) paid it again. Compiled patterns are immutable."""
    return regex.compile(rx, flags)


class RecognizerConfigError(ValueError):
    """A recognizer definition is invalid. Names the recognizer and the field."""

    def __init__(self, recognizer: str, field: str, problem: str, source: str = "") -> None:
        self.recognizer = recognizer
        self.field = field
        where = f" in {source}" if source else ""
        super().__init__(f"recognizer {recognizer!r}{where}: field {field!r}: {problem}")


def _word_alternation(words: Iterable[str], initials: bool = True) -> str:
    """Case-insensitive whole-word alternation; a boundary is only required on a
    side where the word itself starts/ends with a letter or digit ("#" matches
    anywhere, "mrn" not inside "smrna"). With `initials=False` a one-letter word is
    not matched as an initial, i.e. before a period that no digit follows: "K." of
    "Brianna K.: May 12" is no potassium, nor after a slash: "f/u Oct 10" has no unit "u".

    Shaped as a trie under one shared lookbehind: a flat alternation whose every branch
    opens with its own lookbehind is tried word by word at every position, about eight
    times slower, and context words are searched around every candidate."""
    def tree(ws: Iterable[str]) -> dict:
        root: dict = {}
        for w in ws:
            node = root
            for ch in " ".join(w.lower().split()):
                node = node.setdefault(ch, {})
            node[""] = {}
        return root

    def render(node: dict, word: str) -> str:
        branches = [(r"\s+" if ch == " " else regex.escape(ch)) + render(child, word + ch)
                    for ch, child in sorted(node.items()) if ch]
        if "" in node:              # a word ends here: its right boundary
            end = r"(?![\p{L}\d])" if word[-1:].isalnum() else ""
            if not initials and len(word) == 1 and word.isalpha():
                # nor the letter of a slashed abbreviation: the "u" of "f/u Oct 10" is no unit
                end += r"(?!\.(?!\d))(?<!/\p{L})"
            branches.append(end)
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    words = {w for w in words if w.strip()}
    lead = [w for w in words if w[:1].isalnum()]
    parts = [r"(?<![\p{L}\d])" + render(tree(lead), "")] if lead else []
    if len(lead) < len(words):
        parts.append(render(tree(w for w in words if not w[:1].isalnum()), ""))
    return "(?:" + "|".join(parts) + ")"


class ContextPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer that reports the `phi` group, filters by deny regexes,
    negative context and a validator, and handles its own context words."""

    def __init__(
        self,
        *,
        name: str,
        entity: str,
        patterns: list[Pattern],
        flags: int = regex.IGNORECASE | regex.MULTILINE,
        validator: str | None = None,
        deny: list[str] | None = None,
        context: list[str] | None = None,
        context_window: int = DEFAULT_CONTEXT_WINDOW,
        context_window_after: int = 0,
        context_required: bool = False,
        context_boost: float = DEFAULT_CONTEXT_BOOST,
        negative_context: list[str] | None = None,
        negative_context_window: int = DEFAULT_NEGATIVE_WINDOW,
        negative_context_window_after: int = 0,
        negative_context_after: list[str] | None = None,
        negative_context_after_window: int = 15,
        pattern_context_required: Mapping[str, bool] | None = None,
        anchors: Mapping[str, tuple[str, int, int]] | None = None,
        requires: str | None = None,
        pattern_requires: Mapping[str, str] | None = None,
        unfiltered: Iterable[str] = (),
        description: str = "",
    ) -> None:
        super().__init__(supported_entity=entity, name=name, supported_language="en",
                         patterns=patterns, context=list(context or []), global_regex_flags=flags)
        self.entity = entity
        self.description = description
        self.validator_name = validator
        self._validator = VALIDATORS[validator] if validator else None
        self.deny = list(deny or [])
        self._deny = [_regex(d, flags) for d in self.deny]
        self.context_window = context_window
        self.context_window_after = context_window_after
        self.context_required = context_required
        self.context_boost = context_boost
        self.negative_context = list(negative_context or [])
        self.negative_context_window = negative_context_window
        self.negative_context_window_after = negative_context_window_after
        self._pattern_context_required = dict(pattern_context_required or {})
        self.anchors = dict(anchors or {})
        self._anchors = {pname: (_regex(rx, flags), before, after)
                         for pname, (rx, before, after) in self.anchors.items()}
        # Necessary conditions, searched once per text: most prompts have no month name, no
        # five digits, no "://", and a recognizer or pattern that cannot match is skipped.
        self.requires = requires
        self._requires = _regex(requires, flags) if requires else None
        self.pattern_requires = dict(pattern_requires or {})
        self._pattern_requires = {pname: _regex(rx, flags) for pname, rx in self.pattern_requires.items()}
        # patterns the prefilter must never skip, and the prefilter's ids of the others
        self.unfiltered = frozenset(unfiltered)
        self._prefilter: Prefilter | None = None
        self._prefilter_ids: dict[str, int] = {}
        self._filtered_ids: frozenset[int] | None = None   # when every pattern has an id
        self._context_re = (_regex(_word_alternation(self.context), regex.IGNORECASE)
                            if self.context else None)
        self._negative_re = (_regex(_word_alternation(self.negative_context, initials=False), regex.IGNORECASE)
                             if self.negative_context else None)
        self.negative_context_after = list(negative_context_after or [])
        self.negative_context_after_window = negative_context_after_window
        self._negative_after_re = (_regex(_word_alternation(self.negative_context_after, initials=False), regex.IGNORECASE)
                                   if self.negative_context_after else None)
        for p in self.patterns:                 # compile once, with our flags
            if p.compiled_regex is None or p.compiled_with_flags != flags:
                p.compiled_regex = _regex(p.regex, flags)
                p.compiled_with_flags = flags

    def use_prefilter(self, prefilter: Prefilter, ids: Mapping[str, int]) -> None:
        """Skip the patterns named in `ids` on texts where `prefilter` says they cannot match."""
        self._prefilter, self._prefilter_ids = prefilter, dict(ids)
        every = all(p.name in self._prefilter_ids for p in self.patterns)
        self._filtered_ids = frozenset(self._prefilter_ids[p.name] for p in self.patterns) if every else None

    # Presidio hooks: the validator and the deny list.
    def validate_result(self, pattern_text: str) -> bool | float | None:
        return self._validator(pattern_text) if self._validator else None

    def invalidate_result(self, pattern_text: str) -> bool | None:
        if any(d.fullmatch(pattern_text) for d in self._deny):
            return True
        return None

    def _find(self, compiled: regex.Pattern | None, text: str, start: int, end: int,
              before: int, after: int, clause: bool = False) -> str | None:
        if compiled is None:
            return None
        if before:
            m = compiled.search(text, max(0, start - before), start)
            if m:
                return m.group()
        if after:
            # Search a little past the window so a word cut by the window edge ("Map" of
            # "Maplewood") does not look whole; a match must still start inside it. Not into the
            # next item of a list or checklist ("ICU 7/18\n [x] staffing": no "x" doses).
            stop = min(len(text), end + after + 40)
            if (item := _NEXT_ITEM.search(text, end, stop)) is not None:
                stop = item.start()
            # `clause`: nor past the end of the value's clause ("on 1/6: HR 48": no rate per hour).
            # Not stopped at the next number: a vent's "5/5 35% FiO2" is no date for its "%".
            if clause and _CLAUSE_END.match(text, end) is not None:
                return None
            m = compiled.search(text, end, stop)
            if m and m.start() < end + after:
                return m.group()
        return None

    @staticmethod
    def _windowed(compiled: regex.Pattern, anchor: tuple[regex.Pattern, int, int],
                  text: str) -> Iterable[regex.Match]:
        """Matches of `compiled` only in windows around matches of a cheap anchor regex
        (patterns that start with a name would otherwise be tried at every word).
        A window reaches back `before` characters and forward `after` characters and
        on to the end of that line, so end-of-line lookaheads see the real line end."""
        anchor_re, before, after = anchor
        windows: list[list[int]] = []
        for a in anchor_re.finditer(text):
            ws = max(0, a.start() - before)
            we = min(len(text), a.end() + after)
            nl = text.find("\n", we, we + 300)
            we = nl if nl >= 0 else min(len(text), we + 300)
            if windows and ws <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], we)
            else:
                windows.append([ws, we])
        for ws, we in windows:
            yield from compiled.finditer(text, ws, we)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if entities and self.entity not in entities:
            return []
        fired = self._prefilter.fired(text) if self._prefilter is not None else None
        if fired is not None and self._filtered_ids is not None and fired.isdisjoint(self._filtered_ids):
            return []                   # no pattern of this recognizer can match here
        if self._requires is not None and self._requires.search(text) is None:
            return []
        results: list[RecognizerResult] = []
        for pattern in self.patterns:
            if fired is not None:
                pid = self._prefilter_ids.get(pattern.name)
                if pid is not None and pid not in fired:
                    continue            # its approximation found nothing here: neither would it
            gate = self._pattern_requires.get(pattern.name)
            if gate is not None and gate.search(text) is None:
                continue
            required = self._pattern_context_required.get(pattern.name, self.context_required)
            anchor = self._anchors.get(pattern.name)
            matches = (self._windowed(pattern.compiled_regex, anchor, text) if anchor
                       else pattern.compiled_regex.finditer(text))
            for m in matches:
                if "phi" in pattern.compiled_regex.groupindex and m.start("phi") >= 0:
                    start, end = m.span("phi")
                else:
                    start, end = m.span()
                if start == end:
                    continue
                value = text[start:end]
                # The validator first: it rejects most candidates of the broad patterns, and
                # a set lookup is cheaper than the context searches.
                validation = self.validate_result(value)
                if validation is False:
                    continue
                if self.invalidate_result(value):
                    continue
                if self._find(self._negative_re, text, start, end,
                              self.negative_context_window, self.negative_context_window_after):
                    continue
                if self._find(self._negative_after_re, text, start, end,
                              0, self.negative_context_after_window, clause=True):
                    continue
                score = pattern.score
                if isinstance(validation, float) and not isinstance(validation, bool):
                    score += validation
                word = self._find(self._context_re, text, start, end,
                                  self.context_window, self.context_window_after)
                if required and word is None:
                    continue
                if word is not None and not required:
                    score += self.context_boost
                score = max(0.0, min(EntityRecognizer.MAX_SCORE, score))
                if score <= EntityRecognizer.MIN_SCORE:
                    continue
                explanation = self.build_regex_explanation(
                    self.name, pattern.name, pattern.regex, pattern.score,
                    validation if isinstance(validation, bool) else None, pattern.compiled_with_flags)
                if word is not None:
                    explanation.set_supportive_context_word(word)
                explanation.set_improved_score(score)
                results.append(RecognizerResult(
                    entity_type=self.entity, start=start, end=end, score=score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                    }))
        return EntityRecognizer.remove_duplicates(results) if len(results) > 1 else results


# --- YAML -> recognizers ------------------------------------------------------------

def word_alternation(words: Iterable[str]) -> str:
    """An alternation matching exactly these literal words, shaped as a trie
    (`a(?:nd|t)|o(?:n|r)`): the `regex` module tries a flat alternation of hundreds of
    words one by one at every position, a trie in a few steps."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        end = "" in node
        branches = [regex.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body
    return "(?:" + render(trie) + ")"


def _macros(raw: Mapping[str, Any], source: str) -> dict[str, str]:
    out = {}
    for k, v in raw.items():
        if isinstance(v, str):
            out[str(k)] = v.strip()
        elif isinstance(v, list) and v and all(isinstance(w, str) and w for w in v):
            out[str(k)] = word_alternation(v)
        else:
            raise RecognizerConfigError("<file>", f"macros.{k}", "must be a regex string or a list of words", source)
    return out


def _expand(text: str, macros: Mapping[str, str], name: str, field: str, source: str) -> str:
    for _ in range(10):
        if not _MACRO_REF.search(text):
            return text

        def sub(m: regex.Match) -> str:
            key = m.group(1)
            if key not in macros:
                raise RecognizerConfigError(name, field, f"unknown macro {{{{{key}}}}}", source)
            return "(?x:" + macros[key] + ")"     # macros are verbose: free to wrap lines
        text = _MACRO_REF.sub(sub, text)
    raise RecognizerConfigError(name, field, "macros nested too deeply (a cycle?)", source)


def _pattern(name: str, rx: str, score: float, compiled: regex.Pattern, flags: int) -> Pattern:
    """A presidio Pattern carrying our compiled regex. Pattern() itself would compile
    the regex again, without our flags (slow for the long PERSON patterns)."""
    p = Pattern.__new__(Pattern)
    p.name, p.regex, p.score = name, rx, score
    p.compiled_regex, p.compiled_with_flags = compiled, flags
    return p


def _compile(rx: str, flags: int, name: str, field: str, source: str) -> regex.Pattern:
    try:
        return _regex(rx, flags)
    except (regex.error, TypeError, ValueError) as e:
        raise RecognizerConfigError(name, field, f"invalid regex: {e}", source) from None


def _words(value: Any, name: str, field: str, source: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RecognizerConfigError(name, field, "must be a list of non-empty strings", source)
    return [w.strip() for w in value]


def _int(value: Any, default: int, name: str, field: str, source: str) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RecognizerConfigError(name, field, f"must be a non-negative integer, not {value!r}", source)
    return value


def _score(value: Any, name: str, field: str, source: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise RecognizerConfigError(name, field, f"must be a number in (0, 1], not {value!r}", source)
    return float(value)


def _bool(value: Any, default: bool, name: str, field: str, source: str) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise RecognizerConfigError(name, field, f"must be true or false, not {value!r}", source)
    return value


def build_recognizer(spec: Mapping[str, Any], macros: Mapping[str, str] | None = None,
                     source: str = "") -> ContextPatternRecognizer:
    """One recognizer from one YAML entry (already parsed)."""
    macros = macros or {}
    if not isinstance(spec, Mapping):
        raise RecognizerConfigError("?", "<entry>", "each recognizer must be a mapping", source)
    name = spec.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise RecognizerConfigError(str(name), "name", "must be a lower_snake_case string", source)
    unknown = set(spec) - _RECOGNIZER_FIELDS
    if unknown:
        raise RecognizerConfigError(name, sorted(unknown)[0], "unknown field", source)

    entity = spec.get("entity")
    if entity not in KINDS:
        raise RecognizerConfigError(name, "entity", f"unknown KIND {entity!r} (see gateway/phi/kinds.py)", source)

    flag_names = spec.get("flags", list(DEFAULT_FLAGS))
    if not isinstance(flag_names, list):
        raise RecognizerConfigError(name, "flags", "must be a list of flag names", source)
    flags = 0
    for f in flag_names:
        if f not in FLAGS:
            raise RecognizerConfigError(name, "flags", f"unknown flag {f!r}; known: {sorted(FLAGS)}", source)
        flags |= FLAGS[f]

    validator = spec.get("validator")
    if validator is not None and validator not in VALIDATORS:
        raise RecognizerConfigError(name, "validator", f"unknown validator {validator!r}; known: "
                                    f"{sorted(VALIDATORS)}", source)

    raw_patterns = spec.get("patterns")
    if not isinstance(raw_patterns, list) or not raw_patterns:
        raise RecognizerConfigError(name, "patterns", "must be a non-empty list", source)
    patterns: list[Pattern] = []
    per_pattern: dict[str, bool] = {}
    anchors: dict[str, tuple[str, int, int]] = {}
    gates: dict[str, str] = {}
    unfiltered: set[str] = set()
    seen: set[str] = set()
    for i, p in enumerate(raw_patterns):
        field = f"patterns[{i}]"
        if not isinstance(p, Mapping):
            raise RecognizerConfigError(name, field, "must be a mapping with name, regex, score", source)
        extra = set(p) - _PATTERN_FIELDS
        if extra:
            raise RecognizerConfigError(name, f"{field}.{sorted(extra)[0]}", "unknown field", source)
        pname = p.get("name")
        if not isinstance(pname, str) or not pname:
            raise RecognizerConfigError(name, f"{field}.name", "missing", source)
        if pname in seen:
            raise RecognizerConfigError(name, f"{field}.name", f"duplicate pattern name {pname!r}", source)
        seen.add(pname)
        rx = p.get("regex")
        if not isinstance(rx, str) or not rx.strip():
            raise RecognizerConfigError(name, f"{field}.regex", "missing", source)
        rx = _expand(rx.strip(), macros, name, f"{field}.regex", source)
        compiled = _compile(rx, flags, name, f"{field}.regex", source)
        score = _score(p.get("score"), name, f"{field}.score", source)
        if "context_required" in p:
            per_pattern[pname] = _bool(p["context_required"], False, name, f"{field}.context_required", source)
        patterns.append(_pattern(pname, rx, score, compiled, flags))
        if "anchor" in p:
            arx = p["anchor"]
            if not isinstance(arx, str) or not arx.strip():
                raise RecognizerConfigError(name, f"{field}.anchor", "must be a regex string", source)
            arx = _expand(arx.strip(), macros, name, f"{field}.anchor", source)
            _compile(arx, flags, name, f"{field}.anchor", source)
            anchors[pname] = (arx,
                              _int(p.get("anchor_before"), DEFAULT_ANCHOR_BEFORE, name, f"{field}.anchor_before", source),
                              _int(p.get("anchor_after"), DEFAULT_ANCHOR_AFTER, name, f"{field}.anchor_after", source))
        elif "anchor_before" in p or "anchor_after" in p:
            raise RecognizerConfigError(name, f"{field}.anchor", "anchor_before/anchor_after need an anchor", source)
        if "requires" in p:
            gates[pname] = _requires(p["requires"], macros, flags, name, f"{field}.requires", source)
        if not _bool(p.get("prefilter"), True, name, f"{field}.prefilter", source):
            unfiltered.add(pname)
            if pname in anchors and len(anchors[pname][0]) > PREFILTER_MAX_LENGTH:
                raise RecognizerConfigError(name, f"{field}.anchor", f"too long for the Hyperscan prefilter "
                                            f"(at most {PREFILTER_MAX_LENGTH} characters once expanded)", source)
        elif len(rx) > PREFILTER_MAX_LENGTH:
            # Hyperscan would refuse the whole database for it, and every pattern would scan every text
            raise RecognizerConfigError(name, f"{field}.regex", f"{len(rx)} characters once expanded, too long for "
                                        f"the Hyperscan prefilter (at most {PREFILTER_MAX_LENGTH}): mark it "
                                        "`prefilter: false` (with an anchor it is then filtered on that)", source)

    deny = spec.get("deny") or []
    if not isinstance(deny, list):
        raise RecognizerConfigError(name, "deny", "must be a list of regexes", source)
    expanded_deny = []
    for i, d in enumerate(deny):
        if not isinstance(d, str):
            raise RecognizerConfigError(name, f"deny[{i}]", "must be a regex string", source)
        d = _expand(d, macros, name, f"deny[{i}]", source)
        _compile(d, flags, name, f"deny[{i}]", source)
        expanded_deny.append(d)

    context = _words(spec.get("context"), name, "context", source)
    required = _bool(spec.get("context_required"), False, name, "context_required", source)
    if (required or any(per_pattern.values())) and not context:
        raise RecognizerConfigError(name, "context", "context_required needs context words", source)
    boost = spec.get("context_boost", DEFAULT_CONTEXT_BOOST)
    if isinstance(boost, bool) or not isinstance(boost, (int, float)) or not 0 <= boost <= 1:
        raise RecognizerConfigError(name, "context_boost", f"must be a number in [0, 1], not {boost!r}", source)
    requires = (_requires(spec["requires"], macros, flags, name, "requires", source)
                if "requires" in spec else None)
    description = spec.get("description", "")
    if not isinstance(description, str):
        raise RecognizerConfigError(name, "description", "must be a string", source)

    return ContextPatternRecognizer(
        name=name, entity=entity, patterns=patterns, flags=flags, validator=validator,
        deny=expanded_deny, context=context,
        context_window=_int(spec.get("context_window"), DEFAULT_CONTEXT_WINDOW, name, "context_window", source),
        context_window_after=_int(spec.get("context_window_after"), 0, name, "context_window_after", source),
        context_required=required, context_boost=float(boost),
        negative_context=_words(spec.get("negative_context"), name, "negative_context", source),
        negative_context_window=_int(spec.get("negative_context_window"), DEFAULT_NEGATIVE_WINDOW,
                                     name, "negative_context_window", source),
        negative_context_window_after=_int(spec.get("negative_context_window_after"), 0,
                                           name, "negative_context_window_after", source),
        negative_context_after=_words(spec.get("negative_context_after"), name, "negative_context_after", source),
        negative_context_after_window=_int(spec.get("negative_context_after_window"), 15,
                                           name, "negative_context_after_window", source),
        pattern_context_required=per_pattern, anchors=anchors, requires=requires,
        pattern_requires=gates, unfiltered=unfiltered, description=description)


def _requires(rx: Any, macros: Mapping[str, str], flags: int, name: str, field: str, source: str) -> str:
    if not isinstance(rx, str) or not rx.strip():
        raise RecognizerConfigError(name, field, "must be a regex string", source)
    rx = _expand(rx.strip(), macros, name, field, source)
    _compile(rx, flags, name, field, source)
    return rx


def build_recognizers(config: Mapping[str, Any], source: str = "") -> list[ContextPatternRecognizer]:
    """Recognizers from a parsed patterns document: {macros: {...}, recognizers: [...]}."""
    if not isinstance(config, Mapping) or not isinstance(config.get("recognizers"), list):
        raise RecognizerConfigError("<file>", "recognizers", "the document needs a list `recognizers`", source)
    extra = set(config) - {"version", "macros", "recognizers"}
    if extra:
        raise RecognizerConfigError("<file>", sorted(extra)[0], "unknown top-level field", source)
    raw_macros = config.get("macros") or {}
    if not isinstance(raw_macros, Mapping):
        raise RecognizerConfigError("<file>", "macros", "must map NAME to a regex string or a word list", source)
    macros = _macros(raw_macros, source)
    out: list[ContextPatternRecognizer] = []
    names: set[str] = set()
    for spec in config["recognizers"]:
        rec = build_recognizer(spec, macros, source)
        if rec.name in names:
            raise RecognizerConfigError(rec.name, "name", "duplicate recognizer name", source)
        names.add(rec.name)
        out.append(rec)
    return out


def load_recognizers(path: Path | str | None = None) -> list[EntityRecognizer]:
    """Fresh recognizer instances from patterns.yaml (or `path`)."""
    p = Path(path) if path is not None else DEFAULT_PATTERNS
    with p.open(encoding="utf-8") as f:
        try:
            config = yamlfile.load(f)
        except yaml.YAMLError as e:
            raise RecognizerConfigError("<file>", "<yaml>", f"not valid YAML: {e}", str(p)) from None
    return list(build_recognizers(config, source=str(p)))


def default_recognizers() -> list[EntityRecognizer]:
    """What the detector runs besides the NER model: patterns.yaml's recognizers and the
    readers of structured text: table columns (columns.py), JSON records (fields.py), HL7 v2
    messages (hl7.py), X12 EDI claims and remittances (x12.py), a conversation's speakers
    (dialogue.py), the initials signing a log's rows (signers.py), those a document keys to a
    name and those written with dots (initials.py)."""
    from gateway.phi.recognizers.columns import ColumnRecognizer, Headers
    from gateway.phi.recognizers.dialogue import SpeakerRecognizer
    from gateway.phi.recognizers.fields import FieldRecognizer
    from gateway.phi.recognizers.hl7 import Hl7Recognizer
    from gateway.phi.recognizers.initials import DottedInitialsRecognizer, InitialsKeyRecognizer
    from gateway.phi.recognizers.signers import RowSignerRecognizer
    from gateway.phi.recognizers.x12 import X12Recognizer
    headers = Headers()
    return [*load_recognizers(), ColumnRecognizer(headers), FieldRecognizer(headers), Hl7Recognizer(),
            X12Recognizer(), SpeakerRecognizer(), RowSignerRecognizer(), InitialsKeyRecognizer(),
            DottedInitialsRecognizer()]


def attach_prefilter(recognizers: Iterable[EntityRecognizer], background: bool = True) -> Prefilter:
    """One Hyperscan prefilter over the patterns of `recognizers`, wired into each. Analyses
    see it inside `prefilter.scope(text)`. A pattern marked `prefilter: false` is filtered
    by its anchor instead, when it has one: without an anchor match it runs nowhere, and
    anchors are short word lists Hyperscan takes easily."""
    wired: list[tuple[ContextPatternRecognizer, dict[str, int]]] = []
    patterns: list[tuple[str, int]] = []
    for rec in recognizers:
        if not isinstance(rec, ContextPatternRecognizer):
            continue
        ids = {}
        for p in rec.patterns:
            if p.name not in rec.unfiltered:
                ids[p.name] = len(patterns)
                patterns.append((p.regex, p.compiled_with_flags))
            elif p.name in rec.anchors:
                ids[p.name] = len(patterns)
                patterns.append((rec.anchors[p.name][0], p.compiled_with_flags))
        wired.append((rec, ids))
    prefilter = Prefilter(patterns, background=background)
    for rec, ids in wired:
        rec.use_prefilter(prefilter, ids)
    return prefilter


def load_macro_words(name: str, path: Path | str | None = None) -> list[str]:
    """A word-list macro of patterns.yaml (e.g. NAME_STOP_WORDS), or a regex macro that is only
    an alternation of words (STATE_CODE: "AL|AK|..."), for code that needs the same vocabulary as
    the recognizers."""
    p = Path(path) if path is not None else DEFAULT_PATTERNS
    with p.open(encoding="utf-8") as f:
        words = (yamlfile.load(f).get("macros") or {}).get(name)
    if isinstance(words, str) and _WORD_ALTERNATION.fullmatch(words):
        words = [w.strip() for w in words.split("|")]
    if not isinstance(words, list):
        raise RecognizerConfigError("<file>", f"macros.{name}", "must be a list of words", str(p))
    return [str(w) for w in words]


# --- an offline analyzer ------------------------------------------------------------

def blank_nlp_engine():
    """A Presidio SpacyNlpEngine over spacy.blank("en"): tokenizer only, no NER, no
    lemmas, nothing downloaded. Enough for pattern recognizers."""
    import spacy
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank:en"}])
    engine.nlp = {"en": spacy.blank("en")}      # is_loaded() is now True: load() never runs
    return engine


def blank_analyzer(recognizers: Iterable[EntityRecognizer] | None = None) -> AnalyzerEngine:
    """An AnalyzerEngine built offline with only the given recognizers (default:
    ours). Never falls back to Presidio's predefined recognizers or models."""
    recs = list(recognizers) if recognizers is not None else default_recognizers()
    if not recs:
        raise ValueError("blank_analyzer needs at least one recognizer "
                         "(an empty registry would load Presidio's predefined ones)")
    registry = RecognizerRegistry(recognizers=recs, supported_languages=["en"])
    return AnalyzerEngine(nlp_engine=blank_nlp_engine(), registry=registry, supported_languages=["en"])
