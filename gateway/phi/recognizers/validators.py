"""Validators for pattern recognizers: small pure functions over the matched value.

Each takes the text a recognizer is about to report and returns
  True   the value is plausible (keep the pattern score),
  False  the value cannot be the identifier (drop the match),
  None   no opinion,
  float  a score adjustment added to the pattern score (e.g. -0.2).

They are registered by name in VALIDATORS, which is what `validator:` in
patterns.yaml refers to. They never see surrounding text: context is the
recognizer's job.
"""
from __future__ import annotations

import datetime
import ipaddress
import re
from functools import lru_cache
from typing import Callable

from gateway.phi.nerfilter import DRUG_STEMS, TITLES, word_names

Validator = Callable[[str], "bool | float | None"]

VALIDATORS: dict[str, Validator] = {}


def validator(name: str) -> Callable[[Validator], Validator]:
    def register(fn: Validator) -> Validator:
        if name in VALIDATORS:
            raise ValueError(f"validator {name!r} registered twice")
        VALIDATORS[name] = fn
        return fn
    return register


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def _alnum_upper(value: str) -> str:
    return "".join(c for c in value if c.isalnum()).upper()


def luhn_ok(number: str) -> bool:
    """Luhn (mod 10) check over a string of digits, check digit last."""
    if not number or not number.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# --- licenses -----------------------------------------------------------------

@validator("npi")
def npi(value: str) -> bool:
    """National Provider Identifier: 10 digits starting 1 or 2; Luhn over the
    ISO card prefix 80840 followed by the 10 digits (check digit last)."""
    d = _digits(value)
    return len(d) == 10 and d[0] in "12" and luhn_ok("80840" + d)


DEA_REGISTRANT_TYPES = frozenset("ABCDEFGHJKLMPRSTUX")


@validator("dea")
def dea(value: str) -> bool:
    """DEA registration: registrant-type letter, a letter (last-name initial) or 9,
    seven digits; (d1+d3+d5) + 2*(d2+d4+d6) ends in the seventh digit."""
    v = _alnum_upper(value)
    if len(v) != 9 or v[0] not in DEA_REGISTRANT_TYPES:
        return False
    if not (v[1].isalpha() or v[1] == "9") or not v[2:].isdigit():
        return False
    d = [int(c) for c in v[2:]]
    check = (d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])
    return check % 10 == d[6]


# --- vehicles -------------------------------------------------------------------

_VIN_VALUES = {**{str(i): i for i in range(10)},
               **dict(zip("ABCDEFGH", range(1, 9))),
               **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
               **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit(vin: str) -> str:
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin.upper(), _VIN_WEIGHTS))
    r = total % 11
    return "X" if r == 10 else str(r)


@validator("vin")
def vin(value: str) -> bool:
    """ISO 3779 / 49 CFR 565 VIN: 17 characters without I, O, Q; check digit at 9."""
    v = value.upper()
    if len(v) != 17 or any(c not in _VIN_VALUES for c in v):
        return False
    if v.isdigit() or v.isalpha() or sum(c.isdigit() for c in v) < 4:
        return False
    return v[8] == vin_check_digit(v)


@validator("license_plate")
def license_plate(value: str) -> bool:
    """Letters and digits, at most eight and a state's two written before them ("AZ-CFN2281")."""
    v = _alnum_upper(value)
    return 2 <= len(v) <= 10 and any(c.isdigit() for c in v) and any(c.isalpha() for c in v)


# --- SSN ------------------------------------------------------------------------

@validator("ssn")
def ssn(value: str) -> bool:
    """SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000."""
    d = _digits(value)
    if len(d) != 9:
        return False
    area, group, serial = d[:3], d[3:5], d[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


@validator("ssn_last4")
def ssn_last4(value: str) -> bool:
    d = _digits(value)
    return len(d) == 4 and d != "0000"


# --- dates ----------------------------------------------------------------------

def valid_ymd(year: int | None, month: int, day: int) -> bool:
    """A month of 1-12, a day of 1-31 and a plausible year. Not the calendar's own days: a
    slip of the pen ("2/31", "4/31/14") is still somebody's date, and a breach if it passes."""
    return 1 <= month <= 12 and 1 <= day <= 31 and (year is None or 1850 <= year <= 2150)


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        return 2000 + y if y <= 50 else 1900 + y
    return y


# spaces too: a birth date typed as "9 14 98"
_NUMERIC_DATE = re.compile(r"(\d{1,4})[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?")
# a weekday written before a date is part of it ("Sat 8/8", "Thursday, 3/12/26")
_WEEKDAY_BEFORE = re.compile(r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day|sday|nesday|rsday|urday)?\.?,?[ \t]+")


@validator("calendar_date")
def calendar_date(value: str) -> bool:
    """A numeric date that exists: M/D/Y (or D/M/Y as a fallback), Y-M-D, or M/D
    without a year; a time glued on with "T" is read past (2025-03-04T10:22), a form's spaced
    slashes too ("03 / 02 / 2025"), and a weekday before it ("Sat 8/8"). Rejects 13/45/2020,
    0002-8215-01."""
    value = value.strip()
    weekday = _WEEKDAY_BEFORE.match(value)
    if weekday:
        value = value[weekday.end():]
    m = _NUMERIC_DATE.fullmatch(value.split("T", 1)[0].replace(" / ", "/"))
    if not m:
        return False
    a, b, c = m.groups()
    if len(a) == 4:                                     # Y-M-D
        return c is not None and len(c) <= 2 and valid_ymd(int(a), int(b), int(c))
    if len(a) == 3:
        return False
    year = _year(c) if c else None
    if c is not None and len(c) not in (2, 4):
        return False
    return valid_ymd(year, int(a), int(b)) or valid_ymd(year, int(b), int(a))


_MONTHS = {name: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_WORD = re.compile(r"[a-z]+")
_NUM = re.compile(r"(?<![\d'])(\d{1,4})(?:st|nd|rd|th)?(?!\d)")


_SECOND_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ \t]*[-–][ \t]*\d{1,2}(?:st|nd|rd|th)?(?=[ \t]*,?[ \t]*\d{4}\b)")


@validator("textual_date")
def textual_date(value: str) -> bool:
    """A date with a month name: the day (if any) must exist in that month,
    e.g. 'Feb 30' is rejected, 'March 14th, 2024' and '14-Mar-2024' accepted."""
    low = value.lower()
    month = next((_MONTHS[w] for w in _WORD.findall(low) if w in _MONTHS), None)
    if month is None:
        return False
    # two days of the month before its year ("Feb 24-25, 2025"): the first is checked
    low = _SECOND_DAY.sub(r"\1", low)
    day = year = None
    for n in _NUM.findall(low):
        if len(n) == 4 or day is not None:
            if year is not None or len(n) == 3:
                return False
            year = _year(n) if len(n) in (2, 4) else -1
        else:
            day = int(n)
    quoted = re.search(r"'(\d{2})\b", low)                 # Mar '24
    if quoted and year is None:
        year = _year(quoted.group(1))
    if year == -1:
        return False
    if day is None:
        return year is None or 1850 <= year <= 2150
    return valid_ymd(year, month, day)


_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)} | {"thirtieth": 30}


@validator("date_in_words")
def date_in_words(value: str) -> bool:
    """A spoken date with a month and a day of 1 to 31 (valid_ymd): "March fourteenth", "the 3rd
    of June", "June thirty-first"; not "March thirty-second"."""
    low = value.lower().replace("-", " ")
    month = next((_MONTHS[w] for w in _WORD.findall(low) if w in _MONTHS), None)
    if month is None:
        return False
    words = re.findall(r"[a-z0-9]+", low)      # "March fourteenth, 2025": no comma on the day
    day = None
    for i, w in enumerate(words):
        tens = {"twenty": 20, "thirty": 30}.get(words[i - 1], 0) if i else 0
        if w in _ORDINAL_WORDS:
            day = tens + _ORDINAL_WORDS[w]
            break
        if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", w):
            day = int(m.group(1))
            break
    return day is not None and valid_ymd(None, month, day)


@validator("compact_date")
def compact_date(value: str) -> bool:
    """YYYYMMDD, MMDDYYYY or MMDDYY without separators."""
    d = value.strip()
    if not d.isdigit():
        return False
    if len(d) == 8:
        return (valid_ymd(int(d[:4]), int(d[4:6]), int(d[6:]))
                or valid_ymd(int(d[4:]), int(d[:2]), int(d[2:4])))
    if len(d) == 6:
        return valid_ymd(_year(d[4:]), int(d[:2]), int(d[2:4]))
    return False


@validator("day_of_month")
def day_of_month(value: str) -> bool:
    d = _digits(value)
    return bool(d) and 1 <= int(d) <= 31


# --- ages -----------------------------------------------------------------------

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def words_to_int(text: str) -> int | None:
    """'ninety-two' -> 92, 'one hundred and one' -> 101; None if not a number."""
    total = 0
    seen = False
    for w in re.split(r"[\s\-]+", text.lower().strip()):
        if not w or w == "and":
            continue
        if w in _UNITS:
            total += _UNITS[w]
        elif w in _TENS:
            total += _TENS[w]
        elif w == "hundred":
            total = (total or 1) * 100
        else:
            return None
        seen = True
    return total if seen else None


@validator("age_90_plus")
def age_90_plus(value: str) -> bool:
    """Ages of 90 and over (and at most 125) are PHI; younger ages are not."""
    v = value.strip()
    n = int(v) if v.isdigit() else words_to_int(v)
    return n is not None and 90 <= n <= 125


# --- health plans -----------------------------------------------------------------

_MBI_ALPHA = set("ACDEFGHJKMNPQRTUVWXY")          # A-Z without S, L, O, I, B, Z
_MBI_CLASSES = "NAPNAPNAANN"                      # N numeric, A alpha, P either


@validator("mbi")
def mbi(value: str) -> bool:
    """CMS Medicare Beneficiary Identifier: 11 characters; position 1 is 1-9,
    2/5/8/9 letters, 4/7/10/11 digits, 3/6 either; no S, L, O, I, B, Z."""
    v = value.replace("-", "").replace(" ", "").upper()
    if len(v) != 11 or v[0] == "0":
        return False
    for c, cls in zip(v, _MBI_CLASSES):
        if cls == "N" and not c.isdigit():
            return False
        if cls == "A" and c not in _MBI_ALPHA:
            return False
        if cls == "P" and not (c.isdigit() or c in _MBI_ALPHA):
            return False
    return True


# --- network ----------------------------------------------------------------------

@validator("ipv4")
def ipv4(value: str) -> bool:
    parts = value.split("/")[0].split(".")
    if len(parts) != 4 or not all(p.isdigit() and len(p) <= 3 for p in parts):
        return False
    octets = [int(p) for p in parts]
    return all(o <= 255 for o in octets)


@validator("ipv6")
def ipv6(value: str) -> bool:
    v = value.split("%")[0]
    if sum(c in "0123456789abcdefABCDEF" for c in v) < 1 or len(v) < 3:
        return False
    try:
        ipaddress.IPv6Address(v)
    except ValueError:
        return False
    return True


_FILE_EXTENSIONS = frozenset(
    "png jpg jpeg gif bmp tif tiff pdf doc docx xls xlsx ppt pptx txt csv json xml zip gz exe dll "
    "js py html htm svg mp3 mp4 wav mov avi".split())


@validator("email")
def email(value: str) -> bool:
    """Shape check (no network, no public-suffix download): one @, a dotted domain
    whose last label is 2-24 letters and not a file extension."""
    if value.count("@") != 1:
        return False
    local, domain = value.split("@")
    if not local or local.startswith(".") or ".." in value:
        return False
    labels = domain.split(".")
    if len(labels) < 2 or any(not lbl or lbl.startswith("-") or lbl.endswith("-") for lbl in labels):
        return False
    tld = labels[-1]
    return tld.isalpha() and 2 <= len(tld) <= 24 and tld.lower() not in _FILE_EXTENSIONS


@validator("phone_digits")
def phone_digits(value: str) -> bool:
    """International numbers: 8 to 15 digits (E.164 allows at most 15)."""
    return 8 <= len(_digits(value)) <= 15


@validator("descending_pair")
def descending_pair(value: str) -> bool:
    """"555-0148": the second number smaller than the first, so no range ("900-1300")."""
    first, _, second = value.partition("-")
    return int(second) < int(first)


_DIGIT_WORDS = frozenset("""zero oh one two three four five six seven eight nine
    cero uno dos tres cuatro cinco seis siete ocho nueve""".split())
# Spanish numbers from ten to ninety, each said for two digits of a phone number
_PAIR_WORDS = frozenset("""diez once doce trece catorce quince dieciseis dieciséis diecisiete
    dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa""".split())


@validator("digits_in_words")
def digits_in_words(value: str) -> bool:
    """Seven, ten or eleven spoken digits ("double five" is two): a local, national or
    1-prefixed number."""
    return _spoken_digits(value) in (7, 10, 11)


def _spoken_digits(value: str) -> int:
    """How many digits words speak: "double five" is two, Spanish "quince" two."""
    n, repeat = 0, 1
    for w in re.findall(r"[^\W\d_]+", value.lower()):
        if w in ("double", "triple"):
            repeat = 2 if w == "double" else 3
        elif w in _DIGIT_WORDS:
            n, repeat = n + repeat, 1
        elif w in _PAIR_WORDS:
            n, repeat = n + 2 * repeat, 1
    return n


@validator("spoken_number")
def spoken_number(value: str) -> bool:
    """A record number spoken digit by digit: five digits or more ("double five" is two)."""
    return _spoken_digits(value) >= 5


# --- devices ----------------------------------------------------------------------

def gs1_check_digit_ok(digits: str) -> bool:
    """GS1 mod-10: weights 3,1,3,... from the rightmost data digit; check digit last."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


_GTIN_AFTER_AI01 = re.compile(r"^\s*(?:\(01\)\s?|01)(\d{14})")


@validator("gs1_udi")
def gs1_udi(value: str) -> bool:
    """A GS1 UDI: the GTIN in the (01) element must carry a valid check digit."""
    m = _GTIN_AFTER_AI01.match(value)
    return bool(m) and gs1_check_digit_ok(m.group(1))


@validator("serial_value")
def serial_value(value: str) -> bool:
    """A serial number: at least 4 characters, at least 2 digits."""
    v = _alnum_upper(value)
    return len(v) >= 4 and sum(c.isdigit() for c in v) >= 2


# --- generic identifiers ------------------------------------------------------------

_YEAR = re.compile(r"(?:19|20)\d{2}")


@validator("id_value")
def id_value(value: str) -> bool:
    """A record/account/order number after a label: at least 4 digits, and not
    merely a year ('ACC 2013 guidelines')."""
    v = value.strip().strip("-")
    d = _digits(v)
    if len(d) < 4:
        return False
    if _YEAR.fullmatch(v):
        return False
    return True


@validator("mixed_code")
def mixed_code(value: str) -> bool:
    """A code of letters and digits both, six characters or more without its hyphens
    ("HOS-CM-55K8R2", "BXR7QK2M", "mvillarreal3"; not "99213", "blue")."""
    v = value.replace("-", "")
    return len(v) >= 6 and any(c.isdigit() for c in v) and any(c.isalpha() for c in v)


@validator("id_value_short")
def id_value_short(value: str) -> bool:
    """Like id_value but 3 digits suffice (group numbers, short plan codes)."""
    v = value.strip().strip("-")
    return len(_digits(v)) >= 3 and not _YEAR.fullmatch(v)


def _lexicon():
    """The NER filter's word lists (one per process; see gateway.phi.engine.ner_filter). Imported
    lazily: the engine imports Presidio and spaCy."""
    from gateway.phi.engine import ner_filter
    return ner_filter()


@validator("short_surname_name")
def short_surname_name(value: str) -> bool:
    """A two-letter surname's given names: one that is no word of any list, and no clinical term
    ("Theodora Ng", "Oh, Dae-sung"; not "Please Do", "Oh, Dear", "PLEASE DO", "So, Patient")."""
    f = _lexicon()
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", value)
    given = words[1:] if "," in value else words[:-1]
    return bool(given) and not any(f.is_term(w) for w in given) and any(
        not f.is_word(part) for w in given for part in w.split("-"))


@validator("not_a_word")
def not_a_word(value: str) -> bool:
    """A word no dictionary has ("quartermain"; not "heparin", "bed", "page" or "ward"):
    the lexicon of gateway/phi/nerfilter.py."""
    return not _lexicon().is_word(value.strip())


_ORG_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ORG_JOINERS = frozenset("of for the and de la inc llc llp pllc corp".split())
_CAPS_HEADS = frozenset("""inc llc llp pllc corp corporation company group associates partners center centre
    institute services supply supplies pharmacy hospice hospital network church school elementary academy
    college university department district agency foundation association laboratories laboratory
    system clinic clinics ems ambulance authority offices office firm lab labs facility jail prison penitentiary
    examiner coroner consultants bank insurance patrol""".split())


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    from gateway.phi.recognizers.loader import load_macro_words
    return frozenset(load_macro_words("ORG_HEAD_WORDS"))


@validator("org_name")
def org_name(value: str) -> bool:
    """An organization's name has a word of its own besides its kind ("Lakefront Digestive
    Health"; not "Emergency Department", "Pastoral Care Services", "Continue Home Health");
    in capitals, a word no dictionary has or a proper noun ("CUMBERLAND RIDGE MEDICAL CENTER")."""
    words = _ORG_WORD.findall(value)
    # in capitals, only before a head that names nothing but organizations ("... MEDICAL
    # CENTER"; not "... DOPA INFUSION", "... HEALTH CARE")
    if value.isupper() and not any(w.lower() in _CAPS_HEADS for w in words):
        return False
    heads = _org_heads()
    return _has_own_name([w for w in words if w.lower() not in heads], value.isupper())


@validator("worship_name")
def worship_name(value: str) -> bool:
    """A house of worship named after its kind: the words after the kind all can name an
    organization and the first is no ordinary word ("Temple Beth Shalom", "Eglise Baptiste
    Nouvelle Vie"; not "Temple Laceration Repaired", "Church Repaired")."""
    f = _lexicon()
    words = [w for w in _ORG_WORD.findall(value)[1:] if w.lower() not in _ORG_JOINERS]
    return bool(words) and not f.is_plain(words[0]) and all(f.names_an_organization(w) for w in words)


@validator("employer_name")
def employer_name(value: str) -> bool:
    """An employer's name after a word about work ("Target", "Ribeiro Construction"; not "Home",
    "Night Shift"): a word that names an organization, in capitals one no dictionary has or a
    proper noun; in lower case the same ("my shift at amazon", not "works at home")."""
    return _has_own_name(_ORG_WORD.findall(value), value.isupper() or value.islower())


# Words before a facility's kind that name none ("the local urgent care", "her nursing home").
_NOT_A_FACILITY_NAME = frozenset("""a an the my your his her our their its this that these those local nearest nearby
    closest same new old other another any some one previous prior former usual regular current different
    outside area county city state public private""".split())

# The words of the kinds organization_lowercase ends on.
_FACILITY_KIND_WORDS = frozenset("""urgent care nursing home rehab rehabilitation center medical health assisted
    senior living memorial community hospital family clinic walk-in""".split())


@validator("lowercase_org_name")
def lowercase_org_name(value: str) -> bool:
    """A facility in lower case has a word before its kind that can name it ("quickcare urgent
    care", "sunrise terrace nursing & rehab"): no article or possessive, no "local" or "outside",
    no clinical word or department ("cardiology clinic", "dialysis center")."""
    f = _lexicon()
    words = _ORG_WORD.findall(value)
    # the kind is the last words ("urgent care", "nursing and rehab"): strip them, however many
    end = len(words)
    while end and (words[end - 1].lower() in _FACILITY_KIND_WORDS or words[end - 1].lower() in _ORG_JOINERS):
        end -= 1
    own = [w for w in words[:end] if w.lower() not in _ORG_JOINERS]
    return bool(own) and not any(w in _NOT_A_FACILITY_NAME for w in own) and all(f.names_an_organization(w) for w in own)


def _has_own_name(words: list[str], capitals: bool) -> bool:
    """A word that names an organization of its own, not its kind or a service; where capitals
    say nothing, one no dictionary has or a proper noun."""
    f = _lexicon()
    return any(f.names_an_organization(w) and (not capitals or f.is_named(w))
               for w in words if w.lower() not in _ORG_JOINERS)


_TRAILING_ZIP = re.compile(r",?[ \t]+\d{5}(?:-\d{4})?$")


@validator("place_then_zip")
def place_then_zip(value: str) -> bool:
    """A town of the gazetteer before the ZIP ("Chicago 60622"; not "Room 40122")."""
    return _lexicon().is_place(_TRAILING_ZIP.sub("", value))


@validator("not_plain")
def not_plain(value: str) -> bool:
    """No word of the value is an ordinary word that is never a name ("visited", "here"); words
    that are names too ("bill", "pat", "rose") pass."""
    f = _lexicon()
    return not any(f.is_plain(w) for w in value.replace(",", " ").split())


@validator("some_name_word")
def some_name_word(value: str) -> bool:
    """Some word of the value is neither an ordinary word that is never a name nor a clinical term
    ("Yaw Boateng"; not "Home Health", "Pain Team")."""
    f = _lexicon()
    return any(not f.is_plain(w) and not f.is_term(w) for w in value.replace(",", " ").split())


@validator("surname_word")
def surname_word(value: str) -> bool:
    """A word that can be a surname: a part of it (of a compound, as nerfilter judges them) is
    neither an ordinary word that is never a name nor a word no list has one letter off an
    English one ("Romero", "O'MALLEY", "Quaxley-Farthing"; not "supportive", "EXTUBATE-PER",
    "Encouarge")."""
    f = _lexicon()
    parts = [w for w in re.split(r"[-'’]", value.strip()) if len(w) > 1]
    return any(not f.is_plain(w) and not (f.is_unknown(w) and f.near_english(w)) for w in parts)


@validator("initial_surname")
def initial_surname(value: str) -> bool:
    """An initial and a word that can be a name (name_word): "k lindqvist", "T. HALVORSEN"; not "q shift",
    "s protocol". A misspelling after an initial is rare; a surname one letter off a word is not."""
    return name_word(value.replace(".", " ").split()[-1])


@validator("title_name")
def title_name(value: str) -> bool:
    """After a title, a name: not a single ordinary word that is never a name, which after "MS."
    is mental status ("changes in MS. Aspiration precautions", "assess ms. safety") or ends
    a sentence ("MRS BRUCER FAIR"); surnames that are words are proper nouns too ("Dr. Long",
    "Mrs. Brown")."""
    words = value.split()
    return len(words) > 1 or not _lexicon().is_plain(value.strip())


_BASE_KIND = re.compile(r"(?i)\b(?:air[ ]base|airfield|army[ ]airfield|afb|arb|aaf|joint[ ]base|fob|cop|nas|naf|mcas"
                        r"|mcb|mcrd|naval[ ](?:air[ ])?station|patrol[ ]base|combat[ ]outpost|forward[ ]operating[ ]base)\b")


@validator("base_name")
def base_name(value: str) -> bool:
    """A military base's own name beside its kind (patterns.yaml's location_military_base): no
    word of it an ordinary word that is never a name or a clinical term ("Quaxton Airfield", "FOB
    Quaxley"; not "Deployed Quaxton Airfield", "Blood Bank AFB")."""
    f = _lexicon()
    words = re.findall(r"[^\W\d_][\w'’-]*", _BASE_KIND.sub(" ", value))
    return bool(words) and not any(f.is_plain(w) or f.is_term(w) for w in words)


@validator("has_name_word")
def has_name_word(value: str) -> bool:
    """Some word of the value is no ordinary word that is never a name: "DORCHESTER DRUG",
    "starbucks", "Parker LLC", "rodriguez and sons"; not "home pharmacy", "a bank", "IV drug"."""
    f = _lexicon()
    return any(not f.is_plain(w) for w in re.findall(r"[^\W\d_]{2,}", value))


@validator("not_clinical")
def not_clinical(value: str) -> bool:
    """Some word of the value is no curated clinical term: a name before a credential ("PROCTOR
    RN", "Min Wu, NP", "WARMER RN"), initials alone ("R.T."); not "R RADIAL ALINE, PT." (the
    patient), "Right DP, PT," or a subject line's "PEG, TRACH"."""
    f = _lexicon()
    words = re.findall(r"[^\W\d_]{2,}", value)
    return not words or any(not f.is_term(w) for w in words)


# What a note ends a line with that is no one's initials: credentials, titles, orders and states,
# tests and places a finding is "verified by".
_LINE_ENDINGS = frozenset("""rn md np pa pt ot do rt sw cm lpn cna dr mr ms dnr dni npo prn nka nkda wnl vss bid tid
    qid qd qhs hs ok am pm na nad cta rrr sob ivf tf po iv im sq gtt abx neg pos yes no cxr ct mri xr kub us ekg
    ecg eeg abg tee ir er ed icu or bm dvt pe uti ua lab dob pg""".split())


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    from gateway.phi.nerfilter import _read
    return frozenset(_read("english-common.txt.gz"))


@validator("signoff_initials")
def signoff_initials(value: str) -> bool:
    """Initials where a note is signed off ("-- SB", "— DC 11/20", "-- tb", "MW / LA"): not only
    English words ("-- ok", "-- AN"), no credential, order or state a line ends with ("- DNR",
    "-- NPO", "verified by CXR"). Clinical abbreviations pass: at a sign-off they are someone's
    initials. A pair passes unless both halves are such words ("np/lrw"; not "RN/MD"); two
    letters pass unless an English word ("-- LS", "CC RDCS"; not "-- ok", "-- AN")."""
    parts = re.findall(r"[^\W\d_]+", value)
    low = [p.lower() for p in parts]
    if len(low) > 1 and all(len(p) == 1 for p in low):
        low = ["".join(low)]        # dotted or dashed, one person's: "K.A.Q.", "F-R-Q"
    if len(low) > 1:                # a signer/typist pair: "np/lrw" is someone's initials twice
        return not all(p in _LINE_ENDINGS or p in _english() for p in low)
    if len(low) == 1 and len(low[0]) == 2:
        # the dictionary has most letter pairs as abbreviations ("LS", "CC"); as a sign-off
        # only a word is no one's initials ("-- ok", "-- AN")
        return low[0] not in _LINE_ENDINGS and low[0] not in _TWO_LETTER_WORDS
    return bool(low) and not any(p in _LINE_ENDINGS for p in low) and not all(p in _english() for p in low)


_TWO_LETTER_WORDS = frozenset("""am an as at be by do go he hi if in is it me my no of oh ok on or ox so to up us we
    ye yo ah eh ha uh um""".split())


@validator("column_initials")
def column_initials(value: str) -> bool:
    """Initials in a column a table's header says is a signer's ("Initials", "Given by") or in
    a medication record's grid of days: as `signoff_initials`, except that capitals which are
    also a word or a time pass ("AS", "SO", "AM"): a column of initials is no sentence. Dotted
    ones ("C.Q.", "r.k") as the letters they are."""
    letters = re.sub(r"[.\s]", "", value)
    low = letters.lower()
    if not 2 <= len(low) <= 3 or low in _LINE_ENDINGS - {"am", "pm"}:
        return False
    if letters.isupper():
        return len(low) == 2 or low not in _english()
    return low not in _TWO_LETTER_WORDS and low not in _english()


_BUILDING_KINDS = frozenset("""apartments apts tower towers mobile home park trailer condominiums condos residences lofts
    shelter senior seniors elderly low income public housing homeless family families emergency local county city
    state community affordable student students women's men's veterans transitional the a an our""".split())


@validator("building_name")
def building_name(value: str) -> bool:
    """A building's name has a word besides what kind it is ("Maple Ridge Apartments", "Hope
    Street Shelter"; not "Senior Apartments", "Low Income Housing Apartments")."""
    return any(w.lower() not in _BUILDING_KINDS for w in re.findall(r"[^\W\d_][\w'’]*", value))


@validator("initials")
def initials(value: str) -> bool:
    """Initials: dotted ("J.V.", "K.R.R.") or two or three capitals that are no word or clinical
    abbreviation ("YM", "GB"; not "PT", "MR", "BP")."""
    v = value.strip()
    return "." in v or not (_lexicon().is_word(v) or v.lower() in TITLES)


@validator("city_name")
def city_name(value: str) -> bool:
    """A city before a state: a place of the gazetteer ("Silver Spring"), or a name with a word
    that is no ordinary word ("Towson"); not "BLOODY DRAINAGE AROUND, CT" or "LASIX, CO"."""
    f = _lexicon()
    return f.is_place(value) or not all(f.is_plain(w) for w in value.replace(".", " ").split())


_DIRECTIONS = frozenset("n s e w ne nw se sw north south east west".split())
_UNIT = re.compile(r"[ \t]*,?[ \t]*(?i:apt|apartment|unit|suite|ste|\#|fl|floor|rm|room|bldg|building|trlr|trailer|spc|space|lot)\b.*$")
# a sentence ends inside it: "3 UPRBCS. CT INITIALLY OOZY" is a count, then a chest tube
_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{4,}\.[ \t]")


@validator("street_name")
def street_name(value: str) -> bool:
    """A street address whose name words (between the number and the suffix, before any
    apartment or suite) are no clinical terms: "HR 99-104 NSR ST" and "2 MEDIASTINAL CT" are a
    rhythm and chest tubes, not streets; "12 Oak Ct, Apt 4B" is an address. No sentence ends
    between the number and the suffix ("3 UPRBCS. CT")."""
    street = _UNIT.sub("", value)
    if _SENTENCE_INSIDE.search(street):
        return False
    # whole words only: the "rd" of "3rd St" is no dietitian; "SW" a quarter of town, no social worker
    return not any(_lexicon().is_term(w) for w in re.findall(r"(?<![^\W_])[^\W\d_]{2,}", street)[:-1]
                   if w.lower() not in _DIRECTIONS)


@validator("name_word")
def name_word(value: str) -> bool:
    """A word that can be a name: no ordinary word that is never a name, no clinical term, no
    title ("Emily", "Radu"; not "Patient", "Cardiology", "Pt", "Mrs")."""
    f = _lexicon()
    return not any(w.lower() in TITLES or f.is_plain(w) or f.is_term(w) for w in value.split())


@validator("name_or_word_name")
def name_or_word_name(value: str) -> bool:
    """The first word can be a given name: no clinical term or title, and no ordinary word that
    is never a name (lexicon/word-names.txt has those that are: "Precious", "Sunny")."""
    first = value.split()[0]
    return first.lower() not in TITLES and not _lexicon().is_term(first) and not plain_word(first)


@validator("given_names")
def given_names(value: str) -> bool:
    """Names written in lower case, each a proper noun of the lexicon and no ordinary word that is
    never a name ("quarah and quargie" if both are names; not "here and aware", "the")."""
    f = _lexicon()
    words = [w for w in re.split(r"[\s,&]+", value) if w and w != "and"]
    return bool(words) and all(f.is_proper(w) and not plain_word(w) and not f.is_term(w) for w in words)


@validator("role_name_word")
def role_name_word(value: str) -> bool:
    """A name after a role word: a `name_word`, or a name that is also an ordinary word
    (lexicon/word-names.txt: "nurse Bliss", "driver Destiny Marsh")."""
    return all(name_word(w) or w.lower() in _word_names() for w in value.split())


@validator("quoted_nickname")
def quoted_nickname(value: str) -> bool:
    """A nickname quoted after a name: any word but a clinical term, unless that term is a name
    too (lexicon/word-names.txt: "Peg")."""
    return value.strip().lower() in _word_names() or not_clinical(value)


@lru_cache(maxsize=1)
def _word_names() -> frozenset[str]:
    given, surnames, _ = word_names()
    return given | surnames


@validator("login_name")
def login_name(value: str) -> bool:
    """A login made of a name and an initial or a title, with a dot or an underscore
    ("r.quaxley", "kwame.o", "dr_quenby"): a part of four letters or more that no word list has
    and that is no misspelling of a word ("notes.final", "pt_portal" are no one's). A first name
    before the dot makes both parts names: neither may be an ordinary or clinical word, nor the
    surname shorter than four letters ("sam.quaxley"; not "today.kkkkh", "endoscopy.tolerated",
    "bivent.pacing", "quaxley.stv": two words run together by a missing space). An initial before
    a surname the dictionary knows, or a title before a name, is a login too ("r.smith",
    "dr_anand"; not "r.knee", "dr_notes", "v.tach")."""
    f = _lexicon()
    parts = [p for p in re.split(r"[._]", value.rstrip("0123456789")) if p]
    if "." in value and len(parts[0]) > 2:
        first, last = parts[0], parts[-1]
        if len(last) < 4 or any(plain_word(p) or not (f.is_proper(p) or f.is_unknown(p)) for p in (first, last)):
            return False
    if any(len(p) >= 4 and f.is_unknown(p) and not f.near_english(p) for p in parts):
        return True
    # an initial or a title before a surname: a name, or after a title no word ("r.smith", "dr_anand")
    if len(parts) != 2 or len(parts[1]) < 4 or plain_word(parts[1]):
        return False
    last = parts[1]
    return ((len(parts[0]) == 1 and f.is_proper(last))
            or (parts[0] in _LOGIN_TITLES and f.is_named(last)))


_LOGIN_TITLES = frozenset({"dr", "rn", "np", "md", "pa"})


@validator("iso_month")
def iso_month(value: str) -> bool:
    """A year and a month ("2021-08") that cannot be a range of years: the month is below the
    year's last two digits ("2008-09" may be a school year, "2011-12" two years)."""
    year, month = value.split("-")
    return int(month) < int(year[2:])


# medical words' endings, and drugs' stems for the drugs no word list has yet ("durvalumab")
_MEDICAL_ENDINGS = ("ology", "ologist", "itis", "osis", "ectomy", "otomy", "scopy", "gram", "emia", "pathy", "plasty",
                    *DRUG_STEMS)


_ROLE_SUFFIX = re.compile(r"[-_][a-z]{2,4}$")


@validator("bare_login")
def bare_login(value: str) -> bool:
    """A login of letters run together, an initial and a surname ("qquaxley", "tquenby2"): five
    letters or more that no word list has, not even as a large dictionary's rare word
    ("proximal", "auscultation"), and no misspelling of a word, unless that word is the
    surname behind the initial ("rbishop": "bishop"), nor a misspelt medical word ("opthamology").
    A role's or site's short suffix is not part of it ("qquenby_ma", "qquenby-oti")."""
    f = _lexicon()
    token = _ROLE_SUFFIX.sub("", value).rstrip("0123456789").lower()
    if (not (5 <= len(token) <= 15 and token.isalpha() and f.is_unknown(token)) or f.is_rare(token)
            or token.endswith(_MEDICAL_ENDINGS)):
        return False
    return not f.near_english(token) or f.is_proper(token[1:]) or token[1:] in _word_names()


# a login of letters run together, as a log or a MAR's column writes one ("tquenby2", "tquenby-oti")
_RUN_TOGETHER_LOGIN = re.compile(r"[a-z]{5,15}\d{0,2}(?:[-_][a-z]{2,4})?")


def run_together_login(value: str) -> bool:
    """`value` is, as written, a login of lowercase letters and at most two digits that
    `bare_login` accepts: what lists logins (series.py) and signs a table's rows (signers.py)."""
    return _RUN_TOGETHER_LOGIN.fullmatch(value) is not None and bare_login(value)


def plain_word(word: str) -> bool:
    """An ordinary word that is never a name (lexicon/word-names.txt has those that are: "Storm")."""
    return _lexicon().is_plain(word) and word.lower() not in _word_names()


@validator("unknown_word")
def unknown_word(value: str) -> bool:
    """A word in no word list at all and no misspelling of one: no ordinary, clinical or proper
    word, no place ("quartermain"; not "lopressor", "lopresor", "recieved", "heparin", "bed")."""
    f = _lexicon()
    return f.is_unknown(value.strip()) and not f.near_english(value.strip())


@validator("campus_word")
def campus_word(value: str) -> bool:
    """The name of a hospital campus: a known place ("Bayview") or a word in no list at all,
    misspelt-looking or not ("Zagaria", "Mackerer"); not "East", "Main" or "North"."""
    f = _lexicon()
    word = value.strip()
    return f.is_place(word) or f.is_unknown(word)


@validator("unknown_name_pair")
def unknown_name_pair(value: str) -> bool:
    """Two capitalized words that are no ordinary or clinical word, at least one of them in no
    dictionary at all: "Radu Crosson", "Lopie Certusi", "Marcela Carlson" (not "Holy Cross",
    "Swan Ganz", "Mitral Valve")."""
    f = _lexicon()
    words = value.split()
    if words[0].lower() in TITLES or any(f.is_plain(w) or f.is_term(w) for w in words):
        return False
    return any(f.is_unknown(w) for w in words)


@validator("place_name")
def place_name(value: str) -> bool:
    """A place of the shipped gazetteer (GeoNames; gateway/phi/lexicon/places.txt.gz) that is
    no ordinary word: "Towson", "new haven", "ROME"; not "Hope" or "Mobile"."""
    return _lexicon().is_place(value)


_MD_PAIR = re.compile(r"(\d{1,2})/(\d{1,2})\s*(?:[-–/]|to|thru|through)\s*(\d{1,2})/(\d{1,2})", re.IGNORECASE)


@validator("month_day_range")
def month_day_range(value: str) -> bool:
    """Two month/day dates in a row ("6/30-7/2", "8/2 - 8/10", "10/03/10/04"): both must exist,
    the second on or after the first (across New Year too) and at most 21 days later. Ranges
    of fractions run the other way as dates ("1/3-1/2", "1/4-1/3") or span months ("1/4-3/4").
    A second date whose day is no fraction's (13 or more) may close a period of up to half a year,
    as an authorization's or a coverage's does ("10/1-12/31", "8/1-10/31")."""
    m = _MD_PAIR.fullmatch(value.strip())
    if not m:
        return False
    m1, d1, m2, d2 = (int(g) for g in m.groups())
    try:
        # a range is weaker evidence than a lone date: both days must exist (2/29 counts)
        first, second = (datetime.date(2000, m, d) for m, d in ((m1, d1), (m2, d2)))
    except ValueError:
        return False
    # days into a leap year, so 2/29 counts; a range over New Year wraps
    first, second = first.timetuple().tm_yday, second.timetuple().tm_yday
    if second < first:
        second += 366
    return 0 <= second - first <= (184 if d2 > 12 else 21)
