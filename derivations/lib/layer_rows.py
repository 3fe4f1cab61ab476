"""The records of a layer table: :class:`LayerRow` (one layer) and :class:`LayerTable` (the network).

Shapes are channels last (``H x W x C``); :meth:`LayerTable.shown` writes them in
the layout the input was given in. A size is an integer, or a SymPy formula when
the input has symbolic sizes (then :attr:`LayerTable.conditions` says when the
formulas hold).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

__all__ = ["LayerRow", "LayerTable", "plain"]


def plain(value):
    """A JSON-able value: an int as is, a tuple as a list, a SymPy formula as its string.

    >>> plain((3, sp.Symbol("H") + 1)), plain(sp.Integer(4))
    ([3, 'H + 1'], 4)
    """
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, sp.Basic):
        return int(value) if value.is_Integer else sp.sstr(value)
    return value


@dataclass(frozen=True)
class LayerRow:
    """One row of a layer table: what a layer outputs and how many parameters it holds.

    ``shape_formula``, ``params_formula`` and ``nontrainable_formula`` are the
    layer formulas in SymPy symbols; ``values`` substitutes the layer's numbers
    into them. ``receptive_field``/``effective_stride`` are in input positions
    (a tuple when the axes differ), ``None`` once a dense layer or a global pool
    has mixed every position (``note`` "all") or after a transposed convolution
    (``note`` "n/a"). ``path`` names the residual block part a row belongs to
    ("res 3" for its main path, "res 3 shortcut"); a block's own row (kind
    ``res``) is the sum of its two paths.
    """

    layer: str
    kind: str
    position: int
    output_shape: tuple
    params: int
    nontrainable: int
    receptive_field: int | tuple | None
    effective_stride: int | tuple | None
    shape_formula: sp.Tuple
    params_formula: sp.Expr
    nontrainable_formula: sp.Expr
    values: dict
    path: str = ""
    note: str = ""

    def as_dict(self) -> dict:
        """A JSON-able record of the row (formulas as SymPy strings, with the values they use)."""
        used = self.params_formula.free_symbols | self.nontrainable_formula.free_symbols
        record = {
            "position": self.position,
            "layer": self.layer,
            "kind": self.kind,
            "output_shape": plain(self.output_shape),
            "params": plain(self.params),
            "nontrainable": plain(self.nontrainable),
            "receptive_field": plain(self.receptive_field),
            "effective_stride": plain(self.effective_stride),
            "params_formula": sp.sstr(self.params_formula),
            "formula_values": {sym.name: plain(self.values[sym]) for sym in sorted(used, key=lambda v: v.name)},
        }
        record.update({key: value for key, value in (("path", self.path), ("note", self.note)) if value})
        return record


@dataclass(frozen=True)
class LayerTable:
    """Rows of a network's layer table, with its input shape and totals.

    ``conditions`` are what symbolic sizes must satisfy for every row to be
    valid (empty for numbers); ``layout`` is how the input was written.
    """

    input_shape: tuple
    rows: tuple[LayerRow, ...]
    conditions: tuple = ()
    layout: str = "hwc"

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

    def shown(self, shape: tuple) -> tuple:
        """A shape in the input's layout: channels first when the input was given so.

        >>> LayerTable((32, 32, 3), (), layout="chw").shown((16, 16, 8))
        (8, 16, 16)
        """
        if self.layout == "chw" and len(shape) > 1:
            return (shape[-1], *shape[:-1])
        return tuple(shape)

    def as_dict(self) -> dict:
        """A JSON-able record of the table (what ``convproof table --json`` prints)."""
        record = {
            "input_shape": plain(self.input_shape),
            "rows": [row.as_dict() for row in self.rows],
            "params": plain(self.params),
            "nontrainable": plain(self.nontrainable),
            "total": plain(self.total),
        }
        if self.conditions:
            record["conditions"] = [sp.sstr(c) for c in self.conditions]
        if self.layout != "hwc":
            record["layout"] = self.layout
        return record
