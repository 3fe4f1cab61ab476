"""The input of a layer table: its sizes, its layout (channels last or first) and symbolic sizes.

Sizes are kept channels last inside the table: ``L x C`` (1-D), ``H x W x C``
(2-D), ``D x H x W x C`` (3-D) or ``n`` (a vector). ``layout="chw"`` reads
channels first. An input whose first size is at most 4 and whose last is larger
than 4 (``3x32x32``) looks channels first; without a layout it is refused with a
hint instead of being misread. A size may be a name (``HxWx3``): it becomes a
positive integer SymPy symbol, and the table gives formulas in it.
"""

from __future__ import annotations

import re
from numbers import Integral

import sympy as sp

from ..errors import BadInputError

__all__ = ["LAYOUTS", "channels_last", "parse_input_shape"]

# accepted layouts -> True when the channels come first
LAYOUTS = {
    "hwc": False,
    "chw": True,
    "last": False,
    "first": True,
    "channels_last": False,
    "channels_first": True,
    "lc": False,
    "cl": True,
    "dhwc": False,
    "cdhw": True,
}
_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_RANKS = "n (a vector), L x C (1-D), H x W x C (2-D) or D x H x W x C (3-D)"


def _size(value, shape):
    if isinstance(value, bool):
        raise BadInputError(f"input shape {shape!r}: give a string such as '32x32x3' or a tuple of integers")
    if isinstance(value, (Integral, sp.Integer)):
        return int(value)
    if isinstance(value, sp.Symbol):
        return value
    if isinstance(value, sp.Basic) and value.free_symbols and value.is_integer is not False:
        return value
    raise BadInputError(f"input shape {shape!r}: give a string such as '32x32x3' or a tuple of integers")


def _from_text(shape: str) -> tuple:
    parts = [v.strip() for v in re.split(r"[x×X*,]", shape.strip())]
    dims = []
    for part in parts:
        if re.fullmatch(r"[+-]?\d+", part):
            dims.append(int(part))
        elif _NAME.fullmatch(part) and not re.fullmatch(r"[xX]", part):
            dims.append(sp.Symbol(part, integer=True, positive=True))
        else:
            raise BadInputError(
                f"input shape {shape!r}: write H x W x C as integers, e.g. 32x32x3 (or n for a vector; "
                "a name such as H for a symbolic size)"
            )
    return tuple(dims)


def channels_last(dims: tuple, layout: str | None) -> tuple:
    """Sizes in the table's order (channels last) from sizes given in ``layout``.

    >>> channels_last((3, 32, 32), "chw"), channels_last((32, 32, 3), None), channels_last((3, 100), "cl")
    ((32, 32, 3), (32, 32, 3), (100, 3))
    """
    if layout is None:
        numbers = all(isinstance(v, int) for v in dims)
        if len(dims) >= 2 and numbers and dims[0] <= 4 < dims[-1]:
            shown = "x".join(map(str, dims))
            guess = "x".join(map(str, (*dims[1:], dims[0])))
            raise BadInputError(
                f"input shape {shown} looks channels first ({dims[0]} channels); the input is read height x width "
                f"x channels: write {guess}, or pass --layout chw (layout='chw'), or --layout hwc if {dims[-1]} "
                "really is the channel count"
            )
        return dims
    if not isinstance(layout, str) or layout.lower() not in LAYOUTS:
        raise BadInputError(f"layout {layout!r}: write 'hwc' (channels last) or 'chw' (channels first)")
    if LAYOUTS[layout.lower()] and len(dims) >= 2:
        return (*dims[1:], dims[0])
    return dims


def parse_input_shape(shape, layout: str | None = None) -> tuple:
    """An input shape, channels last, from text like ``32x32x3`` or a tuple; ``layout="chw"`` reads channels first.

    >>> parse_input_shape("32x32x3"), parse_input_shape("224 × 224 × 3"), parse_input_shape((784,))
    ((32, 32, 3), (224, 224, 3), (784,))
    >>> parse_input_shape("3x224x224", layout="chw"), parse_input_shape("HxWx3")
    ((224, 224, 3), (H, W, 3))
    >>> parse_input_shape("3x32x32")
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.BadInputError: input shape 3x32x32 looks channels first (3 channels); ...
    """
    if isinstance(shape, str):
        dims = _from_text(shape)
    elif isinstance(shape, (tuple, list)):
        dims = tuple(_size(v, shape) for v in shape)
    else:
        raise BadInputError(f"input shape {shape!r}: give a string such as '32x32x3' or a tuple of integers")
    if not 1 <= len(dims) <= 4:
        raise BadInputError(f"input shape {shape!r} has {len(dims)} sizes; give H x W x C, or {_RANKS}")
    if any(isinstance(v, int) and v < 1 for v in dims):
        raise BadInputError(f"input shape {shape!r}: every size must be >= 1")
    return channels_last(dims, layout)
