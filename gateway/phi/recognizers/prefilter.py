"""One pass over a text for all pattern recognizers, so most of them need not scan it.

The `regex` module scans a text once per pattern, and most of the ~180 patterns find nothing
in a given note. Hyperscan (Intel's multi-pattern engine) scans once for all of them in
*prefilter mode*, where each pattern is approximated by a superset (lookarounds dropped, so
it reports at least every text the pattern matches), and a pattern whose approximation is
silent on a text is skipped there. The findings are the same; only the work is less.

Exactness: Hyperscan's dialect is PCRE's, not the `regex` module's (dialect.py). Inside a
case-insensitive scope a case property (`\\p{Lu}`) is widened for Hyperscan, which does not fold
properties. A text beyond ASCII is filtered only when each of its non-ASCII characters is one
both engines treat alike in every construct the patterns use (asked of both engines, once per
character); otherwise, and for a pattern with an unprobed construct, every pattern runs. A
pattern Hyperscan cannot take (too long, or too slow to compile: `prefilter: false` in
patterns.yaml) is never filtered. Unicode letter classes and wide bounded repeats are handed to
Hyperscan as cheaper supersets (dialect.py), and the patterns are compiled in databases of
`_CHUNK`: together that cut a cold compile from about eight minutes to under one on a slow
hour. It still happens once, in a background thread (texts analysed meanwhile run every
pattern), and the compiled databases are cached on disk, keyed by the patterns and the
Hyperscan version.

The scan's result lives only for one analysis: `scope(text)` sets it for the code inside the
`with` (a context variable, so threads and tasks do not see each other's) and drops it after,
so no text outlives its request here.
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import regex

from gateway.phi.recognizers.dialect import CharacterAgreement, hyperscan_expression, probed

log = logging.getLogger("medgate.phi")

# (prefilter, text, the ids of its patterns that may match the text) for the analysis in progress
_CURRENT: ContextVar[tuple[Prefilter, str, frozenset[int]] | None] = ContextVar("phi_prefilter", default=None)


# One compile of a pattern set at a time in a process: a second detector built meanwhile with
# the same patterns waits for the first and then loads its database from the disk cache
# instead of compiling it again. Other pattern sets do not wait (a compile can take minutes).
_BUILDING: dict[int, threading.Lock] = {}
_BUILDING_GUARD = threading.Lock()
_ASCII = frozenset(map(chr, range(128)))


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "medgate" / "phi-prefilter"


class Prefilter:
    """Which of `patterns` (regex source, flags; a pattern's id is its index) can match a text."""

    def __init__(self, patterns: Sequence[tuple[str, int]], *, background: bool = True,
                 directory: Path | None = None) -> None:
        self._patterns = list(patterns)
        self._dir = directory or cache_dir()
        self._dbs: list | None = None
        self._agreement: CharacterAgreement | None = None
        # on non-ASCII text these run whatever the scan says: their constructs are not probed
        self._unprobed = frozenset(i for i, (rx, f) in enumerate(self._patterns) if not probed(rx, f))
        self._scratch_local = threading.local()
        self._ready = threading.Event()
        if background:
            threading.Thread(target=self._build, name="phi-prefilter", daemon=True).start()
        else:
            self._build()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the database is built (or failed); True when it is in use."""
        self._ready.wait(timeout)
        return self._dbs is not None

    @contextmanager
    def scope(self, text: str) -> Iterator[None]:
        """Scan `text` once; recognizers asking `fired(text)` inside get the result."""
        token = _CURRENT.set(self._scan(text))
        try:
            yield
        finally:
            _CURRENT.reset(token)

    def fired(self, text: str) -> frozenset[int] | None:
        """The ids of the patterns that may match `text`, if it is the text being analysed
        in a `scope` and it could be scanned; None means: run every pattern."""
        current = _CURRENT.get()
        if current is None or current[0] is not self or current[1] is not text:
            return None
        return current[2]

    def _scan(self, text: str) -> tuple[Prefilter, str, frozenset[int]] | None:
        if self._dbs is None or self._agreement is None:
            return None
        if text.isascii():
            data, always = text.encode("ascii"), frozenset()
        elif self._agreement.agree(set(text).difference(_ASCII)):
            data, always = text.encode("utf-8"), self._unprobed
        else:
            return None                 # a character the engines read differently: run all
        import hyperscan
        scratches = getattr(self._scratch_local, "scratches", None)
        if scratches is None:           # a scratch space per thread, as Hyperscan requires
            scratches = self._scratch_local.scratches = [hyperscan.Scratch(db) for db in self._dbs]
        seen: set[int] = set()
        for db, scratch in zip(self._dbs, scratches):
            db.scan(data, match_event_handler=_collect, context=seen, scratch=scratch)
        return self, text, frozenset(seen) | always

    # --- building -------------------------------------------------------------------

    def _build(self) -> None:
        with _BUILDING_GUARD:
            building = _BUILDING.setdefault(hash(tuple(self._patterns)), threading.Lock())
        try:
            with building:
                self._agreement = CharacterAgreement([rx for rx, _ in self._patterns])
                self._dbs = self._load_or_compile()
        except Exception as e:          # an optimisation only: without it every pattern runs
            log.warning("PHI pattern prefilter unavailable (%s); every pattern scans every text",
                        type(e).__name__)
            self._dbs = None
        finally:
            self._ready.set()

    def _load_or_compile(self) -> list:
        import hyperscan
        # the VERBOSE flag has no Hyperscan counterpart; the inline form has
        expressions = [(b"(?x)" if f & regex.VERBOSE else b"") + _hyperscan(rx, f).encode() for rx, f in self._patterns]
        flags = [_hs_flags(hyperscan, f) for _, f in self._patterns]
        key = hashlib.sha256(repr((hyperscan.__version__, _CHUNK, expressions, flags)).encode()).hexdigest()[:32]
        path = self._dir / f"{key}.hsdb"
        if path.exists() and _trusted(path):
            try:
                return [hyperscan.loadb(blob, hyperscan.HS_MODE_BLOCK) for blob in _unpack(path.read_bytes())]
            except Exception:           # another CPU or a torn file: compile again
                path.unlink(missing_ok=True)
        dbs = []
        for first in range(0, len(expressions), _CHUNK):
            ids = list(range(first, min(first + _CHUNK, len(expressions))))
            db = hyperscan.Database()
            db.compile(expressions=expressions[first:ids[-1] + 1], ids=ids, elements=len(ids),
                       flags=flags[first:ids[-1] + 1])
            dbs.append(db)
        self._dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self._dir, delete=False) as tmp:
            tmp.write(_pack([hyperscan.dumpb(db) for db in dbs]))
        os.replace(tmp.name, path)      # atomic: concurrent builders never see half a file
        return dbs


# Patterns compiled together, a database each: Hyperscan's compile time grows faster than the
# number of patterns (471 patterns: 140 s in one database, 45 s in eight, on a slow hour), and a
# scan of eight databases costs little more than of one
_CHUNK = 64


def _pack(blobs: list[bytes]) -> bytes:
    return b"".join(len(b).to_bytes(8, "little") + b for b in blobs)


def _unpack(data: bytes) -> list[bytes]:
    blobs, at = [], 0
    while at < len(data):
        size = int.from_bytes(data[at:at + 8], "little")
        if size <= 0 or at + 8 + size > len(data):
            raise ValueError("torn prefilter cache")
        blobs.append(data[at + 8:at + 8 + size])
        at += 8 + size
    if not blobs:
        raise ValueError("empty prefilter cache")
    return blobs


# Hyperscan refuses a long expression ("Pattern length exceeds limit"; one of 15,899 bytes was
# refused, its 15,009 bytes without the cheap classes were not)
_LONGEST = 15_500


def _hyperscan(rx: str, flags: int) -> str:
    try:
        expression = hyperscan_expression(rx, flags)
        if len(expression.encode()) >= _LONGEST:      # the cheap classes are longer to write
            expression = hyperscan_expression(rx, flags, cheap=False)
        return expression
    except ValueError:                  # cannot be widened soundly: an empty pattern fires always
        return ""


def _trusted(path: Path) -> bool:
    """A database decides which patterns run: load only one this user wrote and no one else
    can change (else it is compiled again and replaced)."""
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _collect(pattern_id: int, start: int, end: int, flags: int, seen: set[int]) -> None:
    seen.add(pattern_id)


def _hs_flags(hyperscan, flags: int) -> int:
    # SINGLEMATCH: whether a pattern fired is all a scan asks, and without it a short prompt
    # calls back into Python for every match of every approximation (~800 calls, ~50 ids)
    out = (hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP
           | hyperscan.HS_FLAG_ALLOWEMPTY | hyperscan.HS_FLAG_SINGLEMATCH)
    if flags & regex.IGNORECASE:
        out |= hyperscan.HS_FLAG_CASELESS
    if flags & regex.MULTILINE:
        out |= hyperscan.HS_FLAG_MULTILINE
    if flags & regex.DOTALL:
        out |= hyperscan.HS_FLAG_DOTALL
    return out
