"""conv_output_size, receptive_field and effective_stride against real convolutions."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import assume, given
from hypothesis import strategies as st

from convproof import BadInputError, conv_output_size, effective_stride, receptive_field
from convproof.derivations.lib import simulate
from convproof.derivations.lib.geometry import rf_reference, stack_geometry
from convproof.derivations.lib.symbols import d, k

layer = st.tuples(st.integers(1, 5), st.integers(1, 3), st.integers(1, 3))


@given(n=st.integers(1, 60), k=st.integers(1, 7), s=st.integers(1, 4), p=st.integers(0, 4), d=st.integers(1, 4))
def test_output_size_matches_a_real_convolution(n, k, s, p, d):
    assume(n + 2 * p >= d * (k - 1) + 1)
    assert conv_output_size(n, k, s, p, d) == simulate.measured_output_length(n, k, s, p, d)


@given(st.lists(layer, max_size=5))
def test_receptive_field_and_stride_match_probing(layers):
    assert receptive_field(layers) == simulate.measured_receptive_field(layers)
    if layers:
        assert effective_stride(layers) == simulate.measured_jump(layers)


@given(depth=st.integers(0, 6), kernel=st.integers(1, 7), dilation=st.integers(1, 5))
def test_rf_reference_is_the_receptive_field_of_identical_layers(depth, kernel, dilation):
    value = rf_reference(depth).subs({k: kernel, d: dilation})
    assert value == receptive_field([(kernel, 1, dilation)] * depth)
    assert rf_reference(depth, kernel, dilation) == value


def test_symbolic_output_size():
    n, k, s = sp.symbols("n k s", integer=True, positive=True)
    assert conv_output_size(n, k, stride=s) == sp.floor((n - k) / s) + 1


def test_stack_geometry_is_linear_in_depth():
    rows = stack_geometry([(3, 1, 1)] * 1000)
    assert rows[-1] == (2001, 1)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(n=8, kernel=0), "kernel must be an integer >= 1"),
        (dict(n=8, kernel=-3), "kernel must be an integer >= 1"),
        (dict(n=8, kernel=3, stride=0), "stride must be an integer >= 1"),
        (dict(n=8, kernel=3, dilation=0), "dilation must be an integer >= 1"),
        (dict(n=8, kernel=3, padding=-1), "padding must be an integer >= 0"),
        (dict(n=8.5, kernel=3), "input size n must be an integer"),
        (dict(n=True, kernel=3), "input size n must be an integer"),
        (dict(n=4, kernel=3, dilation=2), "does not fit"),
    ],
    ids=[
        "zero-kernel",
        "negative-kernel",
        "zero-stride",
        "zero-dilation",
        "negative-padding",
        "float-size",
        "bool-size",
        "empty-output",
    ],
)
def test_bad_geometry_is_one_clear_error(kwargs, message):
    with pytest.raises(BadInputError, match=message):
        conv_output_size(**kwargs)


@pytest.mark.parametrize("layers", [[(3, 1)], [(0, 1, 1)], "3,1,1", [(3, 1, 1.5)]], ids=str)
def test_bad_layers_are_rejected(layers):
    with pytest.raises(BadInputError):
        receptive_field(layers)
