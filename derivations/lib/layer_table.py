"""The layer table of a sequential network: output shapes, parameter counts, receptive fields.

Every count comes from a layer formula in SymPy symbols (:data:`PARAMETERS`),
substituted with the layer's numbers, so a row carries the formula that gives
its value. Convolution is cross-correlation and output sizes are floored, as
in PyTorch; receptive fields follow :mod:`convproof.derivations.lib.geometry`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from sympy.printing.pycode import PythonCodePrinter

from ..errors import BadInputError
from .geometry import conv_output_size, stack_geometry
from .layer_notation import Layer, parse_input_shape, parse_layer_spec

__all__ = [
    "PARAMETERS",
    "RUNNING_STATISTICS",
    "LayerRow",
    "LayerTable",
    "evaluate_integers",
    "layer_table",
    "substitute",
]

H, W, C = sp.symbols("H W C", integer=True, positive=True)
k, s, f, n_in, n_out = sp.symbols("k s f n_in n_out", integer=True, positive=True)
p = sp.Symbol("p", integer=True, nonnegative=True)

# Trainable parameters of one layer, in the symbols of its input (H, W, C or
# n_in) and its settings; a kind not listed has none.
PARAMETERS = {
    "conv": (C * k**2 + 1) * f,  # f kernels of C x k x k weights, one bias each
    "batchnorm": 2 * C,  # a scale gamma and a shift beta per channel
    "dense": (n_in + 1) * n_out,  # a weight per input and a bias, per output
}
# Non-trainable state: batch norm's running mean and running variance per channel.
RUNNING_STATISTICS = {"batchnorm": 2 * C}


def in_symbols(shape: tuple[int, ...]) -> dict[sp.Symbol, int]:
    """The input symbols of a layer formula: H, W, C for a map; C and n_in (both n) for a vector.

    >>> in_symbols((16, 16, 8))
    {H: 16, W: 16, C: 8, n_in: 2048}
    """
    if len(shape) == 1:
        return {C: shape[0], n_in: shape[0]}
    return {H: shape[0], W: shape[1], C: shape[2], n_in: shape[0] * shape[1] * shape[2]}


def step(layer: Layer, shape: tuple[int, ...]) -> tuple[sp.Tuple, dict[sp.Symbol, int]]:
    """The output-shape formula of ``layer`` (in H, W, C, k, s, p, f, n_in, n_out) and its values.

    Raises :class:`BadInputError` naming the layer when it cannot follow ``shape``.

    >>> step(parse_layer_spec("CONV5-16(3,2)")[0], (16, 16, 8))[0]
    (floor((H - k + 2*p)/s) + 1, floor((W - k + 2*p)/s) + 1, f)
    """
    values = in_symbols(shape)
    if layer.kind in ("conv", "pool"):
        if len(shape) == 1:
            raise BadInputError(
                f"{layer.where}: a {layer.kind} layer needs an H x W x C input, but it gets a vector of {shape[0]} "
                "(after FLATTEN or FC); put convolutions and pools before them"
            )
        values.update({k: layer.kernel, s: layer.stride, p: layer.padding})
        if layer.kind == "conv":
            values[f] = layer.units
        for axis, size in (("height", shape[0]), ("width", shape[1])):
            try:
                conv_output_size(size, layer.kernel, layer.stride, layer.padding)
            except BadInputError as exc:
                raise BadInputError(f"{layer.where}: {exc} (input {axis} {size})") from None
        return _window_shape(layer.kind), values
    if layer.kind == "dense":
        values[n_out] = layer.units
        return sp.Tuple(n_out), values
    if layer.kind == "flatten" and len(shape) == 3:
        return sp.Tuple(H * W * C), values
    return sp.Tuple(*((H, W, C) if len(shape) == 3 else (n_in,))), values


@lru_cache(maxsize=2)
def _window_shape(kind: str) -> sp.Tuple:
    """The output-shape formula of a conv or pool layer: the same for every such layer, so built once."""
    out = [conv_output_size(v, k, s, p) for v in (H, W)]
    return sp.Tuple(*out, f if kind == "conv" else C)


def window(layer: Layer) -> tuple[int, int, int] | None:
    """The (kernel, stride, dilation) a layer adds to the receptive-field stack; None if it adds none."""
    return (layer.kernel, layer.stride, 1) if layer.kind in ("conv", "pool") else None


def geometry(layers: tuple[Layer, ...]) -> list[tuple[int, int] | None]:
    """(receptive field, effective stride) after each layer; None after a dense layer (it sees the whole input).

    >>> geometry(parse_layer_spec("CONV3-8 RELU POOL-2 FC-10"))
    [(3, 1), (3, 1), (4, 2), None]
    """
    windows = [window(layer) for layer in layers]
    stack = stack_geometry([w for w in windows if w is not None])
    out, seen, dense = [], 0, False
    for layer, w in zip(layers, windows, strict=True):
        seen += w is not None
        dense = dense or layer.kind == "dense"
        out.append(None if dense else (stack[seen - 1] if seen else (1, 1)))
    return out


def substitute(formula: sp.Basic, values: dict) -> sp.Basic:
    """A layer formula with the layer's numbers put in (``xreplace``: far quicker than ``subs`` on floors).

    >>> substitute(PARAMETERS["conv"], {C: 3, k: 3, f: 8})
    224
    """
    return sp.sympify(formula).xreplace({sym: sp.Integer(v) for sym, v in values.items()})


class _IntegerPrinter(PythonCodePrinter):
    """Python code for a layer formula with floor(a/b) written a // b: exact integer arithmetic."""

    def _print_floor(self, expr):
        numerator, denominator = expr.args[0].as_numer_denom()
        return f"(({self._print(numerator)}) // ({self._print(denominator)}))"


@lru_cache(maxsize=64)
def _integer_function(formulas: tuple[sp.Basic, ...]):
    """(symbols, function of their values giving every formula), or None if one needs more than int arithmetic."""
    formulas = tuple(sp.sympify(formula) for formula in formulas)
    printer = _IntegerPrinter({"fully_qualified_modules": False})
    if not all(n.is_Integer for formula in formulas for n in formula.atoms(sp.Number)):
        return None
    if any("/" in printer.doprint(formula).replace("//", "") for formula in formulas):
        return None
    symbols = tuple(sorted(set().union(*(formula.free_symbols for formula in formulas)), key=lambda sym: sym.name))
    return symbols, sp.lambdify(symbols, list(formulas), modules=[{}], printer=printer)


def evaluate_integers(formulas, values: dict) -> tuple[int, ...]:
    """``int(substitute(formula, values))`` for each formula, compiled once per tuple of formulas.

    A 1,000-layer table then takes milliseconds, not the ~0.3 s of substituting into SymPy trees.

    >>> evaluate_integers([sp.floor((H - k + 2 * p) / s) + 1, PARAMETERS["conv"]], {H: 32, k: 5, p: 2, s: 3, C: 3, f: 8})
    (11, 608)
    """
    formulas = tuple(formulas)
    compiled = _integer_function(formulas)
    if compiled is None:
        return tuple(int(substitute(formula, values)) for formula in formulas)
    symbols, function = compiled
    return tuple(int(value) for value in function(*(values[sym] for sym in symbols)))


@dataclass(frozen=True)
class LayerRow:
    """One row of a layer table: what a layer outputs and how many parameters it holds.

    ``shape_formula``, ``params_formula`` and ``nontrainable_formula`` are the
    layer formulas in SymPy symbols; ``values`` substitutes the layer's numbers
    into them. ``receptive_field``/``effective_stride`` are in input pixels per
    axis, ``None`` once a dense layer has mixed every position.
    """

    layer: str
    kind: str
    position: int
    output_shape: tuple[int, ...]
    params: int
    nontrainable: int
    receptive_field: int | None
    effective_stride: int | None
    shape_formula: sp.Tuple
    params_formula: sp.Expr
    nontrainable_formula: sp.Expr
    values: dict

    def as_dict(self) -> dict:
        """A JSON-able record of the row (formulas as SymPy strings, with the values they use)."""
        used = self.params_formula.free_symbols | self.nontrainable_formula.free_symbols
        return {
            "position": self.position,
            "layer": self.layer,
            "kind": self.kind,
            "output_shape": list(self.output_shape),
            "params": self.params,
            "nontrainable": self.nontrainable,
            "receptive_field": self.receptive_field,
            "effective_stride": self.effective_stride,
            "params_formula": sp.sstr(self.params_formula),
            "formula_values": {sym.name: self.values[sym] for sym in sorted(used, key=lambda v: v.name)},
        }


@dataclass(frozen=True)
class LayerTable:
    """Rows of a network's layer table, with its input shape and totals."""

    input_shape: tuple[int, ...]
    rows: tuple[LayerRow, ...]

    @property
    def params(self) -> int:
        """Trainable parameters of the whole network."""
        return sum(row.params for row in self.rows)

    @property
    def nontrainable(self) -> int:
        """Non-trainable state (running statistics) of the whole network."""
        return sum(row.nontrainable for row in self.rows)

    @property
    def total(self) -> int:
        """Trainable plus non-trainable, as Keras' "Total params" counts them."""
        return self.params + self.nontrainable

    def as_dict(self) -> dict:
        """A JSON-able record of the table (what ``convproof table --json`` prints)."""
        return {
            "input_shape": list(self.input_shape),
            "rows": [row.as_dict() for row in self.rows],
            "params": self.params,
            "nontrainable": self.nontrainable,
            "total": self.total,
        }


def layer_table(spec, input_shape) -> LayerTable:
    """Output shape, parameters, running statistics and receptive field of every layer.

    ``spec`` is a string in the report's notation (or parsed layers);
    ``input_shape`` is ``"HxWxC"``, ``"n"`` or a tuple.

    >>> table = layer_table("CONV3-8 RELU POOL-2 BATCHNORM FC-10", "32x32x3")
    >>> [(r.layer, r.output_shape, r.params, r.nontrainable, r.receptive_field) for r in table.rows]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('CONV3-8', (32, 32, 8), 224, 0, 3), ('RELU', (32, 32, 8), 0, 0, 3), ('POOL-2', (16, 16, 8), 0, 0, 4),
     ('BATCHNORM', (16, 16, 8), 16, 16, 4), ('FC-10', (10,), 20490, 0, None)]
    >>> table.params, table.nontrainable, table.total
    (20730, 16, 20746)
    """
    layers = parse_layer_spec(spec) if isinstance(spec, str) else tuple(spec) if isinstance(spec, (tuple, list)) else ()
    if not layers or not all(isinstance(layer, Layer) for layer in layers):
        raise BadInputError(f"spec must be a layer string or a sequence of parsed layers, got {spec!r}")
    shape = parse_input_shape(input_shape)
    first = shape
    rows = []
    for layer, geo in zip(layers, geometry(layers), strict=True):
        shape_formula, values = step(layer, shape)
        params_formula = PARAMETERS.get(layer.kind, sp.Integer(0))
        nontrainable_formula = RUNNING_STATISTICS.get(layer.kind, sp.Integer(0))
        *out, params, nontrainable = evaluate_integers((*shape_formula, params_formula, nontrainable_formula), values)
        rows.append(
            LayerRow(
                layer=layer.text,
                kind=layer.kind,
                position=layer.position,
                output_shape=tuple(out),
                params=params,
                nontrainable=nontrainable,
                receptive_field=None if geo is None else geo[0],
                effective_stride=None if geo is None else geo[1],
                shape_formula=shape_formula,
                params_formula=params_formula,
                nontrainable_formula=nontrainable_formula,
                values=values,
            )
        )
        shape = tuple(out)
    return LayerTable(first, tuple(rows))
