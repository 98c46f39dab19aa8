"""Fixtures shared by the PHI tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def detector():
    """The default detector, built once for the whole run: building one loads the NER model,
    warms its vocabulary and attaches the prefilter (about 12 s). Tests of how a detector is
    built build their own."""
    from gateway.phi.engine import build_detector
    return build_detector()
