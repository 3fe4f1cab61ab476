"""Convolution geometry: output size, receptive field and effective stride.

Convention (as in deep-learning frameworks): convolution is cross-correlation,
and a layer with kernel ``k``, stride ``s``, padding ``p`` and dilation ``d``
maps a length ``n`` to ``floor((n + 2p - d(k-1) - 1)/s) + 1``. The receptive
field of a stack follows Araujo, Norris and Sim, "Computing Receptive Fields
of Convolutional Neural Networks", Distill (2019):
``r = 1 + sum_l (k_l - 1) d_l prod_{j<l} s_j``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from numbers import Integral

import sympy as sp

from ..errors import BadInputError
from .symbols import d, k

__all__ = ["conv_output_size", "effective_stride", "receptive_field", "rf_reference", "stack_geometry"]


def _is_symbolic(value) -> bool:
    # a SymPy number (Float 3.0, Rational 3/2) is no size: only expressions with symbols are kept whole
    return isinstance(value, sp.Basic) and bool(value.free_symbols)


def _check_int(name: str, value, minimum: int, context: str = ""):
    if type(value) is int and value >= minimum:  # the common case first: a deep stack checks every layer
        return value
    if _is_symbolic(value):
        if (value - minimum).is_negative or getattr(value, "is_integer", None) is False:
            raise BadInputError(
                f"{context}{name} must be an integer >= {minimum}, got {value!r}, which its assumptions make "
                f"{'negative' if value.is_negative else 'smaller' if (value - minimum).is_negative else 'no integer'}; "
                "declare it integer=True, positive=True"
            )
        return value
    if isinstance(value, bool) or not isinstance(value, (Integral, sp.Integer)):
        raise BadInputError(f"{context}{name} must be an integer >= {minimum}, got {value!r}")
    if value < minimum:
        raise BadInputError(f"{context}{name} must be an integer >= {minimum}, got {value}")
    return int(value)


def conv_output_size(n, kernel, stride=1, padding=0, dilation=1):
    """Length of a convolution's output along one axis.

    Integers in, integer out; SymPy symbols in, expression out.

    >>> conv_output_size(32, 3, padding=1)
    32
    >>> conv_output_size(16, 5, stride=3, padding=2)
    6
    >>> import sympy as sp
    >>> N, k, d = sp.symbols("N k d", integer=True, positive=True)
    >>> conv_output_size(N, k, dilation=d)
    N - d*(k - 1)
    """
    n = _check_int("input size n", n, 1)
    kernel = _check_int("kernel", kernel, 1)
    stride = _check_int("stride", stride, 1)
    padding = _check_int("padding", padding, 0)
    dilation = _check_int("dilation", dilation, 1)
    span = dilation * (kernel - 1) + 1
    if not any(_is_symbolic(v) for v in (n, kernel, stride, padding, dilation)):
        if n + 2 * padding < span:
            raise BadInputError(
                f"a kernel spanning {span} (kernel {kernel}, dilation {dilation}) does not fit an input of "
                f"{n} padded by {padding} on each side; use an input of at least {span - 2 * padding} "
                "or a smaller kernel or dilation"
            )
        return (n + 2 * padding - span) // stride + 1
    return sp.floor((n + 2 * padding - span) / stride) + 1


def _layers(layers: Iterable[Sequence]) -> list[tuple]:
    if isinstance(layers, (str, bytes)) or not isinstance(layers, Iterable):
        raise BadInputError(
            f"layers must be a sequence of (kernel, stride, dilation) tuples, not {type(layers).__name__} {layers!r}"
        )
    out = []
    for pos, layer in enumerate(layers):
        context = f"layer {pos}: "
        if not isinstance(layer, (tuple, list)) or len(layer) != 3:
            raise BadInputError(f"{context}expected a (kernel, stride, dilation) tuple, got {layer!r}")
        kernel, stride, dilation = layer
        out.append(
            (
                _check_int("kernel", kernel, 1, context),
                _check_int("stride", stride, 1, context),
                _check_int("dilation", dilation, 1, context),
            )
        )
    return out


def stack_geometry(layers: Iterable[Sequence]) -> list[tuple]:
    """Receptive field and effective stride after each layer of a stack.

    ``layers`` holds ``(kernel, stride, dilation)`` tuples; a 2x2 max pool is
    ``(2, 2, 1)``. Returns one ``(receptive_field, effective_stride)`` pair
    per layer, computed in one pass (linear in the depth).

    >>> stack_geometry([(3, 1, 1), (2, 2, 1), (3, 1, 2)])
    [(3, 1), (4, 2), (12, 2)]
    """
    rf, jump, rows = 1, 1, []
    for kernel, stride, dilation in _layers(layers):
        rf = rf + (kernel - 1) * dilation * jump
        jump = jump * stride
        rows.append((rf, jump))
    return rows


def receptive_field(layers: Iterable[Sequence]):
    """Receptive field (in input positions) of the last layer of a stack.

    >>> receptive_field([(3, 1, 1)] * 3)
    7
    >>> receptive_field([(3, 1, 2), (3, 1, 4)])
    13
    >>> receptive_field([])
    1
    """
    rows = stack_geometry(layers)
    return rows[-1][0] if rows else 1


def effective_stride(layers: Iterable[Sequence]):
    """Distance in input positions between neighbouring outputs of the stack.

    >>> effective_stride([(3, 1, 1), (2, 2, 1), (2, 2, 1)])
    4
    """
    rows = stack_geometry(layers)
    return rows[-1][1] if rows else 1


def rf_reference(depth, kernel=k, dilation=d):
    """Receptive field of ``depth`` identical stride-1 dilated layers, in SymPy.

    Summed from the per-layer recurrence of a stack, r_l = r_{l-1} +
    (k_l - 1) d_l j_{l-1} with jump j_{l-1} = 1 for stride 1.

    >>> rf_reference(2)
    2*d*(k - 1) + 1
    >>> from convproof.derivations.lib.symbols import i
    >>> rf_reference(i)
    d*i*(k - 1) + 1
    """
    layer = sp.Symbol("l", integer=True, positive=True)
    jump = sp.Product(1, (sp.Symbol("j", integer=True, positive=True), 1, layer - 1))
    total = 1 + sp.Sum((kernel - 1) * dilation * jump, (layer, 1, depth)).doit()
    return sp.factor_terms(sp.expand(total) - 1) + 1
