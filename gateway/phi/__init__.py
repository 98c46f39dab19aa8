"""PHI detection and reversible redaction.

The pipeline sees only this surface: `text_slots` finds every place in a request
where text can hide, a `Detector` reports findings per slot, and `redact`
returns the outbound request plus a per-request `Vault` that restores replies.
"""
from gateway.phi.detector import Detector, Finding, NullDetector, summarize
from gateway.phi.redact import Vault, redact
from gateway.phi.slots import TextSlot, text_slots

__all__ = ["Detector", "Finding", "NullDetector", "summarize", "Vault", "redact", "TextSlot", "text_slots"]
