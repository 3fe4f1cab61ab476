"""Tiers 3 and 4: certified bounds (interval arithmetic) and the PyTorch oracle.

A claim provides the work as a hook (``claim.certified`` / ``claim.oracle``);
the hook returns a mapping with the keys of :class:`~convproof.verify.results.Evidence`
(``method``, ``passed``, and optionally ``samples``, ``max_abs_error``,
``tolerance``, ``detail``) plus an optional ``counterexample``; ``primary: True``
makes that counterexample the verdict's (it is the worst case, say), where
otherwise the first failing tier's is shown. The oracle
hook returns ``None`` when PyTorch is not installed: the tier is then skipped,
never failed.
"""

from __future__ import annotations

import importlib.util

import numpy as np

from ...derivations.claim import Claim
from ..results import Evidence

__all__ = ["certified_tier", "custom_tier", "oracle_tier", "torch_available"]


def torch_available() -> bool:
    """True when PyTorch can be imported (the optional ``[torch]`` extra)."""
    return importlib.util.find_spec("torch") is not None


def _wrap(tier: str, result: dict) -> tuple[Evidence, dict | None]:
    fields = {key: result[key] for key in ("samples", "max_abs_error", "tolerance", "detail") if key in result}
    counterexample = result.get("counterexample")
    if counterexample is not None and result.get("primary"):
        counterexample = {**counterexample, "primary": True}
    return Evidence(tier, result["method"], result["passed"], **fields), counterexample


def certified_tier(claim: Claim) -> tuple[Evidence, dict | None]:
    """Run the claim's certified-bound hook (python-flint's Arb)."""
    return _wrap("certified", claim.certified())


def oracle_tier(claim: Claim, size: int, rng: np.random.Generator) -> tuple[Evidence, dict | None]:
    """Run the claim's PyTorch hook on random instances, or record that it was skipped."""
    if not torch_available():
        return Evidence("oracle", "PyTorch not installed: skipped", None), None
    result = claim.oracle(size, rng)
    if result is None:
        return Evidence("oracle", "PyTorch not installed: skipped", None), None
    return _wrap("oracle", result)


def custom_tier(tier: str, hook, size: int, rng: np.random.Generator) -> tuple[Evidence, dict | None]:
    """Run one of the claim's further checks (``claim.checks``)."""
    return _wrap(tier, hook(size, rng))
