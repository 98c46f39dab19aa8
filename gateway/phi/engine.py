"""The default PHI detector: Presidio's AnalyzerEngine, built explicitly and offline.

NLP: a spaCy pipeline loaded from a path (the compact clinical NER model shipped in
gateway/phi/model, reproducible with `python -m gateway.phi.training.train`), or any
installed spaCy package a site has (e.g. en_core_web_lg) via `phi.model`. Presidio's
SpacyRecognizer turns its PERSON / LOCATION / ORGANIZATION entities into findings;
gateway/phi/recognizers adds the pattern kinds. Never `AnalyzerEngine()` bare: it
would try to download a model and exit.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.attrs import IDX

from gateway.phi.detector import Finding
from gateway.phi.kinds import KINDS
from gateway.phi.nerfilter import ORG_HEADS, NerFilter, word_names
from gateway.phi.normalize import Normalized, normalize
from gateway.phi.propagate import Propagator
from gateway.phi.recognizers.namelist import NAME as NAME_LIST, NameListRecognizer
from gateway.phi.recognizers.validators import run_together_login
from gateway.phi.scripts import script_names
from gateway.phi.series import repeats, siblings
from gateway.phi.spoken import said

MODEL_DIR = Path(__file__).parent / "model"
NER_KINDS = ("PERSON", "LOCATION", "ORGANIZATION")
# Below the anchored patterns' scores, so where both find the same span Presidio keeps the
# pattern's finding (it is the evidence that lets a name carry through the document).
NER_SCORE = 0.65
# Labels of common spaCy models, so a site's en_core_web_lg plugs in unchanged.
NER_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "LOCATION": "LOCATION", "LOC": "LOCATION",
              "GPE": "LOCATION", "FAC": "LOCATION", "ORGANIZATION": "ORGANIZATION", "ORG": "ORGANIZATION"}


_BLAS_SETTING = threading.Lock()   # guards the process-wide BLAS thread count (see _NlpEngine)


class PhiModelMissing(RuntimeError):
    pass


class _NlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine without lemmas (only its context enhancer reads them, and
    medgate's recognizers judge context themselves, see _Analyzer), on one BLAS thread."""

    _blas = None

    def load(self) -> None:
        super().load()
        # The model multiplies matrices of a few hundred rows: OpenBLAS threads cost more
        # than they give (3x slower here with two threads), and a gateway's cores serve
        # other requests. Limited per call, so the rest of the process keeps its setting.
        from threadpoolctl import ThreadpoolController
        self._blas = ThreadpoolController()

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        if self._blas is None:
            return super().process_text(text, language)
        # The thread count is one setting for the whole process: two engines limiting and
        # restoring it at once could restore each other's 1 and leave it there.
        with _BLAS_SETTING, self._blas.limit(limits=1, user_api="blas"):
            return super().process_text(text, language)

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(self._get_entities(doc),
                                                      self._get_scores_for_entities(doc))
        # token offsets in one array read: iterating the Doc builds a Python Token per word
        return NlpArtifacts(entities=entities, tokens=doc, tokens_indices=doc.to_array(IDX).tolist(),
                            lemmas=[], nlp_engine=self, language=language, scores=scores)


class _NerRecognizer(SpacyRecognizer):
    """Presidio's SpacyRecognizer minus entity shapes no name, place or organization has.

    A statistical NER trained on prose sometimes runs an entity across a whole
    telegraphic line ("90's iv nitro titrated to keep map < 80 as well as ..."). A name
    or organization never starts with a number, and a place that does is a ZIP code
    or a street address; nothing real is longer than MAX_TOKENS words, nor runs past a
    field separator ("QUAXLEY^ANA|SEL|19310805" in an HL7 segment).
    """

    MAX_TOKENS = {"PERSON": 8, "ORGANIZATION": 8, "LOCATION": 12}
    _LEADING_NON_WORDS = re.compile(r"(?:[^\w\s]*\d[^\sA-Za-z]*\s+)+")   # "8/2. Michael Lee"
    _LEADING_PUNCT = re.compile(r"[,;:]\s*")                                # ", Springdale"
    _ZIP = re.compile(r"\d{5}(?:-\d{4})?")
    _ADDRESS = re.compile(r"(?i:\d{1,6}[a-z]?(?:-[a-z0-9]+)?(?:\s+1/2)?\s+(?:[nsew]\.?\s+)?)"
                          r"(?:[A-Z][a-z]|(?i:.*\b(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|way|ct|court"
                          r"|pl|place|ter|terrace|pkwy|hwy|cir|circle|sq|suite|apt|unit)\b))")

    def __init__(self, *args, ner_filter: NerFilter | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._filter = ner_filter

    def analyze(self, text, entities, nlp_artifacts=None):
        kept = []
        for r in super().analyze(text, entities, nlp_artifacts):
            if r.entity_type != "LOCATION" and (lead := self._LEADING_NON_WORDS.match(text, r.start, r.end)):
                r.start = lead.end()
            if lead := self._LEADING_PUNCT.match(text, r.start, r.end):
                r.start = lead.end()
            if (pipe := text.find("|", r.start, r.end)) >= 0:
                r.end = pipe         # a field separator ends any name (an HL7 segment, a table's cell)
            if r.start < r.end and self._plausible(r.entity_type, text[r.start:r.end]):
                kept.append(r)
        return self._filter(text, kept) if self._filter else kept

    def _plausible(self, kind: str, value: str) -> bool:
        if len(value.split()) > self.MAX_TOKENS.get(kind, 8):
            return False
        if not value[0].isdigit():
            return True
        return kind == "LOCATION" and bool(self._ZIP.fullmatch(value) or self._ADDRESS.match(value))


class _Analyzer(AnalyzerEngine):
    """Presidio's analyzer minus the lemma-based context enhancement: our recognizers
    apply their context words themselves (gateway/phi/recognizers), and the generic
    pass cost a sixth of detection time, mostly deep-copying results."""

    def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


def build_nlp_engine(model: str | Path | None = None) -> SpacyNlpEngine:
    """Presidio's spaCy engine over the shipped model (or `model`: a package or path)."""
    name = str(model) if model else str(MODEL_DIR)
    if model is None and not (MODEL_DIR / "meta.json").exists():
        raise PhiModelMissing(f"the PHI NER model is missing at {MODEL_DIR}; "
                              "rebuild it with `python -m gateway.phi.training.train`")
    import spacy.util
    if not (spacy.util.is_package(name) or Path(name).exists()):
        # SpacyNlpEngine.load() would try to download it; this environment may not.
        raise PhiModelMissing(f"spaCy model {name!r} is neither an installed package nor a path")
    engine = _NlpEngine(models=[{"lang_code": "en", "model_name": name}],
                            ner_model_configuration=NerModelConfiguration(
                                model_to_presidio_entity_mapping=NER_LABELS,
                                labels_to_ignore=[], default_score=NER_SCORE))
    # Layers keep the ops they were built with. thinc's bundled BLIS multiplies the small
    # matrices of a compact model about 3x slower here than numpy's OpenBLAS (same results).
    from thinc.api import use_ops

    from gateway.phi import biluo  # noqa: F401  (registers the shipped tagger's entity decoder)
    with use_ops("numpy", use_blis=False):
        engine.load()
    if model is None:
        _only_model_attributes(engine.nlp["en"])
    return engine


def _only_model_attributes(nlp) -> None:
    """spaCy computes 23 attributes for every word it has not seen (every name, number and
    misspelling, again in each request's memory zone); the shipped pipeline reads only the
    ones its embedding hashes (and LOWER, which spaCy derives others from)."""
    from spacy.attrs import IDS, LOWER
    used = {LOWER, *(IDS[a] for a in nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"])}
    nlp.vocab.lex_attr_getters = {k: f for k, f in nlp.vocab.lex_attr_getters.items() if k in used}


class _Registry(RecognizerRegistry):
    """Presidio's registry, remembering which recognizers serve a request's entity list:
    Presidio filters all of them on every call (a tenth of a short prompt's detection)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._chosen: dict[tuple, list[EntityRecognizer]] = {}

    def get_recognizers(self, language, entities=None, all_fields=False, ad_hoc_recognizers=None):
        if ad_hoc_recognizers:
            return super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
        # keyed on the recognizers themselves, so adding or removing one is seen
        key = (language, tuple(entities or ()), all_fields, tuple(map(id, self.recognizers)))
        if key not in self._chosen:
            # Presidio returns them from a set, in an order that differs from process to process.
            # Where two recognizers find the same span with the same score, Presidio keeps the
            # first one's result, and only a pattern's is carried through the document
            # (`_from_a_pattern`): so the patterns run first and the NER last, in a fixed order.
            order = {id(r): i for i, r in enumerate(self.recognizers)}
            chosen = super().get_recognizers(language, entities, all_fields)
            self._chosen = {key: sorted(chosen, key=lambda r: (isinstance(r, _NerRecognizer), order[id(r)]))}
        return list(self._chosen[key])


def build_analyzer(model: str | Path | None = None) -> AnalyzerEngine:
    from gateway.phi.recognizers import attach_prefilter, default_recognizers
    registry = _Registry(supported_languages=["en"])
    registry.add_recognizer(_NerRecognizer(supported_language="en", supported_entities=list(NER_KINDS),
                                           ner_filter=ner_filter()))
    recognizers = default_recognizers()
    for recognizer in [*recognizers, NameListRecognizer()]:
        registry.add_recognizer(recognizer)
    analyzer = _Analyzer(nlp_engine=build_nlp_engine(model), registry=registry, supported_languages=["en"])
    # built in the background (a cold cache compiles for most of a minute); until then, and
    # for non-ASCII texts, every pattern scans every text
    analyzer.phi_prefilter = attach_prefilter(recognizers)
    return analyzer


def build_detector(options: "PhiOptions | None" = None):
    """The detector a config asks for (default: Presidio with the shipped model)."""
    from gateway.phi.detector import NullDetector
    from gateway.settings import PhiOptions
    options = options or PhiOptions()
    if options.detector == "none":
        logging.getLogger("medgate").warning(
            "PHI detection is off (medgate.phi.detector: none): requests are forwarded unredacted")
        return NullDetector()
    analyzer = build_analyzer(options.model)
    warm_vocabulary(analyzer, clinical_words())
    return PresidioDetector(analyzer, options.score_threshold, options.timeout_seconds,
                            propagator=build_propagator(), lexicon=ner_filter())


def clinical_words() -> list[str]:
    """Ordinary clinical vocabulary, never PHI: the recognizers' stop words and the words of
    the project's clinical phrase bank."""
    from gateway.phi.recognizers import load_macro_words
    from gateway.phi.training.synth_data.clinical import vocabulary
    return [*load_macro_words("NAME_STOP_WORDS"), *vocabulary()]


@lru_cache(maxsize=1)
def ner_filter() -> NerFilter:
    """The NER filter over the shipped lexicon and the clinical vocabulary: loaded once per
    process (its word sets are read-only), shared by the NER recognizer and the
    `not_a_word` pattern validator; the patterns' kinds of organization are its too."""
    from gateway.phi.recognizers import load_macro_words
    return NerFilter.default(clinical_words(), org_heads=load_macro_words("ORG_HEAD_WORDS"))


def build_propagator() -> Propagator:
    """Clinical words are never carried through a document as names; the NER filter's lexicon
    tells which coordinated words are ordinary."""
    from gateway.phi.recognizers import load_macro_words
    return Propagator(clinical_words(), words=ner_filter(), not_initials=load_macro_words("STATE_CODE"))


def warm_vocabulary(analyzer: AnalyzerEngine, words: list[str]) -> None:
    """Give the ordinary words permanent vocabulary entries before any request: inside a
    memory zone spaCy rebuilds every entry it has not seen before on every call (about a
    fifth of a short prompt's detection time), while names and identifiers must stay
    transient."""
    nlp = getattr(analyzer.nlp_engine, "nlp", {}).get("en")
    if nlp is None:
        return
    from spacy.lang.en.stop_words import STOP_WORDS
    common = [*words, *STOP_WORDS, *map(str, range(101)), *"()[]{}<>.,;:!?'\"-/+=*#%&@~_|"]
    for form in (str.lower, str.title, str.upper):
        nlp.make_doc(" ".join(form(w) for w in common))


class PresidioDetector:
    name = "presidio"

    def __init__(self, analyzer: AnalyzerEngine, score_threshold: float = 0.4,
                 timeout_seconds: float = 5.0, propagator: Propagator | None = None,
                 lexicon: NerFilter | None = None) -> None:
        self._analyzer = analyzer
        self._propagator = propagator
        self._lexicon = lexicon
        # spaCy keeps every string it tokenizes in its vocabulary for the life of the
        # process: patients' names would outlive their request. A memory zone frees
        # what one analysis added.
        # Zones swap the vocabulary's memory pool, so they must not overlap: one analysis at
        # a time per detector (the GIL serialises most of it anyway).
        nlp = getattr(analyzer.nlp_engine, "nlp", {}).get("en")
        self._zone = getattr(nlp, "memory_zone", contextlib.nullcontext)
        prefilter = getattr(analyzer, "phi_prefilter", None)
        self._prefilter_scope = prefilter.scope if prefilter is not None else contextlib.nullcontext
        self._lock = threading.Lock()
        self._threshold = score_threshold
        self._timeout = timeout_seconds
        self._entities = list(KINDS)

    def analyze(self, text: str) -> list[Finding]:
        """Findings in `text`, overlaps merged, offsets into `text` as given."""
        if not text.strip():
            return []
        norm, results = self.results(text)
        return tidy(text, [Finding(r.entity_type, *norm.span(r.start, r.end), r.score) for r in results])

    def results(self, text: str) -> tuple[Normalized, list[RecognizerResult]]:
        """The normalized text and Presidio's results in it, each naming its recognizer,
        before overlaps are merged (what `analyze` reports, explained)."""
        norm = normalize(text)
        with self._lock, self._zone():
            # the text as it is, then identifiers said aloud ("date of birth seven twelve seventy
            # two") read written out; a dictated "comma" is no part of a finding
            results = said(norm.text, self._analyze(norm.text), self._analyze)
        # a name in its own script beside its Latin spelling, before names are carried through
        # the text (the gloss "Marko" found here is then found again in "Marko needs vaccines")
        if self._lexicon is not None:
            results = script_names(norm.text, results, self._lexicon)
        if self._propagator:
            results = self._propagator(norm.text, results, confirmed=_from_a_pattern)
        results = siblings(norm.text, results, confirmed=_from_a_pattern, login=run_together_login)
        return norm, repeats(norm.text, results, confirmed=_from_a_pattern)

    def _analyze(self, text: str) -> list[RecognizerResult]:
        with self._prefilter_scope(text):
            return self._analyzer.analyze(text, language="en", entities=self._entities,
                                          score_threshold=self._threshold)

    async def detect(self, texts: list[str]) -> list[list[Finding]]:
        """All texts of a request analysed as one document (joined by newlines), so an
        identifier split across messages or content parts is still found; findings
        are then cut back to each text."""
        if not any(t.strip() for t in texts):
            return [[] for _ in texts]
        joined = "\n".join(texts)
        async with asyncio.timeout(self._timeout):
            findings = await asyncio.to_thread(self.analyze, joined)
        return split(findings, [len(t) for t in texts])


def _from_a_pattern(result) -> bool:
    """Found by an anchored pattern recognizer, not guessed by the NER model."""
    return result.recognition_metadata.get("recognizer_name") not in (_NerRecognizer.__name__, NAME_LIST, "propagation")


def merge(findings: list[Finding]) -> list[Finding]:
    """Union overlapping findings; the merged span keeps the kind of its best-scoring part."""
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            last = out[-1]
            best = last if last.score >= f.score else f
            out[-1] = Finding(best.type, last.start, max(last.end, f.end), max(last.score, f.score))
        else:
            out.append(f)
    return out


def tidy(text: str, findings: list[Finding]) -> list[Finding]:
    """Findings as the detector returns them: overlaps merged, weekdays joined to their dates,
    whole words, a name's parts joined across its particles, an age of 90 or more beside a name,
    a ZIP code after a place, a given name or surname that is a word too beside a name, a listed
    given name after a surname in capitals and its comma, an organization's "of"/"for" tail."""
    findings = with_org_of(text, with_given_names(text, findings))
    found = merge(whole_words(text, with_weekdays(text, merge(with_zips(text, with_ages(text, findings))))))
    return joined_names(text, merge(with_word_names(text, found)))


# an age of 90 or more right after a name, the way lists and tables give it: "Quaxley (96)",
# "QUAXLEY, E     93  F", "| Ana Quaxley   | 94  |", "Quaxley, Ana, 94, 9:00", "Quaxley, Ana 96  hip fx"
_AGE_AFTER_NAME = re.compile(r"[ \t]*\((9\d|1[01]\d)\)|[ \t]+(9\d|1[01]\d)[ \t]+[MF](?![\w/])"
                             r"|[ \t]*\|[ \t]*(9\d|1[01]\d)[ \t]*\||,[ \t]*(9\d|1[01]\d)(?=,)"
                             r"|[ \t]+(9\d|1[01]\d)(?=[ \t]{2,}\S)")


def with_ages(text: str, findings: list[Finding]) -> list[Finding]:
    """An age of 90 or more next to a name, in parentheses, before the sex or in the next table
    cell: an identifier too (Safe Harbor), which no age pattern's cue ("yo", "age") marks."""
    ages = []
    for f in findings:
        if f.type == "PERSON" and (m := _AGE_AFTER_NAME.match(text, f.end)):
            # each alternative holds one group: the one that matched is the last
            ages.append(Finding("AGE", m.start(m.lastindex), m.end(m.lastindex), f.score))
    return findings + ages if ages else findings


# a ZIP code right after a place, maybe after its state or in parentheses: "Quaxton 85041",
# "Quaxton HI 96744", "Quaxton (68104)"
_ZIP_AFTER_PLACE = re.compile(r"(?:,?[ \t]+(?:[A-Z]{2}[ \t]+)?|[ \t]*\()(\d{5}(?:-\d{4})?)(?![\d-])")


def with_zips(text: str, findings: list[Finding]) -> list[Finding]:
    """A five-digit number right after a place is its ZIP code: no pattern's cue marks it where
    the town, not a street address, comes before it ("moved to Quaxton (78577)")."""
    zips = [Finding("LOCATION", m.start(1), m.end(1), f.score) for f in findings
            if f.type == "LOCATION" and (m := _ZIP_AFTER_PLACE.match(text, f.end))]
    return findings + zips if zips else findings


# a word right before or after a finding, one space apart
_WORD_BEFORE_NAME = re.compile(r"(?<![\w'’.-])([^\W\d_]+)[ ]\Z")
_WORD_AFTER_NAME = re.compile(r"[ ]([^\W\d_]+)(?![\w'’-])")


def with_word_names(text: str, findings: list[Finding]) -> list[Finding]:
    """A given name that is a word too right before a found name ("Hope Quaxley", "pt: mercy
    quaxley-owusu"), a surname that is a word too right after one ("rhonda king", "Quella
    Friend"): written as the name is (capitalized, in capitals or in lower case), they are its
    parts. Alone such words stay words ("hope", "king size"), and a relation's or a title's
    word before a name is no given name ("FRIEND QUELLA", "Bishop Quaxley")."""
    given, surnames, after_a_name = word_names()
    out = []
    for f in findings:
        if f.type == "PERSON":
            first = text[f.start:f.end].split(maxsplit=1)[0]
            if (m := _WORD_BEFORE_NAME.search(text, max(0, f.start - 30), f.start)) and \
                    m.group(1).lower() in given and _same_case(m.group(1), first):
                f = Finding(f.type, m.start(1), f.end, f.score)
            if (m := _WORD_AFTER_NAME.match(text, f.end)) and \
                    ((w := m.group(1).lower()) in surnames or w in after_a_name) and _same_case(m.group(1), first):
                f = Finding(f.type, f.start, m.end(1), f.score)
        out.append(f)
    return out


# a given name in capitals after a surname's comma, and a second given name ("QUAXLEY, ROSANGELA seq 9",
# "QUENBY, XIU YING CRG2201"); the name list decides
_GIVEN_AFTER_COMMA = re.compile(r",[ ]?([A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?)(?:[ ]([A-Z][A-Z'’]+))?(?![\w'’-])")


def with_given_names(text: str, findings: list[Finding]) -> list[Finding]:
    """A surname found alone in capitals, its comma and a given name in capitals that the name
    list (or word-names.txt's given names) has, or that no word list has: "NAKAGAWA-QUENBY, EMI",
    "QUAXLEY, ROSANGELA". The lists decide, so a word or a credential after a comma stays out
    ("QUAXLEY, RN", "QUAXLEY, SITTER REQUESTED")."""
    names = None
    out = []
    for f in findings:
        if f.type == "PERSON" and (m := _GIVEN_AFTER_COMMA.match(text, f.end)):
            name = text[f.start:f.end]
            if name.isupper() and "," not in name and not any(c.isspace() for c in name.strip()):
                names = names or ner_filter()
                parts = m.group(1).split("-")
                if any(_given(names, p) for p in parts) and all(_given(names, p) or not names.is_word(p) for p in parts):
                    end = m.end(2) if m.group(2) and _given(names, m.group(2)) else m.end(1)
                    f = Finding(f.type, f.start, end, f.score)
        out.append(f)
    return out


# an organization named for what or where it serves, after a head word the NER cut it at:
# "Quaxley Institute for Human Genetics", "Mental Health America of Quaxton County"; the tail in
# Title Case, no month or weekday, and not a reason run on into prose ("Quaxley Hospital for
# Whipple procedure": a hospital is "of" a place, an institute "for" a purpose). Not in capitals,
# where every word is capitalized ("CALVERT HOSPITAL FOR MENTAL STATUS CHANGES").
_OF_HEAD = re.compile(r"(?:Hospital|Clinic|Home|House|Sisters|Friends|America|Board|Division|Department|Dept\.?|Office"
                      r"|Bureau|Commission|University|College|School|Academy|(?P<purpose>Institute|Center|Centre|Society"
                      r"|Association|Congress|Foundation|Council|Alliance|Coalition|Network))\Z")
_OF_TAIL = re.compile(r"[ ](?:(?P<for>for)|of|of[ ]the)[ ](?!(?:January|February|March|April|May|June|July|August|September"
                      r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                      r"[A-Z][a-z][\w'’-]*(?:[ ](?:[A-Z][a-z][\w'’-]*|&|and(?=[ ][A-Z])))*"
                      r"(?(for)(?![\w'’-]|[ ][a-z])|(?![\w'’-]))")


def with_org_of(text: str, findings: list[Finding]) -> list[Finding]:
    """An organization found up to a head word, and its "of"/"for" tail ("Quaxley Institute" +
    " for Human Genetics"): the tail's words are its name's."""
    out = []
    for f in findings:
        if f.type == "ORGANIZATION" and (h := _OF_HEAD.search(text, f.start, f.end)) is not None \
                and (m := _OF_TAIL.match(text, f.end)) is not None and (h.group("purpose") or not m.group("for")):
            f = Finding(f.type, f.start, m.end(), f.score)
        out.append(f)
    return out


def _given(names: NerFilter, word: str) -> bool:
    """A given name the list has, or a word no list has ("ROSANGELA", "ISATU")."""
    return names.is_listed_name(word) or word.lower() in word_names()[0] or (len(word) > 2 and names.is_unknown(word))


def _same_case(word: str, name: str) -> bool:
    """Written as the name is: both capitalized, both in capitals or both in lower case."""
    if word.isupper() or name.isupper():
        return word.isupper() and name.isupper()
    return word[:1].isupper() == name[:1].isupper()


# the particles of a surname or a compound given name, between two parts of one name
_PARTICLES_BETWEEN = re.compile(
    r"[ \t]+(?i:de|del|de[ \t]+la|de[ \t]+los|de[ \t]+las|los|las|la|van|von|van[ \t]+der|van[ \t]+den|der|den"
    r"|da|di|du|dos|das|bin|ibn|bint)[ \t]+")


# a surname's particle opening a field, before the rest of the name: '"VAN DER QUAXLEY, ANA"',
# "|DE LA QUENBY^ANA^E|", '"De la Quaxley Ramírez, Jorge"'; written as names are (not "de" in Spanish prose)
_PARTICLE_OPENING = re.compile(
    r"(?:^|(?<=[\"'|^:;,(\t])|(?<=[ ]{2}))[ ]?((?-i:Van|VAN|Von|VON|De|DE|Del|DEL|Della|DELLA|Di|DI|Da|DA|Du|DU|Bin|BIN"
    r"|Ibn|IBN|Al|AL|El|EL|La|LA|Le|LE|Ten|TEN|Dos|DOS)[ ](?:(?-i:der|DER|den|DEN|la|LA|las|LAS|los|LOS)[ ])?)\Z",
    re.MULTILINE)


# "Makai Women's and Children's Hospital": an organization's name joined by "and" after a
# possessive (two organizations listed, "Oakdale Post-Acute and Riverbank Health", stay two)
_AND_BETWEEN = re.compile(r"['’]s[ \t]+(?:and|&)[ \t]+")
# "Maple Crest Nursing and Rehabilitation": what else it is, after "and"
_AND_HEAD = re.compile(r"[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+)(?![\w'’-])")


def joined_names(text: str, findings: list[Finding]) -> list[Finding]:
    """Two parts of a name found apart ("María de" and "Ángeles Cuxil" around "los") are one
    name with the particle between them: the particle alone would tell which name it was; so is
    a particle opening a field before a name ('"VAN DER QUAXLEY, ANA"'). So
    are the parts of an organization's name around "and", and a kind of organization after it
    ("Nursing and Rehabilitation")."""
    out: list[Finding] = []
    for f in findings:
        last = out[-1] if out else None
        if last is not None and f.type == last.type and (
                (f.type == "PERSON" and _PARTICLES_BETWEEN.fullmatch(text, last.end, f.start))
                or (f.type == "ORGANIZATION" and _AND_BETWEEN.fullmatch(text, last.end, f.start))):
            out[-1] = Finding(f.type, last.start, f.end, max(last.score, f.score))
            continue
        if f.type == "PERSON" and (m := _PARTICLE_OPENING.search(text, max(0, f.start - 12), f.start)):
            f = Finding(f.type, m.start(1), f.end, f.score)
        if f.type == "ORGANIZATION":
            while (m := _AND_HEAD.match(text, f.end)) and m.group(1).lower() in ORG_HEADS:
                f = Finding(f.type, f.start, m.end(), f.score)
        out.append(f)
    return out


_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?"
_WEEKDAY_BEFORE = re.compile(rf"(?i)\b{_WEEKDAY}\.?,?[ \t]+$")
# "03/14/2025 (FRI)", "3/21 (Fri)", "2025-07-03 (Thursday)"; without parentheses only written as a
# weekday's name is ("09/29 Mon", "7/13 SUN"; not "10/5 sun exposure")
_WEEKDAY_TITLE = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?"
_WEEKDAY_AFTER = re.compile(
    rf"(?i)[ \t]*\([ \t]*{_WEEKDAY}\.?[ \t]*\)|[ \t]{{1,2}}(?-i:{_WEEKDAY_TITLE}|{_WEEKDAY_TITLE.upper()})\.?(?![\w-])")


def with_weekdays(text: str, findings: list[Finding]) -> list[Finding]:
    """A weekday written against a date ("Sunday 6/28", "Wed, Dec 20", "3/21 (Fri)") is part of
    the date."""
    out = []
    for f in findings:
        if f.type == "DATE":
            if m := _WEEKDAY_BEFORE.search(text, max(0, f.start - 12), f.start):
                f = Finding(f.type, m.start(), f.end, f.score)
            if m := _WEEKDAY_AFTER.match(text, f.end):
                f = Finding(f.type, f.start, m.end(), f.score)
        out.append(f)
    return out


_WORD_CHAR = re.compile(r"[^\W_]")
# the lowercase second syllable of a romanized given name ("Sung-min Park", "Jae-won,"), not a
# dash used as punctuation ("son Rob-who states", "Dr. Rockwood-thinking is"); a syllable that
# Korean and Chinese given names end with is one wherever the text goes on ("Jae-hyun asks",
# "Kim Soo-ah <sooah@...>")
_NAME_TAIL = re.compile(r"-[^\W\d_A-Z]{2,5}(?=[ \t]*(?:[,.;:)]|$)|[ \t]+[A-Z])", re.MULTILINE)
_SYLLABLE_TAIL = re.compile(r"""(?i)-(?:a|ae|ah|bin|bok|chan|cheuk|chi|chul|chun|eun|fai|fong|fung|gyu|ha|hee|hing|ho|hoi|hoon|hun|hwa|hwan
    |hye|hyuk|hyun|il|in|ja|jae|ji|jin|joo|joon|jun|jung|ka|kam|kei|keung|kwan|kwok|kyu|kyung|lan|lin
    |ling|lok|man|mei|mi|min|ming|mui|na|ngai|pui|ran|ri|rim|seo|seok|seon|shing|sik|siu|sol|song|soo|su
    |sub|sun|sung|sze|tai|tak|wah|wai|wei|won|woo|wook|yan|yau|yee|yeon|yin|ying|yiu|yong|yoon|young|yuk
    |yun)(?![\w'’-])""", re.VERBOSE)
# a surname and its comma before an initial ("Uzoma, N (BU5531072)", "HOLLOWAY, BRITTANY S   CCR-")
_INITIAL_AFTER = re.compile(r"(?:,[ \t]*|[ ])[A-Z]\.?(?![\w&'’-]|\.\w)")


def whole_words(text: str, findings: list[Finding]) -> list[Finding]:
    """A finding that starts or ends inside a word takes the whole word: "QUARTERMAIN7" (a ward
    and its floor, written as one), "0142x12". Half a word redacted still shows the other half."""
    out = []
    for f in findings:
        start, end = f.start, f.end
        while start > 0 and _WORD_CHAR.match(text, start - 1) and _WORD_CHAR.match(text, start):
            start -= 1
        while end < len(text) and _WORD_CHAR.match(text, end) and _WORD_CHAR.match(text, end - 1):
            end += 1
        if f.type == "PERSON":      # a hyphenated given name is one word
            while ((m := _NAME_TAIL.match(text, end) or _SYLLABLE_TAIL.match(text, end)) is not None
                   and _WORD_CHAR.match(text, end - 1)):
                end = m.end()
            if (m := _INITIAL_AFTER.match(text, end)) and _surname_first(text[start:end], m.group()):
                end = m.end()
        out.append(f if (start, end) == (f.start, f.end) else Finding(f.type, start, end, f.score))
    return out


def _surname_first(name: str, initial: str) -> bool:
    """Whether an initial after `name` is its middle initial: after "Surname, Given" or "SURNAME,
    GIVEN" ("HOLLOWAY, BRITTANY S"), or a comma after a lone surname ("Uzoma, N"); "I" after a
    comma is the pronoun ("Smith, I think")."""
    if (initial.startswith(",") and initial.lstrip(", \t").startswith("I")) or re.search(r"\b[A-Z]\.?$", name):
        return False        # the pronoun; or the name already ends with its initial
    if initial.startswith(","):
        return "," not in name and " " not in name.strip()
    return "," in name or (name.isupper() and " " in name)


def split(findings: list[Finding], lengths: list[int]) -> list[list[Finding]]:
    per_text: list[list[Finding]] = [[] for _ in lengths]
    offset = 0
    for i, n in enumerate(lengths):
        for f in findings:
            s, e = max(f.start, offset), min(f.end, offset + n)
            if s < e:
                per_text[i].append(Finding(f.type, s - offset, e - offset, f.score))
        offset += n + 1   # the joining newline
    return per_text
