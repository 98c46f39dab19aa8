"""The eval suites by name."""
from __future__ import annotations

from pathlib import Path

from evalsuites.datasets import DATA_DIR
from evalsuites.suites.base import Suite, SuiteResult
from evalsuites.suites.bias import BiasSuite
from evalsuites.suites.fairness import FairnessSuite
from evalsuites.suites.hallucination import HallucinationSuite

SUITES = {"hallucination": HallucinationSuite, "bias": BiasSuite, "fairness": FairnessSuite}

__all__ = ["SUITES", "Suite", "SuiteResult", "get_suite"]


def get_suite(name: str, data_dir: Path = DATA_DIR) -> Suite:
    try:
        return SUITES[name](data_dir=data_dir)
    except KeyError:
        raise ValueError(f"unknown suite {name!r}; choose from {', '.join(SUITES)}") from None
