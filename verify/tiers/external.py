"""Tiers 3 and 4, and a claim's own checks: run the claim's hooks.

A claim provides the work as hooks (``claim.certified``, ``claim.oracle``,
``claim.checks``); each returns an :class:`~convproof.derivations.outcome.Outcome`.
The oracle hook returns ``None`` when PyTorch is not installed: the tier is
then skipped, never failed.
"""

from __future__ import annotations

import numpy as np

from ...derivations.checks.torch_oracle import have_torch
from ...derivations.claim import Claim
from ...derivations.outcome import Outcome

__all__ = ["SKIPPED", "certified_tier", "custom_tier", "oracle_tier"]

SKIPPED = Outcome("PyTorch not installed: skipped", None)


def certified_tier(claim: Claim) -> Outcome:
    """Run the claim's certified-bound hook (python-flint's Arb)."""
    return claim.certified()


def oracle_tier(claim: Claim, size: int, rng: np.random.Generator) -> Outcome:
    """Run the claim's PyTorch hook on random instances, or record that it was skipped."""
    if not have_torch():
        return SKIPPED
    outcome = claim.oracle(size, rng)
    return SKIPPED if outcome is None else outcome


def custom_tier(hook, size: int, rng: np.random.Generator) -> Outcome:
    """Run one of the claim's further checks (``claim.checks``)."""
    return hook(size, rng)
