"""Cost of a call from litellm's bundled cost map (LITELLM_LOCAL_MODEL_COST_MAP: never
fetched). Prices are looked up once per model: litellm's own cost_per_token takes
~0.1 ms a call, and prints to stdout for a model it does not know."""
from __future__ import annotations

import os
from functools import lru_cache


def load_prices() -> None:
    """Import litellm and its cost map now. It takes seconds; the gateway calls this at start
    (in a thread), or the first request to finish would import it inside the event loop and
    stall every request in flight."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm  # noqa: F401


@lru_cache(maxsize=512)
def _prices(model: str) -> tuple[float, float] | None:
    load_prices()
    import litellm
    bare = model.split("/", 1)[1] if "/" in model else model
    for name in (model, bare):
        info = litellm.model_cost.get(name)
        if info and "input_cost_per_token" in info:
            return float(info["input_cost_per_token"]), float(info.get("output_cost_per_token") or 0.0)
    return None


def cost_usd(model: str | None, prompt_tokens: int | None, completion_tokens: int | None) -> float | None:
    """None when the model has no price in the map (local or private models)."""
    if not model or (prompt_tokens is None and completion_tokens is None):
        return None
    prices = _prices(model)
    if prices is None:
        return None
    return round((prompt_tokens or 0) * prices[0] + (completion_tokens or 0) * prices[1], 10)
