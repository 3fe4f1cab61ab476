"""The 1-D valid convolution of Q4 and its parameter gradients, numeric and symbolic.

Convolution is cross-correlation, as in DL frameworks: with a kernel of size
K and an input of size n there are m = n - K + 1 outputs

    z_j = sum_{i=1..K} k_i u_{i+j-1} + b,    j = 1..m,

and, for an upstream gradient alpha_j = dL/dz_j, the chain rule gives
dL/dk_i = sum_j alpha_j u_{i+j-1} and dL/db = sum_j alpha_j.
:func:`conv1d_param_grads_symbolic` derives these by differentiating the
layer; it does not assume them.
"""

from __future__ import annotations

import reprlib

import numpy as np
import sympy as sp
from numpy.lib.stride_tricks import sliding_window_view
from sympy.polys.rings import ring

from ..errors import BadInputError

__all__ = ["conv1d_outputs", "conv1d_param_grads", "conv1d_param_grads_symbolic", "conv1d_valid"]


def _array(name: str, value) -> np.ndarray:
    try:
        raw = np.asarray(value)
        if np.iscomplexobj(raw):
            raise BadInputError(f"{name} holds complex numbers; pass real numbers")
        array = np.asarray(raw, dtype=float)
    except OverflowError:
        raise BadInputError(f"{name} holds a number too large for float64 (above 1.8e308); rescale it") from None
    except (TypeError, ValueError) as exc:
        if isinstance(exc, BadInputError):
            raise
        raise BadInputError(f"{name} must be an array of numbers, got {reprlib.repr(value)}") from None
    if array.ndim < 1 or array.shape[-1] < 1:
        raise BadInputError(f"{name} must be a non-empty array (last axis = positions), got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise BadInputError(f"{name} holds NaN or infinity; pass finite numbers")
    return array


def _finite(what: str, value: np.ndarray) -> np.ndarray:
    if not np.all(np.isfinite(value)):
        raise BadInputError(
            f"{what} overflows float64 for these inputs; rescale them (values up to about 1e150 are safe)"
        )
    return value


def _batch(**arrays: np.ndarray) -> None:
    """The leading (batch) axes must broadcast together."""
    try:
        np.broadcast_shapes(*(a.shape[:-1] for a in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{name} {a.shape}" for name, a in arrays.items())
        raise BadInputError(
            f"batch axes do not match ({shapes}); leading axes must broadcast, last = positions"
        ) from None


def conv1d_valid(u, kernel, bias=0.0) -> np.ndarray:
    """z_j = sum_i kernel_i u_{i+j-1} + bias over the last axis (valid cross-correlation).

    >>> conv1d_valid([1, 2, 3, 4], [1, 0, -1], bias=0.5)
    array([-1.5, -1.5])
    """
    u, kernel = _array("u", u), _array("kernel", kernel)
    size = kernel.shape[-1]
    if u.shape[-1] < size:
        raise BadInputError(
            f"input of length {u.shape[-1]} is shorter than the kernel ({size}); need len(u) >= len(kernel)"
        )
    try:
        bias = np.asarray(bias, dtype=float)
    except (TypeError, ValueError):
        raise BadInputError(f"bias must be a number (or one per batch), got {bias!r}") from None
    if not np.all(np.isfinite(bias)):
        raise BadInputError(f"bias must be a finite number (or one per batch), got {bias!r}")
    _batch(u=u, kernel=kernel, bias=bias[..., None])
    windows = sliding_window_view(u, size, axis=-1)
    with np.errstate(over="ignore", invalid="ignore"):
        return _finite("the convolution", np.einsum("...ji,...i->...j", windows, kernel) + bias[..., None])


def conv1d_param_grads(u, kernel, upstream) -> tuple[np.ndarray, np.ndarray]:
    """(dL/dkernel, dL/dbias) of a valid 1-D cross-correlation, given alpha_j = dL/dz_j.

    Leading axes are batch axes. ``kernel`` gives only the size (the
    gradients do not depend on its values, the layer being linear in them).

    >>> grad_k, grad_b = conv1d_param_grads([1.0, 2.0, 3.0, 4.0, 5.0], [0.0, 0.0, 0.0], [1.0, -1.0, 2.0])
    >>> grad_k.tolist(), float(grad_b)
    ([5.0, 7.0, 9.0], 2.0)
    """
    u, kernel, upstream = _array("u", u), _array("kernel", kernel), _array("upstream", upstream)
    size, outputs = kernel.shape[-1], upstream.shape[-1]
    if u.shape[-1] - size + 1 != outputs:
        raise BadInputError(
            f"lengths do not fit: input {u.shape[-1]} and kernel {size} give {u.shape[-1] - size + 1} outputs, "
            f"but upstream has {outputs}; need len(upstream) = len(u) - len(kernel) + 1"
        )
    _batch(u=u, upstream=upstream)
    windows = sliding_window_view(u, outputs, axis=-1)  # windows[..., i, j] = u[i + j]
    with np.errstate(over="ignore", invalid="ignore"):
        grads = np.einsum("...ij,...j->...i", windows, upstream), upstream.sum(axis=-1)
    return _finite("dL/dkernel", grads[0]), _finite("dL/dbias", grads[1])


def conv1d_outputs(u, kernel, bias, input_size: int, kernel_size: int) -> list[sp.Expr]:
    """The outputs z_1..z_m as SymPy expressions of indexable ``u`` and ``kernel`` (1-based).

    >>> u, k = sp.IndexedBase("u"), sp.IndexedBase("k")
    >>> conv1d_outputs(u, k, sp.Symbol("b"), 3, 2)
    [b + k[1]*u[1] + k[2]*u[2], b + k[1]*u[2] + k[2]*u[3]]
    """
    if not (isinstance(input_size, int) and isinstance(kernel_size, int) and 1 <= kernel_size <= input_size):
        raise BadInputError(
            f"need integer sizes with 1 <= kernel_size <= input_size, got input {input_size!r}, kernel {kernel_size!r}"
        )
    outputs = input_size - kernel_size + 1
    return [sum(kernel[i] * u[i + j - 1] for i in range(1, kernel_size + 1)) + bias for j in range(1, outputs + 1)]


def conv1d_param_grads_symbolic(
    input_size: int | sp.Expr | None = None, kernel_size: int | sp.Expr | None = None
) -> tuple[tuple[sp.Expr, ...] | sp.Lambda, sp.Expr]:
    """dL/dk and dL/db of the valid convolution, derived by SymPy, with alpha_j = dL/dz_j.

    With integer sizes: a tuple (dL/dk_1, ..., dL/dk_K) and dL/db, unrolled in
    ``u[...]`` and ``alpha[...]``. With symbolic sizes n and K: a ``Lambda``
    of the kernel index i and dL/db, as sums over j = 1..n-K+1 (a Piecewise
    keeps i <= K). With neither: the general form over j = 1..m, the kernel
    size written K = i + r (r >= 0, so i is a valid index) for SymPy's
    KroneckerDelta to collapse the sum over the kernel.

    L depends on k and b only through z, so to first order L varies as
    sum_j alpha_j z_j: differentiating that is the chain rule.

    >>> grads, grad_b = conv1d_param_grads_symbolic(4, 2)
    >>> grads[0], grad_b
    (alpha[1]*u[1] + alpha[2]*u[2] + alpha[3]*u[3], alpha[1] + alpha[2] + alpha[3])
    >>> conv1d_param_grads_symbolic()
    (Lambda(i, Sum(alpha[j]*u[i + j - 1], (j, 1, m))), Sum(alpha[j], (j, 1, m)))
    """
    u, kernel, alpha = sp.IndexedBase("u"), sp.IndexedBase("k"), sp.IndexedBase("alpha")
    bias = sp.Symbol("b", real=True)
    if isinstance(input_size, int) and isinstance(kernel_size, int):
        if not 1 <= kernel_size <= input_size:
            raise BadInputError(f"need 1 <= kernel_size <= input_size, got input {input_size}, kernel {kernel_size}")
        # differentiated in a polynomial ring: the same derivative, far faster than on Indexed expressions
        outputs = input_size - kernel_size + 1
        named = [*(u[n] for n in range(1, input_size + 1)), *(kernel[n] for n in range(1, kernel_size + 1))]
        named += [*(alpha[n] for n in range(1, outputs + 1)), bias]
        _, *gens = ring(sp.symbols(f"g0:{len(named)}"), sp.QQ)
        gen_u, gen_k = dict(enumerate(gens[:input_size], 1)), dict(enumerate(gens[input_size:][:kernel_size], 1))
        gen_alpha, gen_b = gens[input_size + kernel_size : -1], gens[-1]
        layer = conv1d_outputs(gen_u, gen_k, gen_b, input_size, kernel_size)
        first_order = sum((a * z for a, z in zip(gen_alpha, layer, strict=True)), gen_b.ring.zero)
        grads = tuple(first_order.diff(gen_k[n]).as_expr(*named) for n in range(1, kernel_size + 1))
        return grads, first_order.diff(gen_b).as_expr(*named)
    i, m = sp.symbols("i m", integer=True, positive=True)
    j, l = sp.symbols("j l", integer=True)
    if input_size is None and kernel_size is None:
        size, outputs = i + sp.Symbol("r", integer=True, nonnegative=True), m
    elif isinstance(input_size, sp.Expr) and isinstance(kernel_size, sp.Expr):
        size, outputs = kernel_size, input_size - kernel_size + 1
    else:
        raise BadInputError(
            f"give two integer sizes, two SymPy sizes, or neither; got input {input_size!r}, kernel {kernel_size!r}"
        )
    z = sp.Sum(kernel[l] * u[l + j - 1], (l, 1, size)) + bias
    first_order = sp.Sum(alpha[j] * z, (j, 1, outputs))
    return sp.Lambda(i, sp.diff(first_order, kernel[i]).doit()), sp.diff(first_order, bias).doit()
