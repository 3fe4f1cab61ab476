"""Q1(c): the dropout layers, the exact binomial test, and the report's dropout claims."""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from convproof.derivations.checks import torch_oracle
from convproof.derivations.checks.statistics import binomial_acceptance, hoeffding_halfwidth
from convproof.derivations.claims import dropout
from convproof.derivations.claims.dropout.hooks import Layer, oracle_check, rate_check, unit_check
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib.dropout import chance_of_coarser_mask, channel_dropout, element_dropout, shared_axes
from convproof.verify import run_claim

CLAIMS = {c.id: c for c in dropout.claims()}
CHECKED = [cid for cid, c in CLAIMS.items() if not c.is_prose]


@pytest.mark.parametrize("claim_id", list(CLAIMS))
def test_dropout_claim_gets_a_verdict_from_its_checks(claim_id):
    claim = CLAIMS[claim_id]
    verdict = run_claim(claim, samples=300, seed=7)
    if claim.is_prose:
        assert verdict.status == "unverifiable"
        return
    # what the checks computed: each structural and rate check passed
    assert all(e.passed is not False for e in verdict.evidence), verdict
    assert verdict.status == "verified", verdict


def test_report_example_shape_is_parsed_not_typed():
    assert dropout.EXAMPLE_SHAPE == sp.Tuple(32, 32, 32, 3)
    assert CLAIMS["dropout.example_3d_shape"].claimed[0][1] == sp.Tuple(3, 32 * 32 * 32)


def test_example_brute_force_measures_channels_of_the_report_layout():
    assert dropout.measured_example_units() == sp.Tuple(3, 32768)


# --- planted wrong claims must come out refuted through the same checks


def _mutant_unit(claim_id: str, layer: Layer, unit: tuple[str, ...]):
    claim = CLAIMS[claim_id]
    return replace(
        claim,
        checks=(("sampled", unit_check(layer, unit)), ("sampled", rate_check(layer, unit))),
        oracle=oracle_check((layer,), (unit,)),
    )


@pytest.mark.parametrize(
    ("claim_id", "layer", "unit"),
    [
        ("dropout.dropout2d_feature_maps", dropout.DROPOUT_2D, ()),  # "Dropout2D zeroes single cells"
        ("dropout.dropout2d_feature_maps", dropout.DROPOUT_2D, ("W",)),  # "zeroes rows"
        ("dropout.element_cells", dropout.ELEMENT_2D, ("H", "W")),  # "ordinary dropout zeroes whole maps"
        ("dropout.dropout3d_channels", dropout.DROPOUT_3D, ("H", "W")),  # "Dropout3D zeroes 2-D slices"
        ("dropout.dropout3d_channels", dropout.DROPOUT_3D, ("C", "D", "H", "W")),  # "zeroes whole samples"
    ],
    ids=str,
)
def test_wrong_units_are_refuted(claim_id, layer, unit):
    verdict = run_claim(_mutant_unit(claim_id, layer, unit), samples=300, seed=11)
    assert verdict.status == "refuted"
    assert verdict.counterexample.claimed == list(unit)


class _HalfRateDropout2d(Layer):
    """A planted wrong layer: zeroes channels at rate p/2, scaling as if it were p."""

    def numpy(self, x, p, rng):
        kept = rng.random((x.shape[0], x.shape[1], 1, 1)) >= p / 2
        return x * kept / (1 - p)


def test_a_layer_with_the_wrong_rate_is_refuted():
    wrong = _HalfRateDropout2d("Dropout2d", ("N", "C", "H", "W"), channelwise=True)
    verdict = run_claim(_mutant_unit("dropout.dropout2d_feature_maps", wrong, ("H", "W")), samples=300, seed=3)
    assert verdict.status == "refuted"


def test_wrong_example_reading_is_refuted():
    # PyTorch fed the unpermuted (W, H, D, C) array would zero 32 'channels' of 32 x 32 x 3
    claim = CLAIMS["dropout.example_3d_shape"]
    mutant = replace(claim, claimed=(("unpermuted", sp.Tuple(32, 32 * 32 * 3)),), oracle=None)
    verdict = run_claim(mutant, samples=50, seed=1)
    assert verdict.status == "refuted"
    assert verdict.correction.endswith(sp.latex(claim.reference))


@pytest.mark.parametrize("wrong", ["x*(1 - p)", "x/(1 - p)", "x*p"])
def test_wrong_expectation_is_refuted(wrong):
    claim = CLAIMS["dropout.inverted_scaling_expectation"]
    symbols = {s.name: s for s in claim.domain}
    mutant = replace(claim, claimed=(("mutant", sp.sympify(wrong, locals=symbols)),), checks=(), oracle=None)
    assert run_claim(mutant, samples=200, seed=1).status == "refuted"


@pytest.mark.parametrize("claim_id", ["dropout.dropout2d_feature_maps", "dropout.inverted_scaling_expectation"])
def test_oracle_is_skipped_without_torch(monkeypatch, claim_id):
    monkeypatch.setattr(torch_oracle, "have_torch", lambda: False)
    hook = CLAIMS[claim_id].oracle
    assert hook(100, np.random.default_rng(0)) is None


def test_torch_dropout2d_zeroes_whole_feature_maps():
    pytest.importorskip("torch")
    result = CLAIMS["dropout.dropout2d_feature_maps"].oracle(300, np.random.default_rng(5))
    assert result.passed, result


def test_example_oracle_notes_the_layout_trap():
    pytest.importorskip("torch")
    result = CLAIMS["dropout.example_3d_shape"].oracle(100, np.random.default_rng(5))
    assert result.passed
    assert "zeroes 32 units of 3072 elements" in result.detail


# --- the layers


@given(
    st.integers(1, 4), st.integers(1, 6), st.integers(1, 4), st.integers(1, 4), st.sampled_from([0.0, 0.25, 0.5, 0.9])
)
def test_channel_dropout_keeps_or_zeroes_whole_maps(n, c, h, w, p):
    rng = np.random.default_rng(n * 1000 + c * 100 + h * 10 + w)
    x = rng.uniform(0.5, 2.0, (n, c, h, w))
    y = channel_dropout(x, p, rng)
    for sample in range(n):
        for channel in range(c):
            block, original = y[sample, channel], x[sample, channel]
            assert np.all(block == 0) or np.allclose(block, original / (1 - p))


@given(st.sampled_from([0.1, 0.5, 0.8]), st.integers(0, 2**16))
def test_element_dropout_values_are_zero_or_scaled(p, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.5, 2.0, (3, 4, 5))
    y = element_dropout(x, p, rng)
    assert np.all((y == 0) | np.isclose(y, x / (1 - p)))


def test_channel_dropout_in_the_report_layout_shares_spatial_axes():
    y = channel_dropout(np.ones((8, 4, 4, 4, 3)), 0.5, np.random.default_rng(2), channel_axis=-1, batch_axis=0)
    assert shared_axes(y != 0) == (1, 2, 3)


def test_shared_axes_and_their_false_alarm_bound():
    assert shared_axes(np.ones((2, 3), dtype=bool)) == (0, 1)
    assert shared_axes(np.array([[True, False]])) == (0,)
    assert chance_of_coarser_mask((2, 3), (), 0.5) > chance_of_coarser_mask((20, 30), (), 0.5)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: channel_dropout(np.ones((2, 3, 4)), 1.5, np.random.default_rng()), "rate p"),
        (lambda: channel_dropout(np.ones((2, 3, 4)), -0.1, np.random.default_rng()), "rate p"),
        (lambda: channel_dropout(np.ones((2, 3, 4)), "half", np.random.default_rng()), "rate p"),
        (lambda: channel_dropout(np.ones((2, 3, 4)), 0.5, 42), "numpy.random.Generator"),
        (lambda: channel_dropout(np.ones((2, 3, 4)), 0.5, np.random.default_rng(), channel_axis=3), "channel_axis"),
        (lambda: channel_dropout(np.ones((2, 3, 4)), 0.5, np.random.default_rng(), batch_axis=1), "must differ"),
        (lambda: channel_dropout(np.ones(4), 0.5, np.random.default_rng()), "channel axis"),
        (lambda: element_dropout(np.ones(4), True, np.random.default_rng()), "rate p"),
        (lambda: binomial_acceptance(-1, 0.5), "non-negative integer"),
        (lambda: binomial_acceptance(10, 1.5), "p must lie"),
        (lambda: binomial_acceptance(10, 0.5, 0), "alpha"),
        (lambda: hoeffding_halfwidth(0, 1.0), "positive integer"),
    ],
    ids=[
        "p=1",
        "p<0",
        "p-string",
        "rng-int",
        "channel-axis",
        "same-axes",
        "1-D",
        "p-bool",
        "n<0",
        "p>1",
        "alpha=0",
        "hoeffding-n=0",
    ],
)
def test_bad_input_is_rejected(call, message):
    with pytest.raises(BadInputError, match=message):
        call()


# --- the exact binomial test


def _tails(n: int, p: Fraction, low: int, high: int) -> tuple[Fraction, Fraction]:
    mass = [math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(n + 1)]
    return sum(mass[:low], Fraction(0)), sum(mass[high + 1 :], Fraction(0))


@given(st.integers(1, 60), st.integers(1, 9), st.sampled_from([Fraction(1, 10), Fraction(1, 1000)]))
def test_binomial_acceptance_tails_are_at_most_alpha_over_two_and_tight(n, tenths, alpha):
    p = Fraction(tenths, 10)
    low, high = binomial_acceptance(n, p, alpha)
    below, above = _tails(n, p, low, high)
    assert below <= alpha / 2 and above <= alpha / 2
    # moving either end inwards would put more than alpha/2 in that tail: the interval is the shortest
    inner_below, inner_above = _tails(n, p, low + 1, high - 1)
    assert inner_below > alpha / 2 and inner_above > alpha / 2


def test_binomial_acceptance_contains_the_mean():
    low, high = binomial_acceptance(2000, Fraction(3, 10))
    assert low < 600 < high
    assert binomial_acceptance(5, 0) == (0, 0) and binomial_acceptance(5, 1) == (5, 5)
