"""Tier hooks for claims that bring their own symbolic proof or are about general sizes."""

from __future__ import annotations

import numpy as np
import sympy as sp

from convproof.derivations.claim import Claim, reals
from convproof.derivations.outcome import Outcome
from convproof.verify.tiers.sampled import sampled_tier
from convproof.verify.tiers.symbolic import symbolic_tier, zero_test

x = sp.Symbol("x", real=True)


def test_symbolic_tier_runs_the_claims_prover_instead_of_simplify():
    calls = []

    def prover():
        calls.append(1)
        return Outcome("by cases", False, detail="differs on x < 0")

    claim = Claim(id="t.prover", where="test", source="x", claimed=(("side 2", x),), reference=x, prover=prover)
    evidence = symbolic_tier(claim)
    assert calls == [1]
    assert (evidence.method, evidence.passed, evidence.detail) == ("by cases", False, "differs on x < 0")


def test_without_a_prover_simplify_decides():
    claim = Claim(id="t.plain", where="test", source="x", claimed=(("side 2", 2 * x),), reference=x + x)
    assert symbolic_tier(claim).passed is True


def test_indexed_claims_are_not_sampled():
    alpha, j, m = sp.IndexedBase("alpha"), sp.Symbol("j", integer=True), sp.Symbol("m", integer=True)
    total = sp.Sum(alpha[j], (j, 1, m))
    claim = Claim(id="t.general", where="test", source="x", claimed=(("side 2", total),), reference=total)
    outcome = sampled_tier(claim, 10, np.random.default_rng(0))
    assert outcome.passed is None and outcome.counterexample is None
    assert "general-size" in outcome.detail


def test_plain_claims_are_still_sampled():
    claim = Claim(
        id="t.sampled", where="test", source="x", claimed=(("side 2", x + 1),), reference=x, domain={x: reals(-1, 1)}
    )
    outcome = sampled_tier(claim, 10, np.random.default_rng(0))
    assert outcome.passed is False and outcome.counterexample.part == "side 2"


def test_relu_written_with_either_inequality_is_not_refuted_symbolically():
    """SymPy's equals() calls Piecewise((0, x > 0), (-x, x >= 0), (0, True)) nonzero; it is 0 everywhere."""
    x = sp.Symbol("x", real=True)
    strict, closed = sp.Piecewise((x, x > 0), (0, True)), sp.Piecewise((x, x >= 0), (0, True))
    assert zero_test(strict - closed) is None
    assert zero_test(strict - sp.Piecewise((x, x > 1), (0, True))) is not True
    claim = Claim(id="t.relu", where="test", source="x", claimed=(("relu", closed),), reference=strict)
    assert symbolic_tier(claim).passed is None


def test_a_product_that_vanishes_on_both_sides_of_a_kink_is_not_called_nonzero():
    t, w = sp.symbols("t w", real=True)
    relu = sp.Max(0, t + w)
    assert zero_test((t + w - relu) * relu) is not False
