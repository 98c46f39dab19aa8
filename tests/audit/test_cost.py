"""Cost from litellm's bundled cost map: priced models get a cost, unknown ones None,
and an unknown model prints nothing (litellm's own lookup writes to stdout)."""
from __future__ import annotations

import litellm

from gateway.audit.cost import cost_usd


def test_priced_model(capsys):
    prices = litellm.model_cost["gpt-4o-mini"]
    expected = 1000 * prices["input_cost_per_token"] + 200 * prices["output_cost_per_token"]
    assert cost_usd("openai/gpt-4o-mini", 1000, 200) == round(expected, 10) > 0
    assert cost_usd("gpt-4o-mini", 1000, None) == round(1000 * prices["input_cost_per_token"], 10)


def test_unpriced_or_unused(capsys):
    assert cost_usd("medgate/simulator", 50, 20) is None     # local model: no price
    assert cost_usd("openai/gpt-4o-mini", None, None) is None  # no usage reported
    assert cost_usd(None, 10, 10) is None
    assert capsys.readouterr().out == ""
