"""Finite differences for gradient claims: central, one-sided, and the kink bracket."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convproof.derivations.checks.finite_diff import (
    bracket_mismatch,
    central_difference,
    failure_record,
    one_sided_differences,
)
from convproof.derivations.errors import BadInputError
from convproof.derivations.outcome import Counterexample


@given(st.floats(-5, 5), st.floats(-5, 5))
def test_central_difference_of_a_quadratic_is_exact(a, b):
    point = np.array([[a, b]])
    value = central_difference(lambda v: v[:, 0] ** 2 * v[:, 1], point, 0, 1e-4)[0]
    assert value == pytest.approx(2 * a * b, abs=1e-6)


def test_one_sided_differences_bracket_a_subgradient():
    left, right = one_sided_differences(lambda v: np.abs(v[:, 0]), np.zeros((1, 1)), 0)
    assert (left[0], right[0]) == (-1.0, 1.0)
    assert not bracket_mismatch(np.array([0.3]), left, right, 0.0)[0]
    assert bracket_mismatch(np.array([1.5]), left, right, 0.0)[0]


def test_bad_finite_difference_input_raises():
    with pytest.raises(BadInputError, match="2-D"):
        central_difference(np.sum, np.zeros(3), 0)
    with pytest.raises(BadInputError, match="positive"):
        one_sided_differences(np.sum, np.zeros((1, 1)), 0, step=0)


def test_failure_record_picks_the_smallest_failing_instance():
    bad = np.array([True, True, False])
    values = {"x": np.array([3.0, -0.5, 0.0])}
    record = failure_record(bad, values, "side 2", np.array([1.0, 2.0, 3.0]), (np.zeros(3), np.ones(3)))
    assert record == Counterexample({"x": -0.5}, claimed=2.0, reference=[0.0, 1.0], part="side 2")
