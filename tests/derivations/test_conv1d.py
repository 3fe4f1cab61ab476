"""The valid 1-D convolution and its parameter gradients, numeric and symbolic."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from convproof import conv1d_param_grads, conv1d_param_grads_symbolic
from convproof.derivations.checks.finite_diff import central_difference
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib.conv1d import conv1d_valid

FLOATS = st.floats(-3, 3, allow_nan=False, width=64)


@st.composite
def layers(draw):
    """A random input, kernel and upstream gradient of fitting lengths (n <= 8)."""
    n = draw(st.integers(1, 8))
    size = draw(st.integers(1, n))
    u = draw(arrays(float, n, elements=FLOATS))
    kernel = draw(arrays(float, size, elements=FLOATS))
    upstream = draw(arrays(float, n - size + 1, elements=FLOATS))
    return u, kernel, upstream


def test_forward_is_cross_correlation():
    u, kernel = np.array([1.0, 2.0, 4.0, 8.0]), np.array([1.0, -1.0])
    assert conv1d_valid(u, kernel, 0.5).tolist() == (np.correlate(u, kernel, "valid") + 0.5).tolist()


@given(layers())
def test_param_grads_match_central_differences(layer):
    u, kernel, upstream = layer

    def loss(rows):  # L = sum_j alpha_j z_j, so dL/dz_j = alpha_j; the last column is the bias
        return np.array([upstream @ conv1d_valid(u, row[:-1], row[-1]) for row in rows])

    point = np.append(kernel, 0.3)[None, :]
    grad_k, grad_b = conv1d_param_grads(u, kernel, upstream)
    numeric = [central_difference(loss, point, c, 1e-5)[0] for c in range(len(kernel) + 1)]
    np.testing.assert_allclose([*grad_k, grad_b], numeric, rtol=1e-6, atol=1e-6)


def test_leading_axes_are_batches():
    rng = np.random.default_rng(0)
    u, upstream = rng.normal(size=(4, 6)), rng.normal(size=(4, 4))
    grad_k, grad_b = conv1d_param_grads(u, np.zeros(3), upstream)
    one_by_one = [conv1d_param_grads(u[n], np.zeros(3), upstream[n]) for n in range(4)]
    np.testing.assert_allclose(grad_k, [g for g, _ in one_by_one])
    np.testing.assert_allclose(grad_b, [b for _, b in one_by_one])


@pytest.mark.parametrize(
    ("u", "kernel", "upstream", "message"),
    [
        ([1.0, 2.0, 3.0], [1.0, 1.0], [1.0], "upstream has 1"),
        ([1.0, 2.0], [1.0, 1.0, 1.0], [1.0], "give 0 outputs"),
        ([1.0, 2.0], [], [1.0], "kernel must be a non-empty array"),
        ("abc", [1.0], [1.0], "u must be an array of numbers"),
        ([1.0, 2.0], [1.0], [[1.0, 2.0, 3.0]], "need len"),
    ],
    ids=["upstream too short", "kernel longer than input", "empty kernel", "text input", "wrong batch length"],
)
def test_bad_lengths_raise_our_error(u, kernel, upstream, message):
    with pytest.raises(BadInputError, match=message):
        conv1d_param_grads(u, kernel, upstream)


def test_symbolic_unrolled_matches_numeric():
    grads, grad_b = conv1d_param_grads_symbolic(5, 3)
    u, alpha = sp.IndexedBase("u"), sp.IndexedBase("alpha")
    rng = np.random.default_rng(1)
    u_val, a_val = rng.normal(size=5), rng.normal(size=3)
    values = {u[n + 1]: u_val[n] for n in range(5)} | {alpha[n + 1]: a_val[n] for n in range(3)}
    grad_k, grad_bias = conv1d_param_grads(u_val, np.zeros(3), a_val)
    np.testing.assert_allclose([float(g.xreplace(values)) for g in grads], grad_k)
    assert float(grad_b.xreplace(values)) == pytest.approx(grad_bias)


def test_symbolic_general_form_unrolls_to_every_size():
    general, grad_b = conv1d_param_grads_symbolic()
    m = sp.Symbol("m", integer=True, positive=True)
    for n, size in [(3, 1), (5, 3), (8, 8)]:
        grads, bias = conv1d_param_grads_symbolic(n, size)
        for index in range(1, size + 1):
            assert general(index).subs(m, n - size + 1).doit() == grads[index - 1]
        assert grad_b.subs(m, n - size + 1).doit() == bias


def test_symbolic_sizes_keep_the_index_condition():
    n, size = sp.symbols("n K", integer=True, positive=True)
    general, grad_b = conv1d_param_grads_symbolic(n, size)
    assert general.expr.has(sp.Piecewise)
    assert grad_b.limits[0][2] == n - size + 1


@pytest.mark.parametrize("sizes", [(3, None), (2, 3), (2.5, 1)], ids=["one size", "kernel too big", "float size"])
def test_symbolic_rejects_bad_sizes(sizes):
    with pytest.raises(BadInputError):
        conv1d_param_grads_symbolic(*sizes)
