"""Tier 1: symbolic equality of each claimed part with the reference."""

from __future__ import annotations

import sympy as sp

from ...derivations.claim import Claim
from ...derivations.outcome import Outcome

__all__ = ["ReferenceMismatch", "check_alternatives", "symbolic_tier", "zero_test"]


class ReferenceMismatch(RuntimeError):
    """Two of our own derivations disagree: a bug in convproof, not a verdict."""


def _components(expr) -> list:
    return list(expr) if isinstance(expr, (sp.Tuple, tuple)) else [expr]


def zero_test(difference: sp.Basic) -> bool | None:
    """True if ``difference`` is provably 0, False if provably not, None if undecided."""
    difference = sp.sympify(difference)
    if difference == 0:
        return True
    simplified = sp.simplify(difference)
    if simplified == 0:
        return True
    if simplified.is_number:
        return bool(abs(complex(simplified.evalf())) < 1e-300) if simplified.is_finite else False
    decided = simplified.equals(0)
    if decided is False and simplified.has(sp.Piecewise, sp.Max, sp.Min, sp.Heaviside):
        # equals() errs on kinks: Piecewise((0, x > 0), (-x, x >= 0), (0, True)) is 0 everywhere (ReLU written
        # with x > 0 minus ReLU written with x >= 0), and so is (x - Max(0, x))*Max(0, x), yet it may answer
        # False (for the latter, depending on the hash seed); the sampled tier decides instead
        return None
    return decided


def _equal(a, b) -> bool | None:
    ca, cb = _components(a), _components(b)
    if len(ca) != len(cb):
        return False
    results = [zero_test(x - y) for x, y in zip(ca, cb, strict=False)]
    if any(r is False for r in results):
        return False
    return True if all(results) else None


def check_alternatives(claim: Claim) -> list[Outcome]:
    """Each alternative derivation must equal the reference, or convproof has a bug."""
    out = []
    for method, alternative in claim.alternatives:
        if _equal(alternative, claim.reference) is not True:
            raise ReferenceMismatch(f"{claim.id}: reference {claim.reference} disagrees with {method}: {alternative}")
        out.append(Outcome(f"reference agrees with {method}", True))
    return out


def symbolic_tier(claim: Claim) -> Outcome:
    """simplify(claimed - reference) for every part of the claim, or the claim's own prover."""
    if claim.prover is not None:
        return claim.prover()
    results = {label: _equal(part, claim.reference) for label, part in claim.claimed}
    failed = [label for label, r in results.items() if r is False]
    undecided = [label for label, r in results.items() if r is None]
    if failed:
        return Outcome("simplify(claimed - reference)", False, detail=f"differs: {', '.join(failed)}")
    if undecided:
        return Outcome("simplify(claimed - reference)", None, detail=f"undecided: {', '.join(undecided)}")
    return Outcome("simplify(claimed - reference) = 0", True, detail=f"{len(results)} part(s) proven")
