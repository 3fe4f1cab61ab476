"""Q3's network as the report's table writes it: the table verbatim, its rows, the network it describes.

>>> report_network()
('CONV3-8 ReLU Pool-2 BATCHNORM CONV5-16(3,2) ReLU Pool-2 FLATTEN FC-10', (32, 32, 3))
"""

from __future__ import annotations

from functools import lru_cache

from ...latex.front import parse_shape
from ...lib.layer_notation import parse_layer_spec
from ...lib.layer_table import LayerTable, layer_table
from . import witness as cnn_witness

TOPIC = "cnn_table"

__all__ = [
    "CALCULATIONS",
    "TABLE",
    "TOPIC",
    "TOTAL",
    "TOTAL_SENTENCE",
    "corrected_table",
    "hooks",
    "math_cell",
    "report_network",
    "table_cells",
]

# The table of Q3, verbatim: one line per row, cells separated by tabs.
TABLE = (
    "Layer\toutput dimension\tNumber of parameters\n"
    "Input\t$32 \\times 32 \\times 3$\t\n"
    "CONV3-8\t$32 \\times 32 \\times 8$\t$[(3 \\times (3 \\times 3)) + 1] \\times 8 = 224$\n"
    "ReLU\t$32 \\times 32 \\times 8$\tتعداد پارامترها له عمق\n"
    "Pool-2\t$16 \\times 16 \\times 8$\t\n"
    "BATCHNORM\t$16 \\times 16 \\times 8$\t$\\beta, \\gamma \\Rightarrow 2$\n"
    "CONV5-16(3,2)\t$6 \\times 6 \\times 16$\t$[(8 \\times (5 \\times 5)) + 1] \\times 16 = 3276$\n"
    "ReLU\t$6 \\times 6 \\times 16$\t\n"
    "Pool-2\t$3 \\times 3 \\times 16$\t\n"
    "FLATTEN\t$1 \\times 1 \\times 144$\t\n"
    "FC-10\t$1 \\times 1 \\times 10$\t1440"
)
# The calculations under the table: output sizes of the windowed layers, in order, then the total.
CALCULATIONS = (
    r"\frac{(32-3)+2}{1} + 1 = 32 \quad \frac{32-2}{2} + 1 = 16",
    r"\frac{(16-5)+2(2)}{3} + 1 = 6 \quad \frac{6-2}{2} + 1 = 3",
)
TOTAL = r"224 + 2 + 3276 + 1440 = 4882"
TOTAL_SENTENCE = "تعداد کل پارامترها برابر 4882 می باشد"


def math_cell(cell: str) -> str:
    return cell.strip().strip("$").strip()


def table_cells() -> list[tuple[str, str, str]]:
    """The rows of the report's table as (layer, output dimension, number of parameters), header dropped.

    >>> table_cells()[1][0], table_cells()[1][2][-4:]
    ('CONV3-8', '224$')
    """
    return [tuple(line.split("\t")) for line in TABLE.split("\n")[1:]]


@lru_cache(maxsize=1)
def report_network() -> tuple[str, tuple[int, ...]]:
    """The network of Q3 as its table writes it: the Layer column as a spec, and the Input row's shape.

    >>> report_network()
    ('CONV3-8 ReLU Pool-2 BATCHNORM CONV5-16(3,2) ReLU Pool-2 FLATTEN FC-10', (32, 32, 3))
    """
    (name, shape_cell, _), *rows = table_cells()
    if name != "Input":
        raise RuntimeError(f"the first row of the Q3 table should be the input, not {name!r}")
    shape = tuple(int(dim) for dim in parse_shape(math_cell(shape_cell), {}))
    return " ".join(row[0] for row in rows), shape


def corrected_table() -> LayerTable:
    """The Q3 table as the layer formulas give it (shapes, parameters, running statistics, receptive fields).

    >>> corrected_table().rows[4].params_formula
    f*(C*k**2 + 1)
    """
    return layer_table(*report_network())


def hooks(pick, parts, reference):
    spec, shape = report_network()
    return cnn_witness.witness_hooks(parse_layer_spec(spec), shape, pick, parts, reference)
