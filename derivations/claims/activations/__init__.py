"""Q1(b) and both activation charts: the report's activation functions as it writes them.

The references are :mod:`convproof.derivations.lib.activations` (PyTorch's
definitions). The claims are built in :mod:`.text` (Q1(b), ReLU to SELU),
:mod:`.selu` (SELU's constants), :mod:`.gelu` (GELU, with the certified bounds
of :mod:`convproof.derivations.lib.gelu_bounds`) and :mod:`.charts` (both charts).
"""

from __future__ import annotations

from ...claim import Claim
from . import charts, gelu, selu, text

__all__ = ["TOPIC", "claims"]

TOPIC = "activations"


def claims() -> tuple[Claim, ...]:
    """Every claim of this topic: Q1(b)'s text, SELU's constants, GELU, both charts."""
    return (*text.claims(), *selu.claims(), *gelu.claims(), *charts.claims())
