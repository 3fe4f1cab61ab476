"""``convproof table``: output shape, parameters and receptive field of every layer of a network."""

from __future__ import annotations

import json

import sympy as sp

from ...derivations.lib.layer_table import layer_table

NOTATION = (
    "Layers in the report's notation, separated by spaces, commas or '->' (case-insensitive): "
    "CONVk-f (k x k, f filters, stride 1, padding (k-1)/2), CONVk-f(s,p), POOL-n or POOLn (n x n max pool, "
    "stride n), BATCHNORM, RELU, FLATTEN, FC-n or FCn."
)


def add_parser(sub):
    parser = sub.add_parser(
        "table", help="shapes, parameter counts and receptive fields of a network spec", description=NOTATION
    )
    parser.add_argument("spec", help="the network, e.g. 'CONV3-8 RELU POOL-2 BATCHNORM CONV5-16(3,2) FLATTEN FC-10'")
    parser.add_argument(
        "--input", required=True, metavar="HxWxC", help="input shape, e.g. 32x32x3 (or n for a vector input)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def _shape(shape) -> str:
    return "x".join(str(v) for v in shape)


def _formula(row) -> str:
    if row.params_formula == 0:
        return ""
    used = sorted(row.params_formula.free_symbols, key=lambda v: v.name)
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
    lines = [("0", "input", _shape(table.input_shape), "0", "0", "1", "1", "")]
    for row in table.rows:
        geometry = ("all", "all") if row.receptive_field is None else (row.receptive_field, row.effective_stride)
        lines.append(
            (
                str(row.position),
                row.layer,
                _shape(row.output_shape),
                f"{row.params:,}",
                f"{row.nontrainable:,}",
                *map(str, geometry),
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
    text.append(f"trainable {table.params:,}, non-trainable {table.nontrainable:,}, total {table.total:,}")
    return "\n".join(line.rstrip() for line in text)


def run(args) -> int:
    table = layer_table(args.spec, args.input)
    if args.json:
        print(json.dumps(table.as_dict(), indent=2))
    else:
        print(format_table(table))
    return 0
