"""The detectors the PHI benchmark compares, each built offline.

Every builder returns ``(analyze, info)``: ``analyze(text) -> list[(type, start, end,
score)]`` with Python str offsets, and ``info`` a small dict of facts about the build
that the report may show (never any text).

Imported only by ``worker.py``, i.e. inside the process whose CPU time is measured.
"""
from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path
from typing import Callable

Analyze = Callable[[str], list[tuple[str, int, int, float]]]

MEDGATE = "medgate"
STOCK = "presidio-stock"
STOCK_MEDGATE_NER = "presidio-stock+medgate-ner"
ALL = (MEDGATE, STOCK, STOCK_MEDGATE_NER)


class Unavailable(RuntimeError):
    """The detector cannot be built in this checkout (yet): reported, not fatal."""


def _offline_tldextract() -> str:
    """Presidio's EmailRecognizer validates matches with ``tldextract.extract``, whose
    module-level extractor fetches the public suffix list from the internet on first
    use. Replace it with one that reads only the snapshot bundled with tldextract and
    caches nothing on disk."""
    import tldextract
    import tldextract.tldextract as tx
    tx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None,
                                             fallback_to_snapshot=True)
    return "tldextract: bundled public-suffix snapshot (suffix_list_urls=())"


def _blank_spacy_engine():
    """A Presidio SpacyNlpEngine over ``spacy.blank("en")``: a tokenizer, no NER.
    SpacyNlpEngine.load() only downloads a model that is neither a package nor a path,
    so the blank pipeline is written to a temporary directory and loaded from there."""
    import spacy
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    path = Path(tempfile.mkdtemp(prefix="phi-bench-blank-en-"))
    spacy.blank("en").to_disk(path)
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(path)}])
    engine.load()
    return engine


def _stock_analyzer(nlp_engine):
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
    names = sorted({type(r).__name__ for r in registry.recognizers})
    return analyzer, names


def _presidio_analyze(analyzer) -> Analyze:
    def analyze(text: str):
        # Presidio's defaults: all entities, score_threshold 0 (every result counts).
        return [(r.entity_type, r.start, r.end, float(r.score))
                for r in analyzer.analyze(text, language="en")]
    return analyze


def build_stock() -> tuple[Analyze, dict]:
    note = _offline_tldextract()
    analyzer, names = _stock_analyzer(_blank_spacy_engine())
    return _presidio_analyze(analyzer), {
        "nlp": 'spacy.blank("en") (tokenizer only, no NER)', "recognizers": names,
        "score_threshold": 0.0, "notes": [note]}


def _medgate_engine_module():
    if importlib.util.find_spec("gateway.phi.engine") is None:
        raise Unavailable("gateway.phi.engine does not exist")
    import gateway.phi.engine as engine
    return engine


def build_stock_medgate_ner() -> tuple[Analyze, dict]:
    engine = _medgate_engine_module()
    if not hasattr(engine, "build_nlp_engine"):
        raise Unavailable("gateway.phi.engine has no build_nlp_engine()")
    note = _offline_tldextract()
    try:
        nlp_engine = engine.build_nlp_engine()
    except Exception as exc:  # e.g. PhiModelMissing while the model is being trained
        raise Unavailable(f"build_nlp_engine() failed: {type(exc).__name__}: {exc}") from exc
    analyzer, names = _stock_analyzer(nlp_engine)
    return _presidio_analyze(analyzer), {
        "nlp": "gateway.phi.engine.build_nlp_engine()", "recognizers": names,
        "score_threshold": 0.0, "notes": [note]}


def build_medgate() -> tuple[Analyze, dict]:
    engine = _medgate_engine_module()
    try:
        if hasattr(engine, "build_detector"):
            det = engine.build_detector()
            via = "gateway.phi.engine.build_detector()"
        else:
            # What `medgate phi detect` builds: the configured medgate.phi options with the
            # Presidio detector forced on (gateway/cli.py, _phi_detector).
            from gateway.app import build_detector
            from gateway.settings import Settings, load_config
            options = load_config(Settings().config).medgate.phi
            det = build_detector(options.model_copy(update={"detector": "presidio"}))
            via = ("gateway.app.build_detector(medgate.phi options, detector=presidio), as "
                   "`medgate phi detect` does (gateway.phi.engine.build_detector() does not exist)")
    except Exception as exc:
        raise Unavailable(f"building the detector failed: {type(exc).__name__}: {exc}") from exc
    if not hasattr(det, "analyze"):
        raise Unavailable(f"{type(det).__name__} has no analyze(text)")
    # The pattern prefilter compiles in the background (most of a minute on a cold cache):
    # measure the detector as a warm gateway runs it.
    prefilter = getattr(getattr(det, "_analyzer", None), "phi_prefilter", None)
    prefilter_ready = prefilter.wait() if prefilter is not None else None

    def analyze(text: str):
        return [(f.type, f.start, f.end, float(f.score)) for f in det.analyze(text)]

    info: dict = {"class": type(det).__name__, "via": via, "pattern_prefilter": prefilter_ready}
    for attr in ("_threshold", "score_threshold", "threshold"):
        if isinstance(getattr(det, attr, None), (int, float)):
            info["score_threshold"] = float(getattr(det, attr))
            break
    return analyze, info


BUILDERS = {MEDGATE: build_medgate, STOCK: build_stock, STOCK_MEDGATE_NER: build_stock_medgate_ner}
