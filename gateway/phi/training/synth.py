"""Synthetic, labelled clinical text containing PHI.

A deterministic generator of realistic documents (clinician chat prompts, portal
messages, discharge summaries, referral and prior-authorization letters, radiology
and pathology reports, billing text, ALL-CAPS nursing notes, ED triage notes,
medication lists, lab result messages, telephone encounters, care-coordination
e-mails) with character offsets for every PHI span, labelled with the kinds of
`gateway.phi.kinds`. Used to train the compact NER model, as the "unseen realistic
clinical text" benchmark of the PHI detector, and in tests. Nothing here comes from
real patients: names are drawn from Faker's bundled per-locale lists and hand-written
lists, everything else is generated.

    generate(n, seed, split="train", styles=None) -> Iterator[dict]
    python -m gateway.phi.training.synth --split test --n 2000 --seed 7 --out test.jsonl

Unlabelled language. Besides the PHI, documents carry a large hand-written bank of
clinical language (`synth_data.clinical`: ICU / nursing systems review, events,
respiratory care, progress-note sentences, patients' own words in portal messages and
letters; >= 1,500 phrases, >= 2,500 distinct words), so that a model trained on the
corpus meets ordinary clinical words (REMAINS, RESP CARE, CAREVUE, OSH, PEEP...) in ALL
CAPS as often as it meets names, and does not learn "unfamiliar capitalised word = name".
Nothing from the bank is ever labelled.

Each document: {"id", "text", "style", "family", "evasion", "spans"}; a span is
{"type", "start", "end", "text"} with Python str offsets, end exclusive, sorted and
non-overlapping. `family` names the template family; `evasion` lists the
obfuscation techniques applied to the document (empty for most).

Splits. Every style has several template families; each family belongs to exactly
one split, and `split="test"` only uses test families. The test split also draws
part of its names, surnames, cities, streets, neighbourhoods, counties and place
words from held-out pools (`lexicon.*_TEST`). Output depends only on (n, seed,
split, evasion_rate) and the installed Faker version (its bundled name lists):
every document has its own `random.Random` seeded from a string (document i does
not depend on n), the one Faker instance is re-seeded per document with
`seed_instance`, and no set is ever iterated.

Labelling conventions (what is, and is not, inside a span):

* PERSON covers the name only: titles (Dr., Mr., Mrs., Nurse) and credentials
  (MD, RN, NP, PA-C, PT...) stay outside; suffixes (Jr., III) and middle initials
  are inside; "Smith, John A." is one span; initials ("J.D.", "JD") are PERSON; in
  "wife Mary" / "daughter (Ana)" only the name is labelled; possessive "'s" is out.
* LOCATION: a street line with its unit ("12 Elm St, Apt 3B") is one span; city,
  county, neighbourhood and ZIP / ZIP+4 are separate spans. A US state (name or
  abbreviation) on its own is never labelled, also not in "Boston, MA 02118" (Boston
  and 02118 are); countries are not labelled. Inside a longer name it is part of
  that span ("Massachusetts Ave", "Massachusetts General Hospital"). A leading
  "the" stays outside ("the [Bronx]", "the [MBTA]").
* ORGANIZATION: hospitals, clinics, practices, nursing homes, home-health agencies,
  pharmacies, schools and employers. Every named pharmacy is labelled, a bare chain
  ("CVS") as well as a specific store ("CVS on Main St", "Walgreens #4521", one
  span). Payers and programs (Medicare, MassHealth, Aetna), device and drug
  manufacturers (Medtronic) are not organizations of the patient and stay
  unlabelled; so do generic facility words ("the ED", "ICU", "rehab", "the floor").
* DATE: any date more specific than a year, in any format, incl. month+year
  ("March 2024", "03/2024"); a weekday written next to a date is inside the span
  ("Tuesday 3/12"); in "the 14th" only "14th" is labelled. Not labelled: years alone
  ("MI in 2019", "since 92"), months or seasons alone ("in March", "last spring"),
  times ("at 0800", "14:30"), relative days ("POD 2", "HD#3").
* AGE: only ages >= 90, and only the number ("92" in "92 yo", "92F"; "ninety-three"
  in "ninety-three-year-old"). Ages under 90 are never labelled.
* PHONE includes an extension ("617-555-0143 x221"). SSN: the full number, a masked
  one ("XXX-XX-6789", whole token) or the last four with context ("last 4 of SSN
  6789" -> "6789"). Identifiers (MRN, HEALTH_PLAN, ACCOUNT, LICENSE, DEVICE, ID):
  only the value, never the label words or a leading "#" ("MRN: 00458231" ->
  "00458231"). In a state licence "MA RN 2231457" only the number is labelled.
  A whole GS1 UDI string "(01)...(17)...(21)..." is one DEVICE span; a device's
  manufacturer and model are not labelled, its serial number is.
* URL: patient-specific and personal web addresses (portal links, telehealth
  links, social-media profiles); IP_ADDRESS: IPv4 and IPv6.
* Room and bed numbers ("Rm 412B", "bed 7") are left unlabelled (they identify a
  location inside a facility only for the stay), as are a clinician's bare internal
  extension ("call me x2595"), clinical codes (ICD-10, CPT, LOINC, NDC), lab values,
  doses, vitals, scores and vehicle model years.
* Evasion variants keep their labels: the span covers the whole obfuscated value,
  including inserted zero-width characters, spaces or line breaks.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator

from gateway.phi.kinds import KINDS
from gateway.phi.recognizers.validators import luhn_ok
from gateway.phi.training.synth_data import clinical as C
from gateway.phi.training.synth_data import lexicon as L
from gateway.phi.training.synth_data.templates import FAMILIES, STYLE_WEIGHTS, Family

SPLITS = ("train", "test")
DEFAULT_EVASION_RATE = {"train": 0.03, "test": 0.05}
_EPOCH_START = dt.date(2018, 1, 1)
_EPOCH_DAYS = (dt.date(2025, 12, 31) - _EPOCH_START).days

# --------------------------------------------------------------------------- template language
#
#   literal text
#   {slot} / {slot:arg}   a filler from SLOTS (arg is passed as a string)
#   {a|b|c}               one of the alternatives, uniformly
#   {?a|b}                with probability 1/2, one of the alternatives; else nothing
#
# Alternatives may contain slots and nested braces.

_SLOT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?::[^{}|]*)?$")


def _parse_seq(src: str, i: int, top: bool) -> tuple[list, int]:
    out: list = []
    buf: list[str] = []
    while i < len(src):
        c = src[i]
        if c == "{":
            if buf:
                out.append("".join(buf))
                buf = []
            node, i = _parse_brace(src, i + 1)
            out.append(node)
            continue
        if not top and c in "|}":
            break
        buf.append(c)
        i += 1
    if buf:
        out.append("".join(buf))
    return out, i


def _parse_brace(src: str, i: int) -> tuple[tuple, int]:
    optional = i < len(src) and src[i] == "?"
    if optional:
        i += 1
    alts: list[list] = []
    while True:
        seq, i = _parse_seq(src, i, top=False)
        alts.append(seq)
        if i >= len(src):
            raise ValueError(f"unclosed brace in template: {src[:60]!r}")
        if src[i] == "}":
            i += 1
            break
        i += 1  # "|"
    if optional:
        return ("opt", alts), i
    if len(alts) == 1 and len(alts[0]) == 1 and isinstance(alts[0][0], str) and _SLOT_RE.match(alts[0][0]):
        name, _, arg = alts[0][0].partition(":")
        return ("slot", name, arg), i
    return ("choice", alts), i


@lru_cache(maxsize=None)
def parse_template(src: str) -> tuple:
    nodes, _ = _parse_seq(src, 0, top=True)
    return tuple(nodes)


def template_slots(src: str) -> list[str]:
    """Every slot name a template refers to (for validation)."""
    found: list[str] = []

    def walk(nodes):
        for n in nodes:
            if isinstance(n, str):
                continue
            if n[0] == "slot":
                found.append(n[1])
            else:
                for alt in n[1]:
                    walk(alt)

    walk(parse_template(src))
    return found


# --------------------------------------------------------------------------- document context

Segment = tuple  # (text, kind or None)


@dataclass
class Person:
    first: str
    last: str
    sex: str                    # "F" / "M"
    middle: str = ""            # an initial ("A") or a name
    suffix: str = ""
    cred: str = ""              # clinicians: MD, RN, NP...
    nick: str = ""

    def full(self, middle: bool = True) -> str:
        parts = [self.first]
        if middle and self.middle:
            parts.append(self.middle + "." if len(self.middle) == 1 else self.middle)
        parts.append(self.last)
        if self.suffix:
            parts.append(self.suffix)
        return " ".join(parts)

    def last_first(self, middle: bool = True) -> str:
        last = self.last + (" " + self.suffix if self.suffix else "")
        mid = ""
        if middle and self.middle:
            mid = " " + (self.middle + "." if len(self.middle) == 1 else self.middle)
        return f"{last}, {self.first}{mid}"

    def initials(self, dots: bool = True) -> str:
        letters = [self.first[0]] + ([self.middle[0]] if self.middle and dots else []) + [_initial_of_last(self.last)]
        return "".join(c.upper() + "." for c in letters) if dots else "".join(c.upper() for c in letters)


def _initial_of_last(last: str) -> str:
    for tok in re.split(r"[\s\-']+", last):
        if tok and tok[0].isupper():
            return tok[0]
    return last[0]


@dataclass
class Ctx:
    rng: random.Random
    split: str
    style: str
    fake: object
    segs: list = field(default_factory=list)
    memo: dict = field(default_factory=dict)

    # emission
    def lit(self, text: str) -> None:
        if text:
            self.segs.append((text, None))

    def ent(self, kind: str, text: str) -> None:
        assert kind in KINDS, kind
        self.segs.append((text, kind))

    def render(self, src: str) -> None:
        _render(self, parse_template(src))

    def once(self, key: str, make: Callable[[], object]):
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    # shortcuts
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def pool(self, train: tuple, test: tuple, test_share: float = 0.45):
        if self.split == "test" and test and self.rng.random() < test_share:
            return self.pick(test)
        return self.pick(train)

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(n))

    def letters(self, n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
        return "".join(self.pick(alphabet) for _ in range(n))


def _render(ctx: Ctx, nodes) -> None:
    for node in nodes:
        if isinstance(node, str):
            ctx.lit(node)
        elif node[0] == "slot":
            fill = SLOTS.get(node[1])
            if fill is None:
                raise KeyError(f"unknown template slot {{{node[1]}}}")
            fill(ctx, node[2])
        elif node[0] == "choice":
            _render(ctx, ctx.pick(node[1]))
        elif ctx.rng.random() < 0.5:  # opt
            _render(ctx, ctx.pick(node[1]))


SLOTS: dict[str, Callable[[Ctx, str], None]] = {}


def slot(*names: str):
    def deco(fn):
        for name in names:
            SLOTS[name] = fn
        return fn
    return deco


# --------------------------------------------------------------------------- names

def _fold_ascii(s: str) -> str:
    s = s.translate(_FOLD_EXTRA)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
                             "ı": "i", "æ": "ae", "Æ": "Ae", "œ": "oe", "ð": "d", "þ": "th"})


def _translit(s: str, table: dict[str, str]) -> str:
    out = []
    for i, ch in enumerate(s):
        low = ch.lower()
        rep = table.get(low, ch)
        out.append(rep.capitalize() if ch != low and rep else rep)
    return "".join(out)


def _is_latin_name(s: str) -> bool:
    return bool(s) and all(c.isspace() or c in "-'." or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in s)


def _as_pool(values) -> tuple[tuple[str, ...], tuple[float, ...] | None]:
    if hasattr(values, "items"):
        keys = tuple(values.keys())
        cum, total = [], 0.0
        for k in keys:
            total += float(values[k])
            cum.append(total)
        return keys, tuple(cum)
    return tuple(values), None


@lru_cache(maxsize=None)
def _locale_pools(locale: str) -> dict[str, tuple]:
    """{"F": first names, "M": ..., "LF": female surnames, "LM": male surnames}; each (names, cum_weights)."""
    P = importlib.import_module(f"faker.providers.person.{locale}").Provider
    conv: Callable[[str], str] = lambda s: s
    if locale in ("ru_RU", "uk_UA"):
        conv = lambda s: _translit(s, L.CYRILLIC_TO_LATIN)
    elif locale == "el_GR":
        conv = lambda s: _translit(s, L.GREEK_TO_LATIN)

    def clean(values):
        names, cum = _as_pool(values)
        keep = [(conv(n).strip(), (cum[i] - (cum[i - 1] if i else 0.0)) if cum else 1.0) for i, n in enumerate(names)]
        keep = [(n, w) for n, w in keep if _is_latin_name(n) and len(n) > 1]
        out, acc, total = [], [], 0.0
        for n, w in keep:
            total += w
            out.append(n)
            acc.append(total)
        return tuple(out), (tuple(acc) if cum else None)

    if locale in ("ja_JP", "zh_CN"):
        first = clean(P.first_romanized_names)
        last = clean(P.last_romanized_names)
        return {"F": first, "M": first, "LF": last, "LM": last}
    if locale == "vi_VN":
        last = clean(P.last_names)
        return {"F": (L.VI_GIVEN_FEMALE, None), "M": (L.VI_GIVEN_MALE, None), "LF": last, "LM": last}
    if locale == "pl_PL":
        male = tuple(P.male_last_names) + tuple(P.unisex_last_names)[:400]
        female = tuple(re.sub(r"(sk|ck|dzk)i$", r"\1a", n) for n in P.male_last_names) + tuple(P.unisex_last_names)[:400]
        return {"F": clean(P.first_names_female), "M": clean(P.first_names_male), "LF": clean(female), "LM": clean(male)}
    first_f = getattr(P, "first_names_female", None) or P.first_names
    first_m = getattr(P, "first_names_male", None) or P.first_names
    last_f = getattr(P, "last_names_female", None) or P.last_names
    last_m = getattr(P, "last_names_male", None) or P.last_names
    return {"F": clean(first_f), "M": clean(first_m), "LF": clean(last_f), "LM": clean(last_m)}


def _draw(ctx: Ctx, pool: tuple) -> str:
    names, cum = pool
    if cum is None:
        return names[ctx.rng.randrange(len(names))]
    return ctx.rng.choices(names, cum_weights=cum, k=1)[0]


def _weighted(ctx: Ctx, table: tuple) -> str:
    return ctx.rng.choices([k for k, _ in table], weights=[w for _, w in table], k=1)[0]


def _name_locale(ctx: Ctx) -> str:
    if ctx.split == "test" and ctx.rng.random() < L.TEST_HELDOUT_NAME_SHARE:
        return _weighted(ctx, L.NAME_LOCALES_TEST)
    return _weighted(ctx, L.NAME_LOCALES_TRAIN)


# Hand-written names held out for the test split; the training split never draws them,
# not even from Faker's lists (membership tests only: never iterated).
HELDOUT_NAMES = frozenset(L.WORD_SURNAMES_TEST + L.PARTICLE_SURNAMES_TEST + tuple(n for n, _ in L.WORD_FIRST_NAMES_TEST))


def _draw_name(ctx: Ctx, pool: tuple) -> str:
    name = _draw(ctx, pool)
    if ctx.split != "test":
        for _ in range(20):
            if name not in HELDOUT_NAMES and _fold_ascii(name) not in HELDOUT_NAMES:
                break
            name = _draw(ctx, pool)
    return name


def new_person(ctx: Ctx, sex: str | None = None, cred: str = "", last: str | None = None) -> Person:
    sex = sex or ctx.pick("FM")
    loc = _name_locale(ctx)
    pools = _locale_pools(loc)
    first = _draw_name(ctx, pools[sex])
    surname = last or _draw_name(ctx, pools["L" + sex])
    if " " in first and ctx.chance(0.5):                  # "José Mari" -> "José"
        first = first.split()[0]
    if not loc.startswith("en") and ctx.chance(0.45):     # many US records drop diacritics
        first, surname = _fold_ascii(first), (surname if last else _fold_ascii(surname))
    r = ctx.rng.random()
    if r < 0.07:
        words = [w for w in (L.WORD_FIRST_NAMES_TRAIN + (L.WORD_FIRST_NAMES_TEST if ctx.split == "test" else ())) if w[1] == sex]
        first = ctx.pick(words)[0]
    if last is None:
        r = ctx.rng.random()
        if r < 0.08:
            surname = ctx.pool(L.WORD_SURNAMES_TRAIN, L.WORD_SURNAMES_TEST, 0.5)
        elif r < 0.14:
            surname = ctx.pool(L.PARTICLE_SURNAMES_TRAIN, L.PARTICLE_SURNAMES_TEST, 0.5)
        elif r < 0.19:
            other = _draw_name(ctx, _locale_pools(_name_locale(ctx))["L" + sex])
            if " " not in surname and " " not in other and other != surname:
                surname = f"{surname}-{other}"
    middle = ""
    r = ctx.rng.random()
    if r < 0.28:
        middle = ctx.pick(L.MIDDLE_INITIALS)
    elif r < 0.34:
        middle = _draw_name(ctx, pools[sex]).split()[0]
    suffix = ctx.pick(L.NAME_SUFFIXES) if sex == "M" and ctx.chance(0.04) else ""
    return Person(first=first, last=surname, sex=sex, middle=middle, suffix=suffix, cred=cred,
                  nick=L.NICKNAMES.get(first, ""))


def _caps(s: str) -> str:
    return s.upper()


# Person mention forms: each returns (prefix literal, name, suffix literal).
def _person_form(ctx: Ctx, p: Person, form: str) -> tuple[str, str, str]:
    if form == "full":
        return "", p.full(middle=ctx.chance(0.5)), ""
    if form == "first_last":
        return "", f"{p.first} {p.last}", ""
    if form == "lf":
        return "", p.last_first(middle=ctx.chance(0.6)), ""
    if form == "caps_lf":
        return "", _caps(p.last_first(middle=ctx.chance(0.5))).replace(".", ""), ""
    if form == "caps_full":
        return "", _caps(p.full(middle=False)), ""
    if form == "first":
        return "", (p.nick if p.nick and ctx.chance(0.3) else p.first), ""
    if form == "last":
        return "", p.last, ""
    if form == "formal":
        title = ctx.pick(L.TITLES_F if p.sex == "F" else L.TITLES_M)
        return title + " ", p.last, ""
    if form == "init":
        return "", p.initials(dots=ctx.chance(0.6)), ""
    if form == "f_last":
        return "", f"{p.first[0]}. {p.last}", ""
    raise ValueError(form)


def emit_person(ctx: Ctx, p: Person, form: str) -> None:
    pre, name, post = _person_form(ctx, p, form)
    ctx.lit(pre)
    ctx.ent("PERSON", name)
    ctx.lit(post)


def patient(ctx: Ctx) -> Person:
    def make():
        p = new_person(ctx)
        return p
    return ctx.once("patient", make)


PT_FORMS = (("full", 30), ("formal", 22), ("lf", 12), ("first_last", 14), ("first", 8), ("init", 4), ("caps_lf", 4), ("f_last", 3), ("last", 3))


@slot("pt")
def _s_pt(ctx, arg):
    emit_person(ctx, patient(ctx), _weighted(ctx, PT_FORMS))


for _form in ("full", "first_last", "lf", "caps_lf", "caps_full", "first", "last", "formal", "init", "f_last"):
    SLOTS["pt_" + _form] = (lambda form: (lambda ctx, arg: emit_person(ctx, patient(ctx), form)))(_form)


@slot("pronoun", "Pronoun")
def _s_pronoun(ctx, arg):
    """{pronoun:he} / {pronoun:He} / his / him / man / male / M / Mr ..."""
    f = patient(ctx).sex == "F"
    table = {"he": ("he", "she"), "his": ("his", "her"), "him": ("him", "her"), "man": ("man", "woman"),
             "male": ("male", "female"), "M": ("M", "F"), "gentleman": ("gentleman", "lady"),
             "son": ("son", "daughter"), "husband": ("husband", "wife")}
    key = arg.lower() if arg.lower() in table else arg
    word = table[key][1 if f else 0]
    ctx.lit(word.capitalize() if arg[:1].isupper() and arg not in ("M",) else word)


# relatives -----------------------------------------------------------------

_REL_WORDS = {  # relation -> sex of the relative (None: either)
    "wife": "F", "husband": "M", "daughter": "F", "son": "M", "sister": "F", "brother": "M", "niece": "F",
    "nephew": "M", "granddaughter": "F", "grandson": "M", "mother": "F", "father": "M", "partner": None,
    "friend": None, "neighbor": None, "HCP": None, "dtr": "F", "caregiver": None, "stepdaughter": "F",
}


def relative(ctx: Ctx, idx: str) -> tuple[str, Person]:
    def make():
        p = patient(ctx)
        age = patient_age(ctx)
        if age >= 75:
            options = ("daughter", "son", "daughter", "son", "wife" if p.sex == "M" else "husband", "niece",
                       "granddaughter", "grandson", "HCP", "dtr", "caregiver", "neighbor", "friend")
        elif age < 30:
            options = ("mother", "father", "sister", "brother", "partner", "friend", "mother")
        else:
            options = ("wife" if p.sex == "M" else "husband", "partner", "sister", "brother", "daughter", "son",
                       "friend", "mother", "neighbor", "stepdaughter")
        used = [ctx.memo[k][0] for k in ctx.memo if k.startswith("rel:")]
        word = ctx.pick([w for w in options if w not in used] or list(options))
        sex = _REL_WORDS[word] or ctx.pick("FM")
        family = word in ("wife", "husband", "daughter", "son", "sister", "brother", "granddaughter", "grandson", "dtr", "mother", "father")
        last = p.last if family and ctx.chance(0.6) else None
        return word, new_person(ctx, sex=sex, last=last)
    return ctx.once("rel:" + (idx or "0"), make)


@slot("rel")
def _s_rel(ctx, arg):
    word, p = relative(ctx, arg)
    form = ctx.rng.randrange(5)
    if form == 0:
        ctx.lit(word + " ")
        ctx.ent("PERSON", p.first)
    elif form == 1:
        ctx.lit(word + " (")
        ctx.ent("PERSON", p.first)
        ctx.lit(")")
    elif form == 2:
        ctx.lit(word + " ")
        ctx.ent("PERSON", f"{p.first} {p.last}")
    elif form == 3:
        ctx.ent("PERSON", p.first)
        ctx.lit(f" ({word})")
    else:
        ctx.lit(word + " ")
        ctx.ent("PERSON", p.first)


@slot("rel_name")
def _s_rel_name(ctx, arg):
    _, p = relative(ctx, arg)
    ctx.ent("PERSON", p.first if ctx.chance(0.75) else f"{p.first} {p.last}")


@slot("rel_full")
def _s_rel_full(ctx, arg):
    _, p = relative(ctx, arg)
    ctx.ent("PERSON", f"{p.first} {p.last}")


@slot("rel_word")
def _s_rel_word(ctx, arg):
    ctx.lit(relative(ctx, arg)[0])


# clinicians ----------------------------------------------------------------

ROLE_CREDS = {
    "attending": ("MD", "MD", "DO"), "pcp": ("MD", "MD", "DO", "NP", "PA-C"), "specialist": ("MD", "MD", "DO"),
    "radiologist": ("MD",), "pathologist": ("MD",), "resident": ("MD",), "surgeon": ("MD", "DO"),
    "ed": ("MD", "DO", "PA-C"), "consultant": ("MD",), "nurse": ("RN", "RN", "LPN", "BSN, RN"),
    "np": ("NP", "FNP-BC", "ANP"), "cm": ("RN", "LICSW", "RN, CCM"), "sw": ("LICSW", "MSW", "LCSW"),
    "pharmacist": ("PharmD", "RPh"), "therapist": ("PT", "DPT", "OTR/L"), "rt": ("RRT",), "ma": ("CMA", "MA"),
    "triage": ("RN",), "staff": ("",), "coder": ("CPC", "CCS", "RHIT"), "prescriber": ("MD", "MD", "NP", "DO"),
}


def clinician(ctx: Ctx, role: str) -> Person:
    role = role or "attending"
    return ctx.once("dr:" + role, lambda: new_person(ctx, cred=ctx.pick(ROLE_CREDS.get(role, ("MD",)))))


def _is_doctor(p: Person) -> bool:
    return p.cred in ("MD", "DO")


@slot("dr")
def _s_dr(ctx, arg):
    """A clinician mention in a random everyday form."""
    p = clinician(ctx, arg)
    r = ctx.rng.randrange(8)
    if _is_doctor(p) and r < 4:
        ctx.lit(ctx.pick(("Dr. ", "Dr. ", "Dr ", "dr. ")))
        ctx.ent("PERSON", p.last if r < 3 else f"{p.first} {p.last}")
        return
    if r in (0, 4):
        ctx.ent("PERSON", f"{p.first} {p.last}")
        ctx.lit(f", {p.cred}" if p.cred else "")
    elif r in (1, 5):
        ctx.ent("PERSON", f"{p.first[0]}. {p.last}")
        ctx.lit(f", {p.cred}" if p.cred else "")
    elif r == 6 and p.cred in ("RN", "LPN", "BSN, RN", "CMA", "MA"):
        ctx.ent("PERSON", f"{p.first} {_initial_of_last(p.last)}.")
        ctx.lit(f", {p.cred}")
    elif r == 3 and p.cred:
        ctx.ent("PERSON", p.last.upper())
        ctx.lit(" " + p.cred.split(", ")[-1])
    elif r == 7 and p.cred in ("RN", "LPN", "BSN, RN"):
        ctx.lit("Nurse ")
        ctx.ent("PERSON", p.first if ctx.chance(0.6) else p.last)
    else:
        ctx.ent("PERSON", p.full(middle=True))
        ctx.lit(f", {p.cred}" if p.cred else "")


@slot("drl")
def _s_drl(ctx, arg):
    """Short reference: "Dr. Okafor" for physicians, "Kim Lee, NP" otherwise."""
    p = clinician(ctx, arg)
    if _is_doctor(p):
        ctx.lit(ctx.pick(("Dr. ", "Dr. ", "Dr ")))
        ctx.ent("PERSON", p.last)
    else:
        ctx.ent("PERSON", f"{p.first} {p.last}" if ctx.chance(0.6) else p.first)
        ctx.lit(f", {p.cred}" if p.cred else "")


@slot("drn")
def _s_drn(ctx, arg):
    """Full formal name with credentials: "Priya Raman, MD", "Dr. Priya K. Raman"."""
    p = clinician(ctx, arg)
    if _is_doctor(p) and ctx.chance(0.25):
        ctx.lit("Dr. ")
        ctx.ent("PERSON", p.full(middle=ctx.chance(0.5)))
        return
    ctx.ent("PERSON", p.full(middle=ctx.chance(0.5)))
    ctx.lit(f", {p.cred}" if p.cred else "")


@slot("dr_lf")
def _s_dr_lf(ctx, arg):
    p = clinician(ctx, arg)
    ctx.ent("PERSON", p.last_first(middle=ctx.chance(0.5)))
    ctx.lit(f" {p.cred}" if p.cred else "")


@slot("dr_last")
def _s_dr_last(ctx, arg):
    ctx.ent("PERSON", clinician(ctx, arg).last)


@slot("dr_first")
def _s_dr_first(ctx, arg):
    ctx.ent("PERSON", clinician(ctx, arg).first)


@slot("dr_cred")
def _s_dr_cred(ctx, arg):
    p = clinician(ctx, arg)
    ctx.lit(p.cred or "MD")


@slot("staff")
def _s_staff(ctx, arg):
    """Front-desk / unit staff mentioned by first name, first + initial, or full name."""
    p = ctx.once("staff:" + (arg or "0"), lambda: new_person(ctx))
    r = ctx.rng.randrange(3)
    ctx.ent("PERSON", p.first if r == 0 else f"{p.first} {_initial_of_last(p.last)}." if r == 1 else f"{p.first} {p.last}")


@slot("person")
def _s_person(ctx, arg):
    """Somebody else (an unrelated name, e.g. a previous owner of a device, a roommate)."""
    p = ctx.once("person:" + (arg or "0"), lambda: new_person(ctx))
    ctx.ent("PERSON", p.full(middle=False) if ctx.chance(0.7) else p.first)


# --------------------------------------------------------------------------- ages and dates

def patient_age(ctx: Ctx) -> int:
    def make():
        r = ctx.rng.random()
        if r < 0.2:
            return ctx.rng.randint(90, 104)
        if r < 0.24:
            return ctx.rng.randint(18, 29)
        return int(ctx.rng.triangular(30, 89, 72))
    return ctx.once("age", make)


_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """English words for 0 < n < 200: 93 -> "ninety-three", 101 -> "one hundred one"."""
    if n >= 100:
        return "one hundred" + (" " + number_words(n - 100) if n > 100 else "")
    if n < 20:
        return _ONES[n]
    t, o = divmod(n, 10)
    return _TENS[t] + ("-" + _ONES[o] if o else "")


_AGE_ADJECTIVAL = (0, 1, 2, 3, 4, 5, 6, 11, 12, 13)   # forms that can stand before a noun ("a 92 yo man")


def emit_age(ctx: Ctx, n: int, with_sex: str = "", adjectival: bool = False) -> None:
    """An age phrase; the number is labelled AGE only when n >= 90."""
    kind = "AGE" if n >= 90 else None

    def num(text: str) -> None:
        ctx.ent(kind, text) if kind else ctx.lit(text)

    r = ctx.pick(_AGE_ADJECTIVAL) if adjectival else ctx.rng.randrange(14)
    if with_sex:
        s = with_sex
        r2 = ctx.rng.randrange(6)
        if r2 == 0:
            num(str(n)); ctx.lit(s)
        elif r2 == 1:
            num(str(n)); ctx.lit(f" yo {s}")
        elif r2 == 2:
            num(str(n)); ctx.lit(f"-year-old {'woman' if s == 'F' else 'man'}")
        elif r2 == 3:
            num(str(n)); ctx.lit(f" y/o {'female' if s == 'F' else 'male'}")
        elif r2 == 4:
            num(str(n)); ctx.lit(f" YO {s}")
        else:
            num(str(n)); ctx.lit(f"{ctx.pick(('yo', ' yo'))}{s}")
        return
    if r == 0:
        num(str(n)); ctx.lit(" yo")
    elif r == 1:
        num(str(n)); ctx.lit(" y/o")
    elif r == 2:
        num(str(n)); ctx.lit("yo")
    elif r == 3:
        num(str(n)); ctx.lit(" y.o.")
    elif r == 4:
        num(str(n)); ctx.lit("-year-old")
    elif r == 5:
        num(str(n)); ctx.lit(" year old")
    elif r == 6:
        num(number_words(n)); ctx.lit("-year-old")
    elif r == 7:
        ctx.lit("age "); num(str(n))
    elif r == 8:
        ctx.lit("aged "); num(str(n))
    elif r == 9:
        num(str(n)); ctx.lit(" years old")
    elif r == 10:
        num(str(n)); ctx.lit(" yrs old")
    elif r == 11:
        num(str(n)); ctx.lit(" YO")
    elif r == 12:
        num(str(n)); ctx.lit("-yr-old")
    else:
        num(str(n)); ctx.lit(" yr old")


@slot("age")
def _s_age(ctx, arg):
    emit_age(ctx, patient_age(ctx))


@slot("peds")
def _s_peds(ctx, arg):
    """No text: makes the patient a child (must come before any other use of the patient's age)."""
    ctx.memo.setdefault("age", ctx.rng.randint(1, 16))


@slot("age_adj")
def _s_age_adj(ctx, arg):
    emit_age(ctx, patient_age(ctx), adjectival=True)


@slot("age_sex")
def _s_age_sex(ctx, arg):
    emit_age(ctx, patient_age(ctx), with_sex=patient(ctx).sex)


@slot("age_num")
def _s_age_num(ctx, arg):
    n = patient_age(ctx)
    ctx.ent("AGE", str(n)) if n >= 90 else ctx.lit(str(n))


@slot("old_age")
def _s_old_age(ctx, arg):
    emit_age(ctx, ctx.rng.randint(90, 103))


@slot("young_age")
def _s_young_age(ctx, arg):
    """Somebody else's age under 90 (never labelled), adjectival; arg: "lo-hi"."""
    lo, _, hi = (arg or "2-89").partition("-")
    emit_age(ctx, ctx.rng.randint(int(lo), min(int(hi), 89)), adjectival=True)


def base_date(ctx: Ctx) -> dt.date:
    return ctx.once("date:visit", lambda: _EPOCH_START + dt.timedelta(days=ctx.rng.randrange(_EPOCH_DAYS)))


_DATE_OFFSETS = {  # role -> (min, max) days relative to the visit date
    "admit": (-8, -1), "onset": (-30, -1), "fu": (5, 60), "prev": (-400, -20),
    "collected": (-2, 0), "result": (0, 3), "appt": (2, 45), "next": (60, 200), "denial": (-30, -3),
    "imaging": (-1, 0), "order": (-3, 0), "service": (-45, -5), "implant": (-2000, -60), "call": (0, 0),
}


def role_date(ctx: Ctx, role: str) -> dt.date:
    if role in ("", "visit"):
        return base_date(ctx)
    if role == "dc":
        return ctx.once("date:dc", lambda: base_date(ctx) + dt.timedelta(days=ctx.rng.randint(0, 5)))
    if role == "sx":
        return ctx.once("date:sx", lambda: role_date(ctx, "admit") + dt.timedelta(days=ctx.rng.randint(0, 2)))
    if role == "dob":
        return dob(ctx)
    if role == "any":
        return base_date(ctx) + dt.timedelta(days=ctx.rng.randint(-120, 60))
    lo, hi = _DATE_OFFSETS.get(role, (-60, 60))
    return ctx.once("date:" + role, lambda: base_date(ctx) + dt.timedelta(days=ctx.rng.randint(lo, hi)))


def dob(ctx: Ctx) -> dt.date:
    def make():
        ref = base_date(ctx)
        age = patient_age(ctx)
        start = dt.date(ref.year - age - 1, ref.month, min(ref.day, 28)) + dt.timedelta(days=1)
        return start + dt.timedelta(days=ctx.rng.randrange(364))
    return ctx.once("date:dob", make)


def _ordinal(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


# (name, weight, needs_year, fn(d) -> (prefix, date text, suffix))
_DATE_FORMATS: tuple = (
    ("mdY0", 14, True, lambda d: ("", f"{d.month:02d}/{d.day:02d}/{d.year}", "")),
    ("mdY", 10, True, lambda d: ("", f"{d.month}/{d.day}/{d.year}", "")),
    ("mdy", 8, True, lambda d: ("", f"{d.month}/{d.day}/{d.year % 100:02d}", "")),
    ("mdY-", 3, True, lambda d: ("", f"{d.month:02d}-{d.day:02d}-{d.year}", "")),
    ("iso", 6, True, lambda d: ("", d.isoformat(), "")),
    ("dMonY", 4, True, lambda d: ("", f"{d.day:02d}-{L.MONTH_ABBR[d.month - 1]}-{d.year}", "")),
    ("dMONy", 2, True, lambda d: ("", f"{d.day:02d}-{L.MONTH_ABBR[d.month - 1].upper()}-{d.year % 100:02d}", "")),
    ("MonthdY", 6, True, lambda d: ("", f"{L.MONTHS[d.month - 1]} {d.day}, {d.year}", "")),
    ("MondY", 4, True, lambda d: ("", f"{L.MONTH_ABBR[d.month - 1]} {d.day}, {d.year}", "")),
    ("Mon.dY", 1, True, lambda d: ("", f"{L.MONTH_ABBR[d.month - 1]}. {d.day}, {d.year}", "")),
    ("dMonthY", 2, True, lambda d: ("", f"{d.day} {L.MONTHS[d.month - 1]} {d.year}", "")),
    ("compact", 1, True, lambda d: ("", f"{d.month:02d}{d.day:02d}{d.year}", "")),
    ("MonthOrdY", 1, True, lambda d: ("", f"{L.MONTHS[d.month - 1]} {_ordinal(d.day)}, {d.year}", "")),
    ("md", 9, False, lambda d: ("", f"{d.month}/{d.day}", "")),
    ("md0", 2, False, lambda d: ("", f"{d.month:02d}/{d.day:02d}", "")),
    ("m-d", 3, False, lambda d: ("", f"{d.month}-{d.day}", "")),
    ("Monthd", 4, False, lambda d: ("", f"{L.MONTHS[d.month - 1]} {d.day}", "")),
    ("Mond", 4, False, lambda d: ("", f"{L.MONTH_ABBR[d.month - 1]} {d.day}", "")),
    ("MonthOrd", 3, False, lambda d: ("", f"{L.MONTHS[d.month - 1]} {_ordinal(d.day)}", "")),
    ("the_ord", 2, False, lambda d: ("the ", _ordinal(d.day), "")),
    ("dMon", 1, False, lambda d: ("", f"{d.day}-{L.MONTH_ABBR[d.month - 1]}", "")),
    ("wk_md", 2, False, lambda d: ("", f"{L.WEEKDAYS[d.weekday()]} {d.month}/{d.day}", "")),
    ("wkabbr_md", 2, False, lambda d: ("", f"{L.WEEKDAY_ABBR[d.weekday()]} {d.month}/{d.day}", "")),
    ("wk_Monthd", 1, False, lambda d: ("", f"{L.WEEKDAYS[d.weekday()]}, {L.MONTHS[d.month - 1]} {d.day}", "")),
    ("wk_MondY", 1, True, lambda d: ("", f"{L.WEEKDAY_ABBR[d.weekday()]}, {L.MONTH_ABBR[d.month - 1]} {d.day}, {d.year}", "")),
)
_FMT_ALL = _DATE_FORMATS
_FMT_YEAR = tuple(f for f in _DATE_FORMATS if f[2])
_FMT_NOYEAR = tuple(f for f in _DATE_FORMATS if not f[2])
_FMT_NUMERIC = tuple(f for f in _DATE_FORMATS if f[0] in ("mdY0", "mdY", "mdy", "iso", "md", "mdY-"))


def emit_date(ctx: Ctx, d: dt.date, formats: tuple = _FMT_ALL) -> None:
    fmt = ctx.rng.choices(formats, weights=[f[1] for f in formats], k=1)[0]
    pre, text, post = fmt[3](d)
    ctx.lit(pre)
    ctx.ent("DATE", text)
    ctx.lit(post)


@slot("date")
def _s_date(ctx, arg):
    emit_date(ctx, role_date(ctx, arg))


@slot("date_y")
def _s_date_y(ctx, arg):
    emit_date(ctx, role_date(ctx, arg), _FMT_YEAR)


@slot("date_ny")
def _s_date_ny(ctx, arg):
    emit_date(ctx, role_date(ctx, arg), _FMT_NOYEAR)


@slot("date_num")
def _s_date_num(ctx, arg):
    emit_date(ctx, role_date(ctx, arg), _FMT_NUMERIC)


@slot("dob")
def _s_dob(ctx, arg):
    emit_date(ctx, dob(ctx), _FMT_YEAR)


@slot("monthyear")
def _s_monthyear(ctx, arg):
    d = role_date(ctx, arg or "prev")
    r = ctx.rng.randrange(3)
    text = (f"{L.MONTHS[d.month - 1]} {d.year}", f"{d.month:02d}/{d.year}", f"{L.MONTH_ABBR[d.month - 1]} {d.year}")[r]
    ctx.ent("DATE", text)


def _time_text(ctx: Ctx) -> str:
    h, m = ctx.rng.randrange(24), ctx.pick((0, 0, 15, 30, 45, 5, 10, 20, 40, 50))
    r = ctx.rng.randrange(5)
    if r == 0:
        return f"{h:02d}{m:02d}"
    if r == 1:
        return f"{h:02d}:{m:02d}"
    if r == 2:
        return f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"
    if r == 3:
        return f"{(h % 12) or 12}:{m:02d}{'am' if h < 12 else 'pm'}"
    return f"{h:02d}{m:02d}h"


@slot("time")
def _s_time(ctx, arg):
    ctx.lit(_time_text(ctx))


@slot("dt")
def _s_dt(ctx, arg):
    """A date with a time: only the date part is labelled."""
    emit_date(ctx, role_date(ctx, arg), _FMT_NUMERIC if ctx.chance(0.7) else _FMT_YEAR)
    ctx.lit(ctx.pick((" ", " ", " @ ", " at ", "  ")) + _time_text(ctx))


@slot("year")
def _s_year(ctx, arg):
    """A year alone, in context (never labelled): "MI in 2019", "since 92", "s/p CABG (2015)"."""
    ref = base_date(ctx).year
    y = ctx.rng.randint(ref - 40, ref - 1)
    ev = ctx.pick(L.YEAR_EVENTS)
    r = ctx.rng.randrange(6)
    if r == 0:
        ctx.lit(f"{ev} in {y}")
    elif r == 1:
        ctx.lit(f"{ev} ({y})")
    elif r == 2:
        ctx.lit(f"{ev} since {y % 100:02d}" if y < 2000 else f"{ev} since {y}")
    elif r == 3:
        ctx.lit(f"{ev} in '{y % 100:02d}")
    elif r == 4:
        ctx.lit(f"s/p {ev} {y}")
    else:
        ctx.lit(f"{ev} back in {y}")


@slot("yr")
def _s_yr(ctx, arg):
    ctx.lit(str(ctx.rng.randint(base_date(ctx).year - 30, base_date(ctx).year - 1)))


@slot("month")
def _s_month(ctx, arg):
    """A month or season alone (never labelled)."""
    m = ctx.pick(L.MONTHS)
    if arg == "in":
        ctx.lit(ctx.pick((f"in {m}", f"last {ctx.pick(L.SEASONS)}", f"this {ctx.pick(L.SEASONS)}", f"in early {m}")))
    else:
        ctx.lit(ctx.pick((f"in {m}", f"since {m}", f"last {ctx.pick(L.SEASONS)}", f"every {m}", f"this {ctx.pick(L.SEASONS)}")))


# --------------------------------------------------------------------------- places

def _state_of(abbr: str) -> tuple:
    for s in L.STATES:
        if s[0] == abbr:
            return s
    raise KeyError(abbr)


def _zip(ctx: Ctx, state: str) -> str:
    z = _state_of(state)[2] + ctx.digits(4)
    if z == "00000":
        z = "01001"
    return z + ("-" + ctx.digits(4) if ctx.chance(0.18) else "")


def _street_line(ctx: Ctx, unit: float = 0.35) -> str:
    if ctx.chance(0.1):
        name = ctx.fake.street_name()
    else:
        name = ctx.pool(L.STREET_NAMES_TRAIN, L.STREET_NAMES_TEST) + " " + ctx.pick(L.STREET_TYPES)
    num = str(ctx.rng.choice((ctx.rng.randint(1, 99), ctx.rng.randint(100, 999), ctx.rng.randint(1000, 19999))))
    if ctx.chance(0.05):
        num += ctx.pick(("A", "B", "R", "-A", " 1/2"))
    line = f"{num} {name}"
    if ctx.chance(unit):
        form = ctx.pick(L.UNIT_FORMS)
        u = form.format(n=ctx.rng.randint(1, 60), L=ctx.pick("ABCDLR"), f=ctx.rng.randint(1, 4))
        line += ctx.pick((", ", " ", ", ")) + u
    return line


def _city(ctx: Ctx) -> tuple[str, str]:
    if ctx.chance(0.1):
        return ctx.fake.city(), ctx.pick(L.STATES)[0]
    return ctx.pool(L.CITIES_TRAIN, L.CITIES_TEST)


def home(ctx: Ctx) -> dict:
    def make():
        city, st = _city(ctx)
        return {"street": _street_line(ctx), "city": city, "state": st, "zip": _zip(ctx, st)}
    return ctx.once("home", make)


def emit_address(ctx: Ctx, a: dict, sep: str | None = None) -> None:
    sep = sep if sep is not None else ctx.pick((", ", ", ", "\n", " ", ", "))
    ctx.ent("LOCATION", a["street"])
    ctx.lit(sep)
    emit_city_state(ctx, a, with_zip=ctx.chance(0.85))


def emit_city_state(ctx: Ctx, a: dict, with_zip: bool) -> None:
    ctx.ent("LOCATION", a["city"])
    st = a["state"] if ctx.chance(0.85) else _state_of(a["state"])[1]
    ctx.lit(ctx.pick((", ", ", ", " ")) + st)
    if with_zip:
        ctx.lit(ctx.pick((" ", " ", "  ")))
        ctx.ent("LOCATION", a["zip"])


@slot("addr")
def _s_addr(ctx, arg):
    emit_address(ctx, home(ctx))


@slot("addr1")
def _s_addr1(ctx, arg):
    ctx.ent("LOCATION", home(ctx)["street"])


@slot("city")
def _s_city(ctx, arg):
    ctx.ent("LOCATION", home(ctx)["city"])


@slot("city_st")
def _s_city_st(ctx, arg):
    emit_city_state(ctx, home(ctx), with_zip=False)


@slot("city_st_zip")
def _s_city_st_zip(ctx, arg):
    emit_city_state(ctx, home(ctx), with_zip=True)


@slot("zip")
def _s_zip(ctx, arg):
    ctx.ent("LOCATION", home(ctx)["zip"])


@slot("other_city")
def _s_other_city(ctx, arg):
    a = ctx.once("city:" + (arg or "0"), lambda: _city(ctx))
    ctx.ent("LOCATION", a[0])
    if ctx.chance(0.6):
        ctx.lit(", " + a[1])


@slot("county")
def _s_county(ctx, arg):
    ctx.ent("LOCATION", ctx.once("county", lambda: ctx.pool(L.COUNTIES_TRAIN, L.COUNTIES_TEST)))


@slot("hood")
def _s_hood(ctx, arg):
    hood = ctx.once("hood", lambda: ctx.pool(L.NEIGHBORHOODS_TRAIN, L.NEIGHBORHOODS_TEST))
    if hood.startswith("the "):
        ctx.lit("the ")
        hood = hood[4:]
    ctx.ent("LOCATION", hood)


@slot("street_only")
def _s_street_only(ctx, arg):
    """A street name without a number ("lives off Blue Hill Ave"), a location."""
    ctx.ent("LOCATION", ctx.pool(L.STREET_NAMES_TRAIN, L.STREET_NAMES_TEST) + " " + ctx.pick(("St", "Ave", "Street", "Rd")))


@slot("state")
def _s_state(ctx, arg):
    """A US state alone: not PHI, never labelled."""
    s = ctx.pick(L.STATES)
    ctx.lit(s[1] if arg != "abbr" and (arg == "full" or ctx.chance(0.7)) else s[0])


@slot("pt_state")
def _s_pt_state(ctx, arg):
    ctx.lit(home(ctx)["state"])


@slot("country")
def _s_country(ctx, arg):
    ctx.lit(ctx.pick(L.COUNTRIES))


# --------------------------------------------------------------------------- organizations

def _place(ctx: Ctx) -> str:
    return ctx.pool(L.PLACE_WORDS_TRAIN, L.PLACE_WORDS_TEST)


def _fill_org(ctx: Ctx, pattern: str) -> str:
    p1 = _place(ctx)
    p2 = _place(ctx)
    while p2 == p1:
        p2 = _place(ctx)
    return pattern.format(
        saint=ctx.pick(L.SAINT_NAMES), place=p1, place2=p2, city=home(ctx)["city"] if ctx.chance(0.5) else _city(ctx)[0],
        surname=new_person(ctx).last, surname2=new_person(ctx).last,
        hood=ctx.pool(L.NEIGHBORHOODS_TRAIN, L.NEIGHBORHOODS_TEST).replace("the ", ""),
    )


def _abbrev(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper() and w not in ("The",)]
    return "".join(w[0] for w in words)


def _make_hospital(ctx: Ctx) -> tuple[str, str]:
    if ctx.chance(0.25):
        return ctx.pick(L.REAL_HOSPITALS)
    name = _fill_org(ctx, ctx.pool(L.HOSPITAL_PATTERNS_TRAIN, L.HOSPITAL_PATTERNS_TEST, 0.5))
    ab = _abbrev(name)
    return name, (ab if len(ab) >= 3 else name.split()[0])


def org(ctx: Ctx, role: str) -> tuple[str, str]:
    """(full name, short name) of the document's organization in a role; consistent in a document."""
    def make():
        if role in ("hosp", "hosp2"):
            if role == "hosp2":
                other = org(ctx, "hosp")
                while True:
                    cand = _make_hospital(ctx)
                    if cand[0] != other[0]:
                        return cand
            return _make_hospital(ctx)
        if role in ("clinic", "clinic2"):
            name = _fill_org(ctx, ctx.pool(L.CLINIC_PATTERNS_TRAIN, L.CLINIC_PATTERNS_TEST, 0.5))
            return name, name
        if role == "snf":
            name = _fill_org(ctx, ctx.pool(L.SNF_PATTERNS_TRAIN, L.SNF_PATTERNS_TEST, 0.5))
            return name, name
        if role == "homehealth":
            name = _fill_org(ctx, ctx.pick(L.HOME_HEALTH_PATTERNS))
            return name, name
        if role == "pharmacy":
            if ctx.chance(0.75):
                chain = ctx.pick(L.PHARMACY_CHAINS)
                r = ctx.rng.randrange(4)
                if r == 0:
                    return chain, chain
                if r == 1:
                    return f"{chain} on {ctx.pool(L.STREET_NAMES_TRAIN, L.STREET_NAMES_TEST)} {ctx.pick(('St', 'Ave', 'Street', 'Rd'))}", chain
                if r == 2:
                    return f"{chain} #{ctx.rng.randint(100, 19999)}", chain
                return f"{chain} {ctx.pick(L.STREET_NAMES_TRAIN)} {ctx.pick(('St', 'Ave'))}", chain
            name = _fill_org(ctx, ctx.pick(L.PHARMACY_INDEPENDENT))
            return name, name
        if role == "employer":
            name = ctx.fake.company() if ctx.chance(0.3) else ctx.pool(L.EMPLOYERS_TRAIN, L.EMPLOYERS_TEST)
            return name, name
        if role == "school":
            name = _fill_org(ctx, ctx.pick(L.SCHOOL_PATTERNS))
            return name, name
        raise KeyError(role)
    return ctx.once("org:" + role, make)


def _emit_org(ctx: Ctx, name: str) -> None:
    if name.startswith("the "):
        ctx.lit("the ")
        name = name[4:]
    ctx.ent("ORGANIZATION", name)


@slot("hosp")
def _s_hosp(ctx, arg):
    full, short = org(ctx, "hosp")
    _emit_org(ctx, full if ctx.chance(0.7) else short)


@slot("hosp_full")
def _s_hosp_full(ctx, arg):
    _emit_org(ctx, org(ctx, "hosp")[0])


@slot("hosp2")
def _s_hosp2(ctx, arg):
    _emit_org(ctx, org(ctx, "hosp2")[0])


@slot("hosp_short")
def _s_hosp_short(ctx, arg):
    _emit_org(ctx, org(ctx, "hosp")[1])


for _role in ("clinic", "clinic2", "snf", "homehealth", "pharmacy", "employer", "school"):
    SLOTS[_role] = (lambda role: (lambda ctx, arg: _emit_org(ctx, org(ctx, role)[0])))(_role)


@slot("pharmacy_short")
def _s_pharmacy_short(ctx, arg):
    _emit_org(ctx, org(ctx, "pharmacy")[1])


@slot("org_addr")
def _s_org_addr(ctx, arg):
    a = ctx.once("orgaddr:" + (arg or "0"), lambda: {"street": _street_line(ctx, unit=0.0) + (
        ", Suite " + str(ctx.rng.randint(100, 900)) if ctx.chance(0.4) else ""), **dict(zip(("city", "state"), _city(ctx)))})
    if "zip" not in a:
        a["zip"] = _zip(ctx, a["state"])
    emit_address(ctx, a, sep=ctx.pick((", ", "\n")))


@slot("payer")
def _s_payer(ctx, arg):
    ctx.lit(ctx.once("payer", lambda: ctx.pick(L.PAYERS)))


def _org_slug(ctx: Ctx) -> str:
    name = org(ctx, "hosp")[0]
    words = re.sub(r"[^A-Za-z ]", "", name).split()
    slug = "".join(w.lower() for w in words[:2] if w.lower() not in ("st", "the", "saint"))
    return ctx.once("slug", lambda: slug or "health") + ctx.once("slug_tld", lambda: ctx.pick(("health.org", ".org", "med.org", "healthcare.org", ".edu")))


# --------------------------------------------------------------------------- contact numbers

_AREA_CODES = ("617", "857", "508", "774", "781", "339", "978", "351", "413", "401", "603", "207", "802", "860",
               "203", "212", "718", "646", "917", "516", "215", "267", "412", "410", "202", "703", "804", "919",
               "704", "404", "305", "786", "407", "813", "615", "901", "502", "614", "216", "513", "313", "317",
               "312", "773", "414", "612", "314", "816", "713", "832", "214", "210", "512", "602", "520", "303",
               "702", "801", "206", "503", "916", "415", "510", "408", "619", "213", "323", "808", "907")


def _phone_text(ctx: Ctx, ext: float = 0.08) -> str:
    a = ctx.pick(_AREA_CODES)
    e = str(ctx.rng.randint(2, 9)) + ctx.digits(2)
    if e[1:] == "11":
        e = e[0] + "21"
    n = ctx.digits(4)
    r = ctx.rng.randrange(12)
    if r < 3:
        s = f"({a}) {e}-{n}"
    elif r < 6:
        s = f"{a}-{e}-{n}"
    elif r == 6:
        s = f"{a}.{e}.{n}"
    elif r == 7:
        s = f"+1 {a} {e} {n}"
    elif r == 8:
        s = f"{a}{e}{n}"
    elif r == 9:
        s = f"1-{a}-{e}-{n}"
    elif r == 10:
        s = f"{a} {e} {n}"
    else:
        s = f"({a}){e}-{n}"
    if ctx.chance(ext):
        s += ctx.pick((" x", " ext. ", " ext ", " x.", ",")) + ctx.digits(ctx.rng.randint(2, 5))
    return s


@slot("phone")
def _s_phone(ctx, arg):
    ctx.ent("PHONE", ctx.once("phone:" + (arg or "pt"), lambda: _phone_text(ctx, ext=0.0)))


@slot("cphone")
def _s_cphone(ctx, arg):
    ctx.ent("PHONE", ctx.once("cphone:" + (arg or "0"), lambda: _phone_text(ctx, ext=0.2)))


@slot("fax")
def _s_fax(ctx, arg):
    ctx.ent("PHONE", ctx.once("fax:" + (arg or "0"), lambda: _phone_text(ctx, ext=0.0)))


def _email_text(ctx: Ctx, p: Person, domain: str | None = None) -> str:
    f, l = (_fold_ascii(x).lower() for x in (p.first, p.last))
    l = re.sub(r"[^a-z]", "", l)
    f = re.sub(r"[^a-z]", "", f) or "pt"
    r = ctx.rng.randrange(7)
    local = (f"{f}.{l}", f"{f[0]}{l}", f"{f}{l}{ctx.rng.randint(1, 99)}", f"{f}_{l}", f"{l}{f[0]}",
             f"{f}{ctx.rng.randint(40, 2005)}", f"{(p.nick or f).lower()}{l[:4]}{ctx.digits(2)}")[r]
    return f"{local}@{domain or ctx.pick(L.EMAIL_DOMAINS)}"


@slot("email")
def _s_email(ctx, arg):
    ctx.ent("EMAIL", ctx.once("email:pt", lambda: _email_text(ctx, patient(ctx))))


@slot("rel_email")
def _s_rel_email(ctx, arg):
    ctx.ent("EMAIL", ctx.once("email:rel", lambda: _email_text(ctx, relative(ctx, arg)[1])))


@slot("demail")
def _s_demail(ctx, arg):
    p = clinician(ctx, arg)
    ctx.ent("EMAIL", ctx.once("email:dr:" + arg, lambda: _email_text(ctx, p, domain=_org_slug(ctx))))


# --------------------------------------------------------------------------- identifiers

def _ssn_text(ctx: Ctx) -> str:
    while True:
        area = ctx.rng.randint(1, 899)
        if area != 666:
            break
    group, serial = ctx.rng.randint(1, 99), ctx.rng.randint(1, 9999)
    r = ctx.rng.randrange(5)
    if r < 3:
        return f"{area:03d}-{group:02d}-{serial:04d}"
    if r == 3:
        return f"{area:03d} {group:02d} {serial:04d}"
    return f"{area:03d}{group:02d}{serial:04d}"


@slot("ssn")
def _s_ssn(ctx, arg):
    ctx.ent("SSN", ctx.once("ssn", lambda: _ssn_text(ctx)))


@slot("ssn4")
def _s_ssn4(ctx, arg):
    """The last four digits of the SSN, or a masked SSN (the caller writes the context)."""
    last4 = ctx.once("ssn4", lambda: f"{ctx.rng.randint(1, 9999):04d}")
    if arg == "masked":
        ctx.ent("SSN", ctx.pick(("XXX-XX-", "***-**-", "xxx-xx-")) + last4)
    else:
        ctx.ent("SSN", last4)


def _mrn_text(ctx: Ctx) -> str:
    r = ctx.rng.randrange(9)
    if r == 0:
        return "00" + ctx.digits(6)
    if r == 1:
        return f"{ctx.digits(4)}-{ctx.digits(2)}"
    if r == 2:
        return ctx.pick("ABEMK") + ctx.digits(7)
    if r == 3:
        return ctx.digits(7)
    if r == 4:
        return ctx.digits(9)
    if r == 5:
        return f"{ctx.digits(3)}-{ctx.digits(2)}-{ctx.digits(2)}"
    if r == 6:
        return f"{ctx.digits(2)}-{ctx.digits(3)}-{ctx.digits(3)}"
    if r == 7:
        return "E" + ctx.digits(9)
    return ctx.digits(8)


@slot("mrn")
def _s_mrn(ctx, arg):
    ctx.ent("MRN", ctx.once("mrn", lambda: _mrn_text(ctx)))


@slot("mrn_l")
def _s_mrn_l(ctx, arg):
    ctx.lit(ctx.pick(("MRN: ", "MRN ", "MRN#", "MR# ", "MR#: ", "Med Rec No. ", "Medical Record #: ", "Medical Record Number ",
                      "Hosp # ", "Unit No. ", "CMRN ", "EMPI ", "MRN #")))
    _s_mrn(ctx, arg)


_MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"
_MBI_ALNUM = _MBI_ALPHA + "0123456789"


def mbi(rng: random.Random) -> str:
    """A Medicare Beneficiary Identifier: 11 characters, positional rules from CMS."""
    c = [str(rng.randint(1, 9)), rng.choice(_MBI_ALPHA), rng.choice(_MBI_ALNUM), str(rng.randrange(10)),
         rng.choice(_MBI_ALPHA), rng.choice(_MBI_ALNUM), str(rng.randrange(10)), rng.choice(_MBI_ALPHA),
         rng.choice(_MBI_ALPHA), str(rng.randrange(10)), str(rng.randrange(10))]
    return "".join(c)


@slot("mbi")
def _s_mbi(ctx, arg):
    m = ctx.once("mbi", lambda: mbi(ctx.rng))
    ctx.ent("HEALTH_PLAN", f"{m[:4]}-{m[4:7]}-{m[7:]}" if ctx.chance(0.5) else m)


def _member_text(ctx: Ctx) -> str:
    r = ctx.rng.randrange(7)
    if r == 0:
        return ctx.letters(3) + ctx.digits(9)
    if r == 1:
        return "W" + ctx.digits(9)
    if r == 2:
        return f"{ctx.digits(9)}-{ctx.digits(2)}"
    if r == 3:
        return ctx.letters(3) + ctx.letters(1) + ctx.digits(8) + "01"
    if r == 4:
        return "U" + ctx.digits(10)
    if r == 5:
        return ctx.digits(11)
    return ctx.letters(2) + ctx.digits(7) + ctx.letters(1)


@slot("member_id")
def _s_member_id(ctx, arg):
    ctx.ent("HEALTH_PLAN", ctx.once("member", lambda: _member_text(ctx)))


@slot("medicaid")
def _s_medicaid(ctx, arg):
    def make():
        r = ctx.rng.randrange(3)
        return ("1000" + ctx.digits(8), ctx.letters(2) + ctx.digits(5) + ctx.letters(1), ctx.digits(8) + ctx.letters(1))[r]
    ctx.ent("HEALTH_PLAN", ctx.once("medicaid", make))


@slot("group_no")
def _s_group_no(ctx, arg):
    def make():
        r = ctx.rng.randrange(4)
        return (ctx.digits(7), f"{ctx.digits(6)}-{ctx.digits(3)}", f"{ctx.digits(6)}-{ctx.digits(3)}{ctx.letters(1)}", "GRP" + ctx.digits(6))[r]
    ctx.ent("HEALTH_PLAN", ctx.once("group", make))


@slot("plan_id")
def _s_plan_id(ctx, arg):
    """Whatever ID fits the document's payer (MBI for Medicare, Medicaid ID, or a member ID)."""
    payer = ctx.once("payer", lambda: ctx.pick(L.PAYERS))
    if payer.startswith("Medicare"):
        _s_mbi(ctx, arg)
    elif payer in ("Medicaid", "MassHealth", "Medi-Cal"):
        _s_medicaid(ctx, arg)
    else:
        _s_member_id(ctx, arg)


def _acct_text(ctx: Ctx, kind: str) -> str:
    if kind == "enc":
        r = ctx.rng.randrange(4)
        d = base_date(ctx)
        return (f"E{d:%Y%m%d}-{ctx.digits(4)}", ctx.digits(10), "ENC" + ctx.digits(8), f"{ctx.digits(3)}-{ctx.digits(7)}")[r]
    if kind == "fin":
        return ctx.digits(ctx.pick((9, 10)))
    if kind == "csn":
        return ctx.pick(("4", "1", "2")) + ctx.digits(9)
    if kind == "visit":
        return ctx.pick(("V", "V0", "VN")) + ctx.digits(8)
    r = ctx.rng.randrange(5)
    return ("00" + ctx.digits(7), f"{ctx.digits(4)}-{ctx.digits(3)}-{ctx.digits(4)}", ctx.digits(10),
            "A" + ctx.digits(9), ctx.digits(12))[r]


for _k in ("acct", "enc", "fin", "csn", "visit"):
    SLOTS[_k] = (lambda k: (lambda ctx, arg: ctx.ent("ACCOUNT", ctx.once("acct:" + k, lambda: _acct_text(ctx, k)))))(_k)


def luhn_check_digit(payload: str) -> str:
    """The digit that makes payload+digit pass the detector's own Luhn check."""
    return next(d for d in "0123456789" if luhn_ok(payload + d))


def luhn_valid(number: str) -> bool:
    return luhn_check_digit(number[:-1]) == number[-1]


def npi(rng: random.Random) -> str:
    """A 10-digit NPI whose last digit is the Luhn check over "80840" + the first nine."""
    body = str(rng.randint(1, 2)) + "".join(str(rng.randrange(10)) for _ in range(8))
    return body + luhn_check_digit("80840" + body)


def dea(rng: random.Random, last_name: str) -> str:
    """A DEA number: registrant letter, the initial of the last name, six digits and a check digit."""
    first = rng.choice("ABFGM")
    second = _fold_ascii(_initial_of_last(last_name)).upper()[:1]
    if not second.isalpha():
        second = "X"
    d = [rng.randrange(10) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(check)


def dea_valid(s: str) -> bool:
    d = [int(c) for c in s[2:]]
    return len(d) == 7 and (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


@slot("npi")
def _s_npi(ctx, arg):
    ctx.ent("LICENSE", ctx.once("npi:" + arg, lambda: npi(ctx.rng)))


@slot("dea")
def _s_dea(ctx, arg):
    p = clinician(ctx, arg)
    ctx.ent("LICENSE", ctx.once("dea:" + arg, lambda: dea(ctx.rng, p.last)))


@slot("dl")
def _s_dl(ctx, arg):
    def make():
        r = ctx.rng.randrange(6)
        return ("S" + ctx.digits(8), ctx.letters(1) + ctx.digits(7), f"{ctx.digits(3)} {ctx.digits(3)} {ctx.digits(3)}",
                ctx.digits(8), f"{ctx.letters(1)}{ctx.digits(3)}-{ctx.digits(3)}-{ctx.digits(2)}-{ctx.digits(3)}-{ctx.digits(1)}",
                ctx.letters(2) + ctx.digits(6))[r]
    ctx.ent("LICENSE", ctx.once("dl", make))


@slot("lic")
def _s_lic(ctx, arg):
    """A state professional license: "MA RN 2231457" (only the number is labelled)."""
    p = clinician(ctx, arg)
    st = ctx.once("licstate:" + arg, lambda: ctx.pick(L.STATES[:12])[0])
    prof = {"RN": "RN", "LPN": "LPN", "BSN, RN": "RN", "NP": "NP", "PA-C": "PA", "PharmD": "RPh", "RPh": "RPh"}.get(p.cred, "MD")
    num = ctx.once("lic:" + arg, lambda: ctx.pick(("", "", "", prof + "-", "0")) + ctx.digits(ctx.rng.randint(5, 7)))
    r = ctx.rng.randrange(3)
    ctx.lit((f"{st} {prof} ", f"{st} {prof} License #", f"{st} license no. ")[r])
    ctx.ent("LICENSE", num)


_VIN_VALUES = {**{str(i): i for i in range(10)},
               **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
               **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_WMI = ("1HG", "1FT", "1FA", "2T1", "JTD", "5YJ", "3VW", "WBA", "KMH", "1G1", "1C4", "4T1", "JN1", "5NP", "2HG", "1N4", "WVW")
_VIN_YEARS = "ABCDEFGHJKLMNPRSTVWXY123456789"


def vin_check_digit(vin: str) -> str:
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random) -> str:
    body = list(rng.choice(_VIN_WMI) + "".join(rng.choice(_VIN_CHARS) for _ in range(5)) + "0"
                + rng.choice(_VIN_YEARS) + rng.choice(_VIN_CHARS) + "".join(str(rng.randrange(10)) for _ in range(6)))
    body[8] = vin_check_digit("".join(body))
    return "".join(body)


@slot("vin")
def _s_vin(ctx, arg):
    ctx.ent("VEHICLE", ctx.once("vin", lambda: vin(ctx.rng)))


@slot("plate")
def _s_plate(ctx, arg):
    def make():
        r = ctx.rng.randrange(5)
        return (ctx.digits(1) + ctx.letters(3) + ctx.digits(3), f"{ctx.letters(3)} {ctx.digits(4)}",
                f"{ctx.digits(1)}{ctx.letters(2)}-{ctx.digits(3)}", f"{ctx.digits(3)} {ctx.letters(2)}{ctx.digits(1)}",
                f"{ctx.letters(3)}-{ctx.digits(3)}")[r]
    ctx.ent("VEHICLE", ctx.once("plate", make))


def gtin14(rng: random.Random) -> str:
    body = "0" + "".join(str(rng.randrange(10)) for _ in range(12))
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def gtin_valid(g: str) -> bool:
    body = g[:-1]
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return str((10 - total % 10) % 10) == g[-1]


def _serial_text(ctx: Ctx) -> str:
    r = ctx.rng.randrange(6)
    return (ctx.letters(3) + ctx.digits(6) + ctx.letters(1), ctx.digits(7), ctx.letters(2) + ctx.digits(8),
            f"{ctx.letters(1)}{ctx.digits(2)}-{ctx.digits(5)}", ctx.digits(4) + ctx.letters(2) + ctx.digits(4),
            ctx.letters(1) + ctx.digits(1) + ctx.letters(1) + ctx.digits(1) + ctx.letters(2))[r]


@slot("serial")
def _s_serial(ctx, arg):
    ctx.ent("DEVICE", ctx.once("serial:" + arg, lambda: _serial_text(ctx)))


@slot("udi")
def _s_udi(ctx, arg):
    def make():
        d = role_date(ctx, "any") + dt.timedelta(days=ctx.rng.randint(200, 1500))
        parts = [f"(01){gtin14(ctx.rng)}", f"(17){d:%y%m%d}"]
        if ctx.chance(0.5):
            parts.append(f"(10){ctx.letters(2)}{ctx.digits(5)}")
        parts.append(f"(21){ctx.once('serial:', lambda: _serial_text(ctx))}")
        return "".join(parts)
    ctx.ent("DEVICE", ctx.once("udi", make))


@slot("device")
def _s_device(ctx, arg):
    """Manufacturer and model (unlabelled) with a serial number (DEVICE)."""
    mfr, models = ctx.once("device", lambda: ctx.pick(L.DEVICE_MAKERS))
    model = ctx.once("model", lambda: ctx.pick(models))
    ctx.lit(f"{mfr} {model}{ctx.pick((', SN ', ' (serial ', ', serial # ', ' S/N: ', ', SN: '))}")
    last_lit = ctx.segs[-1][0]
    _s_serial(ctx, "")
    if last_lit.endswith("(serial "):
        ctx.lit(")")


@slot("mfr")
def _s_mfr(ctx, arg):
    if arg == "cardiac":
        ctx.lit(ctx.pick(L.CARDIAC_DEVICE_MAKERS))
        return
    mfr, models = ctx.once("device", lambda: ctx.pick(L.DEVICE_MAKERS))
    ctx.lit(mfr)


@slot("model")
def _s_model(ctx, arg):
    mfr, models = ctx.once("device", lambda: ctx.pick(L.DEVICE_MAKERS))
    ctx.lit(ctx.once("model", lambda: ctx.pick(models)))


@slot("portal_url")
def _s_portal_url(ctx, arg):
    slug = _org_slug(ctx).replace(".edu", ".org")
    host = slug if "." in slug else slug + ".org"
    r = ctx.rng.randrange(4)
    url = (f"https://mychart.{host}/MyChart/p/{ctx.digits(ctx.rng.randint(4, 8))}",
           f"https://portal.{host}/patient/{ctx.digits(6)}?token={ctx.letters(4, 'abcdef0123456789')}{ctx.digits(4)}",
           f"https://{host}/records/{patient(ctx).last.lower().replace(' ', '')}-{ctx.digits(5)}",
           f"mychart.{host}/p/{ctx.digits(5)}")[r]
    ctx.ent("URL", url.replace("..", "."))


@slot("tele_url")
def _s_tele_url(ctx, arg):
    slug = _org_slug(ctx).split(".")[0] or "clinic"
    r = ctx.rng.randrange(3)
    url = (f"https://{slug}.zoom.us/j/{ctx.digits(11)}?pwd={ctx.letters(10, 'abcdefghjkmnpqrstuvwxyz0123456789')}",
           f"https://telehealth.{slug}.org/visit/{ctx.letters(8, 'abcdef0123456789')}",
           f"https://doxy.me/dr{clinician(ctx, 'pcp').last.lower().replace(' ', '').replace(chr(39), '')}")[r]
    ctx.ent("URL", url)


@slot("social")
def _s_social(ctx, arg):
    p = patient(ctx) if arg != "rel" else relative(ctx, "")[1]
    f, l = (re.sub(r"[^a-z]", "", _fold_ascii(x).lower()) for x in (p.first, p.last))
    r = ctx.rng.randrange(5)
    url = (f"facebook.com/{f}.{l}", f"https://www.instagram.com/{f}{l}{ctx.digits(2)}", f"linkedin.com/in/{f}-{l}-{ctx.letters(4, 'abcdef0123456789')}",
           f"https://www.gofundme.com/f/help-{f}-{l}-recover", f"tiktok.com/@{f}_{l}")[r]
    ctx.ent("URL", url)


def _ipv4(ctx: Ctx) -> str:
    first = ctx.pick((24, 50, 67, 68, 71, 73, 74, 76, 96, 98, 108, 173, 174, 184, 192, 10, 172))
    if first == 192:
        return f"192.168.{ctx.rng.randint(0, 5)}.{ctx.rng.randint(2, 254)}"
    if first == 172:
        return f"172.{ctx.rng.randint(16, 31)}.{ctx.rng.randint(0, 255)}.{ctx.rng.randint(2, 254)}"
    return f"{first}.{ctx.rng.randint(0, 255)}.{ctx.rng.randint(0, 255)}.{ctx.rng.randint(1, 254)}"


def _ipv6(ctx: Ctx) -> str:
    groups = [ctx.pick(("2601", "2603", "2600", "2607", "2a02", "fe80"))] + [f"{ctx.rng.randrange(65536):x}" for _ in range(7)]
    if ctx.chance(0.5):
        k = ctx.rng.randint(2, 5)
        return ":".join(groups[:k]) + "::" + ":".join(groups[k + 2:])
    return ":".join(groups)


@slot("ipv4")
def _s_ipv4(ctx, arg):
    ctx.ent("IP_ADDRESS", ctx.once("ip4:" + arg, lambda: _ipv4(ctx)))


@slot("ipv6")
def _s_ipv6(ctx, arg):
    ctx.ent("IP_ADDRESS", ctx.once("ip6:" + arg, lambda: _ipv6(ctx)))


@slot("ip")
def _s_ip(ctx, arg):
    (_s_ipv6 if ctx.chance(0.3) else _s_ipv4)(ctx, arg)


def _id_text(ctx: Ctx, kind: str) -> str:
    y = base_date(ctx).year
    yy = f"{y % 100:02d}"
    r = ctx.rng.randrange(4)
    if kind == "accession":
        return (f"RAD-{y}-{ctx.digits(6)}", f"{yy}-RA-{ctx.digits(7)}", f"A{ctx.digits(8)}", f"CT{yy}{ctx.digits(6)}")[r]
    if kind == "specimen":
        return (f"S{yy}-{ctx.digits(5)}", f"SP-{yy}-{ctx.digits(6)}", f"CYT{yy}-{ctx.digits(4)}", f"{ctx.letters(1)}{yy}-{ctx.digits(4)} A1")[r]
    if kind == "case":
        return (f"{yy}-{ctx.digits(4)}", f"SP{yy}-{ctx.digits(5)}", f"C{ctx.digits(7)}", f"{ctx.letters(2)}{yy}-{ctx.digits(5)}")[r]
    if kind == "claim":
        return (f"{y}{ctx.digits(9)}", f"CLM-{ctx.digits(8)}", f"{ctx.digits(3)}{ctx.letters(2)}{ctx.digits(7)}", ctx.digits(14))[r]
    if kind == "order":
        return (f"ORD{ctx.digits(8)}", ctx.digits(9), f"{ctx.digits(2)}-{ctx.digits(7)}", f"LAB{ctx.digits(7)}")[r]
    if kind == "auth":
        return (f"PA-{y}-{ctx.digits(5)}", f"{ctx.digits(1)}{ctx.letters(2)}{ctx.digits(5)}", f"AUTH{ctx.digits(8)}", ctx.digits(10))[r]
    if kind == "ref":
        return (f"REF-{ctx.digits(6)}", f"R{ctx.digits(8)}", f"{ctx.digits(4)}-{ctx.digits(4)}", f"RF{yy}{ctx.digits(5)}")[r]
    if kind == "rx":
        return (ctx.digits(7), f"{ctx.digits(7)}-{ctx.digits(5)}", f"RX{ctx.digits(7)}", ctx.digits(8))[r]
    if kind == "ticket":
        return (f"INC{ctx.digits(7)}", f"CS-{ctx.digits(6)}", ctx.digits(6), f"T{ctx.digits(8)}")[r]
    raise KeyError(kind)


for _k in ("accession", "specimen", "case", "claim", "order", "auth", "ref", "rx", "ticket"):
    SLOTS[_k + "_no"] = (lambda k: (lambda ctx, arg: ctx.ent("ID", ctx.once(f"id:{k}:{arg}", lambda: _id_text(ctx, k)))))(_k)


# --------------------------------------------------------------------------- clinical vocabulary (never labelled)

def _num(ctx: Ctx, lo: float, hi: float, decimals: int) -> str:
    v = ctx.rng.uniform(lo, hi)
    return f"{v:.{decimals}f}" if decimals else str(int(round(v)))


def _med_text(ctx: Ctx) -> str:
    name, doses = ctx.pick(L.DRUGS)
    return f"{name} {ctx.pick(doses)}"


@slot("med")
def _s_med(ctx, arg):
    ctx.lit(_med_text(ctx))


@slot("drug")
def _s_drug(ctx, arg):
    ctx.lit(ctx.pick(L.DRUGS)[0])


@slot("meds")
def _s_meds(ctx, arg):
    """Several medication lines; arg: nl (one per line), dash, num (numbered), comma."""
    n = ctx.rng.randint(3, 8)
    seen: list[str] = []
    while len(seen) < n:
        m = _med_text(ctx)
        if m.split()[0] not in [s.split()[0] for s in seen]:
            seen.append(m)
    if arg == "comma":
        ctx.lit(", ".join(seen))
    elif arg == "num":
        ctx.lit("\n".join(f"{i + 1}. {m}" for i, m in enumerate(seen)))
    elif arg == "dash":
        ctx.lit("\n".join(f"- {m}" for m in seen))
    else:
        ctx.lit("\n".join(seen))


@slot("lab")
def _s_lab(ctx, arg):
    name, lo, hi, dec, unit = ctx.pick(L.LABS)
    ctx.lit(f"{name} {_num(ctx, lo, hi, dec)}{(' ' + unit) if unit and unit != '%' else unit}")


@slot("labs")
def _s_labs(ctx, arg):
    picks = ctx.rng.sample(range(len(L.LABS)), ctx.rng.randint(3, 7))
    items = []
    for i in picks:
        name, lo, hi, dec, unit = L.LABS[i]
        items.append(f"{name} {_num(ctx, lo, hi, dec)}{(' ' + unit) if unit and unit != '%' and ctx.chance(0.4) else ('%' if unit == '%' else '')}")
    ctx.lit((", " if arg != "nl" else "\n").join(items))


@slot("lab_table")
def _s_lab_table(ctx, arg):
    picks = ctx.rng.sample(range(len(L.LOINC_CODES)), ctx.rng.randint(2, 5))
    rows = []
    for i in picks:
        code, name, lo, hi, dec, unit = L.LOINC_CODES[i]
        flag = ctx.pick(("", "", "", "  H", "  L", "  (H)"))
        rows.append(f"{name} (LOINC {code}): {_num(ctx, lo, hi, dec)} {unit}".rstrip() + flag)
    ctx.lit("\n".join(rows))


@slot("vitals")
def _s_vitals(ctx, arg):
    parts = [f"BP {ctx.rng.randint(92, 188)}/{ctx.rng.randint(50, 104)}", f"HR {ctx.rng.randint(52, 128)}",
             f"RR {ctx.rng.randint(12, 28)}", ctx.pick((f"T {_num(ctx, 97.0, 102.4, 1)}F", f"Temp {_num(ctx, 36.1, 39.4, 1)} C", f"T {_num(ctx, 36.1, 39.4, 1)}")),
             ctx.pick((f"SpO2 {ctx.rng.randint(86, 100)}% RA", f"O2 sat {ctx.rng.randint(88, 100)}% on {ctx.rng.randint(1, 6)}L NC", f"sat {ctx.rng.randint(90, 100)}%"))]
    if ctx.chance(0.4):
        parts.append(f"Wt {_num(ctx, 44, 142, 1)} kg")
    if ctx.chance(0.3):
        parts.append(f"pain {ctx.rng.randint(0, 10)}/10")
    ctx.lit(ctx.pick((", ", " ", "  ", "; ")).join(parts))


_TREATABLE_DX = tuple(d for d in L.DIAGNOSES if not d[1].startswith("Z"))


@slot("dx")
def _s_dx(ctx, arg):
    ctx.lit(ctx.pick(_TREATABLE_DX)[0])


@slot("dx_icd")
def _s_dx_icd(ctx, arg):
    desc, code = ctx.pick(L.DIAGNOSES)
    ctx.lit(ctx.pick((f"{desc} ({code})", f"{code} - {desc}", f"{desc}, ICD-10 {code}", f"{code} {desc}")))


@slot("icd")
def _s_icd(ctx, arg):
    ctx.lit(ctx.pick(L.DIAGNOSES)[1])


@slot("pmh")
def _s_pmh(ctx, arg):
    items = ["HTN", "HLD", "DM2", "CAD s/p PCI", "CHF (EF 35%)", "HFpEF", "COPD", "CKD 3b", "AFib on Eliquis",
             "OSA on CPAP", "hypothyroidism", "GERD", "depression", "Parkinson's disease", "Crohn's disease", "gout",
             "OA", "BPH", "prior CVA", "obesity", "anemia", "Hashimoto's", "PAD", "migraines", "asthma"]
    ctx.lit(", ".join(ctx.rng.sample(items, ctx.rng.randint(2, 6))))


@slot("cpt")
def _s_cpt(ctx, arg):
    code, desc = ctx.pick(L.CPT_CODES)
    ctx.lit(code if arg != "desc" else f"{code} ({desc})")


@slot("loinc")
def _s_loinc(ctx, arg):
    code, name = ctx.pick(L.LOINC_CODES)[:2]
    ctx.lit(f"{name} (LOINC {code})")


@slot("ndc")
def _s_ndc(ctx, arg):
    ctx.lit(ctx.pick(L.NDC_CODES))


@slot("eponym")
def _s_eponym(ctx, arg):
    """An eponymous disease / sign / score (never labelled); arg: dx, sign, or any."""
    lst = {"dx": L.EPONYM_DISEASES, "sign": L.EPONYM_SIGNS}.get(arg, L.EPONYMS)
    ctx.lit(ctx.pick(lst))


for _name, _lst in (("score", L.SCORES), ("cc", L.CHIEF_COMPLAINTS), ("finding", L.FINDINGS),
                    ("plan", L.PLAN_ITEMS), ("imaging", L.IMAGING_FINDINGS), ("pathdx", L.PATH_DIAGNOSES),
                    ("procedure", L.PROCEDURES), ("allergy", L.ALLERGIES), ("facility", L.FACILITY_WORDS),
                    ("specialty", L.SPECIALTIES), ("vaccine", L.VACCINES)):
    SLOTS[_name] = (lambda lst: (lambda ctx, arg: ctx.lit(ctx.pick(lst))))(_lst)


@slot("wordneg")
def _s_wordneg(ctx, arg):
    ctx.lit(ctx.pool(L.WORD_NEGATIVES_TRAIN, L.WORD_NEGATIVES_TEST, 0.5))


@slot("room")
def _s_room(ctx, arg):
    r = ctx.rng.randrange(5)
    ctx.lit((f"Rm {ctx.rng.randint(100, 999)}{ctx.pick('AB')}", f"room {ctx.rng.randint(2, 12)}{ctx.rng.randint(10, 40)}",
             f"bed {ctx.rng.randint(1, 30)}", f"Rm {ctx.rng.randint(1, 9)}{ctx.rng.randint(10, 99)}-{ctx.rng.randint(1, 2)}",
             f"pod {ctx.pick('ABCD')} bed {ctx.rng.randint(1, 12)}")[r])


@slot("n")
def _s_n(ctx, arg):
    lo, _, hi = (arg or "1-10").partition("-")
    ctx.lit(str(ctx.rng.randint(int(lo), int(hi))))


@slot("money")
def _s_money(ctx, arg):
    ctx.lit(f"${ctx.rng.randint(15, 4800):,}.{ctx.rng.randint(0, 99):02d}")


@slot("ef")
def _s_ef(ctx, arg):
    ctx.lit(f"EF {ctx.rng.randint(15, 65)}%")


@slot("nursing_abbrevs")
def _s_nursing_abbrevs(ctx, arg):
    ctx.lit(", ".join(ctx.rng.sample(L.NURSING_ABBREVS, ctx.rng.randint(3, 7))))


# --------------------------------------------------------------------------- phrase bank (never labelled)
#
# `synth_data.clinical` holds a large hand-written bank of unlabelled clinical language
# (systems review, ICU / nursing events, respiratory care, progress-note sentences,
# patients' own words). Phrases are themselves templates ({n:..}, {dec:..}, {t:..}, {a|b});
# the training split never renders the bank's held-out share.

@lru_cache(maxsize=None)
def _bank(name: str, split: str) -> tuple[str, ...]:
    return C.split_view(C.BANKS[name], split)


@lru_cache(maxsize=None)
def _terms(name: str, split: str) -> tuple[str, ...]:
    return C.split_view(C.TERMS[name], split)


@lru_cache(maxsize=None)
def _labels(key: str) -> tuple[str, ...]:
    for k, labels in C.SYSTEM_LABELS:
        if k == key:
            return labels
    raise KeyError(key)


def _phrases(ctx: Ctx, bank: str, k: int) -> list[str]:
    view = _bank(bank, ctx.split)
    return [view[i] for i in ctx.rng.sample(range(len(view)), min(k, len(view)))]


def _render_joined(ctx: Ctx, phrases: list[str], sep: str) -> None:
    for j, ph in enumerate(phrases):
        if j:
            ctx.lit(sep)
        ctx.render(ph)


@slot("t")
def _s_t(ctx, arg):
    """A clinical term of a category ({t:pressor}); may itself be a template."""
    ctx.render(ctx.pick(_terms(arg, ctx.split)))


@slot("dec")
def _s_dec(ctx, arg):
    """A decimal number in lo-hi, with as many decimals as lo has (at least one)."""
    lo, _, hi = arg.partition("-")
    places = max(1, len(lo.partition(".")[2]))
    ctx.lit(f"{ctx.rng.uniform(float(lo), float(hi)):.{places}f}")


@slot("cl")
def _s_cl(ctx, arg):
    """One phrase of a bank ({cl:resp})."""
    ctx.render(ctx.pick(_bank(arg, ctx.split)))


@slot("cls")
def _s_cls(ctx, arg):
    """2-4 distinct phrases of a bank joined with commas ({cls:plan}, {cls:events:1-3})."""
    bank, _, rng_ = arg.partition(":")
    lo, _, hi = (rng_ or "2-4").partition("-")
    _render_joined(ctx, _phrases(ctx, bank, ctx.rng.randint(int(lo), int(hi))), ctx.pick((", ", ", ", ", ", "; ")))


@slot("sys")
def _s_sys(ctx, arg):
    """A systems-review line: "RESP: LS COARSE UPPER LOBES, SX FOR THICK YELLOW SECRETIONS, ..." ."""
    key, _, n = arg.partition(":")
    ctx.lit(ctx.pick(_labels(key)) + ctx.pick((": ", ": ", ": ", " - ", "- ", ":  ", "; ")))
    lo, _, hi = (n or "2-5").partition("-")
    _render_joined(ctx, _phrases(ctx, key, ctx.rng.randint(int(lo), int(hi))), ctx.pick((", ", ", ", ", ", "; ", ". ")))


_NARR_BANKS = ("events", "events", "events", "neuro", "cv", "resp", "gi", "gu", "id", "skin", "pain", "activity",
               "psych", "lines", "plan", "general")


@slot("narr")
def _s_narr(ctx, arg):
    """A run of telegraphic sentences ({narr:3-6}), each of 1-3 phrases, mostly events."""
    lo, _, hi = (arg or "3-6").partition("-")
    n = ctx.rng.randint(int(lo), int(hi))
    used: list[str] = []
    for j in range(n):
        if j:
            ctx.lit(ctx.pick((". ", ". ", ". ", ", ", ".  ", ". ", "; ")))
        bank = ctx.pick(_NARR_BANKS)
        picked = [p for p in _phrases(ctx, bank, ctx.rng.randint(1, 3)) if p not in used]
        if not picked:
            picked = _phrases(ctx, "events", 1)
        used.extend(picked)
        _render_joined(ctx, picked, ", ")
    ctx.lit(".")


@slot("caps")
def _s_caps(ctx, arg):
    """No text: the probability that the nursing style upper-cases this document."""
    ctx.memo["caps_p"] = float(arg)


@slot("pt_says")
def _s_pt_says(ctx, arg):
    """A sentence in a patient's own words ("My back still hurts when I bend.")."""
    ctx.render(ctx.pick(_bank("pt_words", ctx.split)))


@slot("letter_line")
def _s_letter_line(ctx, arg):
    ctx.render(ctx.pick(_bank("letter", ctx.split)))


# --------------------------------------------------------------------------- nesting

def families(split: str, style: str | None = None) -> list[Family]:
    return [f for f in FAMILIES if f.split == split and (style is None or f.style == style)]


@lru_cache(maxsize=None)
def _families_by_style(split: str) -> dict[str, tuple[Family, ...]]:
    out: dict[str, list[Family]] = {}
    for f in FAMILIES:
        if f.split == split:
            out.setdefault(f.style, []).append(f)
    return {k: tuple(v) for k, v in out.items()}


def _render_family(ctx: Ctx, fam: Family) -> None:
    ctx.render(ctx.pick(fam.templates))


@slot("embed")
def _s_embed(ctx, arg):
    """Render a body of another style (same split), with that style's casing/typo transform."""
    styles = [s for s in arg.split(",") if s]
    by_style = _families_by_style(ctx.split)
    style = ctx.pick([s for s in styles if s in by_style])
    outer_segs, outer_style = ctx.segs, ctx.style
    ctx.segs, ctx.style = [], style
    _render_family(ctx, ctx.pick(by_style[style]))
    inner = apply_style(ctx, style, ctx.segs)
    ctx.segs, ctx.style = outer_segs, outer_style
    # kind "" marks literal text that the outer style's transform must leave alone
    ctx.segs.extend((t, k if k else "") for t, k in inner)


# --------------------------------------------------------------------------- style transforms

_WORD_RE = re.compile(r"[A-Za-z]{4,}")


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randint(1, len(word) - 2)
    r = rng.randrange(3)
    if r == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if r == 1:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def _typos(rng: random.Random, text: str, rate: float) -> str:
    return _WORD_RE.sub(lambda m: _typo(rng, m.group()) if rng.random() < rate else m.group(), text)


def apply_style(ctx: Ctx, style: str, segs: list) -> list:
    rng = ctx.rng
    caps_p = ctx.memo.pop("caps_p", 0.85)
    if style == "nursing_note" and rng.random() < caps_p or style == "ed_triage" and rng.random() < 0.25:
        return [(t.upper(), k) for t, k in segs]
    if style == "portal_message":
        lower_all = rng.random() < 0.45
        lower_names = lower_all or rng.random() < 0.15
        rate = rng.choice((0.0, 0.02, 0.04, 0.07))
        out = []
        for t, k in segs:
            if k is None:
                t = _typos(rng, t, rate) if rate else t
                t = t.lower() if lower_all else t
            elif k and lower_names:
                t = t.lower()
            out.append((t, k))
        return out
    if style == "chat_prompt" and rng.random() < 0.12:
        return [(t.lower() if k is None else t, k) for t, k in segs]
    return segs


# --------------------------------------------------------------------------- evasion

ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
HOMOGLYPHS = {
    "a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445", "y": "\u0443",
    "i": "\u0456", "A": "\u0410", "E": "\u0415", "O": "\u041e", "P": "\u0420", "C": "\u0421", "X": "\u0425",
    "H": "\u041d", "K": "\u041a", "M": "\u041c", "T": "\u0422", "B": "\u0412",
}
GREEK_HOMOGLYPHS = {"o": "\u03bf", "v": "\u03bd", "A": "\u0391", "B": "\u0392", "E": "\u0395", "H": "\u0397",
                    "I": "\u0399", "K": "\u039a", "M": "\u039c", "N": "\u039d", "O": "\u039f", "P": "\u03a1",
                    "T": "\u03a4", "X": "\u03a7", "Y": "\u03a5", "Z": "\u0396"}
_DIGIT_KINDS = ("PHONE", "SSN", "MRN", "ACCOUNT", "HEALTH_PLAN", "LICENSE", "ID", "DEVICE", "VEHICLE")


def _ev_zero_width(rng: random.Random, text: str, kind: str) -> str | None:
    if len(text) < 3 or kind in ("URL", "EMAIL") and rng.random() < 0.5:
        return None
    cuts = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randint(1, 3))), reverse=True)
    for c in cuts:
        text = text[:c] + rng.choice(ZERO_WIDTH) + text[c:]
    return text


def _ev_fullwidth(rng: random.Random, text: str, kind: str) -> str | None:
    if sum(c.isdigit() for c in text) < 3:
        return None
    return "".join(chr(0xFF10 + int(c)) if c.isascii() and c.isdigit() else c for c in text)


def _ev_homoglyph(rng: random.Random, text: str, kind: str) -> str | None:
    if kind != "PERSON":
        return None
    table = GREEK_HOMOGLYPHS if rng.random() < 0.25 else HOMOGLYPHS
    idx = [i for i, c in enumerate(text) if c in table]
    if not idx:
        return None
    chars = list(text)
    for i in rng.sample(idx, min(len(idx), rng.randint(1, 2))):
        chars[i] = table[chars[i]]
    return "".join(chars)


def _ev_spaced(rng: random.Random, text: str, kind: str) -> str | None:
    if kind not in _DIGIT_KINDS or not re.fullmatch(r"[\d\-\s().+]+", text):
        return None
    digits = [c for c in text if c.isdigit()]
    return " ".join(digits) if len(digits) >= 7 else None


def _ev_line_break(rng: random.Random, text: str, kind: str) -> str | None:
    if kind not in _DIGIT_KINDS + ("DATE", "EMAIL", "LOCATION"):
        return None
    seps = [i for i, c in enumerate(text) if c in "-. " and 0 < i < len(text) - 1]
    if not seps:
        return None
    i = rng.choice(seps)
    return text[:i] + "\n" + text[i + 1:] if text[i] == " " else text[:i + 1] + "\n" + text[i + 1:]


EVASIONS: tuple = (("zero_width", _ev_zero_width, 3), ("fullwidth_digits", _ev_fullwidth, 2),
                   ("homoglyph", _ev_homoglyph, 2), ("spaced_digits", _ev_spaced, 2), ("line_break", _ev_line_break, 2))


def apply_evasion(rng: random.Random, segs: list) -> tuple[list, list[str]]:
    """Obfuscate one or two labelled values; returns (segments, techniques used)."""
    segs = list(segs)
    used: list[str] = []
    targets = [i for i, (t, k) in enumerate(segs) if k]
    if not targets:
        return segs, used
    for _ in range(1 if rng.random() < 0.7 else 2):
        order = list(EVASIONS)
        rng.shuffle(order)
        order.sort(key=lambda e: -e[2] * rng.random())
        done = False
        for name, fn, _w in order:
            cands = [i for i in targets if fn(random.Random(0), segs[i][0], segs[i][1]) is not None]
            if not cands:
                continue
            i = rng.choice(cands)
            new = fn(rng, segs[i][0], segs[i][1])
            if new is None or new == segs[i][0]:
                continue
            segs[i] = (new, segs[i][1])
            targets.remove(i)
            used.append(name)
            done = True
            break
        if not done or not targets:
            break
    return segs, used


# --------------------------------------------------------------------------- assembly and API

def assemble(segs: list) -> tuple[str, list[dict]]:
    parts: list[str] = []
    spans: list[dict] = []
    pos = 0
    for text, kind in segs:
        if not text:
            continue
        if kind:
            stripped = text.strip(" \t\n,;:")
            if stripped != text:
                raise ValueError(f"entity with surrounding whitespace/punctuation: {text!r}")
            spans.append({"type": kind, "start": pos, "end": pos + len(text), "text": text})
        parts.append(text)
        pos += len(text)
    return "".join(parts), spans


_FAKER = None


def _faker():
    global _FAKER
    if _FAKER is None:
        from faker import Faker
        _FAKER = Faker("en_US")
    return _FAKER


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")


def generate_one(i: int, seed: int, split: str = "train", evasion_rate: float | None = None,
                 styles: tuple[str, ...] | None = None) -> dict:
    """Document i. `styles` restricts the choice of style (e.g. ("nursing_note",)); None: all."""
    _check_split(split)
    rate = DEFAULT_EVASION_RATE[split] if evasion_rate is None else evasion_rate
    rng = random.Random(f"medgate-synth|{seed}|{split}|{i}")
    by_style = _families_by_style(split)
    allowed = [(s, w) for s, w in STYLE_WEIGHTS if s in by_style and (styles is None or s in styles)]
    if not allowed:
        raise ValueError(f"no template family for styles {styles!r} in split {split!r}")
    style = rng.choices([s for s, _ in allowed], weights=[w for _, w in allowed], k=1)[0]
    fam = rng.choice(by_style[style])
    fake = _faker()
    fake.seed_instance(rng.getrandbits(32))
    ctx = Ctx(rng=rng, split=split, style=style, fake=fake)
    _render_family(ctx, fam)
    segs = apply_style(ctx, style, ctx.segs)
    erng = random.Random(f"medgate-synth-evasion|{seed}|{split}|{i}")
    used: list[str] = []
    if erng.random() < rate:
        segs, used = apply_evasion(erng, segs)
    text, spans = assemble(segs)
    return {"id": f"synth-{split}-{i:06d}", "text": text, "style": style, "family": fam.name,
            "evasion": used, "spans": spans}


def generate(n: int, seed: int, split: str = "train", evasion_rate: float | None = None,
             styles: tuple[str, ...] | None = None) -> Iterator[dict]:
    """n documents: {"id": str, "text": str, "style": str, "family": str, "evasion": [str],
    "spans": [{"type": KIND, "start": int, "end": int, "text": str}]}. Offsets are Python
    str indices, end exclusive, text[start:end] == span["text"]; spans sorted,
    non-overlapping. `evasion_rate` defaults to 3% for train and 5% for test; `styles`
    restricts the styles drawn (documents then differ from the unrestricted corpus)."""
    _check_split(split)
    for i in range(n):
        yield generate_one(i, seed, split, evasion_rate, styles)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gateway.phi.training.synth",
                                 description="Generate synthetic labelled clinical text with PHI spans (JSONL).")
    ap.add_argument("--split", choices=SPLITS, default="train")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--evasion-rate", type=float, default=None, help="share of documents with obfuscated identifiers")
    ap.add_argument("--out", default="-", help="output JSONL file, or - for stdout")
    ap.add_argument("--stats", action="store_true", help="print document, character and per-kind span counts to stderr")
    args = ap.parse_args(argv)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    docs = chars = 0
    per_kind: dict[str, int] = {k: 0 for k in KINDS}
    try:
        for doc in generate(args.n, args.seed, args.split, args.evasion_rate):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
            docs += 1
            chars += len(doc["text"])
            for s in doc["spans"]:
                per_kind[s["type"]] += 1
    except BrokenPipeError:          # `... --out - | head`
        sys.stderr.close()
        return 0
    finally:
        if out is not sys.stdout:
            out.close()
    if args.stats:
        print(f"docs {docs}  chars {chars}  spans {sum(per_kind.values())}", file=sys.stderr)
        for k, v in per_kind.items():
            print(f"  {k:<13}{v}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
