"""Which words of an NER guess can be an identifier.

A statistical NER model trained on synthetic notes over-reaches on real ones: telegraphic
nursing notes, all-caps or all-lowercase text and misspellings make it tag ordinary words
("pt onto commode", "occ pvc's noted", "WIDOWER") as names or places. An anchored pattern
(a title, a relation word, a label) is evidence; a model guess alone is not, so a guess is
kept only for its words that could be a name:

- a common English word that is not also a proper noun (SCOWL's dictionary: "followed",
  "sandwich"; not "Walker", "Rose"), a word of the clinical phrase bank or a curated
  clinical term (lexicon/clinical-terms.txt: "pvc", "coreg", "ptca") is no name;
- in text that uses capital letters normally, an all-caps word of two letters, or of three
  or without a vowel and no proper noun, is an abbreviation ("HO", "LCX", "CVVHF"), not a name;
- in text that uses capital letters normally, a lowercase dictionary word is no name, even one
  that is a name too ("small amts of brown stool"; "Brown" or a lowercase note's "bill" stay),
  nor is a lowercase word of a larger dictionary ("omentum", "sagittal", "mitzvah": SCOWL
  size 70, lexicon/english-rare.txt.gz);
- a word of six letters or more one letter off a clinical word that English does not have,
  and itself in no dictionary, is that clinical word misspelt ("sputume", "oxacilin",
  "AUGUMENTIN"): names are rarely one edit from a drug (measured: 33 false-positive tokens of
  the NER on PhysioNet against no name there and 1 name token of 42,000 in the synthetic
  split; five-letter words cost 12 more, "Parra" ~ "para"); one edit from an English word is
  not enough ("morales", "morals");
- a word that ends like a drug name (a USAN stem: -mab, -pril, -statin, -floxacin, -quine, ...)
  is a drug, also one no list has yet ("hepatoquine", "tezepelumab"): no name or place of six
  letters or more in either benchmark corpus ends so;
- a word of three letters or more without a vowel is shorthand in any case ("SXNS", "mvt"),
  unless it ends like a hospital's initials ("KVHS", "SLRMC");
- a title ("Dr", "Mrs") is not part of the name, nor "HO" (house officer) before one ("HO Falco
  notified"; "Ho aware" alone);
- in capitalized text a capitalized ordinary word inside a name guess is part of the name: between
  two name words ("Rangi Te Quaxawa"), as the surname of "Lopes, Antonio" or the given name of
  "Quaxley, Mercy";
- a word that no list has but that is one letter off an English or clinical word is that word
  misspelt: in all-caps or all-lowercase text a word of six letters or more with a letter
  dropped, added or two swapped ("STAEDY", "RECIEVED", "quickley"; not one letter changed, as
  names are: "THETIS", "MACEDO"), and in capitalized text any lowercase one ("fillng",
  "amout"); unless another word of the guess is a name, since surnames are often a letter off
  a word ("IAN MORAES", "patty hoeller");
- where capitals carry no information (all-caps or all-lowercase text, or an all-caps word),
  a word English uses far more often than as a name ("WILL", "may", "SMALL", "LONG", "ho"
  for house officer; the colours of sputum and stool: "THICK WHITE SECRETIONS", "brown") is
  a name only next to another name word ("ANGEL STRONG"); a title or relation word still
  finds "Dr. Long" and "son Will" (patterns are not filtered);
- a place or organization guess made only of words that say what kind of place it is ("OUTSIDE
  HOSPITAL", "assisted living facility", "funeral home") names none, nor one made only of
  clinical terms, however capitalized ("Aline", "NOC"), nor lowercase ordinary words ending in
  "care" in capitalized text ("withdraw care": what is done, not who does it);
- a place or organization guess does not run on into words of time ("St. Mary's tomorrow",
  "St. Mary's -11AM");
- a place or organization guess needs a word a name has: a proper noun, an unknown word, a
  capitalized word where text is capitalized, or a facility/place head ("School", "Clinic").

An organization guess in capitalized text grows over the capitalized words right before it
("Federal Way Pediatrics" guessed as "Way Pediatrics", "The Maplewood Hospital").

A guess cut at a hyphen or apostrophe grows to the whole joined word ("seo Hwang" in "Jun-seo
Hwang").

Initials, surname particles and generational suffixes ("J.", "de la", "III") stay only
next to a word that stays.
Findings from patterns are never filtered here.
"""
from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).parent / "lexicon"
_LETTERS = re.compile(r"[^\W\d_]+")
# A word with its hyphen- or apostrophe-joined parts: "Quaxley-Farthing", "O'Brien" are one
# name, judged as a whole.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_JOIN = re.compile(r"['’-]")
_IRISH_OR_FRENCH = re.compile(r"[OoDd]['’][^\W\d_]{2,}$")
_VOWEL = re.compile(r"[aeiouy]")
_WORD_BEFORE = re.compile(r"([^\W\d_][^\W\d_'’-]*) \Z")
_AND_BEFORE = re.compile(r"(?:\band|&)[ \t]*\Z", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:[.!?:;]\s*|\n\s*)\Z")
# Neither a name alone nor a reason to cut one: generational suffixes and the particles of
# surnames ("Rodriguez de la Fuente", "van den Berg", "bin Zayed").
JOINERS = frozenset("""ii iii iv jr sr de del della der di da das dos du la le los las van von den ten ter
    bin ibn al el st""".split())
# Titles before a name, never part of it ("sra", "srta": Spanish; "dr's" as notes write it).
TITLES = frozenset("dr drs dr's mr mrs ms miss mx prof rev sra srta tpr".split())
# Words an organization's or place's name is built around: with one of them a guess made of
# ordinary words ("Silver Lake Middle School", "Eye Associates") is still a name.
ORG_HEADS = frozenset("""
    academy associates care center centre clinic clinics college community dialysis elementary
    foundation group health healthcare home homes hospice hospital hosp house infirmary institute
    living manor medical medicine memorial middle nursing partners pediatrics pharmacy physicians
    practice rehab rehabilitation residence school specialists surgery system university village
    cardiology dermatology gastroenterology neurology oncology orthopedics urology wellness
""".split())
_ABBREVIATED_HEADS = frozenset("hosp ctr med univ".split())
# Endings of generic drug names (USAN stems), long enough to name no person or place.
DRUG_STEMS = ("mab", "nib", "pril", "sartan", "olol", "statin", "azole", "cycline", "floxacin", "mycin",
              "cillin", "dipine", "prazole", "tidine", "vir", "zepam", "triptan", "gliptin", "gliflozin",
              "glutide", "parin", "oxacin", "profen", "setron", "lukast", "terol", "olone", "afil", "quine",
              "oxetine", "triptyline", "azepine", "idone", "peridol", "tropium", "semide", "thiazide",
              "navir", "previr", "buvir", "lamide", "formin", "glinide", "dronate", "caine")
# Names that notes use far more often as the ordinary word (read off PhysioNet's false
# positives; none is an unsupported NER name there or in the synthetic corpus).
ORDINARY_NAMES = frozenset("""will may ho small little good long short strong gross male max mark
    begin brady pace inc white brown black green gray grey orange golden""".split())
# Words that together only say what kind of place it is ("REHAB FACILITY", "funeral home").
KINDS_OF_PLACE = frozenset("""outside funeral assisted living facility rehab rehabilitation care home
    hospital nursing medical center centre skilled acute hospice""".split())
# Words of time an organization or place guess may run on into ("to St. Mary's tomorrow").
_WHEN = frozenset("today tomorrow tonight yesterday am pm noc".split())
HEADS = ORG_HEADS | frozenset("""
    lake lakes ridge valley hill hills heights park springs harbor grove woods river creek meadows
    street avenue road drive lane boulevard county city town township
""".split())


# a guess ending in "Health" before "Plan": the name of a payer (GUIDELINES.md: unlabelled)
_HEALTH_END = re.compile(r"(?:Health|HEALTH)\Z")
_HEALTH_PLAN_NEXT = re.compile(r"[ \t]+(?:Plans?|PLANS?)(?![\w-])")


def _read(name: str) -> set[str]:
    with gzip.open(LEXICON / name, "rt", encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip()}


@lru_cache(maxsize=1)
def word_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """lexicon/word-names.txt's given names, its surnames ("hope", "destiny"; "king", "young") and
    its surnames only after a name ("will", "sunday"): names that are ordinary words too, in the
    three sections the file heads "# given names", "# surnames" and "# surnames after a name".
    Read once per process."""
    parts: dict[str, set[str]] = {"# given names": set(), "# surnames": set(), "# surnames after a name": set()}
    part = parts["# given names"]
    with (LEXICON / "word-names.txt").open(encoding="utf-8") as f:
        for line in f:
            w = line.strip().lower()
            if w in parts:
                part = parts[w]
            elif w and not w.startswith("#"):
                part.add(w)
    given, surnames, after_a_name = (frozenset(p) for p in parts.values())
    return given, surnames, after_a_name


def word_list(name: str) -> set[str]:
    """A hand-written list of the lexicon: lower-cased lines, "#" comments skipped."""
    with (LEXICON / name).open(encoding="utf-8") as f:
        return {w for line in f if (w := line.strip().lower()) and not w.startswith("#")}


def capitals(text: str) -> str:
    """How the text uses capital letters: "mixed" (ordinary prose), "upper" or "lower"."""
    return _Style.of(text).kind


@dataclass(frozen=True)
class _Style:
    """How the text uses capitals: "mixed" (ordinary prose), "upper" or "lower"."""
    kind: str

    @classmethod
    def of(cls, text: str) -> "_Style":
        # counted by str's own methods over the words of two letters or more: a Python loop per
        # word cost a tenth of a second per megabyte, twice per text (the NER filter, the name list)
        words = [w for w in _LETTERS.findall(text) if len(w) > 1]
        upper, lower, title = sum(map(str.isupper, words)), sum(map(str.islower, words)), sum(map(str.istitle, words))
        n = upper + lower + title
        if n and upper / n > 0.7:
            return cls("upper")
        if n and lower / n > 0.97:
            return cls("lower")
        return cls("mixed")


class NerFilter:
    """Trims NER findings to the words that could be names (see the module docstring)."""

    def __init__(self, plain: Iterable[str], proper: Iterable[str], terms: Iterable[str] = (),
                 places: Iterable[str] = (), misspellable: Iterable[str] = (), clinical: Iterable[str] = (),
                 org_generic: Iterable[str] = (), rare: Iterable[str] = (), peoples: Iterable[str] = (),
                 names: Iterable[str] = (), org_heads: Iterable[str] = ()) -> None:
        """`plain`: ordinary words, unless also in `proper`; `terms`: never names, even if
        a dictionary capitalizes them ("Tylenol", "ICU"); `places`: the gazetteer's names,
        lower-cased ("towson", "new haven"); `misspellable`: clinical words whose one-letter
        misspellings are no names either ("sputum", "oxacillin"); `clinical`: the clinical
        vocabulary; `org_generic`: words naming a kind of department or service ("pastoral");
        `rare`: words only a larger dictionary has, no name when written in lower case in
        capitalized text ("omentum"); `peoples`: languages, peoples and faiths, no word of a
        person's name ("Punjabi"), though they may name an organization ("Baptist Health");
        `names`: given names and surnames, lower-cased ("olufunke", "asare"); `org_heads`: the
        words the patterns read as an organization's kind (patterns.yaml's ORG_HEAD_WORDS:
        "laboratories", "dentistry", "court"), beyond the model's own HEADS."""
        self._peoples = frozenset(peoples)
        self._proper = frozenset(proper)
        self._places = frozenset(places)
        self._terms = frozenset(terms)
        self._misspelt = OneEdit(misspellable)
        self._words = frozenset(plain) | frozenset(terms)
        self._plain = frozenset(w for w in self._words if w not in self._proper) | frozenset(terms)
        self._not_org_names = frozenset(clinical) | frozenset(terms) | frozenset(org_generic) | TITLES
        self._rare = frozenset(rare) - self._proper - self._places
        # a town's name stays: it is an identifier too ("Amanda", "Isabella")
        self._names = frozenset(n for n in names if n not in self._words and n not in self._peoples and n not in HEADS)
        self._org_heads = frozenset(h for h in org_heads if " " not in h)

    @classmethod
    def default(cls, clinical_words: Iterable[str] = (), org_heads: Iterable[str] = ()) -> "NerFilter":
        """SCOWL's common words and the project's clinical vocabulary minus proper nouns, and
        the curated clinical terms."""
        english, clinical, terms = _read("english-common.txt.gz"), {w.lower() for w in clinical_words}, word_list("clinical-terms.txt")
        return cls(english | clinical | word_list("other-languages.txt"), _read("english-proper.txt.gz"),
                   terms, _read("places.txt.gz") | word_list("regions.txt"), peoples=word_list("languages.txt"),
                   misspellable=(clinical | terms) - english, clinical=clinical, org_generic=word_list("org-generic.txt"),
                   rare=_read("english-rare.txt.gz"),
                   names=_read("person-names.txt.gz") - word_list("not-names.txt"), org_heads=org_heads)

    def is_plain(self, word: str) -> bool:
        """An ordinary word, never a name ("followed", "pvc"; not "walker")."""
        return word.lower() in self._plain

    def is_word(self, word: str) -> bool:
        """Any ordinary or clinical word, also one that is a name too ("walker", "page")."""
        low = word.lower()
        return low in self._words or low in HEADS or low in _ABBREVIATED_HEADS

    def is_unknown(self, word: str) -> bool:
        """In no word list at all: no ordinary, clinical or proper word, no place, and no clinical
        word misspelt ("Crosson", "Certusi"; not "Carlson", "sputum", "oxacilin")."""
        low = word.lower()
        return not (low in self._words or low in self._proper or low in self._places or low in self._misspelt)

    def is_listed_name(self, word: str) -> bool:
        """A given name or surname of the shipped list (lexicon/person-names.txt.gz) that is no
        ordinary or clinical word, people or organization head, and not in lexicon/not-names.txt
        ("Olufunke", "Asare", "Amanda"; not "Brown", "Punjabi", "Parkinson"). A town's name may be
        one: it is an identifier too; the list has no state or country ("Georgia")."""
        return word.lower() in self._names

    def listed_names(self, lowered: Iterable[str]) -> set[str]:
        """Those of the lower-cased words that `is_listed_name` accepts (one set operation)."""
        return self._names.intersection(lowered)

    def is_rare(self, word: str) -> bool:
        """A word only a larger dictionary has, never capitalized there ("omentum", "proximal")."""
        return word.lower() in self._rare

    def near_english(self, word: str, changed: bool = True) -> bool:
        """One letter off an ordinary English or clinical word ("recieved", "INTHE"): a
        misspelling; with `changed=False` only by a letter dropped, added or two swapped.
        Generates the word's ~50n neighbours: for the rare candidates only."""
        low = word.lower()
        letters = "abcdefghijklmnopqrstuvwxyz"
        for i in range(len(low) + 1):
            head, tail = low[:i], low[i:]
            if tail and head + tail[1:] in self._words:
                return True
            if len(tail) > 1 and head + tail[1] + tail[0] + tail[2:] in self._words:
                return True
            for c in letters:
                if (changed and tail and head + c + tail[1:] in self._words) or head + c + tail in self._words:
                    return True
        return False

    def names_an_organization(self, word: str) -> bool:
        """A word that can make a name of an organization its own ("Lakefront", "Coastline",
        "Dedham"): no clinical word, no word for a kind of department or service ("Emergency",
        "Pastoral", "Heart"), no title."""
        return word.lower() not in self._not_org_names

    def is_named(self, word: str) -> bool:
        """A proper noun, a place, or a word in no list ("Cumberland", "Quaxley"; not "Summit",
        an English word)."""
        low = word.lower()
        return low in self._proper or low in self._places or self.is_unknown(word)

    def is_proper(self, word: str) -> bool:
        """A proper noun of the dictionary ("Bishop", "Pereira"), whether or not also a word."""
        return word.lower() in self._proper

    def is_term(self, word: str) -> bool:
        """A curated clinical term (lexicon/clinical-terms.txt): "nsr", "lasix", "pleural"."""
        return word.lower() in self._terms

    def is_place(self, value: str) -> bool:
        """A place of the gazetteer that is no ordinary or clinical word: "Towson", "New Haven",
        "ROME"; not "Hope", "Normal" or "Norco". Short single words ("Ada", "Ely") are too
        often something else."""
        words = value.lower().split()
        key = " ".join(words)
        if key not in self._places:
            return False
        return len(words) > 1 or (len(key) >= 4 and key not in self._words)

    def __call__(self, text: str, results: list) -> list:
        """`results`: Presidio RecognizerResults of the NER over `text`. Returns those that
        survive, person findings cut to their name words."""
        style = _Style.of(text)
        out = []
        touching = _touching(results)
        for r in results:
            r = _with_surname(text, _hyphenated(text, r, self), self)
            if r.entity_type == "PERSON" and EPONYM_NEXT.match(text, r.end):
                continue             # "Jackson-Pratt drain", "Swan-Ganz catheter": a device's or a sign's name
            if _HEALTH_PLAN_NEXT.match(text, r.end) and _HEALTH_END.search(text, r.start, r.end):
                continue             # "Quaxton Ridge Health Plan": a payer, which names no one's provider
            words = list(_WORD.finditer(text, r.start, r.end))
            if not words or len(words) == 1 and (self._misspelling(words[0].group(), style)
                                                  or self._ordinary(words[0].group(), style)
                                                  or _modal(text, words[0]) or _house_officer(text, words)):
                continue
            if r.entity_type == "PERSON" and words[-1].group().lower() not in ORG_HEADS:
                out.extend(self._person(r, words, style))
            else:
                out.extend(self._leftward(text, part, style) if part.entity_type == "ORGANIZATION" else part
                           for part in self._place_or_org(r, words, style, alone=id(r) not in touching
                                                          and not _AND_BEFORE.search(text, max(0, r.start - 6), r.start)))
        return out

    def _leftward(self, text: str, r, style: _Style):
        """An organization guess grows over the capitalized words right before it ("Federal
        Way Pediatrics" guessed as "Way Pediatrics"): in capitalized text they are its name.
        Not over a title, a clinical term, or an ordinary word that starts a sentence or line."""
        if style.kind != "mixed":
            return r
        start = r.start
        while (m := _WORD_BEFORE.search(text, max(0, start - 40), start)) is not None:
            w = m.group(1)
            if not _titlecase(w) or w.lower() in TITLES or self.is_term(w):
                break
            before = text[max(0, m.start(1) - 3):m.start(1)]
            if self.is_plain(w) and (m.start(1) == 0 or _SENTENCE_END.search(before)):
                break
            start = m.start(1)
        if start == r.start:
            return r
        grown = _copy(r)
        grown.start = start
        return grown

    def _name_word(self, m: re.Match, style: _Style) -> bool | None:
        """True: could be a name; False: is not; None: only next to a name (initials,
        particles, suffixes). Words that are also names ("Brown", "Will") count as names:
        a lowercase "bill" in a note is as often the son as the invoice."""
        w = m.group()
        if _IRISH_OR_FRENCH.match(w):       # O'Farthing, D'Souza: a surname whatever follows
            return True
        if _JOIN.search(w):
            # a compound is a name if any part is ("Quaxley-Farthing"), no name if every
            # part is an ordinary word ("follow-up", "a-line")
            verdicts = [self._verdict(part, style) for part in _JOIN.split(w)]
            return True if any(verdicts) else (False if False in verdicts else None)
        return self._verdict(w, style)

    def _verdict(self, w: str, style: _Style) -> bool | None:
        low = w.lower()
        if len(w) == 1 or low in JOINERS:
            return None
        if low in self._plain or low in TITLES:
            return False
        if len(low) >= 6 and low not in self._words and low not in self._proper and (
                low in self._misspelt or low.endswith(DRUG_STEMS)):
            return False
        if style.kind == "mixed" and w.islower() and (low in self._words or low in self._rare):
            return False
        if style.kind == "mixed" and w.isupper() and (
                len(w) <= 2 or (low not in self._proper and (len(w) == 3 or not _VOWEL.search(low)))):
            return False
        return True

    def _misspelling(self, w: str, style: _Style) -> bool:
        if style.kind in ("upper", "lower"):
            same_case = w.isupper() if style.kind == "upper" else w.islower()
            return len(w) >= 6 and same_case and self.is_unknown(w) and self.near_english(w, changed=False)
        return style.kind == "mixed" and len(w) >= 4 and w.islower() and self.is_unknown(w) and self.near_english(w)

    @staticmethod
    def _ordinary(w: str, style: _Style) -> bool:
        return w.lower() in ORDINARY_NAMES and (style.kind != "mixed" or w.isupper())

    def _person(self, r, words: list[re.Match], style: _Style) -> list:
        verdicts = [None if self._ordinary(m.group(), style) else
                    False if self._abbreviation(m.group()) or m.group().lower() in self._peoples
                    else self._name_word(m, style) for m in words]
        if _house_officer(words[0].string, words):
            verdicts[0] = False
        verdicts = self._misspelt_alone(words, verdicts, style)
        if style.kind == "mixed":
            verdicts = self._surnames_that_are_words(words, verdicts)
            verdicts = self._words_inside_a_name(words, verdicts)
        kept, i = [], 0
        while i < len(words):
            if verdicts[i] is False:
                i += 1
                continue
            j = i
            while j + 1 < len(words) and verdicts[j + 1] is not False:
                j += 1
            if any(verdicts[i:j + 1]):
                kept.append(_part(r, words, i, j))
            i = j + 1
        return kept

    def _abbreviation(self, w: str) -> bool:
        """Three letters or more and no vowel, in any case: shorthand ("SXNS", "mvt", "LGHT"),
        not a name. ASCII only: "Thắng", "TRẦN" have theirs. Not a hospital's initials, mistaken
        for a person ("NEAR KVHS", "FROM SLRMC": hospital, health system, medical center, clinic)."""
        low = w.lower()
        return (len(w) >= 3 and w.isascii() and w.isalpha() and not _VOWEL.search(low)
                and low not in self._proper and not low.endswith(("h", "hs", "mc", "hc", "c")))

    def _misspelt_alone(self, words: list[re.Match], verdicts: list, style: _Style) -> list:
        """A word that reads as an ordinary word misspelt ("RECIEVED COZAAR", "occulsions") is
        no name unless another word of the guess is one: "IAN MORAES" stays (surnames are often
        a letter off a word); "DR LAVELY NOTIFED" loses "NOTIFED" only if LAVELY reads as a
        misspelling too."""
        misspelt = [v is True and self._misspelling(m.group(), style) for m, v in zip(words, verdicts)]
        if not any(misspelt) or any(v is True and not ms for v, ms in zip(verdicts, misspelt)):
            return verdicts
        return [False if ms else v for v, ms in zip(verdicts, misspelt)]

    def _surnames_that_are_words(self, words: list[re.Match], verdicts: list) -> list:
        """In capitalized text, a capitalized ordinary word right after a first name in the same
        guess is its surname ("Nancy Arroyo", "Mateus Martins", "Dom Pastor"): prose does not
        capitalize an ordinary word mid-sentence. Never a title or a clinical term.

        Before a surname no list has, such a word is the given name ("Sky Whitehorse", "Yaw
        Asante-Darko"); not before a surname that is a known name or word ("Patient Nancy"),
        nor a verb's form ("Called Okafor")."""
        out = list(verdicts)
        for i in range(1, len(words)):
            w, prev = words[i].group(), words[i - 1].group()
            gap = words[i].string[words[i - 1].end():words[i].start()]
            if not (_titlecase(w) and _titlecase(prev) and gap.strip(" ") == ""):
                continue
            if (verdicts[i] is False and verdicts[i - 1] is True and len(w) >= 3
                    and w.lower() not in TITLES and not self.is_term(w)):
                out[i] = True
            elif (verdicts[i - 1] is False and verdicts[i] is True and len(prev) >= 3 and self._no_word(w)
                  and prev.lower() not in TITLES and not self.is_term(prev) and prev.lower() not in HEADS
                  # no clinical, department or title word (the organization test's word list)
                  and self.names_an_organization(prev) and not prev.lower().endswith(("ed", "ing"))):
                out[i - 1] = True
        return out

    def _words_inside_a_name(self, words: list[re.Match], verdicts: list) -> list:
        """In capitalized text, a capitalized ordinary word is part of the name it sits in: between
        two name words, one space on each side ("Rangi Te Quaxawa"), as the surname before a comma
        and a given name ("Lopes, Antonio"), or as the given name after a surname and its comma
        ("Quaxley, Mercy"). Never a title or a clinical term."""
        out = list(verdicts)
        text = words[0].string
        for i, m in enumerate(words):
            w = m.group()
            if verdicts[i] is not False or not _titlecase(w) or w.lower() in TITLES or self.is_term(w):
                continue
            before = text[words[i - 1].end():m.start()] if i else None
            after = text[m.end():words[i + 1].start()] if i + 1 < len(words) else None
            if (before == " " and after == " " and verdicts[i - 1] is True and verdicts[i + 1] is True
                    or i == 0 and after == ", " and verdicts[1] is True and _titlecase(words[1].group())
                    or i == 1 and before == ", " and verdicts[0] is True and _titlecase(words[0].group())
                    and len(words) == 2):
                out[i] = True
        return out

    def _no_word(self, word: str) -> bool:
        """No ordinary or clinical word, also in its hyphenated parts: a surname or a place
        ("Whitehorse", "Asante-Darko"; not "Nancy"'s "Patient", which is a word)."""
        return all(part.lower() not in self._words for part in _JOIN.split(word) if part)

    def _place_or_org(self, r, words: list[re.Match], style: _Style, alone: bool = True) -> list:
        end = len(words)
        while end > 1 and words[end - 1].group().lower() in _WHEN:
            end -= 1        # when, not where: "transfer to St. Mary's tomorrow", "St. Mary's -11AM"
        if end < len(words):
            r, words = _part(r, words, 0, end - 1), words[:end]
        ws = [m.group() for m in words]
        if all(w.lower() in KINDS_OF_PLACE for w in ws):
            return []       # a kind of place, no name: "OUTSIDE HOSPITAL", "assisted living facility"
        if alone and all(self.is_term(w) for w in ws):
            # clinical terms only, however capitalized ("Aline", "NOC", "BETADINE"); not a piece
            # of a name the model cut in two ("Dorchester" + "St") or the tail of one ("Cook and Sons")
            return []
        if style.kind == "mixed" and ws[-1].lower() == "care" and all(w.islower() and self.is_plain(w) for w in ws):
            return []       # what is done, not who does it: "withdraw care", "comfort care"
        # an organization guess ending in a capitalized kind of organization is one, whatever its
        # other words ("QUAXTON REFERENCE LABORATORIES", "Quaxley Family Dentistry"); a lowercase
        # one is what is done ("morphology of rhythm", "vna services")
        if any(w.lower() in HEADS for w in ws) or (
                r.entity_type == "ORGANIZATION" and not ws[-1].islower() and ws[-1].lower() in self._org_heads
                and any(w.lower() not in self._org_heads for w in ws)):
            # lowercase words at the edges of a capitalized name are not part of it
            # ("consulted Pediatric Cardiology")
            capital = [i for i, w in enumerate(ws) if not w.islower()]
            if not capital or style.kind != "mixed":
                return [r]
            return [_part(r, words, capital[0], capital[-1])]
        if style.kind == "mixed" and all(w.islower() for w in ws):
            return []
        if style.kind == "mixed" and any(w[0].isupper() and w[1:].islower() for w in ws if len(w) > 1):
            return [r]
        # ordinary words at either end are not part of the name ("occ pvc's noted")
        verdicts = [self._name_word(m, style) for m in words]
        named = [i for i, v in enumerate(verdicts) if v]
        if not named:
            return []
        return [_part(r, words, named[0], named[-1])]


class OneEdit:
    """Membership "one edit from a word of the set": a letter dropped, added or changed, or two
    neighbours swapped. Deletion index (as in SymSpell): a handful of set look-ups a word."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(words)
        self._dropped = frozenset(w[:i] + w[i + 1:] for w in self._words for i in range(len(w)))
        self._changed = frozenset((i, w[:i] + w[i + 1:]) for w in self._words for i in range(len(w)))

    def __contains__(self, word: str) -> bool:
        if word in self._words or word in self._dropped:        # the word itself; a letter dropped
            return True
        n = len(word)
        for i in range(n):
            shorter = word[:i] + word[i + 1:]
            if shorter in self._words or (i, shorter) in self._changed:   # a letter added; changed
                return True
            if i + 1 < n and word[:i] + word[i + 1] + word[i] + word[i + 2:] in self._words:   # swapped
                return True
        return False


_CUT_BEFORE = re.compile(r"\b[A-Z][a-z]{1,4}-\Z")          # "Jun-" before a guess "seo Hwang"
_CUT_AFTER = re.compile(r"-?[a-z]{2,4}\b")                  # "-ja" after a guess "Baek Young-"
# a word after a name that makes it an eponym: a device, a syndrome, a manoeuvre. Not words a
# sentence may put after a person ("have Ann sign the consent", "told Ann test results are back")
EPONYM_NEXT = re.compile(r"['’]?s?[ \t]+(?i:drains?|catheters?|tubes?|bulbs?|syndrome|disease|maneuver|manoeuvre"
                          r"|procedure|reflex|stockings?)\b")
_SURNAME_AFTER = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2,})(?:['’][A-Za-z]+)?\b")   # "Farthing" after "Quenby-"
_LOWER_RUN = re.compile(r"[a-z]+")
_SHORT_GIVEN = re.compile(r"[A-Z][a-z]{1,3}")                # "Jae" before "-won"


def _hyphenated(text: str, r, words: "NerFilter"):
    """The guess grown to a romanized given name the model cut at its hyphen: "seo Hwang" or
    "-hoon Park" in "Jun-seo Hwang", "Ji-hoon Park"; "Baek Young-" or "Jae" before "-ja", "-won".
    Only a short capitalized part before the cut, and a short lowercase part after it that is no
    ordinary word where the guess starts there ("Over-read", "amox-clav", "SON-IN-LAW" stay). A guess
    that ends on the hyphen grows over a capitalized word after it ("Quenby-" + "Farthing")."""
    start, end = r.start, r.end
    first = _LOWER_RUN.match(text[start:end].lstrip("-"))
    if (text[start] == "-" or (start > 0 and text[start - 1] == "-")) and first and not words.is_plain(first.group()):
        m = _CUT_BEFORE.search(text, max(0, start - 6), start + (text[start] == "-"))
        if m:
            start = m.start()
    if text[end - 1] == "-" and (m := _SURNAME_AFTER.match(text, end)):
        end = m.end()              # "Rosalind Quenby-" before "Farthing": a double-barrelled surname
    elif text[end - 1] == "-" or (end < len(text) and text[end] == "-" and _SHORT_GIVEN.fullmatch(text, r.start, r.end)):
        m = _CUT_AFTER.match(text, end - (text[end - 1] == "-") + (text[end - 1] != "-" and text[end] == "-"))
        if m:
            end = m.end()
    if (start, end) == (r.start, r.end):
        return r
    grown = _copy(r)
    grown.start, grown.end = start, end
    return grown


# the word after a guess: one space or tab on, letters (an apostrophe or hyphen inside)
_NEXT_WORD = re.compile(r"[ \t]([^\W\d_]{2,}(?:['’-][^\W\d_]+)*)(?![\w'’-])")


def _same_case(a: str, b: str) -> bool:
    return (a.isupper() and b.isupper()) or (a.islower() and b.islower()) or (a.istitle() and b.istitle())


def _with_surname(text: str, r, words: "NerFilter"):
    """A one-word person guess grown over the surname the model left out, in lowercase or
    capitals where it is least sure: "martin carey", "AGNES MUNROE". Only a name of the lexicon
    followed, in the same case, by a word that is no word of any list (not even one that is a
    name too), title or misspelling ("martin reports", "JOHN IN", "Agnes RN", "pat recieved" stay)."""
    if r.entity_type != "PERSON":
        return r
    first = text[r.start:r.end]
    m = _NEXT_WORD.match(text, r.end)
    if m is None or len(first) < 3 or not _WORD.fullmatch(first) or first.lower() not in words._proper:
        return r
    nxt = m.group(1)
    low = nxt.lower()
    if (not _same_case(first, nxt) or words.is_word(nxt) or words.is_term(nxt) or low in TITLES
            or low in ORG_HEADS or low.endswith(DRUG_STEMS) or low in words._misspelt
            or (words.is_unknown(nxt) and words.near_english(nxt))):
        return r
    grown = _copy(r)
    grown.end = m.end()
    return grown


def _touching(results: list) -> set[int]:
    """The ids of the results with another one at most three characters before or after."""
    ordered = sorted(results, key=lambda r: r.start)
    out: set[int] = set()
    for a, b in zip(ordered, ordered[1:]):
        if b.start - a.end <= 3:
            out.update((id(a), id(b)))
    return out


def _part(r, words: list[re.Match], i: int, j: int):
    """The finding `r` cut to its words i..j (its own bounds where they are its ends)."""
    part = _copy(r)
    part.start = r.start if i == 0 else words[i].start()
    part.end = r.end if j == len(words) - 1 else words[j].end()
    return part


def _copy(r):
    from presidio_analyzer import RecognizerResult
    return RecognizerResult(r.entity_type, r.start, r.end, r.score, r.analysis_explanation,
                            dict(r.recognition_metadata or {}))


_MODALS = frozenset("will may might must shall should can could would".split())
_BASE_VERB_AFTER = re.compile(r"[ \t]+(?:not[ \t]+|likely[ \t]+|need[ \t]+to[ \t]+)?([a-z]+)\b")


def _modal(text: str, word: re.Match) -> bool:
    """A modal verb that starts a sentence, capitalized as such ("Will begin diuresis", "May
    require intubation"): the next word is a verb's base form, lowercase and not ending as a
    name's verb does ("Will called", "May is here" stay names)."""
    w = word.group()
    if w.lower() not in _MODALS or not _titlecase(w):
        return False
    before = text[max(0, word.start() - 3):word.start()]
    if word.start() and not _SENTENCE_END.search(before):
        return False
    m = _BASE_VERB_AFTER.match(text, word.end())
    return bool(m) and not m.group(1).endswith(("s", "ed"))


_AWARE_AFTER = re.compile(r"[ \t]+(?:made[ \t]+)?(?:aware|notified|paged|called|informed|updated|at[ \t]+bedside)\b", re.I)


def _house_officer(text: str, words: list[re.Match]) -> bool:
    """"HO" for the house officer, a role like a title: in capitals before a name ("HO Falco
    notified", "SPOKE WITH HO SCHWARZ"), or alone before what one does with a doctor ("Ho aware",
    "HO notified"). After a given name it is the surname ("LINDA HO"), and "Dr. Ho" is found by
    its title."""
    first = words[0].group()
    if first.lower() != "ho":
        return False
    if len(words) > 1:
        return first == "HO"
    return bool(_AWARE_AFTER.match(text, words[0].end()))


def _titlecase(w: str) -> bool:
    return len(w) > 1 and w[0].isupper() and w[1:].islower()
