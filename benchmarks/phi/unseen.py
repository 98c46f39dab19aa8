#!/usr/bin/env python3
"""Build the hand-written "unseen" PHI corpus (benchmarks/phi/unseen/) into a gold JSONL.

    .venv/bin/python benchmarks/phi/unseen.py --out /tmp/unseen.jsonl    # all docs/*.txt
    .venv/bin/python benchmarks/phi/unseen.py --check benchmarks/phi/unseen/docs/letters.txt

Documents are written with inline labels, ``[[TYPE|text]]`` (unseen/GUIDELINES.md); this
strips the markup and records each label as a gold span in the shape ``phi_score.py`` reads.
A malformed file is refused with its path, line and the reason, never half-converted.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "unseen" / "docs"
# a second untuned corpus, written later from a different brief (unseen-b/README.md)
DOCS_B = HERE / "unseen-b" / "docs"
# a third, written 2026-12-06 in four other genres by two authors (unseen-c/README.md)
DOCS_C = HERE / "unseen-c" / "docs"
# a fourth, written 2026-12-06 in four specialty genres by two authors (unseen-d/README.md)
DOCS_D = HERE / "unseen-d" / "docs"
# a fifth, written 2026-12-06 in four more genres by two authors (unseen-e/README.md)
DOCS_E = HERE / "unseen-e" / "docs"
# a sixth, written 2026-12-06 in four more genres by two authors (unseen-f/README.md)
DOCS_F = HERE / "unseen-f" / "docs"
# a seventh, written 2026-12-06 in four more genres by two authors (unseen-g/README.md)
DOCS_G = HERE / "unseen-g" / "docs"
# an eighth, written 2026-12-07 in four more genres by two authors (unseen-h/README.md)
DOCS_H = HERE / "unseen-h" / "docs"
# a ninth, written 2026-12-07 in four more genres by two authors (unseen-i/README.md)
DOCS_I = HERE / "unseen-i" / "docs"
# a tenth, written 2026-12-07 in four more genres by two authors (unseen-j/README.md)
DOCS_J = HERE / "unseen-j" / "docs"
# an eleventh, written 2026-12-07 in four more genres by four authors (unseen-k/README.md)
DOCS_K = HERE / "unseen-k" / "docs"
# a twelfth, written 2026-12-07 in four more genres by four authors (unseen-l/README.md)
DOCS_L = HERE / "unseen-l" / "docs"
# every corpus that measures text nobody tuned on, by its benchmark name
UNSEEN = {"unseen": DOCS, "unseen-b": DOCS_B, "unseen-c": DOCS_C, "unseen-d": DOCS_D, "unseen-e": DOCS_E,
          "unseen-f": DOCS_F, "unseen-g": DOCS_G, "unseen-h": DOCS_H, "unseen-i": DOCS_I, "unseen-j": DOCS_J,
          "unseen-k": DOCS_K, "unseen-l": DOCS_L}
sys.path.insert(0, str(HERE.parents[1]))
from gateway.phi.kinds import KINDS  # noqa: E402

HEADER = re.compile(r"^=== doc: ([A-Za-z0-9_.-]+) ===[ \t]*$", re.MULTILINE)
LABEL = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]+)\]\]")


class MarkupError(ValueError):
    pass


_NUMBER_WORDS = {"ninety": 90, "hundred": 100}
_TITLE = re.compile(r"(?i)^(?:dr|mr|mrs|ms|miss|prof|nurse)\.?\s")
_CRED = re.compile(r",?\s+(?:MD|RN|NP|PA-C|DO|LPN|PharmD|PhD)$")
_STATE = re.compile(r"^(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|"
                    r"S[CD]|T[NX]|UT|V[AT]|W[AIVY])$")


def lint(label: dict) -> str | None:
    """A label that breaks a convention of GUIDELINES.md (the commonest slips), or None."""
    kind, value = label["type"], label["text"]
    if kind == "AGE":
        digits = re.match(r"\d+", value)
        age = int(digits.group()) if digits else max((n for w, n in _NUMBER_WORDS.items() if w in value.lower()),
                                                     default=0)
        if age < 90:
            return f"AGE {value!r}: only ages of 90 and over are labelled"
    if kind == "DATE" and re.fullmatch(r"(?:19|20)\d\d|['’]\d\d", value):
        return f"DATE {value!r}: a year alone is not labelled"
    if kind == "PERSON" and (_TITLE.match(value) or _CRED.search(value)):
        return f"PERSON {value!r}: titles and credentials stay outside the name"
    if kind == "LOCATION" and _STATE.match(value):
        return f"LOCATION {value!r}: a state alone is not labelled"
    if kind == "ORGANIZATION" and re.match(r"(?i)the\s", value):
        return f"ORGANIZATION {value!r}: a leading 'the' stays outside"
    return None


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def parse_document(doc_id: str, marked: str, where: str, first_line: int) -> dict:
    """One document's marked text -> {"id", "text", "spans"}."""
    text, spans, last = [], [], 0
    length = 0
    for m in LABEL.finditer(marked):
        plain = marked[last:m.start()]
        if "[[" in plain or "]]" in plain:
            bad = last + max(plain.find("[["), plain.find("]]"))
            raise MarkupError(f"{where}:{first_line + _line(marked, bad) - 1}: stray or malformed '[[' / ']]'")
        kind, value = m.group(1), m.group(2)
        if kind not in KINDS:
            raise MarkupError(f"{where}:{first_line + _line(marked, m.start()) - 1}: unknown type {kind!r} "
                              f"(one of {', '.join(KINDS)})")
        if value != value.strip():
            raise MarkupError(f"{where}:{first_line + _line(marked, m.start()) - 1}: a label's text starts or "
                              f"ends with white space")
        text.append(plain)
        length += len(plain)
        spans.append({"type": kind, "start": length, "end": length + len(value), "text": value})
        problem = lint(spans[-1])
        if problem:
            raise MarkupError(f"{where}:{first_line + _line(marked, m.start()) - 1}: {problem}")
        text.append(value)
        length += len(value)
        last = m.end()
    tail = marked[last:]
    if "[[" in tail or "]]" in tail:
        bad = last + max(tail.find("[["), tail.find("]]"))
        raise MarkupError(f"{where}:{first_line + _line(marked, bad) - 1}: stray or malformed '[[' / ']]'")
    text.append(tail)
    return {"id": doc_id, "text": "".join(text), "spans": spans}


def parse_file(path: Path) -> list[dict]:
    raw = path.read_text(encoding="utf-8")
    headers = list(HEADER.finditer(raw))
    if not headers:
        raise MarkupError(f"{path}:1: no '=== doc: <id> ===' header")
    if raw[:headers[0].start()].strip():
        raise MarkupError(f"{path}:1: text before the first document header")
    docs = []
    for h, nxt in zip(headers, headers[1:] + [None]):
        body = raw[h.end():nxt.start() if nxt else len(raw)]
        stripped = body.strip("\n")
        first_line = _line(raw, h.end()) + (len(body) - len(body.lstrip("\n")))
        if not stripped.strip():
            raise MarkupError(f"{path}:{_line(raw, h.start())}: document {h.group(1)!r} is empty")
        docs.append(parse_document(h.group(1), stripped.rstrip(), str(path), first_line))
    return docs


def build(paths: list[Path]) -> list[dict]:
    docs, seen = [], set()
    for path in paths:
        for doc in parse_file(path):
            if doc["id"] in seen:
                raise MarkupError(f"{path}: document id {doc['id']!r} used twice")
            seen.add(doc["id"])
            docs.append(doc)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="write the gold JSONL here")
    ap.add_argument("--check", type=Path, nargs="*", help="only validate these files and print counts")
    args = ap.parse_args(argv)
    paths = args.check if args.check else sorted(DOCS.glob("*.txt"))
    try:
        docs = build(paths)
    except MarkupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    n_spans = sum(len(d["spans"]) for d in docs)
    size = sum(len(d["text"].encode("utf-8")) for d in docs)
    kinds: dict[str, int] = {}
    for d in docs:
        for s in d["spans"]:
            kinds[s["type"]] = kinds.get(s["type"], 0) + 1
    print(f"{len(docs)} documents, {size / 1000:.1f} KB, {n_spans} labels: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])))
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
