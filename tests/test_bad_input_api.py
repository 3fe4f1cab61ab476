"""Bad input, part four: the Python API given wrong types and values (harness: tests/bad_input_table.py).

Every public helper raises our error for text, None, sequences, matrices, complex numbers
and integers beyond float64, in one line; none returns a wrong value silently.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from convproof import conv1d_param_grads, conv_output_size, mse, nrmse, rmse, rrmse
from convproof.derivations.errors import BadInputError
from convproof.derivations.lib import activations
from tests.bad_input_table import Row, api, check_row, ids

BAD_VALUES = {
    "text": ("x", "str 'x'"),
    "none": (None, "NoneType None"),
    "list": ([1, 2], "list [1, 2]"),
    "matrix": (sp.Matrix([1, -1]), "Matrix(["),
    "complex": (1 + 2j, "complex"),
}
FUNCTIONS = ("gelu", "relu", "sigmoid", "elu", "selu", "silu", "softplus", "mish", "hardswish", "leaky_relu")
BIG = 10**400
n_neg, n_real = sp.Symbol("n", negative=True), sp.Symbol("n", integer=False)

TABLE = [
    *(
        api(f"{name}-{kind}", lambda f=name, v=value: getattr(activations, f)(v), BadInputError, f"{name}(x)", says)
        for name in FUNCTIONS
        for kind, (value, says) in BAD_VALUES.items()
    ),
    api("leaky-relu-slope-text", lambda: activations.leaky_relu(1, negative_slope="a"), BadInputError, "negative_slope"),
    api("elu-alpha-list", lambda: activations.elu(1, alpha=[1]), BadInputError, "alpha", "list"),
    api("hardtanh-bound-none", lambda: activations.hardtanh(1, None), BadInputError, "min_val", "NoneType"),
    api("softplus-beta-matrix", lambda: activations.softplus(1, beta=sp.eye(2)), BadInputError, "beta", "Matrix"),
    api("mse-huge-int", lambda: mse([BIG], [1]), BadInputError, "y_true", "too large for float64"),
    api("mse-huge-int-pred", lambda: mse([1], [BIG]), BadInputError, "y_pred", "too large for float64"),
    api("rmse-huge-int", lambda: rmse([BIG, 1], [1, 1]), BadInputError, "too large for float64", "rescale"),
    api("rrmse-huge-int", lambda: rrmse([1, 2], [BIG, 1]), BadInputError, "y_pred", "rescale"),
    api("nrmse-huge-int", lambda: nrmse([BIG, 2], [1, 2]), BadInputError, "y_true", "rescale"),
    api("mse-complex-arrays", lambda: mse(np.array([1 + 2j]), np.array([1 + 0j])), BadInputError, "complex", "real"),
    api("mse-complex-list", lambda: mse([1j, 2], [1, 2]), BadInputError, "y_true holds complex"),
    api("rmse-complex-pred", lambda: rmse([1, 2], np.array([1, 2], dtype=complex)), BadInputError, "y_pred holds complex"),
    api("nrmse-complex", lambda: nrmse(np.array([1, 2], dtype=complex), [1, 2]), BadInputError, "complex"),
    api("rrmse-complex", lambda: rrmse([1, 2], [1j, 2j]), BadInputError, "complex"),
    api("mse-none", lambda: mse(None, [1]), BadInputError, "y_true", "one-dimensional"),
    api("mse-dict", lambda: mse({"a": 1}, [1]), BadInputError, "y_true"),
    api("mse-long-text-list", lambda: mse(["a"] * 1000, [1.0] * 1000), BadInputError, "sequence of numbers", "..."),
    api("grads-huge-u", lambda: conv1d_param_grads([BIG, 1], [1], [1, 2]), BadInputError, "u holds", "too large"),
    api("grads-huge-kernel", lambda: conv1d_param_grads([1, 2], [BIG], [1, 2]), BadInputError, "too large"),
    api("grads-huge-upstream", lambda: conv1d_param_grads([1, 2], [1], [BIG, 2]), BadInputError, "upstream", "too large"),
    api("grads-complex-u", lambda: conv1d_param_grads([1j, 2], [1], [1, 2]), BadInputError, "u holds complex"),
    api("grads-text", lambda: conv1d_param_grads("abc", [1], [1]), BadInputError, "u must be an array of numbers"),
    api("geometry-negative-n", lambda: conv_output_size(n_neg, 3), BadInputError, "input size n", "negative"),
    api("geometry-negative-kernel", lambda: conv_output_size(32, n_neg), BadInputError, "kernel", "negative"),
    api("geometry-negative-stride", lambda: conv_output_size(32, 3, stride=n_neg), BadInputError, "stride"),
    api("geometry-negative-padding", lambda: conv_output_size(32, 3, padding=n_neg), BadInputError, "padding"),
    api("geometry-negative-dilation", lambda: conv_output_size(32, 3, dilation=n_neg), BadInputError, "dilation"),
    api("geometry-noninteger-n", lambda: conv_output_size(n_real, 3), BadInputError, "no integer", "integer=True"),
    api("geometry-nonpositive-symbol", lambda: conv_output_size(sp.Symbol("m", nonpositive=True) - 1, 3), BadInputError, "input size"),
]  # fmt: skip


@pytest.mark.parametrize("row", TABLE, ids=ids(TABLE))
def test_bad_api_input(row: Row, tmp_path, capsys, monkeypatch):
    check_row(row, tmp_path, capsys, monkeypatch)


def test_valid_symbols_and_numbers_still_work():
    x = sp.Symbol("x", real=True)
    assert activations.relu(2) == 2 and activations.gelu(x).has(x)
    assert conv_output_size(sp.Symbol("n", integer=True, positive=True), 3) is not None
