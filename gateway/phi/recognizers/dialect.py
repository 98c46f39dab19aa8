"""Where Hyperscan's regex dialect and the `regex` module's part, so a prefilter stays exact.

The prefilter (prefilter.py) asks Hyperscan whether a pattern *may* match a text and skips
the `regex` module's scan when it says no. That is exact only where the two engines read a
pattern alike. Two differences matter for our patterns:

* Case-insensitive `\\p{Lu}` / `\\p{Ll}`: `regex` lets `(?i)\\p{Lu}` match "a" (a case
  partner of an uppercase letter); Hyperscan's caseless flag leaves properties alone. So
  inside a case-insensitive scope they are rewritten to `\\p{L}` for Hyperscan: a superset.
* Characters beyond ASCII: `\\w` (a combining mark is a word character to `regex`, not to
  PCRE), `\\s`, properties and caseless literals ("ſ" is an "s" to one engine only) can differ.
  Instead of trusting the documentation, each non-ASCII character a text holds is asked of both
  engines, once per process: every class the patterns use (`\\d`, `\\w`, `\\s`, each `\\p{..}`),
  every ASCII letter and every non-ASCII literal of the patterns, case-sensitive and not. A
  character on which they disagree sends its text down the unfiltered path.

A pattern with a construct this does not probe (`\\x..`, `\\N{..}`, POSIX classes, ...) or a
flag other than IGNORECASE/MULTILINE/DOTALL/VERBOSE is not filtered on non-ASCII text.
"""
from __future__ import annotations

import string
import threading
from collections.abc import Sequence

import regex

# case-sensitive properties, and what Hyperscan sees instead inside a caseless scope
_CASED = {"Lu": "L", "Ll": "L", "Lt": "L"}
_PROPERTY = regex.compile(r"\\[pP]\{(\^?)([A-Za-z_]+)\}")
# constructs whose non-ASCII behaviour is not probed, and flags that change it
_UNPROBED = regex.compile(r"\\[xuUNhHvVRXoGmMK]|\\[pP][A-Za-z]|\[\[:|\\L<|\{e<|\(\?[aLu]")
_FLAGS = regex.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])")
_BOUNDED = regex.compile(r"\{(\d+),(\d+)\}")
# A bounded repeat wider than this is unbounded for Hyperscan ("[^\\d\\n]{0,30}" becomes
# "[^\\d\\n]{0,}"): a superset, so still a prefilter, and one that compiles in a fraction of the
# time (Hyperscan unrolls a bounded repeat into states; the patterns took minutes to compile)
WIDEST_BOUND = 4
# how many characters' answers are kept (Latin, Greek, Cyrillic, CJK and emoji in use fit easily)
MAX_CHARACTERS = 50_000
_PROBED_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.VERBOSE | regex.VERSION0


def hyperscan_expression(rx: str, flags: int, cheap: bool = True) -> str:
    """`rx` with every case-sensitive property in a case-insensitive scope widened to `\\p{L}`
    (`flags` is the pattern's; inline `(?i:` / `(?-i:` scopes are followed). Raises ValueError
    for such a property inside a negated class, where widening would narrow the match.

    With `cheap`, letter properties and `\\w` outside negated classes become their ASCII members
    and everything beyond ASCII, and bounded repeats wider than WIDEST_BOUND unbounded: supersets
    that Hyperscan compiles much faster and that are exact on ASCII text."""
    out: list[str] = []
    caseless = [bool(flags & regex.IGNORECASE)]
    verbose = [bool(flags & regex.VERBOSE)]
    in_class = False
    negated = False
    opened = 0                                          # where the current class's first member is
    i, n = 0, len(rx)
    if regex.search(r"\(\?[a-zA-Z]*i[a-zA-Z]*\)", rx):    # a bare (?i): `regex` applies it to all
        caseless = [True]
    while i < n:
        c = rx[i]
        if c == "\\":
            m = _PROPERTY.match(rx, i)
            if m and caseless[-1] and m.group(2) in _CASED:
                if in_class and negated or m.group(1) or rx[i + 1] == "P":
                    raise ValueError(f"case-insensitive negated {m.group()} cannot be widened")
            if cheap and not (in_class and negated):
                # "\p{L}" is named L, "\w" w; a negated property ("\P{L}", "\p{^L}") is left alone
                name = m.group(2) if m and not m.group(1) and rx[i + 1] == "p" else "w" if rx[i + 1] == "w" else None
                if (superset := _cheap(name, caseless[-1])) is not None:
                    out.append(superset if in_class else "[" + superset + "]")
                    i = m.end() if m else i + 2
                    continue
            if m and caseless[-1] and m.group(2) in _CASED:
                out.append(r"\p{" + _CASED[m.group(2)] + "}")
                i = m.end()
                continue
            out.append(rx[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]" and i > opened:                 # "[]..." and "[^]..." hold a "]"
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class, negated = True, rx[i + 1:i + 2] == "^"
            opened = i + 1 + negated
        elif c == "#" and verbose[-1]:                  # a comment runs to the line's end
            end = rx.find("\n", i)
            end = n if end < 0 else end
            out.append(rx[i:end])
            i = end
            continue
        elif c == "(":
            m = _FLAGS.match(rx, i)
            on, off = (m.group(1), m.group(2) or "") if m else ("", "")
            case = ("i" in on or caseless[-1]) and "i" not in off
            verb = ("x" in on or verbose[-1]) and "x" not in off
            if m is not None and m.group(3) == ")":     # "(?x)": from here to the group's end
                caseless[-1], verbose[-1] = case, verb
                out.append(m.group())
                i = m.end()
                continue
            caseless.append(case)
            verbose.append(verb)
        elif c == ")" and len(caseless) > 1:
            caseless.pop()
            verbose.pop()
        elif c == "{" and cheap and (m := _BOUNDED.match(rx, i)) and int(m.group(2)) - int(m.group(1)) > WIDEST_BOUND:
            out.append("{" + m.group(1) + ",}")
            i = m.end()
            continue
        out.append(c)
        i += 1
    return "".join(out)


# Unicode classes Hyperscan compiles slowly, as a superset that is exact on ASCII: their ASCII
# members and every character beyond ASCII ("\\p{L}{2,4}\\d+" compiled 30 times faster so)
_BEYOND_ASCII = r"\x{80}-\x{10FFFF}"
_CHEAP = {"L": "A-Za-z", "Lu": "A-Z", "Ll": "a-z", "Lt": "", "w": "0-9A-Za-z_"}


def _cheap(name: str | None, caseless: bool) -> str | None:
    """The superset class body for property `name` ("L", "Lu", …) or "w", or None."""
    if name not in _CHEAP:
        return None
    ascii_members = "A-Za-z" if caseless and name in _CASED else _CHEAP[name]
    return ascii_members + _BEYOND_ASCII


def probed(rx: str, flags: int) -> bool:
    """Whether a pattern uses only what CharacterAgreement asks both engines about."""
    return not flags & ~_PROBED_FLAGS and _UNPROBED.search(rx) is None


class CharacterAgreement:
    """Which non-ASCII characters both engines treat alike in every construct of `sources`."""

    def __init__(self, sources: Sequence[str]) -> None:
        classes = {r"\d", r"\w", r"\s", "[a-z]", "[A-Z]", *string.ascii_lowercase}
        literals: set[str] = set()
        for rx in sources:
            classes.update(m.group() for m in _PROPERTY.finditer(rx))
            literals.update(ch for ch in rx if not ch.isascii())
        # (what `regex` runs, what Hyperscan runs, caseless, whether only regex => Hyperscan
        # is needed): a widened property may match more in Hyperscan, never less
        self._probes: list[tuple[regex.Pattern, str, bool, bool]] = []
        for probe in sorted(classes):
            for caseless in (False, True):
                try:
                    # the classes as Hyperscan reads them, not their cheap supersets: a character
                    # both read alike there is read alike by a pattern's negated class too
                    hs = hyperscan_expression(probe, regex.IGNORECASE if caseless else 0, cheap=False)
                except ValueError:      # a pattern using it fires always (prefilter.py)
                    continue
                self._probes.append((regex.compile(probe, regex.IGNORECASE if caseless else 0),
                                     hs, caseless, hs != probe))
        for ch in sorted(literals):     # written as a code point: \U (regex), \x{} (Hyperscan)
            for caseless in (False, True):
                self._probes.append((regex.compile(r"\U%08x" % ord(ch), regex.IGNORECASE if caseless else 0),
                                     r"\x{%x}" % ord(ch), caseless, False))
        import hyperscan
        self._db = hyperscan.Database()
        self._db.compile(expressions=[hs.encode() for _, hs, _, _ in self._probes],
                         ids=list(range(len(self._probes))), elements=len(self._probes),
                         flags=[hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP
                                | (hyperscan.HS_FLAG_CASELESS if caseless else 0)
                                for _, _, caseless, _ in self._probes])
        # one character each, no text; bounded, so a flood of distinct characters cannot grow it
        # without end (past the bound an unknown character is answered "run every pattern")
        self._verdicts: dict[str, bool] = {}
        self._lock = threading.Lock()

    def agree(self, chars: set[str]) -> bool:
        """True when both engines treat every one of `chars` (non-ASCII) alike."""
        verdicts = self._verdicts
        unknown = [ch for ch in chars if ch not in verdicts]
        if unknown:
            if len(verdicts) + len(unknown) > MAX_CHARACTERS:
                return False
            verdicts.update(self._ask(unknown))
        return all(verdicts[ch] for ch in chars)

    def _ask(self, chars: list[str]) -> dict[str, bool]:
        """Both engines' answers for `chars`, all in one scan each: the characters joined by
        line breaks, every probe matching one character, known by where its match ends."""
        verdicts = {ch: False for ch in chars if not _encodable(ch)}     # lone surrogates
        chars = [ch for ch in chars if ch not in verdicts]
        text = "\n".join(chars)
        at_char = {2 * k + 1: k for k in range(len(chars))}     # where each character ends
        data = text.encode("utf-8")
        at_byte: dict[int, int] = {}
        pos = 0
        for k, ch in enumerate(chars):
            pos += len(ch.encode("utf-8"))
            at_byte[pos] = k
            pos += 1
        hs_hits: set[tuple[int, int]] = set()
        with self._lock:                            # one scratch for the probe database
            self._db.scan(data, match_event_handler=_collect, context=(at_byte, hs_hits))
        by_probe: dict[int, set[int]] = {}
        for probe, k in hs_hits:
            by_probe.setdefault(probe, set()).add(k)
        bad: set[int] = set()
        for i, (rx, _, _, widened) in enumerate(self._probes):
            in_regex = {at_char[m.end()] for m in rx.finditer(text) if m.end() in at_char}
            in_hs = by_probe.get(i, set())
            bad |= in_regex - in_hs                 # regex matches where Hyperscan would not
            if not widened:
                bad |= in_hs - in_regex
        verdicts.update((ch, k not in bad) for k, ch in enumerate(chars))
        return verdicts


def _encodable(ch: str) -> bool:
    try:
        ch.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _collect(probe_id: int, start: int, end: int, flags: int,
             context: tuple[dict[int, int], set[tuple[int, int]]]) -> None:
    at_byte, hits = context
    k = at_byte.get(end)
    if k is not None:                               # not a line break between characters
        hits.add((probe_id, k))
