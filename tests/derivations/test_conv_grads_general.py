"""Q4(d): dL/dk_i and dL/db for any size, proved with Sum and KroneckerDelta and unrolled up to n = 8."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from convproof.derivations.checks.sums import unroll
from convproof.derivations.claims.conv_grads import general
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib.symbols import i, m
from convproof.verify import run_claim
from convproof.verify.tiers.symbolic import zero_test

ALPHA, U = general.ALPHA, general.U
J = sp.Symbol("j", integer=True)


@pytest.fixture(scope="module")
def claims():
    return {claim.id: claim for claim in general.general_claims()}


def test_report_sums_are_read_as_sums(claims):
    assert claims["conv_grads.dL_dki_general"].claimed[0][1] == sp.Sum(ALPHA[J] * U[i + J - 1], (J, 1, m))
    assert claims["conv_grads.dL_db_general"].claimed[0][1] == sp.Sum(ALPHA[J], (J, 1, m))


def test_general_statement_is_proven_for_symbolic_sizes(claims):
    for claim in claims.values():
        assert zero_test(claim.claimed[0][1] - claim.reference) is True
        assert not claim.reference.has(sp.KroneckerDelta, sp.Piecewise)  # the delta collapsed for valid i


@pytest.mark.parametrize("claim_id", ["conv_grads.dL_dki_general", "conv_grads.dL_db_general"])
def test_report_general_sums_are_verified_by_every_check(claim_id, claims):
    verdict = run_claim(claims[claim_id], samples=100, seed=4)
    assert verdict.status == "verified"
    unrolled = [e for e in verdict.evidence if e.method.startswith("unrolled")]
    assert unrolled and unrolled[0].samples == (120 if "dki" in claim_id else 36)


PLANTED = [
    ("k", r"\frac{\partial}{\partial k_i} = \alpha_1 u_{i+1} + \alpha_2 u_{i+2} + \dots + \alpha_m u_{i+m}"),
    ("k", r"\frac{\partial}{\partial k_i} = 2 \alpha_1 u_i + 2 \alpha_2 u_{i+1} + \dots + 2 \alpha_m u_{i+m-1}"),
    ("k", r"\frac{\partial}{\partial k_i} = - \alpha_1 u_i - \alpha_2 u_{i+1} - \alpha_m u_{i+m-1}"),
    ("b", r"\frac{\partial}{\partial b} = \alpha_2 + \alpha_3 + \dots + \alpha_m"),
]


@pytest.mark.parametrize(("wrt", "latex"), PLANTED, ids=["u_{i+j}", "doubled", "no sum", "dropped alpha_1"])
def test_wrong_general_formulas_are_refuted(wrt, latex):
    verdict = run_claim(general.general_claim("conv_grads.planted", None, wrt, latex=latex), samples=100, seed=4)
    assert verdict.status == "refuted"
    record = verdict.counterexample
    assert {"n", "K", "i"} <= set(record.instance)
    assert record.claimed != record.reference
    assert record.part == "side 2"


def test_unroll_writes_out_numeric_sums():
    assert unroll(sp.Sum(ALPHA[J], (J, 1, 3))) == ALPHA[1] + ALPHA[2] + ALPHA[3]
    assert unroll(sp.Sum(ALPHA[J], (J, 1, m)), {m: 2}) == ALPHA[1] + ALPHA[2]
    with pytest.raises(BadInputError, match="numeric limits"):
        unroll(sp.Sum(ALPHA[J], (J, 1, m)))


def test_sizes_cover_every_kernel_up_to_the_input():
    pairs = general.sizes(8)
    assert len(pairs) == 36 and all(1 <= k <= n <= 8 for n, k in pairs)
    assert np.unique(pairs, axis=0).shape[0] == 36
