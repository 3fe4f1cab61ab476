"""The compiled NumPy functions: the fast Heaviside and common-subexpression elimination change no value."""

from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from convproof.derivations.checks.numeric import compile_expr, heaviside

SPECIAL = [0.0, -0.0, np.inf, -np.inf, np.nan, 5e-324, -5e-324]


@given(arrays(float, st.integers(0, 50), elements=st.floats(allow_nan=True) | st.sampled_from(SPECIAL)),
       st.sampled_from([0.0, 0.5, 1.0]))  # fmt: skip
def test_heaviside_is_numpys(values, at_zero):
    np.testing.assert_array_equal(heaviside(values, at_zero), np.heaviside(values, at_zero))


def test_heaviside_of_a_scalar_and_with_an_array_at_zero():
    assert heaviside(0.0, 1) == 1.0 and np.isnan(heaviside(np.nan))
    at_zero = np.array([0.25, 0.75])
    np.testing.assert_array_equal(heaviside(np.zeros(2), at_zero), at_zero)


@given(arrays(float, 20, elements=st.floats(-3, 3)), arrays(float, 20, elements=st.floats(-3, 3)))
def test_common_subexpressions_give_the_same_values(a_values, b_values):
    a, b = sp.symbols("a b", real=True)
    shared = sp.Max(a + b, 0)
    expr = shared**2 + sp.Heaviside(a - b, 1) * shared + sp.exp(-((a + b) ** 2))
    plain = compile_expr(expr, [a, b])(a_values, b_values)
    np.testing.assert_allclose(compile_expr(expr, [a, b], cse=True)(a_values, b_values), plain, rtol=1e-12)


def test_compiled_functions_use_the_fast_heaviside():
    x = sp.Symbol("x", real=True)
    assert compile_expr(sp.Heaviside(x, 1), [x]).__globals__["Heaviside"] is heaviside
