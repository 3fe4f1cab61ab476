"""convproof.verify.unroll: sums of indexed terms at small sizes, as claims the tiers can sample."""

from __future__ import annotations

import sympy as sp

from convproof.derivations.claim import Claim
from convproof.verify import run_claim
from convproof.verify.unroll import unrolled

u, alpha = sp.IndexedBase("u"), sp.IndexedBase("alpha")
i, j = sp.symbols("i j", integer=True)
m = sp.Symbol("m", integer=True, positive=True)
REFERENCE = sp.Sum(alpha[j] * u[i + j - 1], (j, 1, m))


def _claim(part: sp.Basic) -> Claim:
    return Claim(id="t.general", where="-", source="s", claimed=(("formula", part),), reference=REFERENCE)


def test_every_size_and_offset_is_a_component():
    small, grid = unrolled(_claim(REFERENCE))
    assert grid == "i = 1, 2, 3; m = 1, 2, 3"
    assert len(small.reference) == 9
    assert small.reference[0] == sp.Symbol("alpha_1", real=True) * sp.Symbol("u_1", real=True)
    assert all(not c.has(sp.Indexed, sp.Sum) for c in small.reference)


def test_a_shifted_index_is_refuted_and_a_reordered_sum_verified():
    shifted = sp.Sum(alpha[j] * u[i + j], (j, 1, m))
    reordered = sp.Sum(alpha[m + 1 - j] * u[i + m - j], (j, 1, m))
    assert run_claim(unrolled(_claim(shifted))[0], samples=100).status == "refuted"
    assert run_claim(unrolled(_claim(reordered))[0], samples=100).status == "verified"


def test_nothing_to_unroll_without_indexed_terms():
    x = sp.Symbol("x")
    assert unrolled(Claim(id="t.plain", where="-", source="s", claimed=(("f", x),), reference=x)) is None


def test_a_division_by_zero_at_a_size_is_not_a_value():
    n = sp.Symbol("n", integer=True, positive=True)
    total = sp.Sum(u[i], (i, 1, n))
    claim = Claim(id="t.mean", where="-", source="s", claimed=(("f", total / (n - 1)),), reference=total / n)
    small, _ = unrolled(claim)
    assert small.claimed[0][1][0] is sp.nan
    assert run_claim(small, samples=50).status == "refuted"
