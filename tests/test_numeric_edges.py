"""Numerical edge cases: huge and tiny inputs, exact ties at every kink, float32; no overflow, no NaN.

The activations are evaluated the way the verifier evaluates any formula
(:func:`convproof.derivations.checks.numeric.evaluate`: NumPy, and mpmath again where float64
overflows) and compared with the same SymPy expression evaluated by mpmath
at 1000 digits. Kinks are hit exactly with small integers, where PyTorch's autograd
gives the convention the references promise.
"""

from __future__ import annotations

import json
import warnings

import mpmath
import numpy as np
import pytest
import sympy as sp

from convproof.derivations.checks.numeric import evaluate
from convproof.derivations.claims import registry
from convproof.derivations.claims.conv_grads import network as net
from convproof.derivations.claims.conv_grads.hooks import torch_gradient
from convproof.derivations.lib import activations as act
from convproof.verify.runner import run_all

x = sp.Symbol("x", real=True)
ACTIVATIONS = [
    "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "rrelu", "elu", "selu", "gelu", "gelu_tanh", "gelu_sigmoid",
    "silu", "softplus", "mish", "hardswish", "hardsigmoid", "softsign", "hardtanh", "tanhshrink", "softshrink",
    "hardshrink", "logsigmoid", "step", "sinc",
]  # fmt: skip
EDGES = [-1000.0, -100.0, -40.0, -10.0, -1e-300, 0.0, 1e-300, 10.0, 40.0, 100.0, 1000.0]


def _exact(expr: sp.Basic, point: float) -> float:
    """The value at ``point`` to 1000 digits, rounded to float64 (exp(-1000) needs ~450 of them)."""
    with mpmath.workdps(1000):
        return float(sp.lambdify(x, expr, "mpmath")(mpmath.mpf(point)))


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_is_exact_at_huge_and_tiny_inputs(name):
    expr = getattr(act, name)(x)
    points = np.array(EDGES)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = evaluate(expr, [x], [points], len(points))[:, 0]
    want = np.array([_exact(expr, p) for p in EDGES])
    assert np.all(np.isfinite(got)), dict(zip(EDGES, got, strict=True))
    # absolute 1e-15 near 0: GELU's 1 + erf(x/sqrt 2) cancels to 0 at x = -10, where the value is -7.6e-23
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_softplus_and_log_sigmoid_at_a_thousand_do_not_overflow(dtype):
    """Written the textbook way, log(1 + exp(1000)) is inf in NumPy; the verifier gives 1000."""
    points = np.array([-1000.0, 1000.0], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        softplus = evaluate(act.softplus(x), [x], [points], 2)[:, 0]
        log_sigmoid = evaluate(act.logsigmoid(x), [x], [points], 2)[:, 0]
    assert softplus.tolist() == [0.0, 1000.0]
    assert log_sigmoid.tolist() == [-1000.0, 0.0]


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_float32_inputs_give_float32_accurate_values(name):
    expr = getattr(act, name)(x)
    points32 = np.linspace(-100, 100, 2001, dtype=np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = evaluate(expr, [x], [points32], len(points32))[:, 0]
        points = points32.astype(np.float64)
        want = evaluate(expr, [x], [points], len(points))[:, 0]
        step = 1e-6 * np.maximum(1, np.abs(points))
        ahead, behind = (evaluate(expr, [x], [points + s], len(points))[:, 0] for s in (step, -step))
    slope = (ahead - behind) / (2 * step)
    assert np.all(np.isfinite(got))
    # float32 rounds x and each result by eps = 1.2e-7 relative: the error is about eps (|x f'(x)| + |f(x)|),
    # and eps (1 + |x|) absolute where 1 + tiny rounds to 1 (softplus at -100 is 3.7e-44, float32 gives 0;
    # mish = x tanh(softplus(x)) multiplies that rounding by x)
    eps = np.finfo(np.float32).eps
    bound = 8 * eps * (np.abs(points * slope) + np.abs(want)) + eps * (1 + np.abs(points))
    assert np.all(np.abs(got - want) <= bound), np.max(np.abs(got - want) / bound)


def test_gelu_far_left_is_small_and_finite():
    """x Phi(x) for x down to -1000: within 1e-15 of the exact value (which is below 1e-20 from x = -10 on)."""
    expr = act.gelu(x)
    points = -np.geomspace(1, 1000, 60)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = evaluate(expr, [x], [points], len(points))[:, 0]
    want = np.array([_exact(expr, p) for p in points])
    assert np.all(np.isfinite(got)) and np.all(got <= 0)
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-15)


# the kinks of the activations, and the derivative PyTorch's autograd gives there
KINKS = {
    "relu": [0.0],
    "leaky_relu": [0.0],
    "prelu": [0.0],
    "elu": [0.0],
    "hardswish": [-3.0, 3.0],
    "hardsigmoid": [-3.0, 3.0],
    "hardtanh": [-1.0, 1.0],
    "softshrink": [-0.5, 0.5],
    "hardshrink": [-0.5, 0.5],
}


@pytest.mark.parametrize("name", sorted(KINKS))
def test_activation_derivative_at_its_kinks_is_autograds(name):
    torch = pytest.importorskip("torch")
    from convproof.derivations.claims.activations.builder import TORCH

    params = {"negative_slope": 0.01, "a": 0.25, "alpha": 1.0, "min_val": -1.0, "max_val": 1.0, "lambd": 0.5}
    expr = getattr(act, name)(x)
    points = np.array(KINKS[name])
    derivative = evaluate(sp.diff(expr, x), [x], [points], len(points))[:, 0]
    value = evaluate(expr, [x], [points], len(points))[:, 0]
    t = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    out = TORCH[name](torch.nn.functional, t, params)
    (grad,) = torch.autograd.grad(out.sum(), t)
    np.testing.assert_allclose(value, out.detach().numpy(), rtol=0, atol=1e-15)
    np.testing.assert_array_equal(derivative, grad.numpy())


def _integer_ties(size: int, seed: int) -> dict[str, np.ndarray]:
    """Instances with small integer inputs: z_1 = z_2, z_2 = z_3 and z_j = 0 happen exactly, and often."""
    rng = np.random.default_rng(seed)
    return {name: rng.integers(-2, 3, size).astype(float) for name in net.BASE}


@pytest.mark.parametrize("wrt", net.PARAMETERS)
def test_q4_reference_gradients_at_exact_ties_are_autograds(wrt):
    """Every tie of the pool and every zero of the ReLU, hit exactly: SymPy's gradient equals PyTorch's."""
    pytest.importorskip("torch")
    values = _integer_ties(3000, seed=5)
    z = np.column_stack(
        [sum(values[f"k_{i}"] * values[f"u_{i + j}"] for i in (1, 2, 3)) + values["b"] for j in (0, 1, 2)]
    )
    assert (z[:, 0] == z[:, 1]).sum() > 100 and (z[:, 1] == z[:, 2]).sum() > 100 and (z == 0).sum() > 100
    args = [net.SYMBOLS[name] for name in net.BASE]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ours = evaluate(net.derivative("L", wrt), args, [values[name] for name in net.BASE], len(z))[:, 0]
    np.testing.assert_array_equal(ours, torch_gradient("L", wrt, values))


def _no_nan(value) -> None:
    json.dumps(value, allow_nan=False)  # raises on NaN or infinity


@pytest.mark.parametrize("topic", ["activations", "conv_grads", "metrics"])
def test_verdicts_carry_no_nan_and_raise_no_warning(topic):
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        verdicts = run_all(registry.select(topic), samples=200, seed=2)
    for verdict in verdicts:
        _no_nan(verdict.to_json())
