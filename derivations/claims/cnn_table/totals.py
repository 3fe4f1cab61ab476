"""Q3's total: the report's sum of its parameter cells, and the trainable parameters it states."""

from __future__ import annotations

import re
from functools import partial

import sympy as sp

from ...claim import Claim
from ...latex.front import parse, parse_chain
from ...lib.layer_table import LayerTable, substitute
from . import witness as cnn_witness
from .network import TOPIC, TOTAL, TOTAL_SENTENCE, corrected_table, hooks

__all__ = ["total_claims", "total_sum_claim"]


def total_sum_claim(text: str, stated: tuple[sp.Basic, ...] = ()) -> Claim:
    """A sum of parameter counts against the values the report wrote in its parameter column (``stated``).

    With no stated values (a report with no parameter column) the sum is judged against the network's
    trainable parameters.

    >>> total_sum_claim("224 + 2 = 226", (sp.Integer(224), sp.Integer(2))).reference
    226
    """
    sides = parse_chain(text, {})
    claimed = tuple((f"side {n}", side) for n, side in enumerate(sides, start=1))
    common = {"id": f"{TOPIC}.total_sum", "where": "Q3 calculations: total", "question": "Q3", "source": text}
    if stated:
        cells = sp.Add(*stated, evaluate=False)
        return Claim(
            **common,
            statement=sides,
            claimed=claimed,
            reference=sp.simplify(cells),
            lhs=r"\text{sum of the report's parameter cells}",
            derivation=(("the values of the report's parameter cells (a blank cell read as 0)", cells),),
            note="The report's own arithmetic: its total against the values it wrote in its parameter column. "
            "Whether those values are right is judged cell by cell.",
            reread=partial(total_sum_claim),
        )
    table = corrected_table()
    values = [substitute(row.params_formula, row.values) for row in table.rows]
    return Claim(
        **common,
        statement=sides,
        claimed=claimed,
        reference=sp.Add(*values),
        lhs=r"\text{trainable parameters}",
        derivation=(("the layers' values, from their formulas", sp.Add(*values, evaluate=False)),),
        note="No parameter column to add up: the sum is judged against the network's trainable parameters.",
        reread=partial(total_sum_claim),
    )


def total_claims(table: LayerTable, stated: list[sp.Basic]) -> list[Claim]:
    value = parse(re.search(r"\d+", TOTAL_SENTENCE).group(0), {})
    values = [substitute(row.params_formula, row.values) for row in table.rows]
    reference = sp.Add(*values)
    brute, oracle = hooks(cnn_witness.column_total, (("value", value),), reference)
    return [
        total_sum_claim(TOTAL, tuple(stated)),
        Claim(
            id=f"{TOPIC}.total_params",
            where="Q3, after the calculations",
            question="Q3",
            source=TOTAL_SENTENCE,
            statement=value,
            claimed=(("value", value),),
            reference=reference,
            lhs=r"\text{trainable parameters}",
            brute=brute,
            oracle=oracle,
            derivation=(("the layers' values, from their formulas", sp.Add(*values, evaluate=False)),),
            note=r"Trainable parameters, the ones the report's $\beta, \gamma$ cell counts and PyTorch's parameters() "
            f"holds; with batch norm's running statistics the network holds {table.total} values.",
        ),
    ]
