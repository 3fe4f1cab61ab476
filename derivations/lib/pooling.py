"""Output sizes that :func:`.geometry.conv_output_size` does not cover: pools as PyTorch sizes them, transposed convolutions.

A pool pads at most half its kernel (PyTorch refuses more) and may round up
(``ceil_mode``); a window that would start in the right padding is dropped, as
PyTorch does. A transposed convolution maps n to
``(n - 1) s - 2p + d (k - 1) + op + 1``. Integers in, integer out; SymPy
symbols in, expression out.
"""

from __future__ import annotations

import sympy as sp

from ..errors import BadInputError
from .geometry import conv_output_size

__all__ = ["pool_output_size", "transposed_output_size"]


def _symbolic(*values) -> bool:
    return any(isinstance(v, sp.Basic) and v.free_symbols for v in values)


def _integer(name: str, value, minimum: int):
    if _symbolic(value):
        return value
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise BadInputError(f"{name} must be an integer >= {minimum}, got {value!r}")
    if int(value) < minimum:
        raise BadInputError(f"{name} must be an integer >= {minimum}, got {int(value)}")
    return int(value)


def pool_output_size(n, kernel, stride=None, padding=0, *, ceil_mode=False, dilation=1):
    """Length of a max or average pool's output along one axis, as PyTorch computes it.

    ``stride`` defaults to the kernel.

    >>> pool_output_size(7, 2), pool_output_size(7, 2, ceil_mode=True), pool_output_size(55, 3, 2)
    (3, 4, 27)
    >>> pool_output_size(5, 2, padding=3)
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.BadInputError: pool padding 3 is more than half the kernel 2; PyTorch allows at most 1
    >>> import sympy as sp
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> pool_output_size(n, 2), pool_output_size(n, 2, ceil_mode=True)
    (floor(n/2), ceiling(n/2))
    """
    kernel = _integer("kernel", kernel, 1)
    stride = kernel if stride is None else _integer("stride", stride, 1)
    padding = _integer("padding", padding, 0)
    dilation = _integer("dilation", dilation, 1)
    if not _symbolic(kernel, padding) and padding > kernel // 2:
        raise BadInputError(
            f"pool padding {padding} is more than half the kernel {kernel}; PyTorch allows at most {kernel // 2}"
        )
    if not ceil_mode:
        return conv_output_size(n, kernel, stride, padding, dilation)
    span = dilation * (kernel - 1) + 1
    if not _symbolic(n, kernel, stride, padding, dilation):
        n = _integer("input size n", n, 1)
        conv_output_size(n, kernel, stride, padding, dilation)  # the same "does not fit" check
        out = -(-(n + 2 * padding - span) // stride) + 1
        return out - 1 if (out - 1) * stride >= n + padding else out
    out = sp.ceiling((n + 2 * padding - span) / stride) + 1
    if not _symbolic(span, stride, padding) and stride <= span - padding:
        return out  # the last window always starts inside the input: no correction
    return sp.Piecewise((out - 1, (out - 1) * stride >= n + padding), (out, True))


def transposed_output_size(n, kernel, stride=1, padding=0, output_padding=0, dilation=1):
    """Length of a transposed convolution's output along one axis (PyTorch's ConvTranspose).

    >>> transposed_output_size(16, 2, 2), transposed_output_size(7, 3, 2, 1, 1)
    (32, 14)
    """
    n = _integer("input size n", n, 1)
    kernel = _integer("kernel", kernel, 1)
    stride = _integer("stride", stride, 1)
    padding = _integer("padding", padding, 0)
    dilation = _integer("dilation", dilation, 1)
    out = (n - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1
    if not _symbolic(out) and out < 1:
        raise BadInputError(
            f"a transposed convolution of {n} (kernel {kernel}, stride {stride}, padding {padding}) gives {out} "
            "outputs; use less padding"
        )
    return out
