"""GELU approximations: Arb enclosures, the certified sup error, its tail bound, the minimax constants."""

from __future__ import annotations

import math

import flint
import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from convproof.derivations.errors import BadInputError
from convproof.derivations.lib import activations, gelu_bounds
from convproof.derivations.lib.intervals import arb_function, certified_sup
from convproof.derivations.lib.symbols import x

ERF = np.vectorize(math.erf, otypes=[float])


def float_error(form: str, constant: float, points: np.ndarray) -> np.ndarray:
    gelu = points * 0.5 * (1 + ERF(points / math.sqrt(2)))
    if form == "tanh":
        approx = 0.5 * points * (1 + np.tanh(math.sqrt(2 / math.pi) * (points + constant * points**3)))
    else:
        approx = points / (1 + np.exp(-constant * points))
    return approx - gelu


@given(st.floats(-12, 12, allow_nan=False))
def test_arb_function_encloses_the_float_value(v):
    error = gelu_bounds.approximation("tanh", activations.GELU_TANH_CUBIC) - activations.gelu(x)
    ball = arb_function(error, x)(flint.arb(v))
    assert abs(float(ball.mid()) - float_error("tanh", 0.044715, np.array([v]))[0]) < 1e-15 + float(ball.rad())


def test_arb_function_reads_floats_as_their_decimals():
    ball = arb_function(sp.Float("0.1") * x, x)(flint.arb(1))
    assert ball.contains(flint.arb("0.1")) and not ball.contains(flint.arb(0.1) + flint.arb("1e-17"))


def test_certified_sup_encloses_a_known_maximum():
    bound = certified_sup(arb_function(x - x**3, x), arb_function(1 - 3 * x**2, x), 0, 1, rtol=1e-12)
    truth = 2 / (3 * math.sqrt(3))
    assert bound.lower <= truth <= bound.upper
    assert bound.upper - bound.lower <= 1e-12 * truth


@pytest.mark.parametrize("form", gelu_bounds.FORMS)
def test_error_bound_encloses_a_dense_float_maximum(form):
    bound = gelu_bounds.gelu_error_bound(form)
    points = np.linspace(-12, 12, 480001)
    dense = np.abs(float_error(form, float(bound.constant), points)).max()
    assert dense <= bound.upper + 1e-15  # a grid can only miss the peak from below
    at_peak = np.abs(float_error(form, float(bound.constant), np.array([bound.argmax, -bound.argmax])))
    assert at_peak.min() >= bound.lower - 1e-15
    assert bound.tail < bound.lower  # so the sup is attained inside [-T, T]
    assert float_error(form, float(bound.constant), np.array([1.0]))[0] == pytest.approx(bound.error_at_1, abs=1e-14)


@pytest.mark.parametrize("form", gelu_bounds.FORMS)
@given(far=st.floats(gelu_bounds.TAIL_FROM, 60))
def test_tail_bound_holds_beyond_the_interval(form, far):
    bound = gelu_bounds.gelu_error_bound(form)
    assert abs(float_error(form, float(bound.constant), np.array([far, -far]))).max() <= bound.tail


@pytest.mark.parametrize("form", gelu_bounds.FORMS)
def test_relative_bound_encloses_the_float_relative_error(form):
    bound = gelu_bounds.relative_error_bound(form)
    points = np.linspace(1e-3, 12, 120001)
    gelu = points * 0.5 * (1 + ERF(points / math.sqrt(2)))
    dense = np.abs(float_error(form, float(bound.constant), points) / gelu).max()
    assert bound.lower - 1e-9 <= dense <= bound.upper + 1e-12


@pytest.mark.parametrize("form", gelu_bounds.FORMS)
def test_minimax_constant_is_certified_better_than_the_published_one(form):
    bracket = gelu_bounds.optimality_bracket(form)
    assert bracket.proven
    assert bracket.at_constant.upper < gelu_bounds.gelu_error_bound(form).lower
    # a coarse scan of the constant finds nothing better than the certified minimum
    for factor in np.linspace(0.8, 1.2, 9):
        c = float(bracket.constant) * factor
        assert np.abs(float_error(form, c, np.linspace(0, 12, 24001))).max() >= bracket.at_constant.lower - 1e-9


def test_bad_forms_and_constants_are_rejected():
    with pytest.raises(BadInputError, match="form must be one of"):
        gelu_bounds.gelu_error_bound("relu")
    with pytest.raises(BadInputError, match="cubic coefficient >= 0"):
        gelu_bounds.gelu_error_bound("tanh", -0.1)
    with pytest.raises(BadInputError, match="scale c > 0"):
        gelu_bounds.gelu_error_bound("sigmoid", 0)
    with pytest.raises(BadInputError, match="low < high"):
        certified_sup(arb_function(x, x), arb_function(sp.Integer(1), x), 1, 1)
    with pytest.raises(BadInputError, match="besides x"):
        arb_function(x * sp.Symbol("q"), x)
