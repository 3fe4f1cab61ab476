"""The layer notation: a network spec, parsed into layers (grammar and examples: docs/layer-notation.md).

Layers are separated by spaces, commas or ``->``; names are case-insensitive.
``CONVk-f`` is a k x k convolution with f filters, stride 1 and padding
(k-1)/2; ``CONVk-f(s,p,d)`` gives stride, padding (a number, ``same`` or
``valid``) and dilation; ``CONVkxj-f`` a non-square kernel; ``CONVk-f/g`` g
groups; ``DWCONVk`` a depthwise convolution; ``TCONVk-f(s,p,op,d)`` a transposed
one; ``nobias`` in the brackets drops the bias. ``POOL-k(s,p)`` (``MAXPOOL``)
and ``AVGPOOL-k(s,p)`` pool with stride k unless given, ``ceil`` rounding up;
``GAP`` averages each channel globally; ``DROPOUT(p)``, ``SOFTMAX``,
``BATCHNORM``, ``FLATTEN``, ``FC-n`` and activations by name (``RELU``,
``GELU``, ...). ``RES[main | shortcut]`` is a residual block (no shortcut: the
identity). The numbers each layer computes are in :mod:`.layer_table`.
"""

from __future__ import annotations

import re

from ..errors import BadInputError
from .layer_input import parse_input_shape
from .layer_kinds import ACTIVATIONS, NAMES, NOTATION, Layer, build_layer, pointed

__all__ = ["Layer", "parse_input_shape", "parse_layer_spec"]

_TOKEN = re.compile(
    r"(?P<name>[A-Za-z]+)(?:-?(?P<a>\d+(?:[x×]\d+)*))?(?:-(?P<b>\d+))?(?:/(?P<g>\d+))?"
    r"(?:\s*\((?P<args>[^()\[\]|]*)\))?",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"(?:\s|,|->|→)*")
_BLOCK = re.compile(r"RES\s*\[", re.IGNORECASE)


class _Parser:
    """A recursive-descent reader of a spec that numbers layers in the order they are written."""

    def __init__(self, spec: str):
        self.spec = spec
        self.count = 0

    def fail(self, at: int, token: str, message: str):
        position = self.count + 1
        raise BadInputError(
            f"layer {position} ({token!r}) at character {at}: {message}; in {pointed(self.spec, at)!r}"
        ) from None

    def skip(self, pos: int) -> int:
        return _SEPARATORS.match(self.spec, pos).end()

    def items(self, pos: int, closing: str) -> tuple[tuple[Layer, ...], int]:
        """Layers from ``pos`` up to one of the characters in ``closing`` (or the end); the position reached."""
        spec, layers = self.spec, []
        pos = self.skip(pos)
        while pos < len(spec) and spec[pos] not in closing:
            block = _BLOCK.match(spec, pos)
            layers.append(self.block(pos, block.end()) if block else self.layer(pos))
            end = layers[-1].column + len(layers[-1].text)
            pos = self.skip(end)
            if pos == end and pos < len(spec) and spec[pos] not in closing:
                bad = re.match(r"[^\s,\]|]*", spec[layers[-1].column :]).group(0)
                self.count -= 1
                self.fail(layers[-1].column, bad, f"cannot read it; write {NOTATION}")
        return tuple(layers), pos

    def block(self, start: int, pos: int) -> Layer:
        main, pos = self.items(pos, "|]")
        shortcut: tuple[Layer, ...] = ()
        if pos < len(self.spec) and self.spec[pos] == "|":
            shortcut, pos = self.items(pos + 1, "|]")
            if pos < len(self.spec) and self.spec[pos] == "|":
                self.fail(pos, "|", "a residual block has one shortcut: write RES[main layers | shortcut layers]")
        if pos >= len(self.spec):
            self.fail(start, self.spec[start:], "the residual block is not closed; end it with ']'")
        if not main:
            self.fail(start, self.spec[start : pos + 1], "a residual block needs layers on its main path")
        self.count += 1
        text = self.spec[start : pos + 1]
        return Layer("res", text, self.count, column=start, main=main, shortcut=shortcut)

    def layer(self, pos: int) -> Layer:
        match = _TOKEN.match(self.spec, pos)
        if match is None:
            bad = re.match(r"[^\s,]*", self.spec[pos:]).group(0) or self.spec[pos]
            self.fail(pos, bad, f"cannot read it; write {NOTATION}")
        name = match.group("name").upper()
        if name not in NAMES and name not in ACTIVATIONS:
            self.fail(pos, match.group(0), f"unknown layer {match.group('name')!r}; write one of {NOTATION}")
        try:
            layer = build_layer(match, self.count + 1, pos)
        except BadInputError as exc:
            self.fail(pos, match.group(0), str(exc))
        self.count += 1
        return layer


def parse_layer_spec(spec: str) -> tuple[Layer, ...]:
    """Read a network written in the layer notation into its layers (a residual block is one layer).

    >>> [(l.kind, l.kernel, l.stride, l.padding, l.units) for l in parse_layer_spec("CONV5-16(3,2), Pool-2 -> FC10")]
    [('conv', 5, 3, 2, 16), ('pool', 2, 2, 0, 0), ('dense', 1, 1, 0, 10)]
    >>> [(l.kind, l.kernels, l.dilation, l.groups, l.bias) for l in parse_layer_spec("CONV3x5-8(1,1x2,2) CONV3-8/4(nobias)")]
    [('conv', (3, 5), 2, 1, True), ('conv', (3,), 1, 4, False)]
    >>> block = parse_layer_spec("RES[CONV3-64 BATCHNORM RELU | CONV1-64(1,0)] AVGPOOL-3(2,1,ceil) GAP")[0]
    >>> block.kind, [l.text for l in block.main], [l.text for l in block.shortcut], block.position
    ('res', ['CONV3-64', 'BATCHNORM', 'RELU'], ['CONV1-64(1,0)'], 5)
    >>> parse_layer_spec("CONV3-8 FOO")
    Traceback (most recent call last):
    ...
    convproof.derivations.errors.BadInputError: layer 2 ('FOO') at character 8: unknown layer 'FOO'; ...
    """
    if not isinstance(spec, str):
        raise BadInputError(f"a layer spec must be a string such as 'CONV3-8 RELU POOL-2 FC-10', not {spec!r}")
    parser = _Parser(spec)
    layers, pos = parser.items(0, "|]")
    if pos < len(spec):
        parser.fail(pos, spec[pos], f"{spec[pos]!r} outside a residual block; write RES[main layers | shortcut]")
    if not layers:
        raise BadInputError(f"the layer spec {spec!r} has no layers; write e.g. 'CONV3-8 RELU POOL-2 FC-10'")
    return layers


def flat_layers(layers) -> list[Layer]:
    """Every layer in position order: a block's main path, its shortcut, then the block (its sum).

    >>> [l.text for l in flat_layers(parse_layer_spec("RES[CONV3-8 | CONV1-8(1,0)] RELU"))]
    ['CONV3-8', 'CONV1-8(1,0)', 'RES[CONV3-8 | CONV1-8(1,0)]', 'RELU']
    """
    out: list[Layer] = []
    for layer in layers:
        if layer.kind == "res":
            out.extend(flat_layers(layer.main))
            out.extend(flat_layers(layer.shortcut))
        out.append(layer)
    return out
