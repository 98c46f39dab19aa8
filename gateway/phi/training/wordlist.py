"""Rebuild gateway/phi/lexicon/english-*.txt.gz from SCOWL, as packaged by Debian.

    apt-get install wamerican wamerican-large && python -m gateway.phi.training.wordlist

/usr/share/dict/american-english (SCOWL size 50, Kevin Atkinson; the licence is in
gateway/phi/lexicon/README.md) lists ordinary words in lower case and proper nouns
capitalized. Two files come out of it:

- english-common.txt.gz: words the dictionary writes in lower case ("followed", "walker");
- english-proper.txt.gz: words it also or only writes capitalized ("Walker", "Rose", "Boston"),
  lower-cased.

The NER filter (gateway/phi/nerfilter.py) treats a common word that is not also a proper
noun as no identifier when the model alone says it is one.

A third comes from SCOWL size 70 (/usr/share/dict/american-english-large, the same licence):

- english-rare.txt.gz: words it writes only in lower case that the first two lists lack
  ("omentum", "sagittal", "pharyngitis", "mitzvah"): too rare to be called ordinary everywhere
  (the size-70 list has "gemma", "mandala", "ben" as words), but a lowercase one in
  capitalized text is that word, not a name.
"""
from __future__ import annotations

import argparse
import gzip
from pathlib import Path

DICT = Path("/usr/share/dict/american-english")
RARE_DICT = Path("/usr/share/dict/american-english-large")
OUT = Path(__file__).resolve().parents[1] / "lexicon"


def read(path: Path) -> tuple[set[str], set[str]]:
    common: set[str] = set()
    proper: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if not w or "'" in w or not w.isalpha():
            continue
        (proper if w[0].isupper() else common).add(w.lower())
    return common, proper


def write(path: Path, words: set[str]) -> None:
    # mtime=0: the same words give the same bytes
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write("".join(w + "\n" for w in sorted(words)).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dict", type=Path, default=DICT)
    ap.add_argument("--rare-dict", type=Path, default=RARE_DICT)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    for path, package in ((a.dict, "wamerican"), (a.rare_dict, "wamerican-large")):
        if not path.exists():
            ap.error(f"{path} not found: apt-get install {package}")
    common, proper = read(a.dict)
    more_common, more_proper = read(a.rare_dict)
    rare = more_common - common - proper - more_proper
    write(a.out / "english-common.txt.gz", common)
    write(a.out / "english-proper.txt.gz", proper)
    write(a.out / "english-rare.txt.gz", rare)
    print(f"{len(common)} common words, {len(proper)} proper nouns, {len(rare)} rare words -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
