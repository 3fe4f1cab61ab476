"""Q1(b) and both activation charts: the report's activation functions as it writes them.

The references are :mod:`convproof.derivations.lib.activations` (PyTorch's
definitions). The claims are built in :mod:`.text` (Q1(b), ReLU to SELU),
:mod:`.selu` (SELU's constants), :mod:`.gelu` (GELU, with the certified bounds
of :mod:`convproof.derivations.lib.gelu_bounds`) and :mod:`.charts` (both charts).
Every claim of the topic answers Q1, part b (the charts are in that part); it is
set here, once, for all of them.
"""

from __future__ import annotations

from dataclasses import replace

from ...claim import Claim
from . import charts, gelu, selu, text

__all__ = ["PART", "QUESTION", "TOPIC", "claims"]

TOPIC = "activations"
QUESTION, PART = "Q1", "b"


def claims() -> tuple[Claim, ...]:
    """Every claim of this topic: Q1(b)'s text, SELU's constants, GELU, both charts."""
    built = (*text.claims(), *selu.claims(), *gelu.claims(), *charts.claims())
    for claim in built:
        if not claim.where.startswith(f"{QUESTION}({PART})"):
            raise RuntimeError(f"{claim.id} is placed at {claim.where!r}, outside {QUESTION}({PART})")
    return tuple(replace(claim, question=QUESTION, part=PART) for claim in built)
