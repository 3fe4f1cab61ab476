"""``convproof table``: output shape, parameters and receptive field of every layer of a network."""

from __future__ import annotations

import json
import os
import sys

import sympy as sp

from ...derivations.lib.layer_input import LAYOUTS
from ...derivations.lib.layer_table import layer_table

NOTATION = (
    "Layers separated by spaces, commas or '->' (case-insensitive; grammar in docs/layer-notation.md): "
    "CONVk-f (k x k, f filters, stride 1, padding (k-1)/2), CONVk-f(s,p,d), CONVkxj-f, CONVk-f/g (groups), "
    "DWCONVk, TCONVk-f(s,p,op,d), 'nobias' in the brackets, POOL-k(s,p) or MAXPOOL, AVGPOOL-k(s,p,ceil), GAP, "
    "DROPOUT(p), SOFTMAX, BATCHNORM, FLATTEN, FC-n, activations by name (RELU, GELU, ...), "
    "RES[main | shortcut] (residual block). The input's rank picks 1-D (LxC), 2-D (HxWxC) or 3-D (DxHxWxC)."
)


def add_parser(sub):
    parser = sub.add_parser(
        "table", help="shapes, parameter counts and receptive fields of a network spec", description=NOTATION
    )
    parser.add_argument("spec", help="the network, e.g. 'CONV3-8 RELU POOL-2 BATCHNORM CONV5-16(3,2) FLATTEN FC-10'")
    parser.add_argument(
        "--input",
        required=True,
        metavar="HxWxC",
        help="input shape, e.g. 32x32x3 (or n for a vector input); names such as HxWx3 give formulas",
    )
    parser.add_argument(
        "--layout",
        choices=sorted(LAYOUTS),
        default=None,
        help="hwc: channels last (the default reading); chw: channels first, as PyTorch writes shapes",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def _shape(shape) -> str:
    if all(isinstance(v, int) or getattr(v, "is_Integer", False) for v in shape):
        return "x".join(str(v) for v in shape)
    return " x ".join(str(v) if getattr(v, "is_Atom", True) else f"({v})" for v in shape)


def _count(value) -> str:
    return f"{int(value):,}" if isinstance(value, int) or getattr(value, "is_Integer", False) else str(value)


def _geometry(row) -> tuple[str, str]:
    if row.receptive_field is None:
        return (row.note or "all",) * 2
    return tuple(_shape(v) if isinstance(v, tuple) else str(v) for v in (row.receptive_field, row.effective_stride))


def _name(row) -> str:
    depth = row.path.count("res ")
    return "  " * depth + ("| " if row.path.endswith("shortcut") else "") + row.layer


def _formula(row) -> str:
    if row.params_formula == 0:
        return ""
    used = sorted(row.params_formula.free_symbols & set(row.values), key=lambda v: v.name)
    return f"{sp.sstr(row.params_formula)}  ({', '.join(f'{v}={row.values[v]}' for v in used)})"


def format_table(table) -> str:
    """The layer table as aligned text, ending with the totals.

    >>> from convproof.derivations.lib.layer_table import layer_table
    >>> print(format_table(layer_table("CONV3-8 FC-10", "8x8x1")))  # doctest: +NORMALIZE_WHITESPACE
    #  layer    output  params  non-trainable   RF  stride  parameter formula
    0  input    8x8x1        0              0    1       1
    1  CONV3-8  8x8x8       80              0    3       1  f*(C*k**2 + 1)  (C=1, f=8, k=3)
    2  FC-10    10       5,130              0  all     all  n_out*(n_in + 1)  (n_in=512, n_out=10)
    trainable 5,210, non-trainable 0, total 5,210
    """
    header = ("#", "layer", "output", "params", "non-trainable", "RF", "stride", "parameter formula")
    lines = [("0", "input", _shape(table.shown(table.input_shape)), "0", "0", "1", "1", "")]
    for row in table.rows:
        lines.append(
            (
                str(row.position),
                _name(row),
                _shape(table.shown(row.output_shape)),
                _count(row.params),
                _count(row.nontrainable),
                *_geometry(row),
                _formula(row),
            )
        )
    widths = [max(len(line[col]) for line in [header, *lines]) for col in range(len(header))]
    right = {0, 3, 4, 5, 6}
    text = [
        "  ".join(
            cell.rjust(w) if col in right else cell.ljust(w)
            for col, (cell, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in [header, *lines]
    ]
    text.append(
        f"trainable {_count(table.params)}, non-trainable {_count(table.nontrainable)}, total {_count(table.total)}"
    )
    if table.conditions:
        text.append(f"valid when {', '.join(sp.sstr(c) for c in table.conditions)}")
    return "\n".join(line.rstrip() for line in text)


def run(args) -> int:
    table = layer_table(args.spec, args.input, args.layout)
    text = json.dumps(table.as_dict(), indent=2) if args.json else format_table(table)
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader stopped early (| head): what it read is what it wanted; no traceback at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0
