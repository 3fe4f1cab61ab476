"""Fuzzing the public API: every input either succeeds or raises one of our errors, never anything else.

Hypothesis draws well-formed and malformed inputs alike (wrong types, NaN,
huge numbers, random layer specs, random LaTeX). A success is checked for
a basic invariant; a failure must be a :class:`ConvproofError` (a
``ValueError`` subclass) with a message. The number of examples per test
depends on the profile: the thorough one (CONVPROOF_PROFILE=thorough, as in
``bash scripts/setup.sh test``) runs more than 10,000 in total.
"""

from __future__ import annotations

import math
import os
import warnings
from collections import Counter

import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convproof import (
    ConvproofError,
    conv1d_param_grads,
    conv_output_size,
    layer_table,
    parse_layer_spec,
    receptive_field,
)
from convproof.derivations.latex.front import parse
from convproof.derivations.lib import metrics

THOROUGH = os.environ.get("CONVPROOF_PROFILE") == "thorough"
# examples per test: thorough sums to more than 10,000; quick keeps the default run short
EXAMPLES = {
    "conv_output_size": 2500,
    "receptive_field": 2000,
    "layer_spec": 1500,
    "layer_table": 1500,
    "conv1d_param_grads": 1000,
    "metrics": 1500,
    "latex": 800,
}
QUICK = {name: max(10, count // 25) for name, count in EXAMPLES.items()}
RAN: Counter[str] = Counter()


def examples(name: str):
    """Settings for one fuzz test: its share of the examples, without the slow-data health check."""
    count = EXAMPLES[name] if THOROUGH else QUICK[name]
    return settings(max_examples=count, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def outcome(name: str, call):
    """Run ``call``: its value on success, or the ConvproofError it raised; anything else (a TypeError,
    a RuntimeWarning from NumPy) fails the test."""
    RAN[name] += 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)  # an overflow warning reaching the user is a bug
            return call()
    except ConvproofError as exc:
        assert str(exc).strip(), f"{type(exc).__name__} without a message"
        assert "\n" not in str(exc), f"a multi-line message: {exc}"
        return exc


# Values that are not sizes: wrong types, numbers that are not integers, SymPy numbers, booleans.
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=4),
    st.builds(sp.Float, st.floats(-10, 10)),
    st.builds(sp.Rational, st.integers(-9, 9), st.integers(1, 9)),
    st.lists(st.integers(), max_size=2),
    st.complex_numbers(max_magnitude=5),
)
sizes = st.one_of(st.integers(-3, 40), st.integers(-(10**30), 10**30), st.builds(np.int64, st.integers(-5, 50)), junk)


@examples("conv_output_size")
@given(n=sizes, kernel=sizes, stride=sizes, padding=sizes, dilation=sizes)
def test_conv_output_size(n, kernel, stride, padding, dilation):
    result = outcome("conv_output_size", lambda: conv_output_size(n, kernel, stride, padding, dilation))
    if not isinstance(result, ConvproofError):
        assert isinstance(result, int) and result >= 1


layers = st.one_of(st.tuples(sizes, sizes, sizes), st.lists(st.integers(-2, 9), max_size=4), junk)


@examples("receptive_field")
@given(stack=st.one_of(st.lists(layers, max_size=6), junk, st.integers()))
def test_receptive_field(stack):
    result = outcome("receptive_field", lambda: receptive_field(stack))
    if not isinstance(result, ConvproofError):
        assert isinstance(result, int) and result >= 1


TOKENS = [
    "CONV3-8",
    "CONV5-16(3,2)",
    "CONV2-4",
    "CONV0-1",
    "CONV3-8(0,1)",
    "CONV3-8(1,-1)",
    "CONV3-8(1,2,3)",
    "CONV3-8(",
    "POOL-2",
    "Pool2",
    "POOL-0",
    "POOL-64",
    "FC-10",
    "FC10",
    "FC",
    "BATCHNORM",
    "RELU",
    "relu",
    "FLATTEN",
    "FOO",
    "->",
    ",",
    " ",
    "→",
    "(",
    ")",
    "-",
    "3",
    "CONV99999999999999999999-2",
]
specs = st.one_of(st.lists(st.sampled_from(TOKENS), max_size=10).map(" ".join), st.text(max_size=30), junk)


@examples("layer_spec")
@given(spec=specs)
def test_parse_layer_spec(spec):
    result = outcome("layer_spec", lambda: parse_layer_spec(spec))
    if not isinstance(result, ConvproofError):
        assert len(result) >= 1 and all(layer.position == pos for pos, layer in enumerate(result, start=1))


shapes = st.one_of(
    st.sampled_from(["32x32x3", "5x5x1", "1x1x1", "784", "0x3x3", "32x32", "224 × 224 × 3", "x", "", "3x3x3x3"]),
    st.tuples(st.integers(-2, 70), st.integers(-2, 70), st.integers(-2, 5)),
    st.text(alphabet="0123456789x ×-+,", max_size=10),
    junk,
)


@examples("layer_table")
@given(spec=specs, shape=shapes)
def test_layer_table(spec, shape):
    result = outcome("layer_table", lambda: layer_table(spec, shape))
    if not isinstance(result, ConvproofError):
        assert result.params >= 0 and all(min(row.output_shape) >= 1 for row in result.rows)


reals = st.floats(allow_nan=True, allow_infinity=True)
arrays = st.one_of(
    st.lists(reals, max_size=6),
    st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=6),
    st.lists(st.lists(st.floats(-10, 10), min_size=1, max_size=3), max_size=3),
    junk,
)


@examples("conv1d_param_grads")
@given(u=arrays, kernel=arrays, upstream=arrays)
def test_conv1d_param_grads(u, kernel, upstream):
    result = outcome("conv1d_param_grads", lambda: conv1d_param_grads(u, kernel, upstream))
    if not isinstance(result, ConvproofError):
        grad_kernel, grad_bias = result
        assert np.all(np.isfinite(grad_kernel)) and np.all(np.isfinite(grad_bias))


@examples("metrics")
@given(
    name=st.sampled_from(["mse", "rmse", "nrmse", "rrmse"]),
    data=st.one_of(
        st.lists(st.tuples(reals, reals), max_size=8).map(lambda pairs: ([a for a, _ in pairs], [b for _, b in pairs])),
        st.tuples(arrays, arrays),
    ),
    normalizer=st.one_of(st.sampled_from([*metrics.NORMALIZERS, "median", ""]), junk),
)
def test_metrics(name, data, normalizer):
    y_true, y_pred = data
    function = getattr(metrics, name)
    call = (lambda: function(y_true, y_pred, normalizer)) if name == "nrmse" else (lambda: function(y_true, y_pred))
    result = outcome("metrics", call)
    if not isinstance(result, ConvproofError):
        assert isinstance(result, float) and math.isfinite(result)
        if name in ("mse", "rmse"):
            assert result >= 0


LATEX_TOKENS = [
    "x",
    "k",
    "d",
    "y_i",
    "RF_{i-1}",
    "1",
    "2.5",
    "+",
    "-",
    "=",
    "^",
    "_",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "|",
    "&",
    ",",
    "\\",
    "\\\\",
    "\\frac",
    "\\sqrt",
    "\\sum_{i=1}^n",
    "\\partial",
    "\\frac{\\partial L}{\\partial w_1}",
    "\\max",
    "\\left(",
    "\\right)",
    "\\lfloor",
    "\\rfloor",
    "\\dots",
    "\\cdot",
    "\\times",
    "\\text{if }",
    "\\text{",
    "\\operatorname{erf}",
    "\\sigma",
    "\\log",
    "\\exp",
    "\\begin{cases}",
    "\\end{cases}",
    "\\begin{aligned}",
    "\\end{aligned}",
    "\\Rightarrow",
    "\\leq",
    "<",
    ">",
    "$",
    "\\infty",
    "\\int_0^x",
    "dt",
]
SYMBOLS = {name: sp.Symbol(name, real=True) for name in ("x", "k", "d", "y_i", "RF_{i-1}", "L", "n", "i", "t")}
latex_inputs = st.one_of(
    st.lists(st.sampled_from(LATEX_TOKENS), max_size=12).map(" ".join),
    st.lists(st.sampled_from(LATEX_TOKENS), max_size=12).map("".join),
    st.text(max_size=24),
    junk,
)


@pytest.fixture(scope="module", autouse=True)
def _no_parse_cache():
    """Random LaTeX must not fill the user's persistent parse cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONVPROOF_NO_CACHE", "1")
        yield


@examples("latex")
@given(latex=latex_inputs)
def test_latex_parse(latex):
    result = outcome("latex", lambda: parse(latex, SYMBOLS, words=["RF"], functions={"sigma": sp.Function("sigma")}))
    if not isinstance(result, ConvproofError):
        assert isinstance(result, sp.Basic)


def test_thorough_profile_runs_ten_thousand_examples():
    """Counted, not assumed: Hypothesis stops early once a strategy's inputs are exhausted."""
    if not THOROUGH or len(RAN) < len(EXAMPLES):
        pytest.skip("counts the examples of a thorough run of the whole module")
    assert sum(RAN.values()) >= 10_000, RAN
