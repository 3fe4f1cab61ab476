"""Walking a network layer by layer: shapes, counts and receptive fields, through residual blocks.

The receptive field and effective stride follow the recurrence of
:mod:`.geometry` (``r += (k - 1) d j``, ``j *= s``) per axis. A residual block
sums its main path and its shortcut: both must give the same shape, and the
block's receptive field and effective stride are the largest over the two
paths. A dense layer or a global pool sees the whole input ("all"); after a
transposed convolution the window recurrence no longer applies ("n/a").
"""

from __future__ import annotations

import sympy as sp

from ..errors import BadInputError
from .layer_eval import evaluate_integers, substitute
from .layer_formulas import layer_formulas
from .layer_kinds import WINDOWED, Layer, pointed
from .layer_rows import LayerRow

__all__ = ["Walk", "advance", "merge"]

Geometry = tuple | str  # ((rf, jump) per axis) or "all" / "n/a"


def advance(layer: Layer, state: Geometry, rank: int) -> Geometry:
    """The (receptive field, effective stride) per axis after ``layer``, from the state before it.

    >>> from .layer_notation import parse_layer_spec
    >>> advance(parse_layer_spec("POOL-3(2,1)")[0], ((3, 1), (3, 1)), 2)
    ((5, 2), (5, 2))
    """
    if isinstance(state, str) and state == "all":
        return state
    if layer.kind in ("dense", "gap"):
        return "all"
    if isinstance(state, str) or layer.kind == "tconv":
        return "n/a"
    if layer.kind not in WINDOWED or rank == 0:
        return state
    return tuple(
        (rf + (kk - 1) * dd * jump, jump * ss)
        for (rf, jump), (kk, ss, _, dd, _) in zip(state, layer.axes(rank), strict=True)
    )


def merge(first: Geometry, second: Geometry) -> Geometry:
    """The geometry after a sum of two paths: the larger receptive field and stride per axis.

    >>> merge(((7, 2), (7, 2)), ((1, 2), (1, 2))), merge("all", ((3, 1),))
    (((7, 2), (7, 2)), 'all')
    """
    for mark in ("all", "n/a"):
        if mark in (first, second):
            return mark
    return tuple((max(a[0], b[0]), max(a[1], b[1])) for a, b in zip(first, second, strict=True))


def _field(state: Geometry, index: int):
    if isinstance(state, str):
        return None
    values = [axis[index] for axis in state] or [1]
    return values[0] if all(v == values[0] for v in values) else tuple(values)


def _equal(a: tuple, b: tuple) -> bool:
    if len(a) != len(b):
        return False
    return all(x == y or sp.simplify(sp.sympify(x) - sp.sympify(y)) == 0 for x, y in zip(a, b, strict=True))


class Walk:
    """One pass over a network: collects its rows and the conditions symbolic sizes must meet."""

    def __init__(self, spec_text: str | None):
        self.spec_text = spec_text
        self.rows: list[LayerRow] = []
        self.conditions: list = []

    def fail(self, layer: Layer, exc: BadInputError):
        where = f"; in {pointed(self.spec_text, layer.column)!r}" if self.spec_text else ""
        raise BadInputError(f"{exc}{where}") from None

    def run(self, layers, shape: tuple, state: Geometry, path: str = "") -> tuple[tuple, Geometry]:
        """Walk ``layers`` from ``shape`` and ``state``; returns the shape and geometry they end with."""
        for layer in layers:
            if layer.kind == "res":
                shape, state = self.block(layer, shape, state, path)
                continue
            try:
                shape_formula, params_formula, fixed_formula, values, conditions = layer_formulas(layer, shape)
            except BadInputError as exc:
                self.fail(layer, exc)
            symbolic = any(isinstance(v, sp.Basic) and v.free_symbols for v in values.values())
            if symbolic:
                *out, params, fixed = (
                    substitute(form, values) for form in (*shape_formula, params_formula, fixed_formula)
                )
                self.condition(layer, conditions, values)
            else:
                *out, params, fixed = evaluate_integers((*shape_formula, params_formula, fixed_formula), values)
            state = advance(layer, state, len(shape) - 1)
            self.row(
                layer, tuple(out), params, fixed, state, path, shape_formula, params_formula, fixed_formula, values
            )
            shape = tuple(out)
        return shape, state

    def condition(self, layer: Layer, conditions, values) -> None:
        for condition in conditions:
            held = substitute(condition, values)
            if isinstance(held, sp.GreaterThan) and held.rhs == 0:
                constant = held.lhs.as_coeff_Add()[0]
                held = sp.Ge(held.lhs - constant, -constant)
            if held == sp.false:
                self.fail(layer, BadInputError(f"{layer.where}: its window does not fit the input"))
            if held != sp.true and held not in self.conditions:
                self.conditions.append(held)

    def block(self, layer: Layer, shape: tuple, state: Geometry, path: str) -> tuple[tuple, Geometry]:
        name = f"{path} > res {layer.position}" if path else f"res {layer.position}"
        main_shape, main_state = self.run(layer.main, shape, state, name)
        side_shape, side_state = self.run(layer.shortcut, shape, state, f"{name} shortcut")
        if not _equal(main_shape, side_shape):
            shown = ["x".join(map(str, v)) for v in (main_shape, side_shape)]
            hint = (
                "add a projection shortcut that matches it, e.g. RES[... | CONV1-f(s,0) BATCHNORM]"
                if not layer.shortcut
                else "make the shortcut give the main path's shape"
            )
            self.fail(
                layer,
                BadInputError(
                    f"{layer.where}: its main path gives {shown[0]} but its shortcut gives {shown[1]}; "
                    f"the two are added, so {hint}"
                ),
            )
        state = merge(main_state, side_state)
        zero = sp.Integer(0)
        self.row(layer, main_shape, 0, 0, state, path, sp.Tuple(*main_shape), zero, zero, {})
        return main_shape, state

    def row(self, layer, out, params, fixed, state, path, shape_formula, params_formula, fixed_formula, values):
        self.rows.append(
            LayerRow(
                layer=layer.text,
                kind=layer.kind,
                position=layer.position,
                output_shape=out,
                params=params,
                nontrainable=fixed,
                receptive_field=_field(state, 0),
                effective_stride=_field(state, 1),
                shape_formula=shape_formula,
                params_formula=params_formula,
                nontrainable_formula=fixed_formula,
                values=values,
                path=path,
                note="n/a" if state == "n/a" else "",
            )
        )
