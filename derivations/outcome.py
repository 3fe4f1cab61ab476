"""What a check found: the typed result every hook and every tier returns.

A check (a claim's hook, or a tier of :mod:`convproof.verify`) returns an
:class:`Outcome`; when it finds the claim false it names one instance, a
:class:`Counterexample`. The runner reads their fields to decide a verdict and
the renderers read them to write it; neither builds or parses a dict.

>>> ce = Counterexample({"x": -1.0}, claimed=0.0, reference=-0.01, part="f(x)")
>>> Outcome("grid", passed=False, samples=9, counterexample=ce).counterexample.part
'f(x)'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Counterexample", "Outcome"]


@dataclass(frozen=True)
class Counterexample:
    """One instance where a claim fails.

    Attributes:
        instance: the values of the claim's symbols (name -> number), empty when the
            claim has none (a layer table's cell, a constant).
        claimed: what the claim gives there (a number, a list of numbers, a shape).
        reference: what the reference gives there; a pair (low, high) for a bracket test.
        part: which claimed part failed (``side 2``, a cell's label), when the claim has several.
    """

    instance: Mapping[str, Any] = field(default_factory=dict)
    claimed: Any = None
    reference: Any = None
    part: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The record of ``convproof verify --json`` (``values`` holds the instance)."""
        record = {"values": dict(self.instance), "claimed": self.claimed, "reference": self.reference}
        if self.part is not None:
            record["part"] = self.part
        return record


@dataclass(frozen=True)
class Outcome:
    """What one check did and found.

    Attributes:
        method: how the check was made, in a few words (``central differences, h = 1e-5``).
        passed: True, False, or None when the check ran but could not decide.
        samples: the number of instances it looked at, when it sampled.
        max_abs_error: the largest |claimed - reference| it saw.
        tolerance: the tolerance it applied, as text (``rtol=1e-9, atol=1e-12``).
        detail: one sentence on what it found.
        counterexample: an instance where the claim fails (only when ``passed`` is False).
        worst_case: True when the counterexample is the point of largest disagreement:
            the verdict then shows it rather than the first failing tier's.
        bound: a certified upper bound on |claimed - reference| over the claim's whole
            domain (interval arithmetic plus a proven tail), when the check computed one.
            A claim that fails as an identity but has such a bound is an approximation.
    """

    method: str
    passed: bool | None
    samples: int | None = None
    max_abs_error: float | None = None
    tolerance: str | None = None
    detail: str = ""
    counterexample: Counterexample | None = None
    worst_case: bool = False
    bound: float | None = None
