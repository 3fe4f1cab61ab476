"""Exact comparison of piecewise activations by cases between their kinks."""

from __future__ import annotations

import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from convproof.derivations.checks.cases import by_cases, kink_arguments, region_points
from convproof.derivations.claim import reals
from convproof.derivations.lib import activations
from convproof.derivations.lib.symbols import x

lam = sp.Symbol("lambda", positive=True)
a = sp.Symbol("a", real=True)


def test_equal_piecewise_forms_are_proven_where_simplify_fails():
    written = sp.Piecewise((0, x < 0), (x, True))
    assert by_cases([("f", written)], activations.relu(x), {})().passed is True


def test_parametric_kinks_are_split_per_region():
    written = sp.Piecewise((x - lam, x > lam), (x + lam, x < -lam), (0, True))
    assert by_cases([("f", written)], activations.softshrink(x, lam), {lam: reals(0.01, 2)})().passed is True
    swapped = sp.Piecewise((x + lam, x > lam), (x - lam, x < -lam), (0, True))
    result = by_cases([("f", swapped)], activations.softshrink(x, lam), {lam: reals(0.01, 2)})()
    assert result.passed is False and "lambda" in result.detail


def test_a_difference_only_for_some_parameters_is_found():
    result = by_cases([("f", sp.Max(a * x, x))], activations.prelu(x, a), {a: reals(-2, 3)})()
    assert result.passed is False


def test_smooth_identities_and_removable_singularities():
    assert by_cases([("f", sp.sin(x) / x)], activations.sinc(x), {})().passed is True
    assert by_cases([("f", x / (1 + sp.exp(-x)))], activations.silu(x), {})().passed is True
    assert by_cases([("f", x / (1 + x))], activations.softsign(x), {})().passed is False


@given(st.lists(st.integers(-9, 9), min_size=1, max_size=4, unique=True))
def test_every_kink_gets_a_region_on_each_side(kinks):
    expr = sum(sp.Piecewise((k + 20, x < k), (0, True)) for k in kinks)
    points = region_points([expr], {})
    assert len(points) == len(kinks) + 1
    for k in kinks:
        assert any(p < k for p in points) and any(p > k for p in points)
    assert kink_arguments(expr) == {x - k for k in kinks}
