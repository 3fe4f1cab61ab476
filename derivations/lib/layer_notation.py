"""The report's layer notation: a network spec and an input shape, parsed.

Notation (case-insensitive; layers separated by spaces, commas or ``->``):
``CONVk-f`` is a k x k convolution with f filters, stride 1 and padding
(k-1)/2; ``CONVk-f(s,p)`` gives stride s and padding p; ``POOL-n`` (or
``POOLn``) an n x n max pool with stride n; ``FC-n`` (or ``FCn``) a dense
layer with n outputs, flattening first where needed; ``BATCHNORM``, ``RELU``,
``FLATTEN``. What each layer computes is in :mod:`convproof.derivations.lib.layer_table`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BadInputError

__all__ = ["Layer", "parse_input_shape", "parse_layer_spec"]

_NOTATION = "CONVk-f, CONVk-f(s,p), POOL-n, BATCHNORM, RELU, FLATTEN or FC-n"
_TOKEN = re.compile(r"(?P<name>[A-Za-z]+)(?:-?(?P<a>\d+))?(?:-(?P<b>\d+))?(?:\s*\((?P<args>[^()]*)\))?")
_SEPARATORS = re.compile(r"(?:\s|,|->|→)*")
_NAMES = {"CONV": "conv", "POOL": "pool", "BATCHNORM": "batchnorm", "RELU": "relu", "FLATTEN": "flatten", "FC": "dense"}


@dataclass(frozen=True)
class Layer:
    """One layer of a spec: its kind, the text as written, its 1-based position and settings.

    ``kernel``/``stride``/``padding`` describe a convolution or pool window;
    ``units`` is a convolution's number of filters or a dense layer's outputs.
    """

    kind: str
    text: str
    position: int
    kernel: int = 1
    stride: int = 1
    padding: int = 0
    units: int = 0

    @property
    def where(self) -> str:
        """How error messages name the layer: ``layer 5 ('CONV5-16(3,2)')``."""
        return f"layer {self.position} ({self.text!r})"


def _layer(match: re.Match, position: int) -> Layer:
    text = match.group(0)
    name, a, b, args = match.group("name").upper(), match.group("a"), match.group("b"), match.group("args")
    kind = _NAMES.get(name)
    where = f"layer {position} ({text!r})"
    if kind is None:
        raise BadInputError(f"{where}: unknown layer {match.group('name')!r}; write one of {_NOTATION}")
    numbers = {"conv": 2, "pool": 1, "dense": 1}.get(kind, 0)
    given = [int(v) for v in (a, b) if v is not None]
    if len(given) != numbers or (args is not None and kind != "conv"):
        raise BadInputError(f"{where}: cannot read it as {kind}; write one of {_NOTATION}")
    if any(v < 1 for v in given):
        raise BadInputError(f"{where}: sizes must be integers >= 1, got {', '.join(map(str, given))}")
    if kind == "pool":
        return Layer(kind, text, position, kernel=given[0], stride=given[0])
    if kind == "dense":
        return Layer(kind, text, position, units=given[0])
    if kind != "conv":
        return Layer(kind, text, position)
    kernel, filters = given
    if args is None:
        if kernel % 2 == 0:
            raise BadInputError(
                f"{where}: an even kernel has no 'same' padding (k-1)/2; give stride and padding, "
                f"e.g. CONV{kernel}-{filters}(1,0)"
            )
        return Layer(kind, text, position, kernel=kernel, padding=(kernel - 1) // 2, units=filters)
    settings = [v.strip() for v in args.split(",")]
    if len(settings) != 2 or not all(re.fullmatch(r"-?\d+", v) for v in settings):
        raise BadInputError(f"{where}: write stride and padding as two integers, e.g. CONV{kernel}-{filters}(2,1)")
    stride, padding = map(int, settings)
    if stride < 1 or padding < 0:
        raise BadInputError(f"{where}: stride must be >= 1 and padding >= 0, got stride {stride}, padding {padding}")
    return Layer(kind, text, position, kernel=kernel, stride=stride, padding=padding, units=filters)


def parse_layer_spec(spec: str) -> tuple[Layer, ...]:
    """Read a network written in the report's notation into its layers.

    >>> [(l.kind, l.kernel, l.stride, l.padding, l.units) for l in parse_layer_spec("CONV5-16(3,2), Pool-2 -> FC10")]
    [('conv', 5, 3, 2, 16), ('pool', 2, 2, 0, 0), ('dense', 1, 1, 0, 10)]
    """
    if not isinstance(spec, str):
        raise BadInputError(f"a layer spec must be a string such as 'CONV3-8 RELU POOL-2 FC-10', not {spec!r}")
    layers: list[Layer] = []
    pos = _SEPARATORS.match(spec).end()
    while pos < len(spec):
        position = len(layers) + 1
        match = _TOKEN.match(spec, pos)
        # a token must end the spec or be followed by a separator (matched in place: slicing the rest
        # of the spec for every layer made a deep stack quadratic)
        if match is None or not (match.end() == len(spec) or _SEPARATORS.match(spec, match.end()).end() > match.end()):
            bad = re.match(r"[^\s,]*", spec[pos:]).group(0) or spec[pos]
            raise BadInputError(f"layer {position} ({bad!r}) at character {pos}: cannot read it; write {_NOTATION}")
        layers.append(_layer(match, position))
        pos = _SEPARATORS.match(spec, match.end()).end()
    if not layers:
        raise BadInputError(f"the layer spec {spec!r} has no layers; write e.g. 'CONV3-8 RELU POOL-2 FC-10'")
    return tuple(layers)


def parse_input_shape(shape) -> tuple[int, ...]:
    """An input shape H x W x C (or a vector size n) from text like ``32x32x3`` or a tuple.

    >>> parse_input_shape("32x32x3"), parse_input_shape("224 × 224 × 3"), parse_input_shape((784,))
    ((32, 32, 3), (224, 224, 3), (784,))
    """
    if isinstance(shape, str):
        parts = [v.strip() for v in re.split(r"[x×X*,]", shape.strip())]
        if not all(re.fullmatch(r"[+-]?\d+", v) for v in parts):
            raise BadInputError(f"input shape {shape!r}: write H x W x C as integers, e.g. 32x32x3 (or n for a vector)")
        dims = tuple(int(v) for v in parts)
    elif isinstance(shape, (tuple, list)) and all(isinstance(v, int) and not isinstance(v, bool) for v in shape):
        dims = tuple(shape)
    else:
        raise BadInputError(f"input shape {shape!r}: give a string such as '32x32x3' or a tuple of integers")
    if len(dims) not in (1, 3):
        raise BadInputError(f"input shape {shape!r} has {len(dims)} sizes; give H x W x C (3 sizes) or n (1 size)")
    if any(v < 1 for v in dims):
        raise BadInputError(f"input shape {shape!r}: every size must be >= 1")
    return dims
