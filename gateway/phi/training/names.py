"""Rebuild gateway/phi/lexicon/person-names.txt.gz, the list of given names and surnames.

    python -m gateway.phi.training.names

The words of the names bundled with Faker's person providers (MIT licence; the installed,
pinned version), every locale whose names are written in Latin letters or romanized the way the
synthetic corpus romanizes them (gateway/phi/training/synth.py): lower-cased, one word a line,
three letters or more, each also written without its accents ("grégoire" and "gregoire").

Left out at build time, since a capitalized word is just as often one of these: months and
weekdays ("April", "June"), US states and countries ("Georgia", "India").

Whether a listed word is a name in a given text is the `name_list` recognizer's decision
(gateway/phi/recognizers/namelist.py): only capitalized, never an ordinary or clinical word or a
place, never a word of lexicon/not-names.txt ("Parkinson", "Abbott").
"""
from __future__ import annotations

import argparse
import gzip
import pkgutil
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lexicon" / "person-names.txt.gz"
_WORD = re.compile(r"[^\W\d_]{3,}")
_CALENDAR = ("january february march april may june july august september october november december "
             "monday tuesday wednesday thursday friday saturday sunday").split()


def names() -> set[str]:
    import faker.providers.person as person
    from faker.providers.address.en_US import Provider as Address

    from gateway.phi.training.synth import _locale_pools

    words: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        try:
            pools = _locale_pools(module.name)
        except (AttributeError, ImportError, TypeError):   # a locale without the name lists read there
            continue
        for values, _ in pools.values():
            for name in values:
                for w in _WORD.findall(name.lower()):
                    words |= {w, _ascii(w)}
    excluded = {*_CALENDAR, *(s.lower() for s in Address.states), *(c.lower() for c in Address.countries)}
    for place in excluded.copy():
        excluded.update(place.split())   # "Puerto Rico", "New Mexico"
    return {w for w in words if w not in excluded and len(w) >= 3}


def _ascii(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def write(path: Path, words: set[str]) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as f:   # mtime=0: same data, same bytes
        f.write("".join(w + "\n" for w in sorted(words)).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    words = names()
    write(a.out, words)
    print(f"{len(words)} name words -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
