"""Declarative Presidio pattern recognizers for the HIPAA Safe Harbor identifiers
that patterns, context and validators can find (see patterns.yaml).

    from gateway.phi.recognizers import load_recognizers, blank_analyzer
    analyzer = blank_analyzer()                 # offline: spacy.blank("en"), only these recognizers
    analyzer.analyze("Call 617-555-0123", language="en")
"""
from gateway.phi.recognizers.loader import (
    DEFAULT_PATTERNS,
    ContextPatternRecognizer,
    RecognizerConfigError,
    attach_prefilter,
    blank_analyzer,
    blank_nlp_engine,
    build_recognizer,
    build_recognizers,
    default_recognizers,
    load_macro_words,
    load_recognizers,
)
from gateway.phi.recognizers.validators import VALIDATORS

__all__ = [
    "DEFAULT_PATTERNS", "ContextPatternRecognizer", "RecognizerConfigError", "VALIDATORS",
    "attach_prefilter", "blank_analyzer", "blank_nlp_engine", "build_recognizer", "build_recognizers", "default_recognizers", "load_macro_words", "load_recognizers",
]
