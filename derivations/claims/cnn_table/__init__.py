"""Q3: the CNN layer table (output dimensions, parameter counts, the arithmetic and the total).

The report's table is kept verbatim (:data:`TABLE`). Its Layer column is read
as a network spec and its Input row as the input shape, so every reference
comes from the network the report itself describes, through the layer
formulas of :mod:`convproof.derivations.lib.layer_table` (SymPy symbols C, k, f, ...
substituted with the layer's numbers). The witnesses of
:mod:`convproof.derivations.claims.cnn_table.witness` run that network: NumPy as brute force,
PyTorch as the oracle. The corrected table is :func:`corrected_table`.
"""

from __future__ import annotations

import re
from functools import partial

import sympy as sp

from ...claim import Claim
from ...latex.front import parse, parse_chain, parse_shape
from ...lib.layer_notation import parse_layer_spec
from ...lib.layer_table import LayerRow, LayerTable, layer_table, substitute
from . import witness as cnn_witness
from .network import (
    CALCULATIONS,
    TABLE,
    TOPIC,
    TOTAL,
    TOTAL_SENTENCE,
    corrected_table,
    hooks,
    math_cell,
    report_network,
    table_cells,
)
from .totals import total_claims, total_sum_claim

__all__ = [
    "BLANK_NOTE",
    "CALCULATIONS",
    "TABLE",
    "TOTAL",
    "TOTAL_SENTENCE",
    "claims",
    "corrected_table",
    "hooks",
    "layer_table",
    "parse_layer_spec",
    "report_network",
    "table_cells",
    "total_sum_claim",
]


_WITNESSES = "NumPy forward pass (brute force) and PyTorch (oracle) on the same network"
BLANK_NOTE = (
    "A blank parameter cell is read as 0 parameters claimed: the report's total adds only its filled cells, "
    "so it counts this row as 0."
)
_NOTES = {
    "conv": r"Trainable parameters of a convolution: $f$ kernels of $C \times k \times k$ weights and one bias each.",
    "batchnorm": (
        r"The cell counts the kinds of trainable parameters ($\beta$, $\gamma$); batch norm holds one $\beta$ and "
        r"one $\gamma$ for each of its $C$ channels, plus a running mean and variance per channel that are not "
        "trained (the non-trainable column of the corrected table)."
    ),
    "dense": "A dense layer has a weight per input and output and a bias per output.",
}


def _keys(table: LayerTable) -> list[str]:
    """Claim-id names of the rows: conv1, relu2, batchnorm, fc (a number only where a kind repeats)."""
    kinds = [{"dense": "fc"}.get(row.kind, row.kind) for row in table.rows]
    seen: dict[str, int] = {}
    out = []
    for kind in kinds:
        seen[kind] = seen.get(kind, 0) + 1
        out.append(f"{kind}{seen[kind]}" if kinds.count(kind) > 1 else kind)
    return out


def _cell_place(index: int, row: LayerRow) -> dict[str, str]:
    """Where a cell of the table is: its ``where`` text, and the question and part it belongs to."""
    return {"where": f"Q3 table: {row.layer}, row {index + 1}", "question": "Q3", "part": f"table row {index + 1}"}


def _steps(formula, row: LayerRow, value) -> tuple[tuple[str, object], ...]:
    used = sorted(sp.sympify(formula).free_symbols, key=lambda v: v.name)
    given = ", ".join(f"{sp.latex(sym)} = {sp.latex(row.values[sym])}" for sym in used)
    return (("layer formula", formula), (f"with ${given}$" if given else "value", value))


def _shape_claim(key: str, index: int, row: LayerRow, cell: str) -> Claim:
    latex = math_cell(cell)
    shape = parse_shape(latex, {})
    reference = substitute(row.shape_formula, row.values)
    note = rf"Output of {row.layer} ($H \times W \times C$, channels last; sizes floored as in PyTorch)."
    claimed = shape
    if len(reference) == 1 and len(shape) > 1 and all(dim == 1 for dim in shape[:-1]):
        claimed = sp.Tuple(shape[-1])
        note += r" The report writes a vector of $n$ units as $1 \times 1 \times n$; it is read as that vector."
    parts = (("shape", claimed),)
    brute, oracle = hooks(cnn_witness.cell(index, "shape"), parts, reference)
    return Claim(
        id=f"{TOPIC}.{key}.shape",
        **_cell_place(index, row),
        source=latex,
        statement=shape,
        claimed=parts,
        reference=reference,
        lhs=rf"\text{{output of {row.layer}}}",
        brute=brute,
        oracle=oracle,
        derivation=_steps(row.shape_formula, row, reference),
        note=note,
        reread=partial(_shape_claim, key, index, row),
    )


def _params_claim(key: str, index: int, row: LayerRow, cells: tuple[str, str, str]) -> Claim:
    layer, _, cell = cells
    common = {"id": f"{TOPIC}.{key}.params", **_cell_place(index, row)}
    note = _NOTES.get(row.kind, f"{row.layer} holds no weights.")
    if cell.strip() == "":
        # a blank cell has no text of its own: its row's layer name stands for it
        source, statement, note = layer, sp.Integer(0), f"{BLANK_NOTE} {note}"
        parts = (("blank cell, read as 0", statement),)
    elif re.fullmatch(r"\d+", cell.strip()):
        source = cell.strip()
        statement = parse(source, {})
        parts = (("value", statement),)
    elif cell.startswith("$"):
        source = math_cell(cell)
        if r"\Rightarrow" in source:
            names, count = source.split(r"\Rightarrow")
            listed = sp.Tuple(*(sp.Symbol(name.strip().lstrip("\\")) for name in names.split(",")))
            statement = (listed, parse(count, {}))
            parts = (("count", statement[1]),)
        else:
            statement = parse_chain(source, {})
            parts = tuple((f"side {n}", side) for n, side in enumerate(statement, start=1))
    else:
        return Claim(
            **common,
            source=cell,
            prose=f"The parameter cell of the {layer} row holds Persian words, not a number.",
            lhs=rf"\text{{parameters of {row.layer}}}",
            note="Read as 'number of parameters ... depth' (the word 'له' seems a slip); no count is stated. "
            "The report's total leaves this row out, i.e. counts it as 0.",
            # another report's cell of this row may state a count: the same quantity as the other cells
            reread=lambda text: _params_claim(key, index, row, (layer, "", _cell_text(text, layer))),
        )
    reference = substitute(row.params_formula, row.values)
    brute, oracle = hooks(cnn_witness.cell(index, "params"), parts, reference)
    return Claim(
        **common,
        source=source,
        statement=statement,
        claimed=parts,
        reference=reference,
        lhs=rf"\text{{parameters of {row.layer}}}",
        brute=brute,
        oracle=oracle,
        derivation=_steps(row.params_formula, row, reference),
        note=note,
        reread=lambda text: _params_claim(key, index, row, (layer, "", _cell_text(text, layer))),
    )


def _cell_text(text: str, layer: str) -> str:
    """A parameter cell as another report writes it, in the table's form: blank, a whole number, or math.

    >>> _cell_text("1,450", "FC-10"), _cell_text("–", "FC-10"), _cell_text("2 + 14", "BATCHNORM")
    ('1450', '', '$2 + 14$')
    """
    cell = text.strip().strip("$").strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", cell):  # thousands written with commas: 1,450
        cell = cell.replace(",", "")
    return "" if cell in ("", "-", "–", "—", layer) else cell if cell.isdigit() else f"${cell}$"


def _calculation_claims(table: LayerTable, keys: list[str]) -> list[Claim]:
    formulas = [part.strip() for display in CALCULATIONS for part in re.split(r"\\q?quad(?![A-Za-z])", display)]
    windowed = [(n, row) for n, row in enumerate(table.rows) if row.kind in ("conv", "pool")]
    if len(formulas) != len(windowed):
        raise RuntimeError(f"{len(formulas)} size calculations for {len(windowed)} conv/pool layers in Q3")
    return [_calc_claim(keys[n], n, row, latex) for latex, (n, row) in zip(formulas, windowed, strict=True)]


def _calc_claim(key: str, index: int, row: LayerRow, latex: str) -> Claim:
    """One side of the output of a windowed layer, as the calculations under the table write it."""
    sides = parse_chain(latex, {})
    parts = tuple((f"side {n}", side) for n, side in enumerate(sides, start=1))
    reference = substitute(row.shape_formula[0], row.values)
    brute, oracle = hooks(cnn_witness.cell(index, "shape", 0), parts, reference)
    return Claim(
        id=f"{TOPIC}.calc.{key}_size",
        where=f"Q3 calculations: {row.layer}, row {index + 1}",
        question="Q3",
        source=latex,
        statement=sides,
        claimed=parts,
        reference=reference,
        lhs=rf"\text{{side of the output of {row.layer}}}",
        brute=brute,
        oracle=oracle,
        derivation=_steps(row.shape_formula[0], row, reference),
        note=r"One side of the output map, $\lfloor (N + 2p - k)/s \rfloor + 1$; the report writes it without the floor.",
        reread=partial(_calc_claim, key, index, row),
    )


def claims() -> tuple[Claim, ...]:
    """Every Q3 claim: each cell of the table, the calculations under it and the total."""
    table = corrected_table()
    keys = _keys(table)
    out: list[Claim] = []
    stated: list[sp.Basic] = []
    for index, (row, cells) in enumerate(zip(table.rows, table_cells()[1:], strict=True)):
        out.append(_shape_claim(keys[index], index, row, cells[1]))
        params = _params_claim(keys[index], index, row, cells)
        out.append(params)
        if params.claimed:
            stated.append(params.claimed[-1][1])
    out.extend(_calculation_claims(table, keys))
    out.extend(total_claims(table, stated))
    return tuple(out)
