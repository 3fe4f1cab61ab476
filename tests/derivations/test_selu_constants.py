"""SELU: alpha and lambda from the fixed point, in closed form, against mpmath and PyTorch."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from convproof.derivations.claims.activations import selu as selu_claims
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib import selu


def test_closed_forms_agree_with_quadrature_to_thirty_digits():
    a, l = selu.numeric_fixed_point(40)
    assert selu.agreement_digits(selu.selu_alpha(), a, 40) >= 30
    assert selu.agreement_digits(selu.selu_lambda(), l, 40) >= 30


def test_the_derived_constants_are_the_fixed_point():
    mean, second = selu.output_moments(selu.selu_alpha(), selu.selu_lambda())
    assert abs(sp.N(mean, 50)) < 1e-45
    assert abs(sp.N(second - 1, 50)) < 1e-45


def test_half_line_moments_match_quadrature():
    with mpmath.workdps(30):
        direct = mpmath.quad(lambda t: mpmath.expm1(t) ** 2 * mpmath.npdf(t), [-mpmath.inf, 0])
        assert abs(mpmath.mpf(str(sp.N(selu.half_line_moments()["D"], 30))) - direct) < mpmath.mpf(10) ** -25


MOMENTS = sp.lambdify((selu.alpha, selu.lam), selu.output_moments(), modules="mpmath")


@given(st.floats(0.5, 3.0), st.floats(0.5, 2.0))
def test_moments_are_those_of_the_output(a, l):
    # a Riemann sum on a fine grid, independent of the closed forms
    grid = np.linspace(-12.0, 12.0, 24001)
    weight = np.exp(-(grid**2) / 2) / np.sqrt(2 * np.pi) * (grid[1] - grid[0])
    out = l * np.where(grid > 0, grid, a * np.expm1(grid))
    mean, second = (float(v) for v in MOMENTS(a, l))
    assert mean == pytest.approx(out @ weight, abs=1e-6)
    assert second == pytest.approx(out**2 @ weight, abs=1e-6)


def test_chosen_constants_leave_the_fixed_point():
    result = selu_claims._self_normalising(64, np.random.default_rng(5))
    assert result.passed is False
    assert result.counterexample.reference == [0.0, 1.0]


def test_torch_documents_the_same_constants():
    torch = pytest.importorskip("torch")
    doc = torch.nn.SELU.__doc__
    for name, value in (("alpha", selu.selu_alpha()), ("scale", selu.selu_lambda())):
        written = doc.split(f"\\text{{{name}}} = " if name == "scale" else f"\\{name} = ", 1)[1].split("`")[0]
        with mpmath.workdps(50):
            assert selu.agreement_digits(value, mpmath.mpf(written), 40) >= 30, (name, written)


def test_bad_precision_is_rejected():
    with pytest.raises(BadInputError, match="digits"):
        selu.numeric_fixed_point(5)
